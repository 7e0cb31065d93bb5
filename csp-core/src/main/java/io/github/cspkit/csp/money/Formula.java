package io.github.cspkit.csp.money;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import javax.money.CurrencyUnit;

/**
 * The formula of a prorated amount (SUB-2, BIL-5): {@code unit × seats × days/daysInTerm}, where
 * {@code days} and {@code daysInTerm} are counted by the day count policy that accrued the amount,
 * so that the formula printed on an event or a bill line reproduces its amount. This is the one
 * place that renders the text, for example {@code 288.00 × 5 × 224/365}. Immutable.
 *
 * @param unitMinor the annual unit price, minor units (a rate shown whole when seats had
 *     different prices)
 * @param seats the seats charged, negative for a credit, 0 when only shown
 * @param days the counted days charged, not negative
 * @param daysInTerm the counted days of the term, positive
 */
public record Formula(long unitMinor, long seats, long days, long daysInTerm) {
  private static final String TIMES = " × ";

  /**
   * @param unitMinor the annual unit price
   * @param seats the seats
   * @param days the counted days
   * @param daysInTerm the counted days of the term
   */
  public Formula {
    Checks.range(daysInTerm > 0, "daysInTerm must be positive, found %s", daysInTerm);
    Checks.range(days >= 0, "days must not be negative, found %s", days);
  }

  /**
   * Explains an accrual rate, or a change of rate, as {@code unit × seats} (BIL-5): a rate is
   * {@code unit × seats} when all its seats have one price; when they do not (under a change-day
   * price lock), or the seats are unknown, the rate is shown whole, as {@code |rate| × ±1}.
   * Either way {@code unit × seats == rate}, so the formula reproduces the amount.
   *
   * @param rate the annual price of the seats, or its change, minor units
   * @param seats the seats it is for (negative for a credit), or 0 if unknown
   * @param days the counted days
   * @param daysInTerm the counted days of the term
   * @return the formula
   */
  public static Formula explaining(long rate, long seats, long days, long daysInTerm) {
    if (seats != 0 && rate % seats == 0 && (rate == 0 || (rate > 0) == (seats > 0))) {
      return new Formula(rate / seats, seats, days, daysInTerm);
    }
    return new Formula(Math.abs(rate), rate < 0 ? -1 : 1, days, daysInTerm);
  }

  /**
   * @param rounding the rounding policy
   * @return {@code unit × seats × days / daysInTerm}, rounded once (BIL-6)
   * @throws io.github.cspkit.csp.OutOfRangeException if the amount does not fit a {@code long}
   */
  public long amountMinor(Rounding rounding) {
    return Proration.of(rounding).chargeMinor(unitMinor, seats, days, daysInTerm);
  }

  /**
   * @param currency the currency of the unit price
   * @return the text, for example {@code 288.00 × 5 × 224/365}
   */
  public String format(CurrencyUnit currency) {
    int digits = MinorUnits.digits(requireNonNull(currency, "currency"));
    return appendTo(new StringBuilder(width(digits)), digits).toString();
  }

  /**
   * Appends the text without intermediate strings (the renderers' path).
   *
   * @param sb where to append
   * @param digits the currency's minor digits, 0 to 6
   * @return {@code sb}
   */
  public StringBuilder appendTo(StringBuilder sb, int digits) {
    MinorUnits.append(sb, unitMinor, digits).append(TIMES).append(seats).append(TIMES)
        .append(days).append('/').append(daysInTerm);
    return sb;
  }

  /**
   * @param digits the currency's minor digits, 0 to 6
   * @return the length of the text {@link #appendTo} appends
   */
  public int width(int digits) {
    return MinorUnits.width(unitMinor, digits) + 2 * TIMES.length() + MinorUnits.width(seats, 0)
        + MinorUnits.width(days, 0) + 1 + MinorUnits.width(daysInTerm, 0);
  }
}
