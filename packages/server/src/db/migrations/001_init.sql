-- Nalish schema. Runs unchanged on PGlite and on a PostgreSQL server.
-- Workflow state and delivery state are separate columns, each with a CHECK.

CREATE TABLE holidays (
  date       date PRIMARY KEY,
  name_en    text NOT NULL,
  name_bn    text NOT NULL,
  confirmed  boolean NOT NULL DEFAULT true
);

CREATE TABLE offices (
  id          uuid PRIMARY KEY,
  name_en     text NOT NULL,
  name_bn     text NOT NULL,
  -- jurisdiction: a district, a division, or the whole country (head office)
  level       text NOT NULL CHECK (level IN ('district', 'division', 'national')),
  area        text,
  email       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'national') = (area IS NULL))
);
CREATE UNIQUE INDEX offices_area ON offices (level, coalesce(area, ''));

CREATE TABLE officers (
  id             uuid PRIMARY KEY,
  office_id      uuid NOT NULL REFERENCES offices(id),
  name           text NOT NULL,
  email          text NOT NULL UNIQUE,
  password_hash  text NOT NULL,
  totp_secret    text NOT NULL,
  -- the last TOTP step used: a code cannot be replayed inside its 30-second window
  totp_last_step bigint NOT NULL DEFAULT 0,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE merchants (
  id                  uuid PRIMARY KEY,
  name                text NOT NULL,
  -- unclaimed: created from a complaint against an unknown website or page
  status              text NOT NULL CHECK (status IN ('registered', 'unclaimed', 'suspended')),
  trade_licence       text,
  dbid                text,
  contact_email       text,
  locale              text NOT NULL DEFAULT 'bn' CHECK (locale IN ('bn', 'en')),
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merchants_name ON merchants (lower(name));

-- websites, Facebook pages and phone numbers, each pointing at one merchant
CREATE TABLE merchant_identifiers (
  kind        text NOT NULL CHECK (kind IN ('website', 'facebook', 'phone')),
  value       text NOT NULL,
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  PRIMARY KEY (kind, value)
);
CREATE INDEX merchant_identifiers_merchant ON merchant_identifiers (merchant_id);

CREATE TABLE merchant_users (
  id             uuid PRIMARY KEY,
  merchant_id    uuid NOT NULL REFERENCES merchants(id),
  email          text NOT NULL UNIQUE,
  name           text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('owner', 'agent')),
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id           uuid PRIMARY KEY,
  merchant_id  uuid NOT NULL REFERENCES merchants(id),
  -- the first characters, shown in lists so a person can tell keys apart
  prefix       text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  label        text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz
);

CREATE TABLE otp_challenges (
  id          uuid PRIMARY KEY,
  phone       text NOT NULL,
  code_hash   text NOT NULL,
  ip          text NOT NULL,
  attempts    int NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX otp_phone_created ON otp_challenges (phone, created_at DESC);
CREATE INDEX otp_ip_created ON otp_challenges (ip, created_at DESC);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('consumer', 'merchant', 'officer')),
  -- consumer: the E.164 phone; merchant: merchant_users.id; officer: officers.id
  subject     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

CREATE TABLE complaints (
  id                   uuid PRIMARY KEY,
  tracking_code        text NOT NULL UNIQUE,
  version              int NOT NULL DEFAULT 1,
  state                text NOT NULL CHECK (state IN ('submitted','with_merchant','merchant_responded','resolved',
                         'fulfilled','escalated','under_review','info_requested','hearing_scheduled','decided',
                         'closed','withdrawn','rejected')),
  owner                text CHECK (owner IN ('system','merchant','consumer','regulator')),
  due_at               timestamptz,
  merchant_id          uuid NOT NULL REFERENCES merchants(id),
  office_id            uuid NOT NULL REFERENCES offices(id),
  consumer_phone       text NOT NULL,
  consumer_name        text NOT NULL,
  consumer_email       text,
  consumer_locale      text NOT NULL CHECK (consumer_locale IN ('bn', 'en')),
  district             text NOT NULL,
  order_number         text NOT NULL,
  order_date           date NOT NULL,
  amount_bdt           bigint NOT NULL CHECK (amount_bdt >= 0),
  payment_channel      text NOT NULL CHECK (payment_channel IN ('cod','bkash','nagad','rocket','card','bank','airtime')),
  category             text NOT NULL,
  description          text NOT NULL,
  wanted_remedy        text NOT NULL,
  pre_checks           jsonb NOT NULL,
  response             jsonb,
  info_requested_from  text CHECK (info_requested_from IN ('consumer', 'merchant')),
  paused_remaining_ms  bigint,
  hearing              jsonb,
  decision             jsonb,
  fine_collected_bdt   bigint,
  complainant_share_bdt bigint,
  assigned_officer_id  uuid REFERENCES officers(id),
  rating               smallint CHECK (rating BETWEEN 1 AND 5),
  -- the hash of the newest event, so appending does not need to read the history
  last_event_hash      text NOT NULL,
  filed_at             timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  -- a finished complaint has no owner and no deadline; an open one always has both
  CHECK ((state IN ('closed','withdrawn','rejected')) = (owner IS NULL AND due_at IS NULL))
);
CREATE INDEX complaints_merchant_inbox ON complaints (merchant_id, (coalesce(due_at, 'infinity'::timestamptz)), id);
CREATE INDEX complaints_merchant_state ON complaints (merchant_id, state, id);
CREATE INDEX complaints_office_queue ON complaints (office_id, (coalesce(due_at, 'infinity'::timestamptz)), id);
CREATE INDEX complaints_consumer ON complaints (consumer_phone, filed_at DESC);
CREATE UNIQUE INDEX complaints_one_open_per_order ON complaints (consumer_phone, merchant_id, lower(order_number))
  WHERE state NOT IN ('closed','withdrawn','rejected');

-- The append-only history. Each event carries the hash of the one before it (per complaint),
-- so any edit or deletion breaks the chain.
CREATE TABLE complaint_events (
  id            bigserial PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints(id),
  seq           int NOT NULL,
  type          text NOT NULL,
  actor_role    text NOT NULL CHECK (actor_role IN ('consumer','merchant','officer','system')),
  actor_id      text,
  from_state    text,
  to_state      text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL,
  UNIQUE (complaint_id, seq)
);

CREATE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_events is append-only';
END $$;
CREATE TRIGGER complaint_events_no_update BEFORE UPDATE OR DELETE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only();

-- Timers: a deadline's expiry or a reminder, valid only while the complaint is still at the
-- version that set it. Workers claim due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE timers (
  id                bigserial PRIMARY KEY,
  complaint_id      uuid NOT NULL REFERENCES complaints(id),
  kind              text NOT NULL CHECK (kind IN ('expiry', 'reminder')),
  fire_at           timestamptz NOT NULL,
  -- the state whose clock set this timer; a timer is acted on only while the complaint is in it
  for_state         text NOT NULL,
  action            text,
  notify            jsonb,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'stale')),
  done_at           timestamptz
);
CREATE INDEX timers_due ON timers (fire_at) WHERE status = 'pending';
CREATE INDEX timers_complaint ON timers (complaint_id) WHERE status = 'pending';

CREATE TABLE evidence (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints(id),
  uploaded_by   text NOT NULL CHECK (uploaded_by IN ('consumer','merchant','officer')),
  filename      text NOT NULL,
  media_type    text NOT NULL CHECK (media_type IN ('image/jpeg','image/png','image/webp','application/pdf')),
  size_bytes    int NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL,
  storage_key   text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX evidence_complaint ON evidence (complaint_id, created_at);

-- The transactional outbox: written in the same transaction as the change that causes it.
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  channel         text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient       text NOT NULL,
  subject         text,
  body            text NOT NULL,
  complaint_id    uuid REFERENCES complaints(id),
  template        text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE status = 'pending';

-- A fixed-window counter for rate limits that must hold across server processes.
CREATE TABLE rate_counters (
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  count        int NOT NULL,
  PRIMARY KEY (key, window_start)
);

-- Secrets the service makes for itself on first start (when SECRET is not configured), so
-- every process against one database hashes the same way.
CREATE TABLE app_secrets (
  name  text PRIMARY KEY,
  value text NOT NULL
);
