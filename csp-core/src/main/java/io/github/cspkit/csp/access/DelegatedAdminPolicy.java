package io.github.cspkit.csp.access;

/**
 * Who may remove a partner's delegated admin privileges on a customer's tenant (ACC-2): a policy.
 * The seed's reading, {@link #NOBODY}: the partner must provide support, so nobody may.
 */
public enum DelegatedAdminPolicy {
  /** Nobody may remove them (the seed). */
  NOBODY,
  /** The customer's own admin may remove them. */
  CUSTOMER_ADMIN
}
