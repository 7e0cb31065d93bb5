package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One point in a term's history (SUB-2..7): from {@link #date()} on, the subscription holds
 * {@link #seats()} seats with the given status, paying {@link #price()}: one {@link UnitPrice}
 * per seat (always under the default price lock), or mixed prices under a change-day lock
 * (PRC-6). While active it accrues its rate, what its seats cost over a whole term, times the
 * counted days over the term's day count ({@link Accrual}, BIL-6). Immutable.
 */
public final class Step {
  private final LocalDate date;
  private final ChangeKind kind;
  private final int seats;
  private final SubscriptionStatus status;
  private final SeatPrice price;

  private Step(LocalDate date, ChangeKind kind, int seats, SubscriptionStatus status,
      SeatPrice price) {
    this.date = requireNonNull(date, "date");
    this.kind = requireNonNull(kind, "kind");
    this.status = requireNonNull(status, "status");
    this.seats = seats;
    this.price = requireNonNull(price, "price");
  }

  /**
   * @param date the first day it applies
   * @param kind what happened
   * @param seats the seats from then on
   * @param status the status from then on
   * @param price what the seats pay a year
   * @return the step
   * @throws io.github.cspkit.csp.OutOfRangeException if the seats' annual price does not fit a
   *     {@code long} of minor units
   */
  public static Step of(LocalDate date, ChangeKind kind, int seats,
      SubscriptionStatus status, SeatPrice price) {
    if (price instanceof UnitPrice u) {
      u.checkFor(seats);
    }
    return new Step(date, kind, seats, status, price);
  }

  /**
   * A step from its accrual rates, as a store keeps them: its seats pay one {@link UnitPrice}
   * when both rates are that price times the seats, else mixed prices.
   *
   * @param date the first day it applies
   * @param kind what happened
   * @param seats the seats from then on
   * @param status the status from then on
   * @param saleRate the annual sale price of the seats ({@code unit × seats})
   * @param costRate their annual cost
   * @return the step
   */
  public static Step of(LocalDate date, ChangeKind kind, int seats,
      SubscriptionStatus status, long saleRate, long costRate) {
    boolean perSeat = seats > 0 && saleRate >= 0 && costRate >= 0 && saleRate % seats == 0
        && costRate % seats == 0;
    return new Step(date, kind, seats, status, perSeat
        ? UnitPrice.of(saleRate / seats, costRate / seats)
        : new SeatPrice.Mixed(saleRate, costRate));
  }

  /**
   * @param date the first day it applies
   * @param kind what happened
   * @param status the status from then on
   * @return a step with the same seats and price
   */
  public Step then(LocalDate date, ChangeKind kind, SubscriptionStatus status) {
    return new Step(date, kind, seats, status, price);
  }

  /** @return the first day it applies */
  public LocalDate date() {
    return date;
  }

  /** @return what happened */
  public ChangeKind kind() {
    return kind;
  }

  /** @return the seats from then on */
  public int seats() {
    return seats;
  }

  /** @return the status from then on */
  public SubscriptionStatus status() {
    return status;
  }

  /** @return what the seats pay a year: a unit price each, or mixed prices */
  public SeatPrice price() {
    return price;
  }

  /** @return the annual sale price of the seats while active, minor units */
  public long saleRate() {
    return price.saleRate(seats);
  }

  /** @return the annual cost of the seats while active, minor units */
  public long costRate() {
    return price.costRate(seats);
  }

  /** @return the sale rate that accrues from this step on (0 unless active) */
  public long chargedSaleRate() {
    return status == SubscriptionStatus.ACTIVE ? price.saleRate(seats) : 0;
  }

  /** @return the cost rate that accrues from this step on (0 unless active) */
  public long chargedCostRate() {
    return status == SubscriptionStatus.ACTIVE ? price.costRate(seats) : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Step s && s.date.equals(date) && s.kind == kind && s.seats == seats
        && s.status == status && s.saleRate() == saleRate() && s.costRate() == costRate();
  }

  @Override
  public int hashCode() {
    return date.hashCode() * 31 + kind.hashCode() * 17 + seats * 7 + Long.hashCode(saleRate());
  }

  @Override
  public String toString() {
    return date + " " + kind + " seats=" + seats + " " + status + " rate=" + saleRate() + "/"
        + costRate();
  }
}
