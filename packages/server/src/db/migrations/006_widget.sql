-- Issue 5, the widget: each merchant's signing secret for order context, and the complaints
-- whose order a valid signed context confirmed.

-- The shop's server signs order context with this secret (HMAC-SHA256); Nalish recomputes
-- the HMAC, so it must hold the secret itself, not a hash. It is kept encrypted with a key
-- derived from the server secret (widget/signingSecrets.ts): a copy of the table alone is
-- useless. One per merchant; rotating replaces it at once.
CREATE TABLE merchant_signing_secrets (
  merchant_id  uuid PRIMARY KEY REFERENCES merchants(id),
  secret_enc   text NOT NULL,
  -- the first characters, so staff can tell which secret their shop uses
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   uuid REFERENCES merchant_users(id)
);

ALTER TABLE complaints ADD COLUMN order_confirmed boolean NOT NULL DEFAULT false;
-- the order as the merchant signed it (merchantId, orderNumber, orderDate, amountBdt,
-- paymentChannel, buyerPhone, iat, exp), kept with the complaint it confirmed
ALTER TABLE complaints ADD COLUMN order_context jsonb;
ALTER TABLE complaints ADD CONSTRAINT complaints_order_confirmed CHECK (order_confirmed = (order_context IS NOT NULL));
