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
-- The checks are JSON path expressions, evaluated in C: a term has a non-negative index, a positive
-- day count, non-negative whole unit prices, start before end (valid dates; a predicate that cannot
-- be evaluated, such as 2025-02-30, fails) and at least one step; a step has a date and a kind
-- (strings), non-negative whole seats, a known status and whole rates. A missing field fails.
-- They cost about 5 microseconds a step; a change rewrites the row, so a subscription's writes grow
-- with its steps (as a new-commerce subscription's document does).

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
CREATE FUNCTION csp_valid_terms(terms json) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      doc jsonb := terms::jsonb;
    BEGIN
      RETURN jsonb_typeof(doc) = 'array' AND jsonb_array_length(doc) > 0
        AND NOT doc @? '$[*] ? ((@.type() == "object"
              && @.index >= 0 && @.index == @.index.floor()
              && @.days > 0 && @.days == @.days.floor()
              && @.sale_unit >= 0 && @.sale_unit == @.sale_unit.floor()
              && @.cost_unit >= 0 && @.cost_unit == @.cost_unit.floor()
              && @.start.datetime("YYYY-MM-DD") < @.end.datetime("YYYY-MM-DD")
              && @.steps.type() == "array" && @.steps.size() > 0) is unknown
            || !(@.type() == "object"
              && @.index >= 0 && @.index == @.index.floor()
              && @.days > 0 && @.days == @.days.floor()
              && @.sale_unit >= 0 && @.sale_unit == @.sale_unit.floor()
              && @.cost_unit >= 0 && @.cost_unit == @.cost_unit.floor()
              && @.start.datetime("YYYY-MM-DD") < @.end.datetime("YYYY-MM-DD")
              && @.steps.type() == "array" && @.steps.size() > 0))'
        AND NOT doc @? '$[*].steps[*] ? (!(@.type() == "object"
              && @.on.type() == "string" && @.kind.type() == "string"
              && @.seats.type() == "number" && @.seats >= 0 && @.seats == @.seats.floor()
              && (@.status == "ACTIVE" || @.status == "SUSPENDED" || @.status == "ENDED")
              && @.sale_rate.type() == "number" && @.sale_rate == @.sale_rate.floor()
              && @.cost_rate.type() == "number" && @.cost_rate == @.cost_rate.floor()))';
    END
  $$;

ALTER TABLE subscription
  ALTER COLUMN terms SET NOT NULL,
  ADD CONSTRAINT subscription_terms_valid CHECK (csp_valid_terms(terms));

DROP TABLE subscription_step;
DROP TABLE subscription_term;

-- A billing account's documents (BIL-6) become json as well: every bill reads them, and json is
-- read back as the stored text, while the checks parse it as jsonb on each write (the same checks).
ALTER TABLE billing_account
  DROP CONSTRAINT billing_account_billed_check,
  DROP CONSTRAINT billing_account_one_offs_check,
  ALTER COLUMN billed TYPE json USING billed::json,
  ALTER COLUMN one_offs TYPE json USING one_offs::json,
  ADD CONSTRAINT billing_account_billed_check CHECK (json_typeof(billed) = 'array'
    AND NOT jsonb_path_exists(billed::jsonb, '$[*] ? (!(@.key.type() == "string")
      || @.sale != @.sale.floor() || @.cost != @.cost.floor() || !(@.through.type() == "string"))')),
  ADD CONSTRAINT billing_account_one_offs_check CHECK (json_typeof(one_offs) = 'array');
