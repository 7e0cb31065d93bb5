-- Issue 17: a command on a customer this store kept as its last transaction left it sends its
-- check, its writes and its commit in one round trip. The check (csp_check_kept) locks the
-- customer's row, as the read of a command that is not sure does, and fails the transaction
-- (CS006) unless nothing changed since: the row's version, its touched count, the signature of
-- its account and subscriptions, the partner's agreements and the price lists as kept, no own
-- service, and the command's idempotency key and new subscription ids still free. The store then
-- runs the command again, reading under the lock. A negative p_agreements or p_lists, or a null
-- p_key, is not checked (the command read it itself, or does not use it).
--
-- touched counts the transactions that locked the customer and appended events without saving
-- its row, account or subscriptions (a tenant's administration, a GDAP relationship): they change
-- nothing the signature sees, and a command kept from before them must not pass.
ALTER TABLE customer ADD COLUMN touched bigint NOT NULL DEFAULT 0 CHECK (touched >= 0);

CREATE FUNCTION csp_check_kept(p_partner text, p_customer text, p_version bigint,
    p_touched bigint, p_signature text, p_agreements numeric, p_lists bigint, p_key text,
    p_ids text[]) RETURNS void
  LANGUAGE plpgsql AS $$
    DECLARE
      stored_version bigint;
      stored_touched bigint;
    BEGIN
      SELECT c.version, c.touched INTO stored_version, stored_touched FROM customer c
        WHERE c.partner_id = p_partner AND c.id = p_customer FOR UPDATE;
      IF stored_version IS DISTINCT FROM p_version OR stored_touched IS DISTINCT FROM p_touched
          -- the signature, as Tx.SCOPE reads it (inline: a SQL function with subqueries is not
          -- inlined, and its call costs five times the expression)
          OR coalesce((SELECT a.version FROM billing_account a WHERE a.partner_id = p_partner
              AND a.customer_id = p_customer), 0) || '/' || (SELECT count(*) || ':'
              || coalesce(sum(s.version), 0) FROM subscription s WHERE s.partner_id = p_partner
              AND s.customer_id = p_customer) || '/' || (SELECT count(*) || ':'
              || coalesce(sum(n.version), 0) FROM nce_subscription n
              WHERE n.partner_id = p_partner AND n.customer_id = p_customer) <> p_signature
          OR (p_agreements >= 0 AND (SELECT coalesce(sum(x.version), 0) FROM agreement x
              WHERE x.partner_id = p_partner) <> p_agreements)
          OR (p_lists >= 0 AND (SELECT count(*) FROM price_list) <> p_lists)
          OR EXISTS (SELECT 1 FROM own_service o WHERE o.partner_id = p_partner
              AND o.customer_id = p_customer)
          OR (p_key IS NOT NULL AND EXISTS (SELECT 1 FROM idempotency_record r
              WHERE r.partner_id = p_partner AND r.key = p_key))
          OR EXISTS (SELECT 1 FROM subscription s WHERE s.partner_id = p_partner
              AND s.id = ANY (p_ids))
          OR EXISTS (SELECT 1 FROM nce_subscription n WHERE n.partner_id = p_partner
              AND n.id = ANY (p_ids)) THEN
        RAISE EXCEPTION USING ERRCODE = 'CS006', MESSAGE = 'customer changed since kept',
          DETAIL = p_customer;
      END IF;
    END
  $$;
