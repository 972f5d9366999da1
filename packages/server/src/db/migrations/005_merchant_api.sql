-- The merchant API: what each key may do, the answers kept for an Idempotency-Key, and a
-- position on every history event for the polling feed that no concurrent transaction can
-- slip in behind.

-- Scopes (the list lives in packages/domain/src/merchant/apiKeys.ts). Keys made before
-- scopes existed could read and answer complaints; they keep exactly that. New keys name
-- their scopes (no default).
ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['complaints:read', 'complaints:respond'];
ALTER TABLE api_keys ALTER COLUMN scopes DROP DEFAULT;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes
  CHECK (cardinality(scopes) >= 1 AND scopes <@ ARRAY['complaints:read', 'complaints:respond', 'webhooks:manage']);

-- Idempotency: the first answer to a write, kept 24 hours per (sender, key). The row is
-- inserted before the write runs (the primary key decides between two processes), so a
-- second request with the key either waits its turn (409) or gets the stored answer.
CREATE TABLE idempotency_keys (
  -- who sent it: 'apikey:<api_keys.id>', or the signed-in person ('merchant:<user id>', …)
  principal        text NOT NULL,
  key              text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  -- sha-256 of method, path and body: the same key on another request is refused
  fingerprint      text NOT NULL,
  -- started: the first request is running, held until locked_until (a crashed process lets
  -- go); done: its answer is below
  status           text NOT NULL CHECK (status IN ('started', 'done')),
  locked_until     timestamptz,
  response_status  int,
  response_type    text,
  response_body    text,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (principal, key),
  CHECK ((status = 'started') = (locked_until IS NOT NULL)),
  CHECK ((status = 'done') = (response_status IS NOT NULL AND response_body IS NOT NULL))
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- The feed position. complaint_events.id comes from a sequence, so with two concurrent
-- transactions a lower id can commit after a higher one, and a reader paging by id alone
-- would step over it for ever. feed_tx is the id of the writing transaction: the feed orders
-- by (feed_tx, id) and hands out only events whose transaction is older than every running
-- one (feed_tx < pg_snapshot_xmin(pg_current_snapshot())); anything committed later has a
-- transaction id at least that high, so it always sorts after the reader's cursor.
-- The trigger raises it to the previous event's of the same complaint, so one complaint's
-- events never go backwards in the feed even if a writer got its transaction id before it
-- waited for the complaint's row lock. Existing rows take this migration's transaction id
-- (and keep their id order).
ALTER TABLE complaint_events ADD COLUMN feed_tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE FUNCTION complaint_events_feed_tx() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.feed_tx := greatest(
    pg_current_xact_id(),
    (SELECT feed_tx FROM complaint_events WHERE complaint_id = NEW.complaint_id ORDER BY seq DESC LIMIT 1));
  RETURN NEW;
END $$;
CREATE TRIGGER complaint_events_feed_tx BEFORE INSERT ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION complaint_events_feed_tx();
CREATE INDEX complaint_events_feed ON complaint_events (feed_tx, id);
