-- csp PostgreSQL schema, version 1 (io.github.cspkit.csp.examples.postgres.PostgresStore).
-- Applied by Flyway (PostgresStore.migrate); history in csp_schema_history. Never edit a
-- released migration: add V2__... instead, and raise PostgresStore.SCHEMA_VERSION.
--
-- Conventions:
--   * partner_id on every partner's row, first in every key: ids are scoped per partner (two
--     partners may both have a customer "contoso") and every query names its partner. Price lists
--     are the vendor's and shared, so they have none. The store made without a partner uses ''.
--   * money is a numeric in the currency's major unit (288.00, not 28800) next to its ISO 4217
--     code, at most as fine as the currency's minor unit (csp_minor_digits); the accrual
--     numerators of billing_account_billed are exact "minor units x days" integers (BIL-6);
--   * dates are date; half-open ranges are start_on (first day) and end_on (first day after);
--   * every aggregate root row has a version (optimistic concurrency): 1 after the first save.

CREATE FUNCTION csp_minor_digits(code text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
      WHEN code IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX',
                    'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
      WHEN code IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
      WHEN code IN ('CLF', 'UYW') THEN 4
      ELSE 2
    END
  $$;

CREATE DOMAIN csp_currency AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');

-- Fails the statement (and so the transaction, which skips the rest of its round trip) when a
-- versioned write did not write every row it meant to: another transaction saved first. The error
-- names the aggregate (message), its id (detail) and the version now stored (hint, 0 if none).
-- Fails the statement (and the transaction with it) when a write did not write every row it
-- meant to: code CS002 for a bill already issued, CS003 for an idempotency key already recorded;
-- the message says what, the detail which one.
CREATE FUNCTION csp_require_written(code text, what text, wanted text[], written text[])
    RETURNS void
  LANGUAGE plpgsql AS $$
    DECLARE
      missing text;
    BEGIN
      SELECT w INTO missing FROM unnest(wanted) AS w WHERE w <> ALL (coalesce(written, '{}')) LIMIT 1;
      IF missing IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = what, DETAIL = missing;
      END IF;
    END
  $$;

CREATE FUNCTION csp_require_rows(kind text, tbl text, keycol text, partner text, wanted text[],
    written text[]) RETURNS void
  LANGUAGE plpgsql AS $$
    DECLARE
      missing text;
      stored bigint;
    BEGIN
      SELECT w INTO missing FROM unnest(wanted) AS w WHERE w <> ALL (coalesce(written, '{}')) LIMIT 1;
      IF missing IS NOT NULL THEN
        EXECUTE format('SELECT version FROM %I WHERE partner_id = $1 AND %I = $2', tbl, keycol)
          INTO stored USING partner, missing;
        RAISE EXCEPTION USING ERRCODE = 'CS001', MESSAGE = kind, DETAIL = missing,
          HINT = coalesce(stored, 0)::text;
      END IF;
    END
  $$;

-- Agreements (AGR-1..5) -------------------------------------------------------------------------

CREATE TABLE agreement (
  partner_id      text    NOT NULL,
  holder          text    NOT NULL,
  accepted_on     date    NOT NULL,
  renewal_month   integer NOT NULL CHECK (renewal_month BETWEEN 1 AND 12),
  renewal_day     integer NOT NULL CHECK (renewal_day BETWEEN 1 AND 31),
  notice_years    integer NOT NULL CHECK (notice_years >= 0),
  notice_months   integer NOT NULL CHECK (notice_months >= 0),
  notice_days     integer NOT NULL CHECK (notice_days >= 0),
  version         bigint  NOT NULL CHECK (version >= 1),
  PRIMARY KEY (partner_id, holder)
);

CREATE TABLE agreement_notice (
  partner_id  text    NOT NULL,
  holder      text    NOT NULL,
  ordinal     integer NOT NULL CHECK (ordinal >= 0),
  given_on    date    NOT NULL,
  party       text    NOT NULL,
  channel     text    NOT NULL,
  PRIMARY KEY (partner_id, holder, ordinal),
  FOREIGN KEY (partner_id, holder) REFERENCES agreement ON DELETE CASCADE
);

-- Price lists (PRC-1..4): the vendor's, immutable; a correction is a new list -----------------

CREATE TABLE price_list (
  id            text         PRIMARY KEY,
  seq           bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
  market        text         NOT NULL CHECK (market <> ''),
  currency      csp_currency NOT NULL,
  published_on  date         NOT NULL,
  effective_on  date         NOT NULL,
  period_start  date         NOT NULL
);

CREATE TABLE price_list_item (
  list_id   text         NOT NULL REFERENCES price_list,
  ordinal   integer      NOT NULL CHECK (ordinal >= 0),
  sku       text         NOT NULL,
  price     numeric      NOT NULL CHECK (price >= 0),
  currency  csp_currency NOT NULL,
  PRIMARY KEY (list_id, sku),
  UNIQUE (list_id, ordinal),
  CHECK (scale(price) <= csp_minor_digits(currency))
);

-- Customers (CUS-1..4, BIL-2) ---------------------------------------------------------------------

CREATE TABLE customer (
  partner_id       text         NOT NULL,
  id               text         NOT NULL,
  seq              bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
  managed_by       text         NOT NULL,
  name             text         NOT NULL,
  market           text         NOT NULL,
  segment          text         NOT NULL,
  verified         boolean      NOT NULL,
  tenant_id        text         NOT NULL,
  tenant_origin    text         NOT NULL,
  trial_ended_on   date,
  billing_day      integer      NOT NULL CHECK (billing_day BETWEEN 1 AND 31),
  bill_currency    csp_currency NOT NULL,
  created_on       date         NOT NULL,
  delegated_admin  boolean      NOT NULL,
  version          bigint       NOT NULL CHECK (version >= 1),
  PRIMARY KEY (partner_id, id),
  CHECK (partner_id = '' OR managed_by = partner_id)
);

-- Subscriptions (SUB-1..7) with their terms and steps ----------------------------------------------

CREATE TABLE subscription (
  partner_id   text         NOT NULL,
  id           text         NOT NULL,
  seq          bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
  customer_id  text         NOT NULL,
  sku          text         NOT NULL,
  base_id      text,
  currency     csp_currency NOT NULL,
  auto_renew   boolean      NOT NULL,
  version      bigint       NOT NULL CHECK (version >= 1),
  PRIMARY KEY (partner_id, id),
  FOREIGN KEY (partner_id, customer_id) REFERENCES customer,
  FOREIGN KEY (partner_id, base_id) REFERENCES subscription,
  CHECK (base_id IS NULL OR base_id <> id)
);

CREATE INDEX subscription_by_customer ON subscription (partner_id, customer_id, seq);

-- ordinal: the term's position in the subscription; term_index: Term.index()
CREATE TABLE subscription_term (
  partner_id       text         NOT NULL,
  subscription_id  text         NOT NULL,
  ordinal          integer      NOT NULL CHECK (ordinal >= 0),
  term_index       integer      NOT NULL CHECK (term_index >= 0),
  start_on         date         NOT NULL,
  end_on           date         NOT NULL,
  days_in_term     bigint       NOT NULL CHECK (days_in_term > 0),
  sale_unit        numeric      NOT NULL CHECK (sale_unit >= 0),
  cost_unit        numeric      NOT NULL CHECK (cost_unit >= 0),
  currency         csp_currency NOT NULL,
  PRIMARY KEY (partner_id, subscription_id, ordinal),
  FOREIGN KEY (partner_id, subscription_id) REFERENCES subscription ON DELETE CASCADE,
  CHECK (start_on < end_on),
  CHECK (scale(sale_unit) <= csp_minor_digits(currency) AND scale(cost_unit) <= csp_minor_digits(currency))
);

-- sale_rate and cost_rate: unit price x seats, an annual amount in the currency's major unit
CREATE TABLE subscription_step (
  partner_id       text         NOT NULL,
  subscription_id  text         NOT NULL,
  term_ordinal     integer      NOT NULL,
  ordinal          integer      NOT NULL CHECK (ordinal >= 0),
  step_on          date         NOT NULL,
  kind             text         NOT NULL,
  seats            integer      NOT NULL CHECK (seats >= 0),
  status           text         NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ENDED')),
  sale_rate        numeric      NOT NULL,
  cost_rate        numeric      NOT NULL,
  currency         csp_currency NOT NULL,
  PRIMARY KEY (partner_id, subscription_id, term_ordinal, ordinal),
  FOREIGN KEY (partner_id, subscription_id, term_ordinal) REFERENCES subscription_term ON DELETE CASCADE,
  CHECK (scale(sale_rate) <= csp_minor_digits(currency) AND scale(cost_rate) <= csp_minor_digits(currency))
);

-- Billing (BIL-1..7) -----------------------------------------------------------------------------------

-- billed: what has been billed of each term (BIL-6), in order, as exact numerators (minor units x
-- days): [{"key": "S1#0", "sale": 10512000, "cost": 8760000, "through": "2025-02-10"}, ...];
-- one_offs: the one-off services already billed, in order. Both change with the account and are
-- written with its row: one row per customer and bill, not one per term. The checks are JSON
-- path expressions: evaluated in C, they cost next to nothing per row.
CREATE TABLE billing_account (
  partner_id             text    NOT NULL,
  customer_id            text    NOT NULL,
  last_issued_on         date,
  next_period_start      date    NOT NULL,
  financing_kind         text    NOT NULL,
  financing_discount_bp  bigint  NOT NULL CHECK (financing_discount_bp >= 0),
  financing_instalments  integer NOT NULL CHECK (financing_instalments >= 0),
  billed                 jsonb   NOT NULL CHECK (jsonb_typeof(billed) = 'array' AND NOT jsonb_path_exists(
                           billed, '$[*] ? (!(@.key.type() == "string") || @.sale != @.sale.floor()
                                           || @.cost != @.cost.floor() || !(@.through.type() == "string"))')),
  one_offs               jsonb   NOT NULL CHECK (jsonb_typeof(one_offs) = 'array'),
  version                bigint  NOT NULL CHECK (version >= 1),
  PRIMARY KEY (partner_id, customer_id),
  FOREIGN KEY (partner_id, customer_id) REFERENCES customer,
  CHECK (last_issued_on IS NULL OR last_issued_on <= next_period_start)
);

-- the claim of a bill run: customers whose next period has started
CREATE INDEX billing_account_due ON billing_account (partner_id, next_period_start);

-- A bill is unique per customer and the month its period starts in. A bill never changes once
-- issued: its lines and dues are kept with it, in order, as documents (json, kept as written: a
-- bill is written once and read whole, so the binary form of jsonb would only cost)
--   lines: [{"kind": "RECURRING", "subscription_id": "S1", "item": "O365_E3", "description": "...",
--            "span_start": "2025-02-01", "span_end": "2025-03-01", "seats": 5, "unit_price": 288.00,
--            "days_in_term": 365, "amount": 110.47, "cost": 92.05, "currency": "USD"}, ...]
--   dues:  [{"due_on": "2025-02-01", "amount": 63.17}, ...]
-- The bill's total and cost are checked against its currency; its lines are written only by
-- PostgresStore from a Bill value, which checks them (a JSON path check per line cost a third of
-- the bill run's time, see RESULTS.md).
CREATE TABLE bill (
  partner_id    text         NOT NULL,
  customer_id   text         NOT NULL,
  period_start  date         NOT NULL,
  seq           bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
  period_month  date         NOT NULL,
  period_end    date         NOT NULL,
  issued_on     date         NOT NULL,
  currency      csp_currency NOT NULL,
  total         numeric      NOT NULL,
  cost          numeric      NOT NULL,
  lines         json         NOT NULL,
  dues          json         NOT NULL,
  PRIMARY KEY (partner_id, customer_id, period_start),
  UNIQUE (partner_id, customer_id, period_month),
  FOREIGN KEY (partner_id, customer_id) REFERENCES customer,
  CHECK (period_start < period_end),
  CHECK (period_month = date_trunc('month', period_start)::date),
  CHECK (scale(total) <= csp_minor_digits(currency) AND scale(cost) <= csp_minor_digits(currency)),
  CHECK (json_typeof(lines) = 'array' AND json_typeof(dues) = 'array')
) WITH (toast_tuple_target = 8160); -- a bill of a few dozen lines stays in its row, uncompressed

CREATE TABLE own_service (
  partner_id   text         NOT NULL,
  customer_id  text         NOT NULL,
  id           text         NOT NULL,
  seq          bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
  name         text         NOT NULL,
  amount       numeric      NOT NULL,
  currency     csp_currency NOT NULL,
  recurrence   text         NOT NULL CHECK (recurrence IN ('MONTHLY', 'ONCE')),
  starts_on    date         NOT NULL,
  ends_on      date,
  PRIMARY KEY (partner_id, customer_id, id),
  FOREIGN KEY (partner_id, customer_id) REFERENCES customer,
  CHECK (ends_on IS NULL OR starts_on <= ends_on),
  CHECK (scale(amount) <= csp_minor_digits(currency))
);

-- Event log and idempotency records -------------------------------------------------------------

-- sequence: from a database sequence, not a counter row, so that appending locks nothing shared.
-- Numbers increase within a transaction and, since each customer's commands are serialized, in
-- commit order for any one customer; a rolled-back transaction leaves a gap.
CREATE SEQUENCE domain_event_sequence AS bigint;

CREATE TABLE domain_event (
  partner_id    text        NOT NULL,
  sequence      bigint      NOT NULL DEFAULT nextval('domain_event_sequence') CHECK (sequence >= 1),
  aggregate     text        NOT NULL,
  aggregate_id  text        NOT NULL,
  kind          text        NOT NULL,
  event_on      date        NOT NULL,
  command_key   text        NOT NULL,
  detail        text        NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_id, sequence)
);

ALTER SEQUENCE domain_event_sequence OWNED BY domain_event.sequence;

CREATE INDEX domain_event_by_command ON domain_event (partner_id, command_key, sequence);
CREATE INDEX domain_event_by_age ON domain_event (recorded_at);

CREATE TABLE idempotency_record (
  partner_id    text        NOT NULL,
  key           text        NOT NULL,
  command       text        NOT NULL,
  aggregate     text        NOT NULL,
  aggregate_id  text        NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_id, key)
);

CREATE INDEX idempotency_record_by_age ON idempotency_record (recorded_at);
