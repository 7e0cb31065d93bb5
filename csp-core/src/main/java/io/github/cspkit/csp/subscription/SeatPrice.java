package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Numerator;

/**
 * What a {@link Step}'s seats pay a year (PRC-6, SUB-2, SUB-7): either every seat pays one
 * {@link UnitPrice} (always under the default term-start price lock), or the seats were bought at
 * different unit prices under a change-day lock and only their total is known ({@link Mixed}).
 * The step's accrual rate, what its seats cost over a whole term, follows from it and the seats.
 */
public sealed interface SeatPrice permits UnitPrice, SeatPrice.Mixed {
  /**
   * @param seats the step's seats
   * @return the annual sale price of all of them, minor units
   */
  long saleRate(int seats);

  /**
   * @param seats the step's seats
   * @return the annual cost of all of them, minor units
   */
  long costRate(int seats);

  /**
   * What removed seats stop accruing a year (SUB-7): their unit price, or under mixed prices the
   * seats' average, truncated toward zero.
   *
   * @param seats the seats before
   * @param removed the seats removed, fewer than {@code seats}
   * @return the sale price of the removed seats, minor units
   */
  long saleOf(int seats, int removed);

  /**
   * @param seats the seats before
   * @param removed the seats removed, fewer than {@code seats}
   * @return the cost of the removed seats, minor units
   */
  long costOf(int seats, int removed);

  /**
   * @param seats the seats before
   * @param removed the seats removed, fewer than {@code seats}
   * @return what the remaining seats pay
   */
  SeatPrice without(int seats, int removed);

  /**
   * @param seats the seats before
   * @param added the seats added
   * @param price what each added seat pays
   * @return what all the seats pay; mixed unless the added seats pay this same unit price
   * @throws io.github.cspkit.csp.OutOfRangeException if the annual price of the seats does not
   *     fit a {@code long}
   */
  SeatPrice with(int seats, int added, UnitPrice price);

  /**
   * The price of seats bought at different unit prices (a change-day price lock, PRC-6): only
   * their annual totals are known. A removed seat is credited at the seats' average price.
   *
   * @param saleRate the annual sale price of all the seats, minor units
   * @param costRate their annual cost, minor units
   */
  record Mixed(long saleRate, long costRate) implements SeatPrice {
    @Override
    public long saleRate(int seats) {
      return saleRate;
    }

    @Override
    public long costRate(int seats) {
      return costRate;
    }

    @Override
    public long saleOf(int seats, int removed) {
      return Numerator.product(saleRate, removed).quotient(seats);
    }

    @Override
    public long costOf(int seats, int removed) {
      return Numerator.product(costRate, removed).quotient(seats);
    }

    @Override
    public SeatPrice without(int seats, int removed) {
      return new Mixed(saleRate - saleOf(seats, removed), costRate - costOf(seats, removed));
    }

    @Override
    public SeatPrice with(int seats, int added, UnitPrice price) {
      long saleAdded = MinorUnits.multiply(price.sale(), added);
      long costAdded = MinorUnits.multiply(price.cost(), added);
      return new Mixed(MinorUnits.add(saleRate, saleAdded), MinorUnits.add(costRate, costAdded));
    }
  }
}
