package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.internal.Checks;

/**
 * What a new-commerce price-list row is keyed by and what a subscription buys (NCE-1): a SKU sold
 * for a term with a billing plan that fits it. Its text form, {@code SKU/TERM/PLAN} (for example
 * {@code O365_E3/P1Y/monthly}), is the one of scenario files; the seed's one price per SKU is the
 * {@linkplain #annual(String) one-year term billed annually}.
 *
 * @param sku the SKU id, a word; or, for a price-list row whose product the partner has not mapped
 *     to its catalog, the key {@code PRODUCTID:SKUID} of Partner Center's file (PCF-1), which no
 *     catalog SKU has, so it is priced but never orderable
 * @param term the term length
 * @param plan the billing plan, which must fit the term
 */
public record TermOffer(String sku, TermLength term, BillingPlan plan) {
  private static final java.util.regex.Pattern SKU =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+)?");

  /**
   * Checks the fields.
   * @param sku the SKU id
   * @param term the term length
   * @param plan the billing plan
   * @throws OutOfRangeException if the SKU id is not a word or the plan does not fit the term
   */
  public TermOffer {
    requireNonNull(sku, "sku");
    requireNonNull(term, "term");
    requireNonNull(plan, "plan");
    Checks.range(SKU.matcher(sku).matches(),
        "SKU id must be a word (or PRODUCTID:SKUID), found '%s'", sku);
    Checks.range(plan.fits(term), "billing plan %s does not fit a %s term (%s)", plan.code(), term,
        sku);
  }

  /**
   * @param sku the SKU id
   * @param term the term length
   * @param plan a billing plan that fits it
   * @return the offer
   */
  public static TermOffer of(String sku, TermLength term, BillingPlan plan) {
    return new TermOffer(sku, term, plan);
  }

  /**
   * @param sku the SKU id
   * @return the one-year term billed annually: the row a seed price list's price stands for
   */
  public static TermOffer annual(String sku) {
    return new TermOffer(sku, TermLength.P1Y, BillingPlan.ANNUAL);
  }

  /**
   * Parses {@code SKU/TERM/PLAN}, for example {@code O365_E3/P3Y/triennial}.
   *
   * @param text the text
   * @return the offer
   * @throws OutOfRangeException if the text is not of that form
   */
  public static TermOffer parse(String text) {
    requireNonNull(text, "text");
    String[] parts = text.strip().split("/", -1);
    Checks.range(parts.length == 3, "expected SKU/TERM/PLAN, found '%s'", text);
    return new TermOffer(parts[0], TermLength.parse(parts[1]), BillingPlan.parse(parts[2]));
  }

  /** @return the charge cycles in the term, the number of instalments (NCE-2) */
  public int cycles() {
    return plan.cyclesIn(term);
  }

  /**
   * @param otherSku a SKU id
   * @return the same term and plan for another SKU (an upgrade, NCE-9)
   */
  public TermOffer withSku(String otherSku) {
    return new TermOffer(otherSku, term, plan);
  }

  /** @return {@code SKU/TERM/PLAN} */
  @Override
  public String toString() {
    return sku + "/" + term.code() + "/" + plan.code();
  }
}
