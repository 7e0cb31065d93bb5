package io.github.cspkit.csp.catalog;

/** What access the customer keeps while a subscription of the product is suspended (CAT-4). */
public enum SuspendedAccess {
  /** Limited access, for example read-only. */
  LIMITED,
  /** No access. */
  NONE
}
