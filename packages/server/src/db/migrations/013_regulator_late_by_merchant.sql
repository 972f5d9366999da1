-- The seller's public profile shows how many of its cases the regulator is late on, and since
-- when (issue 18.3). That is live state, not a figure the counters can keep, so the profile
-- reads it from the few late cases through this partial index instead of scanning the seller's
-- complaints on each page view.
CREATE INDEX complaints_regulator_late_merchant ON complaints (merchant_id) WHERE regulator_late_since IS NOT NULL AND owner IS NOT NULL;
