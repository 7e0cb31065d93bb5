package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.time.Period;

/**
 * The policy of the Microsoft Partner Agreement (MPA-1): how long before the date it names a
 * written notice of termination must be given. The agreement has no term and no renewal date, so
 * this is its only policy value. The current program's reading ({@link #currentProgram()}) is 30
 * days: a notice given on 2025-03-01 can end the agreement on 2025-03-31 at the earliest.
 * <p>
 * It is the current program's alternative to the seed's {@link RenewalPolicy} (AGR-2, AGR-3),
 * which it replaces for a partner under the MPA.
 */
public interface PartnerAgreementPolicy {
  /** The current program's termination notice: 30 calendar days (MPA-1). */
  Period DEFAULT_TERMINATION_NOTICE = Period.ofDays(30);

  /** @return the least time between a notice of termination and the date it names (MPA-1) */
  Period terminationNotice();

  /**
   * The earliest date on which a notice given on {@code givenOn} can end the agreement (MPA-1).
   *
   * @param givenOn the day the notice is given
   * @return {@code givenOn} plus the termination notice
   */
  default LocalDate earliestTerminationFor(LocalDate givenOn) {
    requireNonNull(givenOn, "givenOn");
    return givenOn.plus(terminationNotice());
  }

  /** @return the current program's policy: 30 days of notice (MPA-1) */
  static PartnerAgreementPolicy currentProgram() {
    return FixedPartnerAgreementPolicy.CURRENT;
  }

  /**
   * @param terminationNotice the least notice, not negative
   * @return a policy with that notice
   * @throws io.github.cspkit.csp.OutOfRangeException if the notice is negative
   */
  static PartnerAgreementPolicy of(Period terminationNotice) {
    requireNonNull(terminationNotice, "terminationNotice");
    Checks.range(!terminationNotice.isNegative(), "terminationNotice must not be negative, found %s",
        terminationNotice);
    return new FixedPartnerAgreementPolicy(terminationNotice);
  }
}
