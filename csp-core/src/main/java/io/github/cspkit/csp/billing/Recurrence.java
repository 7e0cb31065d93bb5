package io.github.cspkit.csp.billing;

/** How a partner's own service is charged (BIL-1). */
public enum Recurrence {
  /** Its full amount on every bill whose period starts on or after its date. */
  MONTHLY,
  /** Once, on the first bill issued after its date. */
  ONCE
}
