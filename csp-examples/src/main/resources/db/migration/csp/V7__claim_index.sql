-- A bill run claims a partner's customers in order of creation (Repositories.claimForBilling):
-- this index serves the claim as a range scan whatever the planner's statistics say (a freshly
-- loaded table has none until it is analysed).
CREATE INDEX customer_by_partner_seq ON customer (partner_id, seq);
