-- Issue 17: a billing account's billed terms and one-off services (BIL-6) become typed arrays,
-- one element per billed term, in place of the JSON documents of V8. Every bill rewrites them, and
-- the documents' check (parse as jsonb, then JSON paths with dates) cost about 60 us an account,
-- a quarter of a bill run's server time; the arrays' types check what the paths checked (numbers,
-- valid dates, strings), and the constraint below checks the rest with plain C functions:
--   billed_key     text[]     the term's key (subscription id # term index), in the account's order
--   billed_sale    numeric[]  what has been billed of it, as an exact numerator (a whole number)
--   billed_cost    numeric[]  the same at cost
--   billed_through date[]     the day it has been billed up to (exclusive)
--   one_off        text[]     the one-off services already billed
-- The four billed arrays have one element per term; no array has NULL elements, more than one
-- dimension or bounds other than from 1; numerators are whole (their text has no point, no NaN
-- and no Infinity); dates are finite and of the common era (what the store reads back).

-- A write met every row it wanted when it met as many: keys are unique within a statement, so
-- the row-by-row comparison (quadratic: ~1 ms for a block of 256 bills) only runs on a failure.
CREATE OR REPLACE FUNCTION csp_require_written(code text, what text, wanted text[], written text[])
    RETURNS void
  LANGUAGE plpgsql AS $$
    DECLARE
      missing text;
    BEGIN
      IF cardinality(wanted) = coalesce(cardinality(written), 0) THEN
        RETURN;
      END IF;
      SELECT w INTO missing FROM unnest(wanted) AS w WHERE w <> ALL (coalesce(written, '{}')) LIMIT 1;
      IF missing IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = what, DETAIL = missing;
      END IF;
    END
  $$;

CREATE OR REPLACE FUNCTION csp_require_rows(kind text, tbl text, keycol text, partner text,
    wanted text[], written text[]) RETURNS void
  LANGUAGE plpgsql AS $$
    DECLARE
      missing text;
      stored bigint;
    BEGIN
      IF cardinality(wanted) = coalesce(cardinality(written), 0) THEN
        RETURN;
      END IF;
      SELECT w INTO missing FROM unnest(wanted) AS w WHERE w <> ALL (coalesce(written, '{}')) LIMIT 1;
      IF missing IS NOT NULL THEN
        EXECUTE format('SELECT version FROM %I WHERE partner_id = $1 AND %I = $2', tbl, keycol)
          INTO stored USING partner, missing;
        RAISE EXCEPTION USING ERRCODE = 'CS001', MESSAGE = kind, DETAIL = missing,
          HINT = coalesce(stored, 0)::text;
      END IF;
    END
  $$;

-- The claim goes through customer_by_partner_seq (V7); this index was read by nothing, and every
-- bill moves next_period_start, so it made each account update write an index entry.
DROP INDEX billing_account_due;

-- The store reads back days from year 1 on; V8's documents could hold earlier ones (Java's year 0
-- and before), which no bill run writes: a clear refusal rather than a failed cast.
DO $$
  DECLARE
    early text;
  BEGIN
    SELECT a.partner_id || ' ' || a.customer_id INTO early FROM billing_account a,
        json_array_elements(a.billed) AS e
      WHERE e ->> 'through' !~ '^[+]?[0-9]{4,}-' OR e ->> 'through' ~ '^[+]?0000-' LIMIT 1;
    IF early IS NOT NULL THEN
      RAISE EXCEPTION 'billing account % has billed terms through a day before year 1, which '
        'schema version 9 does not keep: correct its billed document, then migrate again', early;
    END IF;
  END
$$;

ALTER TABLE billing_account
  ADD COLUMN billed_key text[],
  ADD COLUMN billed_sale numeric[],
  ADD COLUMN billed_cost numeric[],
  ADD COLUMN billed_through date[],
  ADD COLUMN one_off text[];

-- Dates from year 10000 on were written with a sign ("+10000-01-01"), which PostgreSQL does not
-- read; a one-off service given twice (a set: read once before) is kept once.

UPDATE billing_account a SET
  billed_key = coalesce((SELECT array_agg(e ->> 'key' ORDER BY o)
      FROM json_array_elements(a.billed) WITH ORDINALITY AS x(e, o)), '{}'),
  billed_sale = coalesce((SELECT array_agg(trunc((e ->> 'sale')::numeric) ORDER BY o)
      FROM json_array_elements(a.billed) WITH ORDINALITY AS x(e, o)), '{}'),
  billed_cost = coalesce((SELECT array_agg(trunc((e ->> 'cost')::numeric) ORDER BY o)
      FROM json_array_elements(a.billed) WITH ORDINALITY AS x(e, o)), '{}'),
  billed_through = coalesce((SELECT array_agg(ltrim(e ->> 'through', '+')::date ORDER BY o)
      FROM json_array_elements(a.billed) WITH ORDINALITY AS x(e, o)), '{}'),
  one_off = coalesce((SELECT array_agg(e ORDER BY o) FROM (SELECT e, min(o) AS o
      FROM json_array_elements_text(a.one_offs) WITH ORDINALITY AS x(e, o) GROUP BY e) AS d), '{}');

ALTER TABLE billing_account
  DROP CONSTRAINT billing_account_documents_valid,
  DROP COLUMN billed,
  DROP COLUMN one_offs,
  ALTER COLUMN billed_key SET NOT NULL,
  ALTER COLUMN billed_sale SET NOT NULL,
  ALTER COLUMN billed_cost SET NOT NULL,
  ALTER COLUMN billed_through SET NOT NULL,
  ALTER COLUMN one_off SET NOT NULL,
  ADD CONSTRAINT billing_account_billed_valid CHECK (
    -- each a list: one dimension (none when empty), indexed from 1, no NULL element
    coalesce(array_ndims(billed_key), 1) = 1 AND coalesce(array_lower(billed_key, 1), 1) = 1
    AND array_position(billed_key, NULL) IS NULL
    AND coalesce(array_ndims(billed_sale), 1) = 1 AND coalesce(array_lower(billed_sale, 1), 1) = 1
    AND array_position(billed_sale, NULL) IS NULL
    AND coalesce(array_ndims(billed_cost), 1) = 1 AND coalesce(array_lower(billed_cost, 1), 1) = 1
    AND array_position(billed_cost, NULL) IS NULL
    AND coalesce(array_ndims(billed_through), 1) = 1 AND coalesce(array_lower(billed_through, 1), 1) = 1
    AND array_position(billed_through, NULL) IS NULL
    AND coalesce(array_ndims(one_off), 1) = 1 AND coalesce(array_lower(one_off, 1), 1) = 1
    AND array_position(one_off, NULL) IS NULL
    AND cardinality(billed_sale) = cardinality(billed_key)
    AND cardinality(billed_cost) = cardinality(billed_key)
    AND cardinality(billed_through) = cardinality(billed_key)
    AND array_to_string(billed_sale, ',') ~ '^[-0-9,]*$'
    AND array_to_string(billed_cost, ',') ~ '^[-0-9,]*$'
    AND '0001-01-01' <= ALL (billed_through) AND 'infinity' <> ALL (billed_through));

DROP FUNCTION csp_valid_account(json, json);
