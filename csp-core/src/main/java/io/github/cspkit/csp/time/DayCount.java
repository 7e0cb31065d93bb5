package io.github.cspkit.csp.time;

import java.time.LocalDate;

/**
 * How days are counted for proration (SUB-2, BIL-6): a policy.
 * The default, {@link #ACTUAL}, counts every calendar day, so a term holds 365 or 366 days.
 * Any implementation must be additive: {@code days(a, b) + days(b, c) == days(a, c)}, so the
 * prorated pieces of a term add up to the term.
 */
@FunctionalInterface
public interface DayCount {
  /** Actual days, leap days included (the seed's reading of SUB-2). */
  DayCount ACTUAL = DateRange::daysBetween;

  /**
   * @param from the first day
   * @param to the first day after
   * @return the counted days of {@code [from, to)}
   */
  long days(LocalDate from, LocalDate to);

  /**
   * @param range a range
   * @return the counted days of the range
   */
  default long days(DateRange range) {
    return days(range.start(), range.end());
  }
}
