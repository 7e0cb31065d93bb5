-- csp PostgreSQL schema, version 1 (csp.examples.postgres.PostgresStore).
--
-- Idempotent: every statement may run again on a database that already holds the schema.
-- Conventions:
--   * money is a numeric in the currency's major unit (288.00, not 28800) next to its ISO 4217
--     code; the one exception is billing_account_billed, whose accrual numerators are exact
--     "minor units x days" (BIL-6) and so are stored as integral numerics;
--   * dates are date; half-open ranges are stored as start_on (first day) and end_on (first day after);
--   * every aggregate root row has a version (optimistic concurrency): 1 after the first save;
--   * seq columns keep creation or publication order.

CREATE TABLE IF NOT EXISTS csp_schema_version (
  version     integer     PRIMARY KEY,
  applied_at  timestamptz NOT NULL DEFAULT now()
);

-- Agreements (AGR-1..5) -----------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS agreement (
  partner_id      text    PRIMARY KEY,
  accepted_on     date    NOT NULL,
  renewal_month   integer NOT NULL CHECK (renewal_month BETWEEN 1 AND 12),
  renewal_day     integer NOT NULL CHECK (renewal_day BETWEEN 1 AND 31),
  notice_years    integer NOT NULL,
  notice_months   integer NOT NULL,
  notice_days     integer NOT NULL,
  version         bigint  NOT NULL CHECK (version >= 1)
);

CREATE TABLE IF NOT EXISTS agreement_notice (
  partner_id  text    NOT NULL REFERENCES agreement (partner_id),
  ordinal     integer NOT NULL,
  given_on    date    NOT NULL,
  party       text    NOT NULL,
  channel     text    NOT NULL,
  PRIMARY KEY (partner_id, ordinal)
);

-- Price lists (PRC-1..4): immutable, never versioned; a correction is a new list --------------

CREATE TABLE IF NOT EXISTS price_list (
  id            text      PRIMARY KEY,
  seq           bigserial NOT NULL UNIQUE,
  market        text      NOT NULL,
  currency      char(3)   NOT NULL,
  published_on  date      NOT NULL,
  effective_on  date      NOT NULL,
  period_start  date      NOT NULL
);

CREATE INDEX IF NOT EXISTS price_list_lookup
  ON price_list (market, currency, period_start, published_on, seq);

CREATE TABLE IF NOT EXISTS price_list_item (
  list_id   text    NOT NULL REFERENCES price_list (id),
  ordinal   integer NOT NULL,
  sku       text    NOT NULL,
  price     numeric NOT NULL CHECK (price >= 0),
  currency  char(3) NOT NULL,
  PRIMARY KEY (list_id, sku),
  UNIQUE (list_id, ordinal)
);

-- Customers (CUS-1..4, BIL-2) ------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS customer (
  id               text      PRIMARY KEY,
  seq              bigserial NOT NULL UNIQUE,
  name             text      NOT NULL,
  partner_id       text      NOT NULL,
  market           text      NOT NULL,
  segment          text      NOT NULL,
  verified         boolean   NOT NULL,
  tenant_id        text      NOT NULL,
  tenant_origin    text      NOT NULL,
  trial_ended_on   date,
  billing_day      integer   NOT NULL CHECK (billing_day BETWEEN 1 AND 31),
  bill_currency    char(3)   NOT NULL,
  created_on       date      NOT NULL,
  delegated_admin  boolean   NOT NULL,
  version          bigint    NOT NULL CHECK (version >= 1)
);

-- Subscriptions (SUB-1..7) with their terms and steps -------------------------------------------

CREATE TABLE IF NOT EXISTS subscription (
  id           text      PRIMARY KEY,
  seq          bigserial NOT NULL UNIQUE,
  customer_id  text      NOT NULL,
  sku          text      NOT NULL,
  base_id      text,
  currency     char(3)   NOT NULL,
  auto_renew   boolean   NOT NULL,
  version      bigint    NOT NULL CHECK (version >= 1)
);

CREATE INDEX IF NOT EXISTS subscription_by_customer ON subscription (customer_id, seq);

-- ordinal: the term's position in the subscription; term_index: Term.index()
CREATE TABLE IF NOT EXISTS subscription_term (
  subscription_id  text    NOT NULL REFERENCES subscription (id),
  ordinal          integer NOT NULL CHECK (ordinal >= 0),
  term_index       integer NOT NULL CHECK (term_index >= 0),
  start_on         date    NOT NULL,
  end_on           date    NOT NULL,
  days_in_term     bigint  NOT NULL CHECK (days_in_term > 0),
  sale_unit        numeric NOT NULL,
  cost_unit        numeric NOT NULL,
  currency         char(3) NOT NULL,
  PRIMARY KEY (subscription_id, ordinal)
);

