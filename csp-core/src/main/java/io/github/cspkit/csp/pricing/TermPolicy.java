package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which terms and billing plans the program sells (NCE-1): a policy. The current program's reading
 * ({@link #currentProgram()}) sells every plan that fits each term: {@code P1M} monthly; {@code P1Y}
 * monthly or annual; {@code P3Y} monthly, annual or triennial. The seed's reading ({@link #seed()})
 * sells the one-year term billed annually only (SUB-1).
 */
@FunctionalInterface
public interface TermPolicy {
  /**
   * @param term a term length
   * @param plan a billing plan
   * @return whether the program sells that term with that plan; never for a plan that does not fit
   */
  boolean offers(TermLength term, BillingPlan plan);

  /**
   * Refuses a term and plan that the program does not sell (NCE-1).
   *
   * @param term a term length
   * @param plan a billing plan
   * @throws RuleViolation NCE-1 naming what is sold
   */
  default void check(TermLength term, BillingPlan plan) {
    requireNonNull(term, "term");
    requireNonNull(plan, "plan");
    if (!plan.fits(term) || !offers(term, plan)) {
      StringBuilder sold = new StringBuilder();
      for (TermLength t : TermLength.values()) {
        for (BillingPlan p : BillingPlan.values()) {
          if (p.fits(t) && offers(t, p)) {
            sold.append(sold.length() == 0 ? "" : ", ").append(t.code()).append(' ').append(p.code());
          }
        }
      }
      throw RuleViolation.of("NCE-1", "a %s term billed %s is not sold; the program sells: %s",
          term.code(), plan.code(), sold);
    }
  }

  /** @return the seed's reading: the one-year term billed annually only */
  static TermPolicy seed() {
    return of(Map.of(TermLength.P1Y, EnumSet.of(BillingPlan.ANNUAL)));
  }

  /** @return the current program's reading: every plan that fits each term (NCE-1) */
  static TermPolicy currentProgram() {
    return (term, plan) -> plan.fits(requireNonNull(term, "term"));
  }

  /**
   * @param sold term length → the plans sold for it; plans that do not fit are never sold
   * @return a policy selling exactly those
   */
  static TermPolicy of(Map<TermLength, ? extends Set<BillingPlan>> sold) {
    requireNonNull(sold, "sold");
    Map<TermLength, Set<BillingPlan>> copy = new EnumMap<>(TermLength.class);
    sold.forEach((t, plans) -> copy.put(t, plans.isEmpty()
        ? EnumSet.noneOf(BillingPlan.class) : EnumSet.copyOf(plans)));
    return (term, plan) -> plan.fits(term) && copy.getOrDefault(term, Set.of()).contains(plan);
  }
}
