-- Issue 17: V7's claim index (partner_id, seq) tied with the primary key (partner_id, id) for a
-- lookup of one customer by its key on a table without statistics (a new schema, a table not yet
-- analysed): both cost the same to the planner, and it took the claim index, reading every one of
-- the partner's customers to find one. A session keeps such a plan (a prepared statement, each
-- foreign key's check of a customer) until the table is analysed, so each command's lock and each
-- new subscription's check grew with the partner's customers. Partial now, it serves only a query
-- that says seq > 0 (the claim does; identities start at 1): a key lookup cannot use it.
DROP INDEX customer_by_partner_seq;
CREATE INDEX customer_by_partner_seq ON customer (partner_id, seq) WHERE seq > 0;
