package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

import java.time.LocalDate;

/**
 * One entry of Partner Center's "refundable quantity" (NCE-6): seats added together (at purchase,
 * at renewal or during the term) that are still held, and the last day on which they can be
 * removed with a refund.
 *
 * @param seats the seats still held of that addition, at least 1
 * @param lastDay the last day of their window
 */
public record RefundableSeats(int seats, LocalDate lastDay) {
  /**
   * Checks the fields.
   * @param seats the number of seats
   * @param lastDay the last day they can be removed
   */
  public RefundableSeats {
    requireNonNull(lastDay, "lastDay");
    Checks.range(seats >= 1, "seats must be at least 1, found %s", seats);
  }

  /**
   * @param date a day
   * @return whether the seats can still be removed on that day
   */
  public boolean isOpenOn(LocalDate date) {
    return !date.isAfter(lastDay);
  }

  /** @return {@code "3 seats until 2025-03-07"} */
  @Override
  public String toString() {
    return seats + (seats == 1 ? " seat" : " seats") + " until " + lastDay;
  }
}
