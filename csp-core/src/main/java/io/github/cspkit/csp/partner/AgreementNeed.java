package io.github.cspkit.csp.partner;

/** What a command needs of the reseller agreement on its day (AGR-1). */
enum AgreementNeed {
  /** Nothing: not a CSP transaction. */
  NONE,
  /** In force: ordering, adding seats or add-ons, reactivating, renewing. */
  IN_FORCE,
  /** Accepted, even if ended since: winding down (cancel, suspend, remove seats, no renewal). */
  ACCEPTED
}
