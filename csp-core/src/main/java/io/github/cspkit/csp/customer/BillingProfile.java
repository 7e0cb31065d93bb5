package io.github.cspkit.csp.customer;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.YearMonth;
import javax.money.CurrencyUnit;
import org.immutables.value.Value;

/**
 * A customer's billing cycle, chosen by its partner (BIL-2): the billing day (1 to 31) and the bill
 * currency. A period starts on the billing day of each month, or on the month's last day when the
 * month is shorter: billing day 31 gives periods starting Jan 31, Feb 28 (29), Mar 31, Apr 30.
 */
@Value.Immutable
public abstract class BillingProfile {
  BillingProfile() {} // only the generated implementation extends it

  /** @return the billing day, 1 to 31 */
  @Value.Parameter
  public abstract int billingDay();

  /** @return the bill currency */
  @Value.Parameter
  public abstract CurrencyUnit currency();

  /**
   * @param billingDay 1 to 31
   * @param currency the bill currency
   * @return the profile
   * @throws RuleViolation BIL-2 if the billing day is not 1 to 31
   */
  public static BillingProfile of(int billingDay, CurrencyUnit currency) {
    requireNonNull(currency, "currency");
    Checks.rule(billingDay >= 1 && billingDay <= 31, "BIL-2",
        "billing day must be 1 to 31, found %s", billingDay);
    return ImmutableBillingProfile.of(billingDay, currency);
  }

  /**
   * @param month a month
   * @return the first day of the period that starts in that month
   */
  public LocalDate periodStartIn(YearMonth month) {
    return month.atDay(Math.min(billingDay(), month.lengthOfMonth()));
  }

  /**
   * @param month a month
   * @return the period that starts in that month
   */
  public DateRange periodStartingIn(YearMonth month) {
    return DateRange.of(periodStartIn(month), periodStartIn(month.plusMonths(1)));
  }

  /**
   * @param date a date
   * @return the period that holds it
   */
  public DateRange periodContaining(LocalDate date) {
    YearMonth month = YearMonth.from(date);
    LocalDate start = periodStartIn(month);
    return date.isBefore(start) ? periodStartingIn(month.minusMonths(1)) : periodStartingIn(month);
  }

  /**
   * @param date a date
   * @return the first period that starts on or after it
   */
  public DateRange firstPeriodFrom(LocalDate date) {
    DateRange holding = periodContaining(date);
    return holding.start().equals(date) ? holding : next(holding);
  }

  /**
   * @param period a period of this profile
   * @return the period after it
   */
  public DateRange next(DateRange period) {
    return periodStartingIn(YearMonth.from(period.end()));
  }

  /**
   * @param currency another currency
   * @return this profile with that currency
   */
  public BillingProfile withCurrency(CurrencyUnit currency) {
    return of(billingDay(), currency);
  }

  /**
   * @param billingDay another billing day
   * @return this profile with that day
   */
  public BillingProfile withBillingDay(int billingDay) {
    return of(billingDay, currency());
  }
}
