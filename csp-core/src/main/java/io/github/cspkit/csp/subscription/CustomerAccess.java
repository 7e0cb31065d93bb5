package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.SuspendedAccess;

/**
 * What access a customer has to a subscription's service (SUB-4, CAT-4): full while active,
 * what the product allows while suspended, none once ended.
 */
public enum CustomerAccess {
  /** Full access: the subscription is active. */
  FULL,
  /** Limited access: suspended, and the product keeps limited access (CAT-4). */
  LIMITED,
  /** No access: suspended under a product that keeps none, or ended. */
  NONE;

  /**
   * @param sub a subscription
   * @param sku its SKU
   * @return the customer's access to it now
   */
  public static CustomerAccess of(Subscription sub, Sku sku) {
    if (!sub.sku().equals(sku.id())) {
      throw new io.github.cspkit.csp.OutOfRangeException("sku " + sku.id() + " is not the SKU of "
          + sub.id());
    }
    switch (sub.status()) {
      case ACTIVE:
        return FULL;
      case SUSPENDED:
        return sku.suspendedAccess() == SuspendedAccess.LIMITED ? LIMITED : NONE;
      default:
        return NONE;
    }
  }
}
