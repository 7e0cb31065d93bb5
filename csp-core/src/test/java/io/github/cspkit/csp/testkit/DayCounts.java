package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.time.DayCount;
import java.time.LocalDate;

/**
 * Day counts other than actual days, for the tests of the day count policy (SUB-2, BIL-5, BIL-6).
 */
public final class DayCounts {
  /**
   * 30/360: every month counts 30 days (the 31st counts as the 30th), so a year counts 360. It is
   * additive, as {@link DayCount} requires, since it counts the difference of a serial number.
   */
  public static final DayCount THIRTY_360 = (from, to) -> serial(to) - serial(from);

  private DayCounts() {}

  private static long serial(LocalDate d) {
    return 360L * d.getYear() + 30L * (d.getMonthValue() - 1) + Math.min(d.getDayOfMonth(), 30);
  }
}