-- sale_rate and cost_rate: unit price x seats, an annual amount in the currency's major unit
CREATE TABLE IF NOT EXISTS subscription_step (
  subscription_id  text    NOT NULL,
  term_ordinal     integer NOT NULL,
  ordinal          integer NOT NULL,
  step_on          date    NOT NULL,
  kind             text    NOT NULL,
  seats            integer NOT NULL,
  status           text    NOT NULL,
  sale_rate        numeric NOT NULL,
  cost_rate        numeric NOT NULL,
  currency         char(3) NOT NULL,
  PRIMARY KEY (subscription_id, term_ordinal, ordinal),
  FOREIGN KEY (subscription_id, term_ordinal) REFERENCES subscription_term (subscription_id, ordinal)
);

-- Billing (BIL-1..7) -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS billing_account (
  customer_id            text    PRIMARY KEY,
  last_issued_on         date,
  next_period_start      date    NOT NULL,
  financing_kind         text    NOT NULL,
  financing_discount_bp  bigint  NOT NULL,
  financing_instalments  integer NOT NULL,
  version                bigint  NOT NULL CHECK (version >= 1)
);

-- what has been billed of each term (BIL-6): exact numerators, minor units x days
CREATE TABLE IF NOT EXISTS billing_account_billed (
  customer_id      text    NOT NULL REFERENCES billing_account (customer_id),
  term_key         text    NOT NULL,
  ordinal          integer NOT NULL,
  sale_numerator   numeric NOT NULL CHECK (scale(sale_numerator) = 0),
  cost_numerator   numeric NOT NULL CHECK (scale(cost_numerator) = 0),
  through          date    NOT NULL,
  PRIMARY KEY (customer_id, term_key)
);

CREATE TABLE IF NOT EXISTS billing_account_one_off (
  customer_id  text    NOT NULL REFERENCES billing_account (customer_id),
  service_id   text    NOT NULL,
  ordinal      integer NOT NULL,
  PRIMARY KEY (customer_id, service_id)
);

-- a bill is unique per customer and the month its period starts in
CREATE TABLE IF NOT EXISTS bill (
  customer_id   text      NOT NULL,
  period_start  date      NOT NULL,
  seq           bigserial NOT NULL UNIQUE,
  period_month  date      NOT NULL,
  period_end    date      NOT NULL,
  issued_on     date      NOT NULL,
  currency      char(3)   NOT NULL,
  total         numeric   NOT NULL,
  cost          numeric   NOT NULL,
  PRIMARY KEY (customer_id, period_start),
  UNIQUE (customer_id, period_month)
);

CREATE TABLE IF NOT EXISTS bill_line (
  customer_id      text    NOT NULL,
  period_start     date    NOT NULL,
  ordinal          integer NOT NULL,
  kind             text    NOT NULL,
  subscription_id  text,
  item             text    NOT NULL,
  description      text    NOT NULL,
  span_start       date    NOT NULL,
  span_end         date    NOT NULL,
  seats            bigint  NOT NULL,
  unit_price       numeric NOT NULL,
  days_in_term     bigint  NOT NULL,
  amount           numeric NOT NULL,
  cost             numeric NOT NULL,
  currency         char(3) NOT NULL,
  PRIMARY KEY (customer_id, period_start, ordinal),
  FOREIGN KEY (customer_id, period_start) REFERENCES bill (customer_id, period_start)
);

CREATE TABLE IF NOT EXISTS bill_due (
  customer_id   text    NOT NULL,
  period_start  date    NOT NULL,
  ordinal       integer NOT NULL,
  due_on        date    NOT NULL,
  amount        numeric NOT NULL,
  currency      char(3) NOT NULL,
  PRIMARY KEY (customer_id, period_start, ordinal),
  FOREIGN KEY (customer_id, period_start) REFERENCES bill (customer_id, period_start)
);

CREATE TABLE IF NOT EXISTS own_service (
  customer_id  text      NOT NULL,
  id           text      NOT NULL,
  seq          bigserial NOT NULL UNIQUE,
  name         text      NOT NULL,
  amount       numeric   NOT NULL,
  currency     char(3)   NOT NULL,
  recurrence   text      NOT NULL,
  starts_on    date      NOT NULL,
  ends_on      date,
  PRIMARY KEY (customer_id, id)
);

-- Event log and idempotency records ---------------------------------------------------------------

-- sequence: from a sequence, not a counter row, so that appending locks nothing shared. Numbers
-- increase in append order within a transaction and, since each customer's commands are
-- serialized, in commit order for any one customer; a rolled-back transaction leaves a gap.
CREATE TABLE IF NOT EXISTS domain_event (
  sequence      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  aggregate     text   NOT NULL,
  aggregate_id  text   NOT NULL,
  kind          text   NOT NULL,
  event_on      date   NOT NULL,
  command_key   text   NOT NULL,
  detail        text   NOT NULL
);

CREATE INDEX IF NOT EXISTS domain_event_by_command ON domain_event (command_key, sequence);

CREATE TABLE IF NOT EXISTS idempotency_record (
  key           text        PRIMARY KEY,
  command       text        NOT NULL,
  aggregate     text        NOT NULL,
  aggregate_id  text        NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);

INSERT INTO csp_schema_version (version) VALUES (1) ON CONFLICT (version) DO NOTHING;
