-- A subscription belongs to the customer it was ordered for: an update that would move it to
-- another customer is refused (CS005, reported as CONFLICT DUPLICATE_ID), as the in-memory store
-- refuses it. No command moves one; this guards the SPI and direct writes.
CREATE FUNCTION csp_subscription_stays_with_its_customer() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION USING ERRCODE = 'CS005', MESSAGE = 'subscription',
        DETAIL = NEW.id || chr(31) || OLD.customer_id || chr(31) || NEW.customer_id;
    END
  $$;

CREATE TRIGGER subscription_stays_with_its_customer
  BEFORE UPDATE OF customer_id ON subscription
  FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
  EXECUTE FUNCTION csp_subscription_stays_with_its_customer();
