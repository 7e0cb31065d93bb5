-- Issue 16: the event log keeps each subscription change as a typed value, so it reads back as
-- values: {"subscriptionEvent": {...}} (a seed subscription's event, with its charge and formula)
-- or {"nceEvent": {...}} (a new-commerce subscription's), written through the Jackson module.
ALTER TABLE domain_event ADD COLUMN change jsonb
  CHECK (change IS NULL OR (jsonb_typeof(change) = 'object'
    AND (change ? 'subscriptionEvent') <> (change ? 'nceEvent')));
