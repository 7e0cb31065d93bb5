package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long after a purchase, a renewal or an addition of seats a new-commerce subscription can be
 * cancelled (NCE-5) or those seats removed (NCE-6): a policy value, the same for both. The current
 * program's reading is 7 days ({@link #currentProgram()}), counted in whole days: a window that
 * opens on March 1 is {@code [March 1, March 8)}, so its last day is March 7.
 *
 * @param length the window's length, positive
 */
public record ChangeWindow(Period length) {
  /** The current program's window: 7 days (NCE-5, NCE-6). */
  public static final Period DEFAULT_LENGTH = Period.ofDays(7);

  /**
   * Checks the length.
   * @param length the length
   * @throws io.github.cspkit.csp.OutOfRangeException if it is not positive
   */
  public ChangeWindow {
    requireNonNull(length, "length");
    Checks.range(!length.isNegative() && !length.isZero()
        && LocalDate.of(2001, 2, 28).plus(length).isAfter(LocalDate.of(2001, 2, 28)),
        "the window must be positive, found %s", length);
  }

  /** @return the current program's window of 7 days */
  public static ChangeWindow currentProgram() {
    return new ChangeWindow(DEFAULT_LENGTH);
  }

  /**
   * @param length the window's length, positive
   * @return the window
   */
  public static ChangeWindow of(Period length) {
    return new ChangeWindow(length);
  }

  /**
   * @param opensOn the day of the purchase, renewal or addition
   * @return the window's last day: {@code opensOn + length − 1 day}
   */
  public LocalDate lastDay(LocalDate opensOn) {
    requireNonNull(opensOn, "opensOn");
    return opensOn.plus(length).minusDays(1);
  }
}
