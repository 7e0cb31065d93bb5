package io.github.cspkit.csp.subscription;

/** What an operation did to a subscription; each kind names the rule it follows. */
public enum ChangeKind {
  /** A new subscription (SUB-1). */
  ORDER,
  /** A direct trial converted to a paid subscription (CUS-3). */
  CONVERT_TRIAL,
  /** An add-on subscription on a base (CAT-3, SUB-3). */
  ORDER_ADD_ON,
  /** Seats added, coterminous and prorated (SUB-2). */
  ADD_SEATS,
  /** Seats removed, credited prorated (SUB-7). */
  REMOVE_SEATS,
  /** Suspended: charges stop from its day (SUB-4, SUB-5). */
  SUSPEND,
  /** Reactivated: charges resume from its day (SUB-7). */
  REACTIVATE,
  /** Cancelled: a suspension that does not come back (SUB-5). */
  CANCEL,
  /** A new one-year term at the then-current price (SUB-7). */
  RENEW,
  /** The term ended without renewal (SUB-7). */
  END,
  /** Every seat moved to a SKU on the upgrade path, at its price (NCE-9). */
  UPGRADE,
  /** Auto-renewal switched on or off (SUB-7). */
  AUTO_RENEW
}
