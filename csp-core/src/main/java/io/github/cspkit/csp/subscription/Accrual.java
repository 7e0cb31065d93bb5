package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.time.DayCount;
import java.time.LocalDate;
import java.util.List;

/**
 * The one accrual of a subscription term (SUB-2, SUB-3, BIL-4, BIL-6): every day a step is active,
 * its seats accrue {@code rate / daysInTerm}, days counted by the {@link DayCount} policy, sale
 * and cost alike. What a term accrues over {@code [from, to)} is the exact numerator
 * {@code Σ rate × days} over its segments (a 128-bit {@link Numerator}), rounded once by the
 * {@link Rounding} policy when charged. Event charges, bill lines, quotes and tests all go through
 * here: {@link #walk} is the single walk over a term's segments, {@link #amount} the single
 * prorated charge, {@link Running} the single cumulative rounding. Immutable and thread-safe.
 */
public final class Accrual {
  private static final Accrual SEED = new Accrual(DayCount.ACTUAL, Rounding.HALF_UP);

  private final DayCount dayCount;
  private final Rounding rounding;

  private Accrual(DayCount dayCount, Rounding rounding) {
    this.dayCount = requireNonNull(dayCount, "dayCount");
    this.rounding = requireNonNull(rounding, "rounding");
  }

  /** @return actual days, HALF_UP: the seed's reading of SUB-2 and BIL-6 */
  public static Accrual seed() {
    return SEED;
  }

  /**
   * @param dayCount how days are counted (SUB-2)
   * @param rounding how an amount is rounded, once (BIL-6)
   * @return the accrual under those policies
   */
  public static Accrual of(DayCount dayCount, Rounding rounding) {
    return dayCount == DayCount.ACTUAL && rounding == Rounding.HALF_UP ? SEED
        : new Accrual(dayCount, rounding);
  }

  /** @return the day count policy */
  public DayCount dayCount() {
    return dayCount;
  }

  /** @return the rounding policy */
  public Rounding rounding() {
    return rounding;
  }

  /**
   * @param from the first day
   * @param to the first day after
   * @return the counted days of {@code [from, to)}
   */
  public long days(LocalDate from, LocalDate to) {
    return dayCount.days(from, to);
  }

  /**
   * The prorated amount of a rate over some counted days: {@code rate × days / daysInTerm},
   * exact, rounded once (SUB-2, BIL-6).
   *
   * @param rate an annual price of seats, or a change of it, minor units
   * @param days counted days
   * @param daysInTerm the term's counted days, positive
   * @return the amount in minor units
   * @throws io.github.cspkit.csp.OutOfRangeException if it does not fit a {@code long}
   */
  public long amount(long rate, long days, long daysInTerm) {
    long lo = rate * days;
    if (Math.multiplyHigh(rate, days) == lo >> 63) {
      return rounding.divide(lo, daysInTerm); // the fast path: the numerator fits a long
    }
    return Numerator.product(rate, days).divide(daysInTerm, rounding);
  }

  /**
   * What {@link #walk} visits. A visitor that keeps no state of its own (a constant) takes what it
   * works on as the walk's context, so that walking allocates nothing.
   *
   * @param <C> what the visitor works on
   */
  @FunctionalInterface
  public interface Segments<C> {
    /**
     * One segment: a step in force over {@code [start, end)}, {@code start < end}.
     *
     * @param context the walk's context
     * @param step the step in force
     * @param start the first day
     * @param end the first day after
     * @param days the counted days of {@code [start, end)}
     */
    void segment(C context, Step step, LocalDate start, LocalDate end, long days);
  }

  private static final Segments<Numerator.Sum> SALE =
      (sum, s, start, end, days) -> sum.addProduct(s.chargedSaleRate(), days);
  private static final Segments<Numerator.Sum> COST =
      (sum, s, start, end, days) -> sum.addProduct(s.chargedCostRate(), days);

  /**
   * The single walk over a term's segments (BIL-6): visits, in date order, each of the first
   * {@code known} steps over the part of {@code [from, to)} in which it is in force, the last known
   * step up to the term's end. A step dated after a bill's issue day is not known to it (BIL-7).
   *
   * @param term the term
   * @param known how many of its steps are known, at least 1
   * @param from the first day
   * @param to the first day after
   * @param visitor what to do with each segment
   * @param context what the visitor works on
   * @param <C> its type
   */
  public <C> void walk(Term term, int known, LocalDate from, LocalDate to, Segments<C> visitor,
      C context) {
    List<Step> steps = term.steps();
    LocalDate termEnd = term.end();
    for (int i = 0; i < known; i++) {
      Step s = steps.get(i);
      LocalDate segEnd = i + 1 < known ? steps.get(i + 1).date() : termEnd;
      LocalDate a = s.date().isAfter(from) ? s.date() : from;
      LocalDate b = segEnd.isBefore(to) ? segEnd : to;
      if (a.isBefore(b)) {
        visitor.segment(context, s, a, b, dayCount.days(a, b));
      }
    }
  }

