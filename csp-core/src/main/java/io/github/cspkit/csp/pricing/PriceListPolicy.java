package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.time.Period;

/**
 * When a price list may take effect and which days it covers (PRC-1, PRC-2, PRC-3): a policy.
 * <p>
 * The seed's reading ({@link #seed()}): a monthly cadence, where a list is effective on the first day
 * of a month and covers that calendar month (PRC-1, PRC-3), and a notice of 30 calendar days between
 * publication and effective date (PRC-2): a list effective 2025-03-01 must be published by
 * 2025-01-30, one effective 2024-03-01 by 2024-01-31 (leap year).
 * <p>
 * An integrator with another reading implements {@link #notice()} and, if needed, overrides the
 * cadence ({@link #periodStart(LocalDate)}); the other methods follow from those two.
 */
public interface PriceListPolicy {
  /** The seed's notice: 30 calendar days (PRC-2). */
  Period DEFAULT_NOTICE = Period.ofDays(30);

  /** @return the least time between a list's publication and its effective date (PRC-2) */
  Period notice();

  /**
   * The start of the period that covers {@code day}: the effective date of the list that prices it
   * (PRC-3, PRC-4). Under the monthly cadence, the first day of its month.
   *
   * @param day a day
   * @return the first day of the period that covers it
   */
  default LocalDate periodStart(LocalDate day) {
    return day.withDayOfMonth(1);
  }

  /**
   * The last day on which a list effective on {@code effective} may be published (PRC-2): the latest
   * day {@code p} with {@code p + notice <= effective}. 2024-03-01 → 2024-01-31; 2025-03-01 → 2025-01-30.
   *
   * @param effective an effective date
   * @return the latest publication date
   */
  default LocalDate latestPublicationFor(LocalDate effective) {
    requireNonNull(effective, "effective");
    Period notice = notice();
    LocalDate latest = effective.minus(notice);
    // with month-based notices, adding is not the inverse of subtracting: settle on the exact latest day
    while (latest.plus(notice).isAfter(effective)) {
      latest = latest.minusDays(1);
    }
    while (!latest.plusDays(1).plus(notice).isAfter(effective)) {
      latest = latest.plusDays(1);
    }
    return latest;
  }

  /**
   * Refuses a list that breaks the cadence (PRC-1) or the notice (PRC-2).
   *
   * @param list a list
   * @throws RuleViolation PRC-1 if its effective date does not start a period (under the monthly
   *     cadence: is not the first of a month); PRC-2 if it takes effect less than the notice after its
   *     publication, with the latest publication date for its effective date
   */
  default void validate(PriceList list) {
    requireNonNull(list, "list");
    LocalDate effective = list.effectiveOn();
    Checks.rule(
        periodStart(effective).equals(effective),
        "PRC-1",
        "price list %s is effective on %s: a list takes effect on the first day of a period (%s)",
        list.id(), effective, periodStart(effective));
    LocalDate latest = latestPublicationFor(effective);
    Checks.rule(
        !list.publishedOn().isAfter(latest),
        "PRC-2",
        "price list %s published on %s cannot take effect on %s, less than %s after publication; "
            + "a list effective on %s must be published by %s",
        list.id(), list.publishedOn(), effective, noticeText(notice()), effective, latest);
  }

  /** @return the seed's policy: monthly cadence, 30 calendar days of notice */
  static PriceListPolicy seed() {
    return monthly(DEFAULT_NOTICE);
  }

  /**
   * @param notice the notice, not negative
   * @return a monthly cadence with that notice
   */
  static PriceListPolicy monthly(Period notice) {
    requireNonNull(notice, "notice");
    Checks.range(!notice.isNegative(), "notice must not be negative: %s", notice);
    return new MonthlyCadence(notice);
  }

  private static String noticeText(Period notice) {
    if (notice.getYears() == 0 && notice.getMonths() == 0) {
      return notice.getDays() + " days";
    }
    return notice.toString();
  }
}
