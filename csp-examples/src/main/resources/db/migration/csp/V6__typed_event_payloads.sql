-- Issue 16: every entry of the event log keeps its typed payload, in the JSON module's form
-- ({"type": "Customer.Created", ...}, {"type": "Subscription.Changed", "subscriptionEvent": ...}).
-- NULL is an entry without typed figures (EventPayload.Unstructured): its aggregate and kind are
-- the row's columns and its detail text is all it says. Entries written before this version keep
-- what they had: a subscription's change (the V4 column) becomes its payload document, with the
-- same event inside; any other entry kept only its text, from which no value is recovered, so its
-- payload stays NULL and it reads as unstructured.
ALTER TABLE domain_event ADD COLUMN payload jsonb
  CHECK (payload IS NULL OR (jsonb_typeof(payload) = 'object'
    AND coalesce(jsonb_typeof(payload -> 'type'), 'none') = 'string'
    AND payload ->> 'type' <> 'Unstructured'));

-- Only csp's own subscription entries are folded: a change logged through the SPI under another
-- aggregate would not match the payload's aggregate, and is kept as text like the others.
UPDATE domain_event SET payload = jsonb_build_object('type', 'Subscription.Changed') || change
  WHERE change IS NOT NULL AND aggregate IN ('subscription', 'nce-subscription');

ALTER TABLE domain_event DROP COLUMN change;
