package io.github.cspkit.csp.billing;

/** What a bill line is (BIL-1, BIL-3, BIL-5). */
public enum LineKind {
  /** A subscription's charge for the bill's own period, at its current seats. */
  RECURRING,
  /** A prorated charge or credit for a change made after the previous bill (BIL-5). */
  PRORATED,
  /** The partner's own tool, product or service (BIL-1). */
  SERVICE,
  /** A financing discount, such as for annual prepayment (BIL-3). */
  DISCOUNT
}
