package io.github.cspkit.csp.access;

/** Whether a partner is in the CSP program (ACC-4). */
public enum PartnerKind {
  /** A Cloud Solution Provider: creates customers, orders and manages subscriptions, bills. */
  CSP,
  /** A plain partner: delegated administration and service health only. */
  NON_CSP
}
