package io.github.cspkit.csp.money;

import static java.util.Objects.requireNonNull;

import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * An amount in whole minor units of a currency (BIL-6: money is exact to the minor unit): the one
 * value that stands for an amount inside the library, instead of a {@code long} accessor paired
 * with a {@link MonetaryAmount} one. It becomes a {@link MonetaryAmount} only at the edge
 * ({@link #toMonetary()}). Immutable and cheap: two fields, no arithmetic on creation.
 *
 * @param minor the amount in minor units, negative for a credit
 * @param currency its currency
 */
public record MinorAmount(long minor, CurrencyUnit currency) {
  /**
   * @param minor the amount in minor units
   * @param currency its currency
   */
  public MinorAmount {
    requireNonNull(currency, "currency");
  }

  /**
   * @param minor the amount in minor units
   * @param currency its currency
   * @return the amount
   */
  public static MinorAmount of(long minor, CurrencyUnit currency) {
    return new MinorAmount(minor, currency);
  }

  /**
   * @param amount an amount with no more digits than its currency's minor unit
   * @return the same amount in minor units
   * @throws io.github.cspkit.csp.OutOfRangeException if it is finer than the minor unit or does
   *     not fit a {@code long}
   */
  public static MinorAmount of(MonetaryAmount amount) {
    return new MinorAmount(MinorUnits.of(amount), amount.getCurrency());
  }

  /** @return the amount at the API edge, with the currency's scale */
  public MonetaryAmount toMonetary() {
    return MinorUnits.toAmount(minor, currency);
  }

  /**
   * @param other an amount in the same currency
   * @return the sum
   * @throws io.github.cspkit.csp.OutOfRangeException if the currencies differ or the sum does not
   *     fit a {@code long}
   */
  public MinorAmount plus(MinorAmount other) {
    if (!other.currency.equals(currency)) {
      throw MinorUnits.outOfRange("cannot add %s to %s", other, this);
    }
    return new MinorAmount(MinorUnits.add(minor, other.minor), currency);
  }

  /** @return the amount as a plain decimal, for example {@code -114.92} */
  public String format() {
    return MinorUnits.format(minor, currency);
  }

  /** @return the amount and its currency, for example {@code 288.00 USD} */
  @Override
  public String toString() {
    return format() + " " + currency.getCurrencyCode();
  }
}
