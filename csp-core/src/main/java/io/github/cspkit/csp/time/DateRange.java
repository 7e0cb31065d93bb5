package io.github.cspkit.csp.time;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A half-open range of dates {@code [start, end)}: {@code start} is the first day, {@code end} the
 * first day after. Day counts are actual days, leap days included.
 * <p>
 * Used for terms (SUB-1), agreement terms (AGR-2) and bill periods (BIL-2). Immutable.
 *
 * @param start the first day
 * @param end the first day after the range, not before {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {
  /**
   * Checks the range.
   *
   * @param start the first day
   * @param end the first day after the range, not before {@code start}
   * @throws io.github.cspkit.csp.OutOfRangeException if {@code end} is before {@code start}
   */
  public DateRange {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    Checks.range(!end.isBefore(start), "end %s is before start %s", end, start);
  }

  /**
   * Obtains {@code [start, end)}.
   *
   * @param start the first day
   * @param end the first day after the range, not before {@code start}
   * @return the range
   */
  public static DateRange of(LocalDate start, LocalDate end) {
    return new DateRange(start, end);
  }

  /**
   * Obtains the range from {@code first} to {@code last}, both included.
   *
   * @param first the first day
   * @param last the last day
   * @return {@code [first, last + 1)}
   */
  public static DateRange closed(LocalDate first, LocalDate last) {
    requireNonNull(last, "last");
    return of(first, last.plusDays(1));
  }

  /**
   * Parses {@code "2025-02-10/2026-02-10"} (start, then exclusive end).
   *
   * @param text the text
   * @return the range
   * @throws io.github.cspkit.csp.OutOfRangeException if the text is not two ISO dates, or the end
   *     is before the start
   */
  public static DateRange parse(String text) {
    requireNonNull(text, "text");
    int slash = text.indexOf('/');
    Checks.range(slash > 0, "expected START/END, found %s", text);
    try {
      return of(LocalDate.parse(text.substring(0, slash)), LocalDate.parse(text.substring(slash + 1)));
    } catch (java.time.format.DateTimeParseException e) {
      throw new io.github.cspkit.csp.OutOfRangeException("expected START/END as ISO dates, found "
          + text, e);
    }
  }

  /**
   * Counts the days of {@code [from, to)}.
   *
   * @param from the first day
   * @param to the day after the last
   * @return the actual number of days, negative when {@code to} is before {@code from}
   */
  public static long daysBetween(LocalDate from, LocalDate to) {
    return to.toEpochDay() - from.toEpochDay();
  }

  /** @return the last day in the range; the range must not be empty */
  public LocalDate lastDay() {
    Checks.range(!isEmpty(), "an empty range has no last day");
    return end.minusDays(1);
  }

  /** @return the number of days, leap days included */
  public long days() {
    return end.toEpochDay() - start.toEpochDay();
  }

  /** @return whether the range holds no day */
  public boolean isEmpty() {
    return start.equals(end);
  }

  /**
   * @param date a date
   * @return whether {@code start <= date < end}
   */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(end);
  }

  /**
   * @param other another range
   * @return the days shared by both ranges (0 when they are disjoint)
   */
  public long overlapDays(DateRange other) {
    long from = Math.max(start.toEpochDay(), other.start.toEpochDay());
    long to = Math.min(end.toEpochDay(), other.end.toEpochDay());
    return Math.max(0, to - from);
  }

  /**
   * @param other another range
   * @return the shared part, or empty when the ranges share no day
   */
  public Optional<DateRange> intersection(DateRange other) {
    LocalDate from = start.isAfter(other.start) ? start : other.start;
    LocalDate to = end.isBefore(other.end) ? end : other.end;
    return from.isBefore(to) ? Optional.of(new DateRange(from, to)) : Optional.empty();
  }

  /**
   * @param newEnd the new exclusive end
   * @return this range with another end
   */
  public DateRange withEnd(LocalDate newEnd) {
    return of(start, newEnd);
  }

  /**
   * @param newStart the new start
   * @return this range with another start
   */
  public DateRange withStart(LocalDate newStart) {
    return of(newStart, end);
  }

  /** @return {@code [start, end)}, for example {@code [2025-02-10, 2026-02-10)} */
  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
