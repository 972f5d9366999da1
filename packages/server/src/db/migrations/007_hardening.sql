-- Hardening (issue 9): staff sign-in attempts counted in the database, webhook attempts cut off by
-- a crash recorded as such, and PDF evidence that can run code marked.

-- Sign-in attempts per account and per address, shared by every server process and kept across
-- restarts (auth/staffSignIn.ts). The key is a keyed hash of "account:<kind>:<e-mail>" or
-- "address:<ip>": neither the e-mail nor the address is kept here.
CREATE TABLE sign_in_throttle (
  key          text PRIMARY KEY,
  -- tries since the last lock (or the last success for an account); a try counts from its start
  tries        int NOT NULL DEFAULT 0 CHECK (tries >= 0),
  -- locks so far in this run of failures: each lasts twice as long as the one before (capped)
  lockouts     int NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
  locked_until timestamptz,
  last_try_at  timestamptz NOT NULL
);
-- Housekeeping drops rows quiet for a day.
CREATE INDEX sign_in_throttle_quiet ON sign_in_throttle (last_try_at);

-- Evidence: what a PDF can do when opened (evidence/pdfActiveContent.ts), shown to whoever
-- opens it.
ALTER TABLE evidence ADD COLUMN active_content text[] NOT NULL DEFAULT '{}'
  CHECK (active_content <@ ARRAY['javascript', 'auto_action', 'embedded_file', 'launch']::text[]);

-- A webhook attempt is recorded before the POST goes out ('sending') and completed with its
-- answer. One still 'sending' when the next worker takes the delivery over was cut off (the
-- worker crashed or was killed): it is marked 'interrupted', so the log shows every attempt the
-- outbox counted.
ALTER TABLE webhook_attempts ADD COLUMN outcome text;
UPDATE webhook_attempts SET outcome = CASE WHEN response_status IS NULL THEN 'no_answer' ELSE 'answered' END;
ALTER TABLE webhook_attempts ALTER COLUMN outcome SET NOT NULL;
ALTER TABLE webhook_attempts DROP CONSTRAINT webhook_attempts_check;
ALTER TABLE webhook_attempts ADD CONSTRAINT webhook_attempts_outcome
  CHECK (outcome IN ('sending', 'answered', 'no_answer', 'interrupted'));
-- an answer has a status; no answer has an error; a cut-off or running attempt has neither
ALTER TABLE webhook_attempts ADD CONSTRAINT webhook_attempts_result
  CHECK ((outcome = 'answered') = (response_status IS NOT NULL) AND (outcome = 'no_answer') = (error IS NOT NULL));
CREATE INDEX webhook_attempts_sending ON webhook_attempts (outbox_id) WHERE outcome = 'sending';
