-- One machinery for every kind of record (issue 10): the history, the timers and the outbox
-- belong to a record (record_kind + record_id), not to a complaint. A foreign key cannot point
-- at "any record", so each kind keeps its own nullable key column (complaint_id for complaints;
-- the next kind adds its own) and a CHECK ties it to record_id; the record kinds are listed in
-- a CHECK like every other workflow column.

-- The history of every record. Existing events are complaint events; their hashes are
-- unchanged (history/chain.ts keeps the complaint's formula), so old chains still verify.
ALTER TABLE complaint_events RENAME TO events;
ALTER TABLE events ADD COLUMN record_kind text;
ALTER TABLE events ADD COLUMN record_id uuid;
ALTER TABLE events DISABLE TRIGGER complaint_events_no_update;
UPDATE events SET record_kind = 'complaint', record_id = complaint_id;
ALTER TABLE events ENABLE TRIGGER complaint_events_no_update;
ALTER TABLE events ALTER COLUMN record_kind SET NOT NULL;
ALTER TABLE events ALTER COLUMN record_id SET NOT NULL;
ALTER TABLE events ALTER COLUMN complaint_id DROP NOT NULL;
ALTER TABLE events ADD CONSTRAINT events_record_kind CHECK (record_kind IN ('complaint'));
ALTER TABLE events ADD CONSTRAINT events_complaint_key
  CHECK (complaint_id IS NOT DISTINCT FROM CASE WHEN record_kind = 'complaint' THEN record_id END);
CREATE UNIQUE INDEX events_record_seq ON events (record_kind, record_id, seq);

-- The append-only guard and the feed position move with the table (their bodies named it).
DROP TRIGGER complaint_events_no_update ON events;
DROP TRIGGER complaint_events_no_truncate ON events;
DROP FUNCTION complaint_events_append_only();
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only';
END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

DROP TRIGGER complaint_events_feed_tx ON events;
DROP FUNCTION complaint_events_feed_tx();
-- As in 005: one record's events never go backwards in the feed.
CREATE FUNCTION events_feed_tx() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.feed_tx := greatest(
    pg_current_xact_id(),
    (SELECT feed_tx FROM events WHERE record_kind = NEW.record_kind AND record_id = NEW.record_id ORDER BY seq DESC LIMIT 1));
  RETURN NEW;
END $$;
CREATE TRIGGER events_feed_tx BEFORE INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION events_feed_tx();
ALTER INDEX complaint_events_feed RENAME TO events_feed;

-- Timers: each belongs to a record and has a purpose; a new clock replaces only the pending
-- timers of its own purpose, so a second clock (a payout round, a cure period) can run beside
-- the lifecycle's.
ALTER TABLE timers ADD COLUMN record_kind text;
ALTER TABLE timers ADD COLUMN record_id uuid;
ALTER TABLE timers ADD COLUMN purpose text;
UPDATE timers SET record_kind = 'complaint', record_id = complaint_id, purpose = 'lifecycle';
ALTER TABLE timers ALTER COLUMN record_kind SET NOT NULL;
ALTER TABLE timers ALTER COLUMN record_id SET NOT NULL;
ALTER TABLE timers ALTER COLUMN purpose SET NOT NULL;
ALTER TABLE timers ALTER COLUMN complaint_id DROP NOT NULL;
ALTER TABLE timers ADD CONSTRAINT timers_record_kind CHECK (record_kind IN ('complaint'));
ALTER TABLE timers ADD CONSTRAINT timers_complaint_key
  CHECK (complaint_id IS NOT DISTINCT FROM CASE WHEN record_kind = 'complaint' THEN record_id END);
DROP INDEX timers_complaint;
CREATE INDEX timers_record ON timers (record_kind, record_id, purpose) WHERE status = 'pending';

-- Outbox messages belong to a record or to none (a sign-in code, a lock e-mail, a test ping).
ALTER TABLE outbox ADD COLUMN record_kind text;
ALTER TABLE outbox ADD COLUMN record_id uuid;
UPDATE outbox SET record_kind = 'complaint', record_id = complaint_id WHERE complaint_id IS NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_record CHECK ((record_kind IS NULL) = (record_id IS NULL));
ALTER TABLE outbox ADD CONSTRAINT outbox_record_kind CHECK (record_kind IN ('complaint'));
ALTER TABLE outbox ADD CONSTRAINT outbox_complaint_key
  CHECK (complaint_id IS NOT DISTINCT FROM CASE WHEN record_kind = 'complaint' THEN record_id END);
-- A webhook delivery waits for the earlier ones to its endpoint about the same record (004).
DROP INDEX outbox_webhook_pending;
CREATE INDEX outbox_webhook_pending ON outbox (endpoint_id, record_kind, record_id, id) WHERE channel = 'webhook' AND status = 'pending';

-- The merchants' figures as counters (domain/stats/figures.ts: countersOf, figuresFrom): per
-- merchant, per month the complaint was filed in (the first of the month, a Dhaka date), per
-- counter; changed in the transaction that writes each complaint event, so a page reads a few
-- dozen rows and never scans the complaints.
CREATE TABLE merchant_counters (
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  month       date NOT NULL CHECK (extract(day FROM month) = 1),
  counter     text NOT NULL,
  n           bigint NOT NULL,
  PRIMARY KEY (merchant_id, month, counter)
);

-- When the counters were last recounted from the history. NULL: not yet; the first start
-- after this migration recounts (stats/counters.ts), so an existing installation's figures
-- include every complaint filed before the counters existed.
CREATE TABLE counters_recount (
  id         int PRIMARY KEY CHECK (id = 1),
  counted_at timestamptz
);
INSERT INTO counters_recount (id, counted_at) VALUES (1, NULL);
