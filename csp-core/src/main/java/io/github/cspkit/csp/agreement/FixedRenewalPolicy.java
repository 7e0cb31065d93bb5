package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.time.MonthDay;
import java.time.Period;

/** The {@link RenewalPolicy} of {@link RenewalPolicy#of} (AGR-2, AGR-3). */
final class FixedRenewalPolicy implements RenewalPolicy {
  static final FixedRenewalPolicy SEED =
      new FixedRenewalPolicy(SEED_RENEWAL_DATE, SEED_NOTICE_PERIOD);

  private final MonthDay renewalDate;
  private final Period noticePeriod;

  FixedRenewalPolicy(MonthDay renewalDate, Period noticePeriod) {
    this.renewalDate = requireNonNull(renewalDate, "renewalDate");
    this.noticePeriod = requireNonNull(noticePeriod, "noticePeriod");
    Checks.range(!noticePeriod.isNegative(), "noticePeriod must not be negative, found %s",
        noticePeriod);
    // the deadline of each renewal must come after the renewal before it (leap and common years)
    for (int year = 2000; year <= 2004; year++) {
      Checks.range(deadlineFor(renewalIn(year)).isAfter(renewalIn(year - 1)),
          "noticePeriod %s must be shorter than the time between two renewals", noticePeriod);
    }
  }

  @Override
  public MonthDay renewalDate() {
    return renewalDate;
  }

  @Override
  public Period noticePeriod() {
    return noticePeriod;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FixedRenewalPolicy p
        && renewalDate.equals(p.renewalDate) && noticePeriod.equals(p.noticePeriod);
  }

  @Override
  public int hashCode() {
    return renewalDate.hashCode() * 31 + noticePeriod.hashCode();
  }

  @Override
  public String toString() {
    return "RenewalPolicy{renewalDate=" + renewalDate + ", noticePeriod=" + noticePeriod + "}";
  }
}
