-- Issue 17: the event payload's CHECK (V6) calls a PL/pgSQL function instead of holding the
-- expression. PostgreSQL reads a CHECK's expression tree from the catalog and prepares it again
-- in every statement that writes the table; the payload's was the largest an order writes (about
-- 2,600 characters of tree, read for every command's one write statement). A PL/pgSQL function
-- prepares its expression once per session. The rule is V6's: NULL (an entry without typed
-- figures), or an object whose "type" is a string other than "Unstructured".
CREATE FUNCTION csp_valid_payload(payload jsonb) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    BEGIN
      RETURN payload IS NULL OR (jsonb_typeof(payload) = 'object'
        AND coalesce(jsonb_typeof(payload -> 'type'), 'none') = 'string'
        AND payload ->> 'type' <> 'Unstructured');
    END
  $$;

ALTER TABLE domain_event
  DROP CONSTRAINT domain_event_payload_check,
  ADD CONSTRAINT domain_event_payload_check CHECK (csp_valid_payload(payload));
