package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;

/**
 * The annual price of one seat, sale and cost together (PRC-5, PRC-6): locked on a term's first
 * day and kept by the term and by every step whose seats all pay it. Minor units of the
 * subscription's currency, never negative. Immutable.
 *
 * @param sale the sale unit price, what the customer pays
 * @param cost the cost unit price, what the partner pays (BIL-4)
 */
public record UnitPrice(long sale, long cost) implements SeatPrice {
  /**
   * @param sale the sale unit price, not negative
   * @param cost the cost unit price, not negative
   */
  public UnitPrice {
    Checks.range(sale >= 0 && cost >= 0, "unit prices must not be negative, found sale %s and"
        + " cost %s", sale, cost);
  }

  /**
   * @param sale the sale unit price, not negative
   * @param cost the cost unit price, not negative
   * @return the unit price
   */
  public static UnitPrice of(long sale, long cost) {
    return new UnitPrice(sale, cost);
  }

  /** Every seat pays the unit price: {@code sale × seats}. */
  @Override
  public long saleRate(int seats) {
    return sale * seats;
  }

  /** Every seat pays the unit price: {@code cost × seats}. */
  @Override
  public long costRate(int seats) {
    return cost * seats;
  }

  /**
   * Checks that {@code seats} seats at this price have an annual price that fits a {@code long}
   * (every prorated charge of a term is at most that).
   *
   * @param seats the seats
   * @return this price
   * @throws io.github.cspkit.csp.OutOfRangeException if it does not fit
   */
  UnitPrice checkFor(long seats) {
    MinorUnits.multiply(sale, seats);
    MinorUnits.multiply(cost, seats);
    return this;
  }

  @Override
  public SeatPrice without(int seats, int removed) {
    return this;
  }

  @Override
  public long saleOf(int seats, int removed) {
    return sale * removed;
  }

  @Override
  public long costOf(int seats, int removed) {
    return cost * removed;
  }

  @Override
  public SeatPrice with(int seats, int added, UnitPrice price) {
    long saleAdded = MinorUnits.multiply(price.sale, added);
    long costAdded = MinorUnits.multiply(price.cost, added);
    long saleRate = MinorUnits.add(saleRate(seats), saleAdded);
    long costRate = MinorUnits.add(costRate(seats), costAdded);
    return price.equals(this) ? this : new Mixed(saleRate, costRate);
  }
}
