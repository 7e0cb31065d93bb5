package io.github.cspkit.csp.access;

/** A side of a GDAP relationship; either may terminate it at any time (GDA-4). */
public enum GdapSide {
  /** The partner that requested the relationship. */
  PARTNER,
  /** The customer, through its tenant's admin. */
  CUSTOMER
}
