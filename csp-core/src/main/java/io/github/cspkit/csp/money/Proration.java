package io.github.cspkit.csp.money;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import javax.money.MonetaryAmount;

/**
 * The prorated charge of SUB-2: {@code unit price × seats × days / days in term}, computed exactly
 * in minor units and rounded once by the {@link Rounding} policy. This is the public proration API;
 * it is cheap enough to call for every bill line. {@link Formula} is the same computation as a
 * value that also renders its text.
 */
public final class Proration {
  private static final Proration SEED = new Proration(Rounding.HALF_UP);

  private final Rounding rounding;

  private Proration(Rounding rounding) {
    this.rounding = rounding;
  }

  /** @return proration with HALF_UP rounding (the seed's reading of SUB-2 and BIL-6) */
  public static Proration seed() {
    return SEED;
  }

  /**
   * @param rounding the rounding policy
   * @return a proration that rounds with it
   */
  public static Proration of(Rounding rounding) {
    return new Proration(requireNonNull(rounding, "rounding"));
  }

  /** @return the rounding policy */
  public Rounding rounding() {
    return rounding;
  }

  /**
   * Computes {@code unitPrice × seats × days / daysInTerm}, rounded once.
   *
   * @param unitMinor the annual unit price in minor units
   * @param seats the seats (negative for a credit)
   * @param days the days charged
   * @param daysInTerm the days in the term, positive
   * @return the charge in minor units, exact whenever it fits a {@code long}, whatever the size of
   *     the intermediate products
   * @throws io.github.cspkit.csp.OutOfRangeException if {@code daysInTerm} is not positive or the
   *     charge does not fit a {@code long}
   */
  public long chargeMinor(long unitMinor, long seats, long days, long daysInTerm) {
    Checks.range(daysInTerm > 0, "daysInTerm must be positive, found %s", daysInTerm);
    long rate = unitMinor * seats;
    if (Math.multiplyHigh(unitMinor, seats) == rate >> 63) {
      long numerator = rate * days;
      if (Math.multiplyHigh(rate, days) == numerator >> 63) {
        return rounding.divide(numerator, daysInTerm); // the fast path: everything fits a long
      }
      return Numerator.product(rate, days).divide(daysInTerm, rounding);
    }
    return rounding.divide(java.math.BigInteger.valueOf(unitMinor)
        .multiply(java.math.BigInteger.valueOf(seats))
        .multiply(java.math.BigInteger.valueOf(days)), daysInTerm);
  }

  /**
   * Computes {@code unitPrice × seats × days / daysInTerm} in the unit price's currency.
   *
   * @param unitPrice the annual unit price of one seat
   * @param seats the seats (negative for a credit)
   * @param days the days charged
   * @param daysInTerm the days in the term, positive
   * @return the charge, rounded once to the minor unit
   */
  public MonetaryAmount charge(MonetaryAmount unitPrice, long seats, long days, long daysInTerm) {
    long minor = chargeMinor(MinorUnits.of(unitPrice), seats, days, daysInTerm);
    return MinorUnits.toAmount(minor, unitPrice.getCurrency());
  }
}
