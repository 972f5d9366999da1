-- Lifecycle fixes from the simulated market (issue 18) and the phone trials (issue 11.4/11.14).

-- The merchant records the remedy as carried out; the consumer confirms it or not.
ALTER TABLE complaints DROP CONSTRAINT complaints_state_check;
ALTER TABLE complaints ADD CONSTRAINT complaints_state_check CHECK (state IN ('submitted','with_merchant',
  'merchant_responded','resolved','remedy_reported','fulfilled','escalated','under_review','info_requested',
  'hearing_scheduled','decided','closed','withdrawn','rejected'));
-- What the merchant recorded (the remedy, a refund's channel and transaction reference).
ALTER TABLE complaints ADD COLUMN remedy_record jsonb;

-- A merchant's answer after its deadline, taken while the case is with the regulator.
ALTER TABLE complaints ADD COLUMN response_late boolean NOT NULL DEFAULT false;
ALTER TABLE complaints ADD COLUMN late_answer_accepted boolean NOT NULL DEFAULT false;
ALTER TABLE complaints ADD CONSTRAINT complaints_late_answer_accepted CHECK (NOT late_answer_accepted OR response_late);

-- The regulator's missed deadlines: how many, since when it is late, and when the case went to
-- the office above.
ALTER TABLE complaints ADD COLUMN regulator_misses int NOT NULL DEFAULT 0 CHECK (regulator_misses >= 0);
ALTER TABLE complaints ADD COLUMN regulator_late_since timestamptz;
ALTER TABLE complaints ADD COLUMN raised_at timestamptz;
CREATE INDEX complaints_regulator_late ON complaints (office_id, regulator_late_since) WHERE regulator_late_since IS NOT NULL;

-- A reminder already queued is withdrawn in the transaction of the step it reminds of: it is
-- never sent after that step.
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'withdrawn'));
ALTER TABLE outbox ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE outbox ADD CONSTRAINT outbox_withdrawn_at CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL));

-- One digest of overdue cases per office per Dhaka day: the row is written with the digest's
-- outbox messages, in one transaction, so a digest is sent once even with several workers.
CREATE TABLE office_digests (
  office_id  uuid NOT NULL REFERENCES offices(id),
  day        date NOT NULL,
  cases      int NOT NULL CHECK (cases > 0),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (office_id, day)
);
