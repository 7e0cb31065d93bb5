package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.internal.Checks;
import java.util.Locale;

/**
 * How the vendor bills a new-commerce term (NCE-1, NCE-2): one charge cycle a month, a year, or
 * three years. A plan fits a term when its cycles tile the term: a {@code P1M} term is billed
 * monthly; {@code P1Y} monthly or annually; {@code P3Y} monthly, annually or once for the whole term
 * ({@link #TRIENNIAL}). The vendor charges the term's price in {@link #cyclesIn equal instalments},
 * one per cycle, whatever a cycle's length in days.
 */
public enum BillingPlan {
  /** One charge cycle a month. */
  MONTHLY(1),
  /** One charge cycle a year; for a {@code P1Y} term, once for the term. */
  ANNUAL(12),
  /** One charge cycle of three years: a {@code P3Y} term billed once. */
  TRIENNIAL(36);

  private final int cycleMonths;

  BillingPlan(int cycleMonths) {
    this.cycleMonths = cycleMonths;
  }

  /** @return the length of one charge cycle in calendar months: 1, 12 or 36 */
  public int cycleMonths() {
    return cycleMonths;
  }

  /**
   * @param term a term length
   * @return whether this plan's cycles tile the term (NCE-1)
   */
  public boolean fits(TermLength term) {
    requireNonNull(term, "term");
    return term.months() % cycleMonths == 0;
  }

  /**
   * The number of charge cycles, hence of instalments, in a term (NCE-2): {@code P1Y} monthly 12,
   * {@code P3Y} annually 3, {@code P3Y} monthly 36, once for the term 1.
   *
   * @param term a term length this plan fits
   * @return the cycles in the term
   * @throws OutOfRangeException if the plan does not fit the term
   */
  public int cyclesIn(TermLength term) {
    Checks.range(fits(term), "billing plan %s does not fit a %s term", code(), term);
    return term.months() / cycleMonths;
  }

  /** @return the lower-case code used in files: {@code "monthly"}, {@code "annual"}, {@code "triennial"} */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a plan's code, ignoring case and surrounding blanks.
   *
   * @param text {@code "monthly"}, {@code "annual"} or {@code "triennial"}
   * @return the plan
   * @throws OutOfRangeException when the text names no plan
   */
  public static BillingPlan parse(String text) {
    requireNonNull(text, "text");
    String code = text.strip().toUpperCase(Locale.ROOT);
    for (BillingPlan p : values()) {
      if (p.name().equals(code)) {
        return p;
      }
    }
    throw new OutOfRangeException(String.format(
        "unknown billing plan '%s'; expected monthly, annual or triennial", text));
  }
}
