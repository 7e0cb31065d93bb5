-- csp PostgreSQL schema, version 2: the current program (DOMAIN.md, "The current program").
-- Same conventions as V1. Applied by Flyway after V1; never edit it once released.

-- Microsoft Partner Agreements (MPA-1), kept apart from the reseller agreements of V1: no term and
-- no renewal, only written notices of termination, each naming the date the agreement ends:
--   terminations: [{"given_on": "2025-03-01", "party": "PARTNER", "effective_on": "2025-04-01"}, ...]
CREATE TABLE partner_agreement (
  partner_id     text    NOT NULL,
  holder         text    NOT NULL,
  accepted_on    date    NOT NULL,
  notice_years   integer NOT NULL CHECK (notice_years >= 0),
  notice_months  integer NOT NULL CHECK (notice_months >= 0),
  notice_days    integer NOT NULL CHECK (notice_days >= 0),
  terminations   jsonb   NOT NULL CHECK (jsonb_typeof(terminations) = 'array'),
  version        bigint  NOT NULL CHECK (version >= 1),
  PRIMARY KEY (partner_id, holder)
);

-- A price list imported from Partner Center (PCF-1) keeps its new-commerce rows by SKU, term and
-- billing plan (NCE-1): {"BASIC/P1M/monthly": "7.20", ...} in the list's currency; its
-- price_list_item rows are then the one-year annual rows.
ALTER TABLE price_list ADD COLUMN offer_rows jsonb CHECK (offer_rows IS NULL OR jsonb_typeof(offer_rows) = 'object');

-- New-commerce subscriptions (NCE-1..10): the whole history (terms, calendars, events, scheduled
-- changes) as one document, written by the examples' JSON form (CspJacksonModule); both the
-- partner's bill and the vendor's charges are derived from it. A command locks the customer's row
-- first (as for every aggregate), then these rows; writes check the version.
CREATE TABLE nce_subscription (
  partner_id   text    NOT NULL,
  id           text    NOT NULL,
  seq          bigint  GENERATED ALWAYS AS IDENTITY UNIQUE,
  customer_id  text    NOT NULL,
  value        jsonb   NOT NULL CHECK (jsonb_typeof(value) = 'object'),
  version      bigint  NOT NULL CHECK (version >= 1),
  PRIMARY KEY (partner_id, id),
  FOREIGN KEY (partner_id, customer_id) REFERENCES customer,
  CHECK (value ->> 'id' = id AND value ->> 'customerId' = customer_id)
);

CREATE INDEX nce_subscription_by_customer ON nce_subscription (partner_id, customer_id, seq);
