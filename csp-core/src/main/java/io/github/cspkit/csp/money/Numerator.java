package io.github.cspkit.csp.money;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * An exact accrual numerator (SUB-2, BIL-6): a sum of {@code rate × days} products in minor units,
 * to be divided by a term's day count and rounded once. It is a signed 128-bit integer, so that it
 * stays exact where {@code rate × days} no longer fits a {@code long} (2,147,483,647 seats at
 * 1,199,999.99 accrue about 9.4 × 10^19 minor units × days over a year) although the amount it
 * stands for does. Immutable; {@link Sum} accumulates without allocating.
 */
public final class Numerator implements Comparable<Numerator> {
  /** Zero. */
  public static final Numerator ZERO = new Numerator(0, 0);

  private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final long hi;
  private final long lo;

  private Numerator(long hi, long lo) {
    this.hi = hi;
    this.lo = lo;
  }

  /**
   * @param value a value
   * @return that value as a numerator
   */
  public static Numerator of(long value) {
    return value == 0 ? ZERO : new Numerator(value >> 63, value);
  }

  /**
   * @param value a value of at most 127 bits and a sign, as stored by a repository
   * @return that value as a numerator
   * @throws io.github.cspkit.csp.OutOfRangeException if it needs more than 128 bits
   */
  public static Numerator of(BigInteger value) {
    requireNonNull(value, "value");
    if (value.bitLength() > 127) {
      throw MinorUnits.outOfRange("the numerator %s needs more than 128 bits", value);
    }
    return new Numerator(value.shiftRight(64).longValue(), value.longValue());
  }

  /**
   * @param a a factor, such as an accrual rate
   * @param b a factor, such as a number of days
   * @return {@code a × b}, exactly
   */
  public static Numerator product(long a, long b) {
    return new Numerator(Math.multiplyHigh(a, b), a * b);
  }

  /**
   * @param other a numerator
   * @return {@code this + other}, exactly
   * @throws io.github.cspkit.csp.OutOfRangeException beyond 128 bits
   */
  public Numerator plus(Numerator other) {
    long l = lo + other.lo;
    long carry = Long.compareUnsigned(l, lo) < 0 ? 1 : 0;
    return new Numerator(addHigh(hi, other.hi, carry), l);
  }

  /**
   * @param a a factor
   * @param b a factor
   * @return {@code this + a × b}, exactly
   * @throws io.github.cspkit.csp.OutOfRangeException beyond 128 bits
   */
  public Numerator plusProduct(long a, long b) {
    return plus(product(a, b));
  }

  /** @return {@code -this} */
  public Numerator negate() {
    long l = -lo;
    return new Numerator(addHigh(~hi, 0, l == 0 ? 1 : 0), l);
  }

  /**
   * Divides by a positive denominator and rounds once (BIL-6).
   *
   * @param denominator positive, such as a term's day count
   * @param rounding how to round
   * @return {@code rounding(this / denominator)} in whole minor units
   * @throws io.github.cspkit.csp.OutOfRangeException if the result does not fit a {@code long}
   */
  public long divide(long denominator, Rounding rounding) {
    if (hi == lo >> 63) {
      return rounding.divide(lo, denominator); // the fast path: the numerator fits a long
    }
    return rounding.divide(toBigInteger(), denominator);
  }

  /**
   * @param denominator positive
   * @return {@code this / denominator}, truncated toward zero
   * @throws io.github.cspkit.csp.OutOfRangeException if {@code denominator} is not positive, or the
   *     result does not fit a {@code long}
   */
  public long quotient(long denominator) {
    io.github.cspkit.csp.internal.Checks.range(denominator > 0,
        "denominator must be positive, found %s", denominator);
    if (hi == lo >> 63) {
      return lo / denominator;
    }
    BigInteger q = toBigInteger().divide(BigInteger.valueOf(denominator));
    if (q.bitLength() > 63) {
      throw MinorUnits.outOfRange("%s / %s does not fit a long", this, denominator);
    }
    return q.longValue();
  }

  /** @return whether the value fits a {@code long} */
  public boolean fitsLong() {
    return hi == lo >> 63;
  }

  /**
   * @return the value
   * @throws io.github.cspkit.csp.OutOfRangeException if it does not fit a {@code long}
   */
  public long longValueExact() {
    if (!fitsLong()) {
      throw MinorUnits.outOfRange("the numerator %s does not fit a long", this);
    }
    return lo;
  }

  /** @return the value, for storage and display */
  public BigInteger toBigInteger() {
    if (fitsLong()) {
      return BigInteger.valueOf(lo);
    }
    return BigInteger.valueOf(hi).shiftLeft(64).or(BigInteger.valueOf(lo).and(LOW_MASK));
  }

  /** @return -1, 0 or 1 as the value is negative, zero or positive */
  public int signum() {
    return hi < 0 ? -1 : (hi == 0 && lo == 0) ? 0 : 1;
  }

  @Override
  public int compareTo(Numerator o) {
    int c = Long.compare(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Numerator n && n.hi == hi && n.lo == lo;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hi) * 31 + Long.hashCode(lo);
  }

  @Override
  public String toString() {
    return fitsLong() ? Long.toString(lo) : toBigInteger().toString();
  }

  /** {@code a + b + carry} (carry 0 or 1), refusing a result beyond a {@code long}. */
  private static long addHigh(long a, long b, long carry) {
    long s = a + b;
    boolean wrapped = ((a ^ s) & (b ^ s)) < 0;
    boolean carriedOver = carry == 1 && s == Long.MAX_VALUE;
    // both at once: a + b was Long.MIN_VALUE - 1, and the carry brings it back
    if (wrapped != carriedOver) {
      throw MinorUnits.outOfRange("a numerator beyond 128 bits");
    }
    return s + carry;
  }

  /**
   * A running sum of {@code rate × days} products: the allocation-free form of
   * {@link Numerator} for loops over bill lines. Not thread-safe; use one per computation.
   */
  public static final class Sum {
    private long hi;
    private long lo;

    /**
     * @param start the starting value
     */
    public Sum(Numerator start) {
      this.hi = start.hi;
      this.lo = start.lo;
    }

    /**
     * Starts over from a value, so that one sum serves a loop of computations.
     *
     * @param start the starting value
     * @return this sum
     */
    public Sum reset(Numerator start) {
      this.hi = start.hi;
      this.lo = start.lo;
      return this;
    }

    /**
     * Adds {@code a × b}.
     *
     * @param a a factor
     * @param b a factor
     * @return this sum
     */
    public Sum addProduct(long a, long b) {
      long pl = a * b;
      long ph = Math.multiplyHigh(a, b);
      long l = lo + pl;
      long carry = Long.compareUnsigned(l, lo) < 0 ? 1 : 0;
      hi = addHigh(hi, ph, carry);
      lo = l;
      return this;
    }

    /**
     * @param denominator positive
     * @param rounding how to round
     * @return the sum divided by {@code denominator}, rounded once
     */
    public long divide(long denominator, Rounding rounding) {
      if (hi == lo >> 63) {
        return rounding.divide(lo, denominator);
      }
      return value().divide(denominator, rounding);
    }

    /** @return the sum so far */
    public Numerator value() {
      return hi == 0 && lo == 0 ? ZERO : new Numerator(hi, lo);
    }
  }
}
