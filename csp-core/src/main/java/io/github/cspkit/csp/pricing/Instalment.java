package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Rounding;
import javax.money.CurrencyUnit;

/**
 * The vendor's charge of one seat for one charge cycle (NCE-2): a term's price ÷ the cycles in the
 * term, kept exact as the rational {@code termPriceMinor / cycles} ({@code P1Y} at 100.00 billed
 * monthly is 100.00/12, not 8.33), so that a share of a cycle is rounded once, from the exact value
 * (NCE-10).
 *
 * @param termPriceMinor the price of one seat for the whole term, minor units, not negative
 * @param cycles the charge cycles in the term, at least 1
 * @param currency the currency
 */
public record Instalment(long termPriceMinor, int cycles, CurrencyUnit currency) {
  /**
   * Checks the fields.
   * @param termPriceMinor the price of one seat for the whole term, in minor units
   * @param cycles the number of charge cycles in the term
   * @param currency the currency
   * @throws io.github.cspkit.csp.OutOfRangeException if the price is negative or there is no cycle
   */
  public Instalment {
    requireNonNull(currency, "currency");
    Checks.range(termPriceMinor >= 0, "termPriceMinor must not be negative, found %s",
        termPriceMinor);
    Checks.range(cycles >= 1, "cycles must be at least 1, found %s", cycles);
  }

  /**
   * @param termPriceMinor the price of one seat for the term, minor units
   * @param cycles the cycles in the term
   * @param currency the currency
   * @return the instalment
   */
  public static Instalment of(long termPriceMinor, int cycles, CurrencyUnit currency) {
    return new Instalment(termPriceMinor, cycles, currency);
  }

  /** @return whether the instalment is a whole number of minor units */
  public boolean isExact() {
    return termPriceMinor % cycles == 0;
  }

  /**
   * @param rounding how to round when the instalment is not a whole number of minor units
   * @return the instalment in minor units
   */
  public long minor(Rounding rounding) {
    return rounding.divide(termPriceMinor, cycles);
  }

  /**
   * The instalment for {@code days} of a cycle of {@code cycleDays} days, rounded once:
   * {@code termPrice × days / (cycles × cycleDays)} (NCE-4, NCE-10).
   *
   * @param days the days charged, from 0 to {@code cycleDays}
   * @param cycleDays the days in the cycle, positive
   * @param rounding the rounding (the vendor truncates)
   * @return the share in minor units
   * @throws io.github.cspkit.csp.OutOfRangeException if the days are out of range, or the product overflows
   */
  public long share(long days, long cycleDays, Rounding rounding) {
    Checks.range(cycleDays > 0, "cycleDays must be positive, found %s", cycleDays);
    Checks.range(days >= 0 && days <= cycleDays, "days must be from 0 to %s, found %s", cycleDays,
        days);
    return rounding.divide(MinorUnits.multiply(termPriceMinor, days),
        Checks.multiply(cycles, cycleDays));
  }

  /** @return {@code "100.00/12 USD"} */
  @Override
  public String toString() {
    return MinorUnits.format(termPriceMinor, currency) + "/" + cycles + " "
        + currency.getCurrencyCode();
  }
}
