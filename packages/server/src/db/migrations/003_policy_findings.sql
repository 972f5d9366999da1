-- Policy checks (issue 4). Each complaint keeps the facts each party stated (consumer at filing,
-- merchant with evidence, officer's corrections) and its latest evaluation: the rule-set version,
-- the findings and the officer's reviews. Every change of either is also an event in the history.
ALTER TABLE complaints ADD COLUMN policy_facts jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE complaints ADD COLUMN policy jsonb;

-- One row per complaint and rule, kept in step with complaints.policy, so statistics (breaches
-- per rule per merchant) are an indexed count instead of a scan of every complaint's JSON.
CREATE TABLE policy_findings (
  complaint_id      uuid NOT NULL REFERENCES complaints(id),
  rule_id           text NOT NULL,
  merchant_id       uuid NOT NULL REFERENCES merchants(id),
  rule_set          text NOT NULL,
  -- whose duty the rule is: only merchant duties count against a merchant
  subject           text NOT NULL CHECK (subject IN ('merchant', 'consumer')),
  outcome           text NOT NULL CHECK (outcome IN ('breach', 'compliant', 'not_applicable', 'unknown')),
  -- the outcome after an officer's review (confirm keeps it, override replaces it)
  effective_outcome text NOT NULL CHECK (effective_outcome IN ('breach', 'compliant', 'not_applicable', 'unknown')),
  reviewed          boolean NOT NULL DEFAULT false,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, rule_id)
);
CREATE INDEX policy_findings_merchant_breaches ON policy_findings (merchant_id, rule_id) WHERE effective_outcome = 'breach';
