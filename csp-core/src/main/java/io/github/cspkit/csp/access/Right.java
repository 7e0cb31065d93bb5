package io.github.cspkit.csp.access;

/**
 * A partner user's rights, in two independent sets (ACC-3): on the partner's own tenant, and over
 * the partner's customers.
 */
public enum Right {
  /** Administers the partner's own tenant, and acts for the partner company (agreement). */
  OWN_TENANT_ADMIN,
  /** Delegated admin for customers: creates and manages customers and their subscriptions. */
  DELEGATED_ADMIN
}
