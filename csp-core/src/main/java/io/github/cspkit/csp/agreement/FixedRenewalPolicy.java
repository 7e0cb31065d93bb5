package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.time.MonthDay;
import java.time.Period;

/**
 * The {@link RenewalPolicy} of {@link RenewalPolicy#of} (AGR-2, AGR-3).
 *
 * @param renewalDate the day of the year on which each term ends
 * @param noticePeriod how long before a renewal date notice must be given
 */
record FixedRenewalPolicy(MonthDay renewalDate, Period noticePeriod) implements RenewalPolicy {
  static final FixedRenewalPolicy SEED =
      new FixedRenewalPolicy(SEED_RENEWAL_DATE, SEED_NOTICE_PERIOD);

  FixedRenewalPolicy {
    requireNonNull(renewalDate, "renewalDate");
    requireNonNull(noticePeriod, "noticePeriod");
    Checks.range(!noticePeriod.isNegative(), "noticePeriod must not be negative, found %s",
        noticePeriod);
    // the deadline of each renewal must come after the renewal before it (leap and common years)
    for (int year = 2000; year <= 2004; year++) {
      Checks.range(renewalDate.atYear(year).minus(noticePeriod)
              .isAfter(renewalDate.atYear(year - 1)),
          "noticePeriod %s must be shorter than the time between two renewals", noticePeriod);
    }
  }

  @Override
  public String toString() {
    return "RenewalPolicy{renewalDate=" + renewalDate + ", noticePeriod=" + noticePeriod + "}";
  }
}
