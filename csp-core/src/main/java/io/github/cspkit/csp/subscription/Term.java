package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.List;

/**
 * One term of a subscription (SUB-1, SUB-3, SUB-7): its dates {@code [start, end)}, the day count
 * that prorates it (its own for a base, the base term's for an add-on), the unit prices locked on
 * its first day (PRC-6), and its history of {@link Step}s.
 * <p>
 * Accrual (BIL-6): through any date the term has accrued {@code Σ rate × days / daysInTerm}, days
 * counted by the day count policy; {@link Accrual} is the one walk over its steps that computes
 * it, exactly, rounding only when billed. Immutable.
 */
public final class Term {
  private final int index;
  private final LocalDate end; // the start is the first step's date
  private final long daysInTerm;
  private final UnitPrice unit;
  private final ImmutableList<Step> steps;

  private Term(int index, LocalDate end, long daysInTerm, UnitPrice unit,
      ImmutableList<Step> steps) {
    this.index = index;
    this.end = end;
    this.daysInTerm = daysInTerm;
    this.unit = unit;
    this.steps = steps;
  }

  /**
   * @param index the term's number within its subscription, from 0
   * @param range the term's dates
   * @param daysInTerm the day count that prorates it, positive
   * @param saleUnit the locked sale unit price in minor units
   * @param costUnit the locked cost unit price in minor units
   * @param steps the history, at least one step, dates ascending within the term
   * @return the term
   */
  public static Term of(int index, DateRange range, long daysInTerm, long saleUnit, long costUnit,
      List<Step> steps) {
    Checks.range(saleUnit >= 0 && costUnit >= 0, "unit prices must not be negative");
    return of(index, range, daysInTerm, UnitPrice.of(saleUnit, costUnit), steps);
  }

  /**
   * @param index the term's number within its subscription, from 0
   * @param range the term's dates
   * @param daysInTerm the day count that prorates it, positive
   * @param unit the unit price locked on the first day (PRC-6)
   * @param steps the history, at least one step, dates ascending within the term
   * @return the term
   */
  public static Term of(int index, DateRange range, long daysInTerm, UnitPrice unit,
      List<Step> steps) {
    requireNonNull(range, "range");
    requireNonNull(unit, "unit");
    Checks.range(index >= 0, "index must not be negative, found %s", index);
    Checks.range(daysInTerm > 0, "daysInTerm must be positive, found %s", daysInTerm);
    ImmutableList<Step> list = ImmutableList.copyOf(steps);
    Checks.range(!list.isEmpty(), "a term needs at least one step");
    Checks.range(list.get(0).date().equals(range.start()), "the first step must be on the term's start");
    for (int i = 1; i < list.size(); i++) {
      Checks.range(!list.get(i).date().isBefore(list.get(i - 1).date()), "steps must be in date order");
      Checks.range(!list.get(i).date().isAfter(range.end()), "step after the term's end: %s", list.get(i));
    }
    return new Term(index, range.end(), daysInTerm, unit, list);
  }

  /** @return the term's number within its subscription, from 0 */
  public int index() {
    return index;
  }

  /** @return the term's dates, {@code [start, end)} */
  public DateRange range() {
    return DateRange.of(start(), end);
  }

  /** @return the first day */
  public LocalDate start() {
    return steps.get(0).date();
  }

  /** @return the first day after the term */
  public LocalDate end() {
    return end;
  }

  /** @return the term's last day */
  public LocalDate lastDay() {
    return end.minusDays(1);
  }

  /** @return the denominator of proration (365 or 366 under actual days) */
  public long daysInTerm() {
    return daysInTerm;
  }

  /** @return the unit price locked on the first day (PRC-6) */
  public UnitPrice unit() {
    return unit;
  }

  /** @return the sale unit price locked on the first day, minor units */
  public long saleUnit() {
    return unit.sale();
  }

  /** @return the cost unit price locked on the first day, minor units */
  public long costUnit() {
    return unit.cost();
  }

  /** @return the history, in date order */
  public List<Step> steps() {
    return steps;
  }

  /** @return the latest step */
  public Step last() {
    return steps.get(steps.size() - 1);
  }

  /**
   * @param step a step dated within the term, not before the latest
   * @return this term with the step appended
   */
  public Term with(Step step) {
    Checks.range(!step.date().isBefore(last().date()), "step %s is before %s", step, last());
    Checks.range(!step.date().isAfter(end), "step %s is after the term's end %s", step, end);
    return new Term(index, end, daysInTerm, unit,
        ImmutableList.<Step>builderWithExpectedSize(steps.size() + 1).addAll(steps).add(step).build());
  }

  /**
   * @param date a date within the term
   * @return the step in force on that date
   */
  public Step stepOn(LocalDate date) {
    Step found = steps.get(0);
    for (Step s : steps) {
      if (s.date().isAfter(date)) {
        break;
      }
      found = s;
    }
    return found;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Term t && t.index == index && t.end.equals(end)
        && t.daysInTerm == daysInTerm && t.unit.equals(unit)
        && t.steps.equals(steps);
  }

  @Override
  public int hashCode() {
    return end.hashCode() * 31 + steps.hashCode();
  }

  @Override
  public String toString() {
    return "Term#" + index + range() + "/" + daysInTerm + steps;
  }
}
