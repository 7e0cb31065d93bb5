package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

/**
 * When the agreement renews and how early notice must be given (AGR-2, AGR-3).
 * <p>
 * Terms end on the renewal date each year ({@link #renewalIn(int)}). A notice stops a renewal when
 * it is given on or before that renewal's {@linkplain #deadlineFor(LocalDate) deadline}, the
 * renewal date minus the notice period. A renewal date of {@code --02-29} falls on February 28 in
 * years that are not leap years. Dates are never shifted to business days.
 */
public interface RenewalPolicy {
  /** The seed renewal date, August 31 (AGR-2). */
  MonthDay SEED_RENEWAL_DATE = MonthDay.of(8, 31);
  /** The seed notice period, 30 days (AGR-3). */
  Period SEED_NOTICE_PERIOD = Period.ofDays(30);

  /** @return the day of the year on which each term ends (AGR-2) */
  MonthDay renewalDate();

  /** @return how long before a renewal date notice must be given to stop it (AGR-3) */
  Period noticePeriod();

  /**
   * The renewal date in {@code year}; {@code --02-29} gives February 28 in a non-leap year.
   *
   * @param year the year
   * @return the renewal date of that year
   */
  default LocalDate renewalIn(int year) {
    return renewalDate().atYear(year);
  }

  /**
   * @param date a date
   * @return the first renewal date on or after {@code date}
   */
  default LocalDate renewalOnOrAfter(LocalDate date) {
    requireNonNull(date, "date");
    LocalDate renewal = renewalIn(date.getYear());
    return renewal.isBefore(date) ? renewalIn(date.getYear() + 1) : renewal;
  }

  /**
   * @param date a date
   * @return the last renewal date strictly before {@code date}
   */
  default LocalDate renewalBefore(LocalDate date) {
    requireNonNull(date, "date");
    LocalDate renewal = renewalIn(date.getYear());
    return renewal.isBefore(date) ? renewal : renewalIn(date.getYear() - 1);
  }

  /**
   * The last day on which a notice stops {@code renewal} (AGR-3): for August 31 and 30 days,
   * August 1.
   *
   * @param renewal a renewal date
   * @return {@code renewal} minus the notice period
   */
  default LocalDate deadlineFor(LocalDate renewal) {
    requireNonNull(renewal, "renewal");
    return renewal.minus(noticePeriod());
  }

  /** @return the seed policy: renewal on {@code --08-31}, notice 30 days before (AGR-2, AGR-3) */
  static RenewalPolicy seed() {
    return FixedRenewalPolicy.SEED;
  }

  /**
   * Obtains a policy.
   *
   * @param renewalDate the day each term ends; {@code --02-29} means February 28 in non-leap years
   * @param noticePeriod the notice period, not negative and shorter than the time between two
   *     renewals
   * @return the policy
   * @throws io.github.cspkit.csp.OutOfRangeException when the notice period is negative or a year
   *     or longer
   */
  static RenewalPolicy of(MonthDay renewalDate, Period noticePeriod) {
    return new FixedRenewalPolicy(renewalDate, noticePeriod);
  }
}
