package io.github.cspkit.csp.customer;

/** Where a customer's tenant came from (CUS-1..3). */
public enum TenantOrigin {
  /** Created by the CSP partner (CUS-1). */
  NEW,
  /** An existing tenant holding a trial provisioned directly from the vendor (CUS-3). */
  DIRECT_TRIAL,
  /** An existing tenant holding a subscription acquired through syndication (CUS-2). */
  SYNDICATION
}
