package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One point in a term's history (SUB-2..7): from {@link #date()} on, the subscription holds
 * {@link #seats()} seats with the given status, and while active it accrues {@link #saleRate()}
 * (and {@link #costRate()}) minor units per day times the term's day count, that is
 * {@code unit price × seats} under the default price lock. Keeping the rate as an exact numerator
 * keeps accrual exact (BIL-6). Immutable.
 */
public final class Step {
  private final LocalDate date;
  private final ChangeKind kind;
  private final int seats;
  private final SubscriptionStatus status;
  private final long saleRate;
  private final long costRate;

  private Step(LocalDate date, ChangeKind kind, int seats, SubscriptionStatus status,
      long saleRate, long costRate) {
    this.date = requireNonNull(date, "date");
    this.kind = requireNonNull(kind, "kind");
    this.status = requireNonNull(status, "status");
    this.seats = seats;
    this.saleRate = saleRate;
    this.costRate = costRate;
  }

  /**
   * @param date the first day it applies
   * @param kind what happened
   * @param seats the seats from then on
   * @param status the status from then on
   * @param saleRate the sale accrual rate while active ({@code unit × seats})
   * @param costRate the cost accrual rate while active
   * @return the step
   */
  public static Step of(LocalDate date, ChangeKind kind, int seats, SubscriptionStatus status,
      long saleRate, long costRate) {
    return new Step(date, kind, seats, status, saleRate, costRate);
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

  /** @return the sale rate while active, in minor units × days in term per day */
  public long saleRate() {
    return saleRate;
  }

  /** @return the cost rate while active */
  public long costRate() {
    return costRate;
  }

  /** @return the sale rate that accrues from this step on (0 unless active) */
  public long chargedSaleRate() {
    return status == SubscriptionStatus.ACTIVE ? saleRate : 0;
  }

  /** @return the cost rate that accrues from this step on (0 unless active) */
  public long chargedCostRate() {
    return status == SubscriptionStatus.ACTIVE ? costRate : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Step s && s.date.equals(date) && s.kind == kind && s.seats == seats
        && s.status == status && s.saleRate == saleRate && s.costRate == costRate;
  }

  @Override
  public int hashCode() {
    return date.hashCode() * 31 + kind.hashCode() * 17 + seats * 7 + Long.hashCode(saleRate);
  }

  @Override
  public String toString() {
    return date + " " + kind + " seats=" + seats + " " + status + " rate=" + saleRate + "/" + costRate;
  }
}
