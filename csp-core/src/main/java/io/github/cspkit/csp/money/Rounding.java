package io.github.cspkit.csp.money;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an exact rational amount {@code numerator / denominator} (in minor units) is rounded to a
 * whole minor unit, once per charge (BIL-6): a policy. The default is {@link #HALF_UP}.
 */
@FunctionalInterface
public interface Rounding {
  /** Half up, away from zero on a tie: 0.5 → 1, -0.5 → -1 (the default of BIL-6). */
  Rounding HALF_UP = (n, d) -> {
    Checks.range(d > 0, "denominator must be positive, found %s", d);
    long q = n / d;
    long r = n % d;
    if (r == 0) {
      return q;
    }
    long twice = Math.abs(r) * 2;
    boolean up = twice >= Math.abs(d) || twice < 0;
    return up ? q + (((n < 0) ^ (d < 0)) ? -1 : 1) : q;
  };

  /** Banker's rounding. */
  Rounding HALF_EVEN = of(RoundingMode.HALF_EVEN);

  /**
   * @param mode a {@code java.math} rounding mode
   * @return a rounding that follows it (through {@code BigDecimal}, slower than {@link #HALF_UP})
   */
  static Rounding of(RoundingMode mode) {
    return (n, d) -> {
      Checks.range(d > 0, "denominator must be positive, found %s", d);
      try {
        return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 0, mode).longValueExact();
      } catch (ArithmeticException e) { // only RoundingMode.UNNECESSARY on an inexact quotient
        throw new OutOfRangeException(n + "/" + d + " is not a whole minor unit under " + mode, e);
      }
    };
  }

  /**
   * @param numerator the exact amount times {@code denominator}, in minor units
   * @param denominator positive
   * @return the rounded whole minor units
   * @throws OutOfRangeException if {@code denominator} is not positive
   */
  long divide(long numerator, long denominator);

  /**
   * Rounds a numerator that may not fit a {@code long} (BIL-6: an amount is computed exactly
   * whenever the result fits). The quotient is split into an even whole part, truncated toward
   * zero, and a rest below twice the denominator with the same sign, fraction and parity, which
   * {@link #divide(long, long)} rounds: exact for every rounding that, like a
   * {@link RoundingMode}, depends only on those.
   *
   * @param numerator the exact amount times {@code denominator}
   * @param denominator positive, at most {@code Long.MAX_VALUE / 2} when the numerator does not fit
   *     a {@code long}
   * @return the rounded whole minor units
   * @throws OutOfRangeException if {@code denominator} is not positive, or too large for a
   *     numerator beyond a {@code long}, or if the result does not fit a {@code long}
   */
  default long divide(java.math.BigInteger numerator, long denominator) {
    java.util.Objects.requireNonNull(numerator, "numerator");
    Checks.range(denominator > 0, "denominator must be positive, found %s", denominator);
    if (numerator.bitLength() <= 63) {
      return divide(numerator.longValue(), denominator);
    }
    Checks.range(denominator <= Long.MAX_VALUE / 2, "denominator %s is too large to round %s",
        denominator, numerator);
    java.math.BigInteger d = java.math.BigInteger.valueOf(denominator);
    java.math.BigInteger q = numerator.divide(d);
    java.math.BigInteger even =
        q.testBit(0) ? q.subtract(java.math.BigInteger.valueOf(q.signum())) : q;
    if (even.bitLength() > 63) {
      throw MinorUnits.outOfRange("%s / %s does not fit a long of minor units", numerator,
          denominator);
    }
    long rest = numerator.subtract(even.multiply(d)).longValueExact(); // |rest| < 2 × denominator
    long whole = even.longValue();
    long r = divide(rest, denominator);
    long sum = whole + r;
    if (((whole ^ sum) & (r ^ sum)) < 0) {
      throw MinorUnits.outOfRange("%s / %s does not fit a long of minor units", numerator,
          denominator);
    }
    return sum;
  }
}