  /**
   * What a term accrues at its sale prices over {@code [from, to) ∩ term}, times its day count.
   *
   * @param term the term
   * @param from the first day
   * @param to the first day after
   * @return the exact numerator, minor units
   */
  public Numerator sale(Term term, LocalDate from, LocalDate to) {
    Numerator.Sum sum = new Numerator.Sum(Numerator.ZERO);
    walk(term, term.steps().size(), from, to, SALE, sum);
    return sum.value();
  }

  /**
   * What a term accrues at its cost prices over {@code [from, to) ∩ term}, times its day count
   * (BIL-4).
   *
   * @param term the term
   * @param from the first day
   * @param to the first day after
   * @return the exact numerator, minor units
   */
  public Numerator cost(Term term, LocalDate from, LocalDate to) {
    Numerator.Sum sum = new Numerator.Sum(Numerator.ZERO);
    walk(term, term.steps().size(), from, to, COST, sum);
    return sum.value();
  }

  /** @return a running accrual to {@link Running#reset} for each term it accrues */
  public Running running() {
    return new Running(rounding);
  }

  /**
   * @param saleBilled what was billed of a term at sale prices, as a numerator
   * @param costBilled what was billed at cost
   * @param daysInTerm the term's counted days
   * @return a running accrual from there, rounding cumulatively
   */
  public Running running(Numerator saleBilled, Numerator costBilled, long daysInTerm) {
    return running().reset(saleBilled, costBilled, daysInTerm);
  }

  /**
   * A running accrual of one term at sale and cost prices, rounded cumulatively (BIL-6): each
   * piece added is what it adds to the rounded running total, so the pieces add up to the rounded
   * whole exactly. Mutable, allocation-free once made; one per computation, not thread-safe.
   */
  public static final class Running {
    private final Rounding rounding;
    private final Numerator.Sum sale = new Numerator.Sum(Numerator.ZERO);
    private final Numerator.Sum cost = new Numerator.Sum(Numerator.ZERO);
    private long daysInTerm = 1;
    private long saleRounded;
    private long costRounded;
    private long saleAdded;
    private long costAdded;

    private Running(Rounding rounding) {
      this.rounding = rounding;
    }

    /**
     * Starts over from what was billed of another term.
     *
     * @param saleBilled the sale numerator so far
     * @param costBilled the cost numerator so far
     * @param daysInTerm the term's counted days, positive
     * @return this
     */
    public Running reset(Numerator saleBilled, Numerator costBilled, long daysInTerm) {
      this.daysInTerm = daysInTerm;
      sale.reset(saleBilled);
      cost.reset(costBilled);
      saleRounded = sale.divide(daysInTerm, rounding);
      costRounded = cost.divide(daysInTerm, rounding);
      saleAdded = 0;
      costAdded = 0;
      return this;
    }

    /**
     * Accrues {@code rate × days} at sale and at cost.
     *
     * @param saleRate the sale rate, or a change of it
     * @param costRate the cost rate, or a change of it
     * @param days counted days
     * @return this; {@link #saleAdded()} and {@link #costAdded()} say what the piece added
     */
    public Running add(long saleRate, long costRate, long days) {
      long s = sale.addProduct(saleRate, days).divide(daysInTerm, rounding);
      long c = cost.addProduct(costRate, days).divide(daysInTerm, rounding);
      saleAdded = s - saleRounded;
      costAdded = c - costRounded;
      saleRounded = s;
      costRounded = c;
      return this;
    }

    /** @return what the last piece added to the rounded sale total, minor units */
    public long saleAdded() {
      return saleAdded;
    }

    /** @return what the last piece added to the rounded cost total, minor units */
    public long costAdded() {
      return costAdded;
    }

    /** @return the sale numerator so far */
    public Numerator sale() {
      return sale.value();
    }

    /** @return the cost numerator so far */
    public Numerator cost() {
      return cost.value();
    }
  }
}
