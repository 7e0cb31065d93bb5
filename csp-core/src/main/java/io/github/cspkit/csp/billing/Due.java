package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What falls due when on a bill (BIL-3): one part of the bill's total and its due date.
 *
 * @param date the due date
 * @param amountMinor the amount due, minor units
 */
public record Due(LocalDate date, long amountMinor) {
  /**
   * @param date the due date
   * @param amountMinor the amount due
   */
  public Due {
    requireNonNull(date, "date");
  }
}
