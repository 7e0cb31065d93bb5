package io.github.cspkit.csp.subscription.internal;

/**
 * How a prorated charge is explained (SUB-2, BIL-5): {@code unit × seats × days/daysInTerm}. An
 * accrual rate is {@code unit × seats} when all seats have one price; under a change-day price
 * lock seats may carry different prices, and the rate is then shown whole, as {@code rate × ±1}.
 * Either way the formula reproduces the charge exactly.
 *
 * @param unit the annual unit price, minor units, never negative
 * @param seats the seats charged, negative for a credit
 */
public record UnitSeats(long unit, long seats) {
  /**
   * @param rate a rate or a change of rate, minor units per year
   * @param seats the seats it is for (negative for a credit), or 0 if unknown
   * @return {@code rate / seats × seats} when exact, else {@code |rate| × ±1}
   */
  public static UnitSeats explain(long rate, long seats) {
    if (seats != 0 && rate % seats == 0 && (rate == 0 || (rate > 0) == (seats > 0))) {
      return new UnitSeats(rate / seats, seats);
    }
    return new UnitSeats(Math.abs(rate), rate < 0 ? -1 : 1);
  }
}
