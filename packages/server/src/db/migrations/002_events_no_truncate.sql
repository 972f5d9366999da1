-- The row trigger in 001 does not fire on TRUNCATE; refuse that too, so the history cannot
-- be emptied in one statement.
CREATE TRIGGER complaint_events_no_truncate BEFORE TRUNCATE ON complaint_events
  FOR EACH STATEMENT EXECUTE FUNCTION complaint_events_append_only();
