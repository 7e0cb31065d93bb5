package io.github.cspkit.csp.subscription;

/** The status of a subscription (SUB-4, SUB-5, SUB-7). */
public enum SubscriptionStatus {
  /** Charged per seat-day. */
  ACTIVE,
  /** Not charged; the customer keeps the access its product allows (CAT-4). */
  SUSPENDED,
  /** Cancelled, or its term ended without renewal. */
  ENDED
}
