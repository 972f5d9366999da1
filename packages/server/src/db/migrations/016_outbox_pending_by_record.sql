-- Every lifecycle step withdraws its record's reminders still waiting in the outbox
-- (records/outbox.ts withdrawPending). Without this index that UPDATE reads the whole outbox,
-- which only grows, on every step; with it, only the record's few pending messages.
CREATE INDEX outbox_pending_by_record ON outbox (record_kind, record_id) WHERE status = 'pending' AND channel <> 'webhook';
