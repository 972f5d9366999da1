-- Counter deltas: each complaint event appends its counts here instead of updating the
-- merchant's counter rows in place. An in-place update locks the merchant's row for the whole
-- writing transaction, so every event of one merchant (thousands a minute on a collapse day)
-- would queue behind the open transaction of another. Appending locks nothing shared; the
-- workers fold the deltas into merchant_counters (stats/counters.ts foldCounterDeltas), and a
-- figure is the sum of both, so a figure is exact at every moment.
CREATE TABLE merchant_counter_deltas (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id uuid NOT NULL,
  month       date NOT NULL,
  counter     text NOT NULL,
  n           bigint NOT NULL
);
CREATE INDEX merchant_counter_deltas_merchant ON merchant_counter_deltas (merchant_id, month);
