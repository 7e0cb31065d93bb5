package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of one new-commerce term and its charge cycles (NCE-1, NCE-2), anchored on the first
 * term's start {@code s}: a term that starts {@code o} months after {@code s} is
 * {@code [s + o months, s + (o + length) months)} and its cycle {@code j} is
 * {@code [s + (o + j × cycle) months, s + (o + (j + 1) × cycle) months)}, all computed from
 * {@code s} with {@code LocalDate.plusMonths}. So dates never drift: a monthly subscription started
 * on January 31 has terms starting on January 31, February 28 (29 in a leap year), March 31, April
 * 30, and so on. Immutable.
 *
 * @param anchor the first day of the subscription's first term, {@code s}
 * @param offsetMonths the months from the anchor to this term's start, not negative
 * @param length the term's length
 * @param plan the billing plan, which fits the length
 */
public record TermCalendar(LocalDate anchor, int offsetMonths, TermLength length, BillingPlan plan) {
  /**
   * Checks the fields.
   * @param anchor the first term's start
   * @param offsetMonths the months from the anchor to this term's start
   * @param length the length
   * @param plan the billing plan
   * @throws io.github.cspkit.csp.OutOfRangeException if the offset is negative or the plan does not fit the length
   */
  public TermCalendar {
    requireNonNull(anchor, "anchor");
    requireNonNull(length, "length");
    requireNonNull(plan, "plan");
    Checks.range(offsetMonths >= 0, "offsetMonths must not be negative, found %s", offsetMonths);
    Checks.range(plan.fits(length), "billing plan %s does not fit a %s term", plan.code(),
        length);
  }

  /**
   * @param start the subscription's first day, which anchors every later date
   * @param length the first term's length
   * @param plan its billing plan
   * @return the calendar of the first term
   */
  public static TermCalendar first(LocalDate start, TermLength length, BillingPlan plan) {
    return new TermCalendar(start, 0, length, plan);
  }

  /**
   * @param nextLength the next term's length
   * @param nextPlan its billing plan
   * @return the calendar of the term that follows this one, from this one's end
   * @throws io.github.cspkit.csp.OutOfRangeException if the next term's offset does not fit an {@code int}
   */
  public TermCalendar next(TermLength nextLength, BillingPlan nextPlan) {
    long offset = (long) offsetMonths + length.months();
    Checks.range(offset <= Integer.MAX_VALUE, "a term %s months after the anchor is out of range",
        offset);
    return new TermCalendar(anchor, (int) offset, nextLength, nextPlan);
  }

  /** @return the term's first day */
  public LocalDate start() {
    return anchor.plusMonths(offsetMonths);
  }

  /** @return the first day after the term: the next term's start */
  public LocalDate end() {
    return anchor.plusMonths((long) offsetMonths + length.months());
  }

  /** @return the term's dates, {@code [start, end)} */
  public DateRange range() {
    return DateRange.of(start(), end());
  }

  /** @return the term's actual days (28 to 1,096) */
  public long days() {
    return range().days();
  }

  /** @return the charge cycles in the term (NCE-2) */
  public int cycleCount() {
    return plan.cyclesIn(length);
  }

  /**
   * @param j the cycle's number within the term, from 0
   * @return the cycle's dates
   * @throws io.github.cspkit.csp.OutOfRangeException if the term has no cycle {@code j}
   */
  public DateRange cycle(int j) {
    Checks.range(j >= 0 && j < cycleCount(), "cycle %s is not in a term of %s cycles", j,
        cycleCount());
    long from = (long) offsetMonths + (long) j * plan.cycleMonths();
    return DateRange.of(anchor.plusMonths(from), anchor.plusMonths(from + plan.cycleMonths()));
  }

  /** @return every charge cycle of the term, in order; they tile the term */
  public List<DateRange> cycles() {
    int n = cycleCount();
    List<DateRange> all = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      all.add(cycle(j));
    }
    return List.copyOf(all);
  }

  /**
   * @param date a day within the term
   * @return the charge cycle holding it
   * @throws io.github.cspkit.csp.OutOfRangeException if the term does not hold the day
   */
  public DateRange cycleOn(LocalDate date) {
    requireNonNull(date, "date");
    Checks.range(range().contains(date), "%s is not within the term %s", date, range());
    int last = cycleCount() - 1;
    for (int j = 0; j < last; j++) { // the cycles tile the term: the last holds what is left
      DateRange c = cycle(j);
      if (date.isBefore(c.end())) {
        return c;
      }
    }
    return cycle(last);
  }

  @Override
  public String toString() {
    return range() + " " + length.code() + " " + plan.code();
  }
}
