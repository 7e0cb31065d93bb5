-- Issue 17: a subscription's terms and steps (SUB-1..7) live in its own row, as one JSON array,
-- instead of in the tables subscription_term and subscription_step. A bill run then reads a block
-- of customers' subscriptions with one index lookup per subscription instead of three, and a
-- command writes one row instead of three. The column is json, not jsonb: it is read far more
-- often than written, and json is read back as the text that was stored (jsonb is printed anew);
-- the check parses it as jsonb once per write.
--
-- terms: the terms in order; amounts are integers in the currency's minor units (the values the
-- two tables held, so scale can no longer be too fine):
--   [{"index": 0, "start": "2025-01-01", "end": "2026-01-01", "days": 365,
--     "sale_unit": 28800, "cost_unit": 24000,
--     "steps": [{"on": "2025-01-01", "kind": "ORDER", "seats": 10, "status": "ACTIVE",
--                "sale_rate": 288000, "cost_rate": 240000}]}]
-- The checks are JSON path expressions, evaluated in C (every item must pass its filter): a term has a non-negative index, a positive
-- day count, non-negative whole unit prices, start before end and at least one step; a step has a
-- valid date, a kind (a string: the reader knows the kinds), non-negative whole seats, a known
-- status and whole rates; every number fits the Java type it is read into. A missing field, a
-- value of another type or wrapped in an array, or a predicate that cannot be evaluated (such as
-- 2025-02-30) fails.
-- They cost about 5 microseconds a step; a change rewrites the row, so a subscription's writes grow
-- with its steps (as a new-commerce subscription's document does).

-- The currencies' minor digits as the library's Java side has them (java.util.Currency, a
-- pseudo-currency's -1 read as 0): V1 gave 2 to 28 codes that Java gives 0 (XAU, XDR, XXX, ITL,
-- ESP, ...), and the conversion below must scale amounts as they were written.
CREATE OR REPLACE FUNCTION csp_minor_digits(code text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
      WHEN code IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX',
                    'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
                    'ADP', 'BEF', 'BYB', 'BYR', 'ESP', 'GRD', 'ITL', 'LUF', 'MGF', 'PTE', 'ROL',
                    'TPE', 'TRL', 'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XFO', 'XFU',
                    'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX') THEN 0
      WHEN code IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
      WHEN code IN ('CLF', 'UYW') THEN 4
      ELSE 2
    END
  $$;

ALTER TABLE subscription ADD COLUMN terms json;

UPDATE subscription s SET terms = (
  SELECT jsonb_agg(jsonb_build_object('index', t.term_index, 'start', t.start_on, 'end', t.end_on,
      'days', t.days_in_term,
      'sale_unit', (t.sale_unit * power(10::numeric, csp_minor_digits(t.currency)))::bigint,
      'cost_unit', (t.cost_unit * power(10::numeric, csp_minor_digits(t.currency)))::bigint,
      'steps', (SELECT jsonb_agg(jsonb_build_object('on', st.step_on, 'kind', st.kind,
                  'seats', st.seats, 'status', st.status,
                  'sale_rate', (st.sale_rate * power(10::numeric, csp_minor_digits(st.currency)))::bigint,
                  'cost_rate', (st.cost_rate * power(10::numeric, csp_minor_digits(st.currency)))::bigint)
                  ORDER BY st.ordinal)
                FROM subscription_step st
                WHERE st.partner_id = t.partner_id AND st.subscription_id = t.subscription_id
                  AND st.term_ordinal = t.ordinal))
    ORDER BY t.ordinal)::json
  FROM subscription_term t WHERE t.partner_id = s.partner_id AND t.subscription_id = s.id);

-- The checks run in a PL/pgSQL function: it keeps its parsed JSON paths for the session, where a
-- CHECK written out (or a SQL function) prepares them again in every statement (~100 us an insert).
-- How many items of an array pass a filter: strict and silent, so that an item with a missing
-- field, a value of another type or wrapped in an array, or a predicate that errs is not counted.
CREATE FUNCTION csp_passing(doc jsonb, path jsonpath) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT jsonb_array_length(jsonb_path_query_array(doc, path, '{}', true))
  $$;

CREATE FUNCTION csp_valid_terms(terms json) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      doc jsonb := terms::jsonb;
    BEGIN
      IF jsonb_typeof(doc) <> 'array' OR jsonb_array_length(doc) = 0
          OR csp_passing(doc, 'strict $[*] ? (@.type() == "object"
          && @.index.type() == "number" && @.index >= 0 && @.index <= 2147483647
          && @.index == @.index.floor()
          && @.days.type() == "number" && @.days > 0 && @.days <= 2147483647
          && @.days == @.days.floor()
          && @.sale_unit.type() == "number" && @.sale_unit >= 0
          && @.sale_unit <= 9223372036854775807 && @.sale_unit == @.sale_unit.floor()
          && @.cost_unit.type() == "number" && @.cost_unit >= 0
          && @.cost_unit <= 9223372036854775807 && @.cost_unit == @.cost_unit.floor()
          && @.start.datetime("YYYY-MM-DD") < @.end.datetime("YYYY-MM-DD")
          && @.steps.type() == "array" && @.steps.size() > 0)') <> jsonb_array_length(doc) THEN
        RETURN false;
      END IF;
      RETURN csp_passing(doc, 'strict $[*].steps[*] ? (@.type() == "object"
          && @.on.datetime("YYYY-MM-DD") == @.on.datetime("YYYY-MM-DD")
          && @.kind.type() == "string"
          && @.seats.type() == "number" && @.seats >= 0 && @.seats <= 2147483647
          && @.seats == @.seats.floor()
          && @.status.type() == "string"
          && (@.status == "ACTIVE" || @.status == "SUSPENDED" || @.status == "ENDED")
          && @.sale_rate.type() == "number" && @.sale_rate == @.sale_rate.floor()
          && @.sale_rate >= -9223372036854775808 && @.sale_rate <= 9223372036854775807
          && @.cost_rate.type() == "number" && @.cost_rate == @.cost_rate.floor()
          && @.cost_rate >= -9223372036854775808 && @.cost_rate <= 9223372036854775807)')
        = csp_passing(doc, 'strict $[*].steps[*]');
    END
  $$;

ALTER TABLE subscription
  ALTER COLUMN terms SET NOT NULL,
  ADD CONSTRAINT subscription_terms_valid CHECK (csp_valid_terms(terms));

DROP TABLE subscription_step;
DROP TABLE subscription_term;

-- A billing account's documents (BIL-6) become json as well: every bill reads them, and json is
-- read back as the stored text. Their checks move into a PL/pgSQL function for the same reason
-- as the terms' and are stricter: a billed entry's numerators must be JSON numbers (a string
-- passed before) and the one-off services strings.
CREATE FUNCTION csp_valid_account(billed json, one_offs json) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      b jsonb := billed::jsonb;
      o jsonb := one_offs::jsonb;
    BEGIN
      IF jsonb_typeof(b) <> 'array' OR jsonb_typeof(o) <> 'array' THEN
        RETURN false;
      END IF;
      RETURN csp_passing(b, 'strict $[*] ? (@.type() == "object" && @.key.type() == "string"
          && @.sale.type() == "number" && @.sale == @.sale.floor()
          && @.cost.type() == "number" && @.cost == @.cost.floor()
          && @.through.datetime("YYYY-MM-DD") == @.through.datetime("YYYY-MM-DD"))') = jsonb_array_length(b)
        AND csp_passing(o, 'strict $[*] ? (@.type() == "string")') = jsonb_array_length(o);
    END
  $$;

ALTER TABLE billing_account
  DROP CONSTRAINT billing_account_billed_check,
  DROP CONSTRAINT billing_account_one_offs_check,
  ALTER COLUMN billed TYPE json USING billed::json,
  ALTER COLUMN one_offs TYPE json USING one_offs::json,
  ADD CONSTRAINT billing_account_documents_valid CHECK (csp_valid_account(billed, one_offs));
