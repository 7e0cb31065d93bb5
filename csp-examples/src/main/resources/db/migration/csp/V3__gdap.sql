-- csp PostgreSQL schema, version 3: granular delegated admin (GDA-1..4), for
-- io.github.cspkit.csp.examples.postgres.GdapRelationships. Conventions as in V1: partner_id first
-- in every key (the store made without a partner uses ''), dates are date, every aggregate root
-- row has a version.

-- A relationship between a partner (managed_by) and one of its customers. Its periods are
-- ISO-8601 periods kept as their three fields; terminated_by is the side that terminated it.
CREATE TABLE gdap_relationship (
  partner_id          text    NOT NULL,
  id                  text    NOT NULL,
  seq                 bigint  GENERATED ALWAYS AS IDENTITY UNIQUE,
  managed_by          text    NOT NULL,
  customer_id         text    NOT NULL,
  duration_years      integer NOT NULL CHECK (duration_years >= 0),
  duration_months     integer NOT NULL CHECK (duration_months >= 0),
  duration_days       integer NOT NULL CHECK (duration_days >= 0),
  extension_years     integer NOT NULL CHECK (extension_years >= 0),
  extension_months    integer NOT NULL CHECK (extension_months >= 0),
  extension_days      integer NOT NULL CHECK (extension_days >= 0),
  requested_on        date    NOT NULL,
  approvable_through  date    NOT NULL,
  approved_on         date,
  terminated_on       date,
  terminated_by       text    CHECK (terminated_by IN ('PARTNER', 'CUSTOMER')),
  version             bigint  NOT NULL CHECK (version >= 1),
  PRIMARY KEY (partner_id, id),
  FOREIGN KEY (partner_id, customer_id) REFERENCES customer,
  CHECK (partner_id = '' OR managed_by = partner_id),
  CHECK (duration_years + duration_months + duration_days > 0),
  CHECK (extension_years + extension_months + extension_days > 0),
  CHECK (approvable_through >= requested_on),
  CHECK (approved_on IS NULL OR approved_on BETWEEN requested_on AND approvable_through),
  CHECK ((terminated_on IS NULL) = (terminated_by IS NULL)),
  CHECK (terminated_on IS NULL OR terminated_on >= coalesce(approved_on, requested_on))
);

CREATE INDEX gdap_relationship_by_customer ON gdap_relationship (partner_id, customer_id, seq);

-- Its roles in order, each with the security groups it is granted to (GDA-2).
CREATE TABLE gdap_role_assignment (
  partner_id       text    NOT NULL,
  relationship_id  text    NOT NULL,
  ordinal          integer NOT NULL CHECK (ordinal >= 0),
  role             text    NOT NULL CHECK (role <> ''),
  security_groups  text[]  NOT NULL,
  PRIMARY KEY (partner_id, relationship_id, ordinal),
  UNIQUE (partner_id, relationship_id, role),
  FOREIGN KEY (partner_id, relationship_id) REFERENCES gdap_relationship ON DELETE CASCADE
);

-- Its auto-extend settings (GDA-3), in order: the first applies from the request day.
CREATE TABLE gdap_auto_extend (
  partner_id       text    NOT NULL,
  relationship_id  text    NOT NULL,
  ordinal          integer NOT NULL CHECK (ordinal >= 0),
  from_on          date    NOT NULL,
  auto_extend      boolean NOT NULL,
  PRIMARY KEY (partner_id, relationship_id, ordinal),
  FOREIGN KEY (partner_id, relationship_id) REFERENCES gdap_relationship ON DELETE CASCADE
);
