-- Deadlines that follow a holiday declared late (issue 17, phase 2).
--
-- Each timer keeps the rule its time was computed with (the domain's DueRule and, for a
-- reminder, its ReminderRule: packages/domain/src/calendar/dueRule.ts), and the complaint keeps
-- the rule of its current deadline, so both can be computed again when the holiday table
-- changes. Timers set before this migration have no rule: server/src/deadlines/recompute.ts
-- derives it from the state's clock in the lifecycle table (see dueRuleOf there).
ALTER TABLE timers ADD COLUMN due_rule jsonb;
ALTER TABLE timers ADD COLUMN reminder_rule jsonb;
ALTER TABLE complaints ADD COLUMN due_rule jsonb;

-- A change of the holiday table that may move open deadlines, written in the same transaction
-- as the change (holidays/changes.ts) and processed afterwards by a worker
-- (deadlines/recompute.ts): claimed with FOR UPDATE SKIP LOCKED and a lease, each complaint
-- moved in its own transaction, done_at set at the end. A crash anywhere leaves the row to be
-- taken again when the lease ends; moving a deadline twice is a no-op (never earlier, and the
-- second computation gives the same day), so the work is idempotent.
CREATE TABLE calendar_changes (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- what changed the table: the CLI's add/remove/import, the console's import, a release's data
  source       text NOT NULL CHECK (source IN ('cli_add', 'cli_remove', 'cli_import', 'console_import', 'release')),
  -- Dhaka dates that stopped being working days (they can move deadlines later) and those that
  -- became working days again (they never bring a deadline forward; kept for the record)
  closed_days  date[] NOT NULL,
  opened_days  date[] NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  lease_until  timestamptz,
  attempts     int NOT NULL DEFAULT 0,
  moved        int,
  done_at      timestamptz
);
CREATE INDEX calendar_changes_pending ON calendar_changes (id) WHERE done_at IS NULL;
