package io.github.cspkit.csp.agreement;

/** A party to the agreement; either may give notice of intent not to renew (AGR-3). */
public enum Party {
  /** The CSP partner that accepted the agreement. */
  PARTNER,
  /** The vendor (Microsoft). */
  VENDOR
}
