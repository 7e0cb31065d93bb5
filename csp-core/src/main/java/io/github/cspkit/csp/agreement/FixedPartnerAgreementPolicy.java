package io.github.cspkit.csp.agreement;

import java.time.Period;

/**
 * The {@link PartnerAgreementPolicy} of {@link PartnerAgreementPolicy#of} (MPA-1).
 *
 * @param terminationNotice the least notice of termination
 */
record FixedPartnerAgreementPolicy(Period terminationNotice) implements PartnerAgreementPolicy {
  static final FixedPartnerAgreementPolicy CURRENT =
      new FixedPartnerAgreementPolicy(DEFAULT_TERMINATION_NOTICE);

  @Override
  public String toString() {
    return "PartnerAgreementPolicy{terminationNotice=" + terminationNotice + "}";
  }
}
