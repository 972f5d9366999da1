-- Webhooks: a merchant's endpoints, their deliveries through the outbox, and every HTTP attempt.

CREATE TABLE webhook_endpoints (
  id                    uuid PRIMARY KEY,
  merchant_id           uuid NOT NULL REFERENCES merchants(id),
  url                   text NOT NULL,
  -- The signing key must be readable to sign with (an HMAC key cannot be checked against a
  -- hash), so it is kept as given; no answer returns it after the one that created or rotated it.
  secret                text,
  -- After a rotation the old secret may go on signing (a second v1=) until this time, so the
  -- merchant can switch without losing deliveries.
  previous_secret       text,
  previous_secret_until timestamptz,
  -- Public event types (integration/merchantEvents.ts MERCHANT_EVENT_TYPES), checked at the API
  -- edge; not repeated here, so adding a type needs no migration.
  events                text[] NOT NULL CHECK (cardinality(events) >= 1),
  enabled               boolean NOT NULL DEFAULT true,
  disabled_at           timestamptz,
  -- merchant: switched off (or deleted) by the merchant; failing: switched off by Nalish
  disabled_reason       text CHECK (disabled_reason IN ('merchant', 'failing')),
  -- failed attempts in a row, and when the first of them happened (both reset by a 2xx)
  consecutive_failures  int NOT NULL DEFAULT 0,
  failing_since         timestamptz,
  last_success_at       timestamptz,
  created_at            timestamptz NOT NULL,
  deleted_at            timestamptz,
  CHECK (enabled = (disabled_at IS NULL)),
  CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL)),
  CHECK ((failing_since IS NULL) = (consecutive_failures = 0)),
  -- a deleted endpoint keeps its delivery log but no secret
  CHECK ((deleted_at IS NULL) = (secret IS NOT NULL)),
  CHECK (deleted_at IS NULL OR NOT enabled)
);
CREATE INDEX webhook_endpoints_merchant ON webhook_endpoints (merchant_id, created_at) WHERE deleted_at IS NULL;

-- Deliveries are outbox rows: channel 'webhook', recipient and endpoint_id the endpoint,
-- event_id the public event id (evt_…), template the event type, body the JSON sent.
ALTER TABLE outbox DROP CONSTRAINT outbox_channel_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_channel_check CHECK (channel IN ('sms', 'email', 'webhook'));
ALTER TABLE outbox ADD COLUMN endpoint_id uuid REFERENCES webhook_endpoints(id);
ALTER TABLE outbox ADD COLUMN event_id text;
ALTER TABLE outbox ADD CONSTRAINT outbox_webhook_fields
  CHECK ((channel = 'webhook') = (endpoint_id IS NOT NULL AND event_id IS NOT NULL));
-- No event is ever enqueued twice for one endpoint.
CREATE UNIQUE INDEX outbox_webhook_once ON outbox (endpoint_id, event_id) WHERE channel = 'webhook';
-- In order per complaint: the worker looks for an earlier pending delivery of the same pair.
CREATE INDEX outbox_webhook_pending ON outbox (endpoint_id, complaint_id, id) WHERE channel = 'webhook' AND status = 'pending';
-- The delivery log, newest first.
CREATE INDEX outbox_webhook_log ON outbox (endpoint_id, id DESC) WHERE channel = 'webhook';

-- Every HTTP attempt of a delivery, as the merchant sees it in the log.
CREATE TABLE webhook_attempts (
  id               bigserial PRIMARY KEY,
  outbox_id        bigint NOT NULL REFERENCES outbox(id),
  endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints(id),
  event_id         text NOT NULL,
  attempt          int NOT NULL CHECK (attempt >= 1),
  -- the address tried: the endpoint's URL can change later
  url              text NOT NULL,
  -- an HTTP answer has a status; a timeout or a refused connection has an error instead
  response_status  int,
  error            text,
  -- the start of the answer's body, to help the merchant debug their endpoint
  response_body    text,
  duration_ms      int NOT NULL CHECK (duration_ms >= 0),
  at               timestamptz NOT NULL,
  CHECK ((response_status IS NULL) <> (error IS NULL))
);
CREATE INDEX webhook_attempts_outbox ON webhook_attempts (outbox_id, id);
