package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

/**
 * One data row of Partner Center's new-commerce license-based price list file (PCF-1), as text: the
 * fields that pricing reads, by column name, before any validation ({@link PriceListImport}
 * validates them). A column the file does not have, or an empty field, is the empty string.
 *
 * @param line the row's line number in the file (the header is line 1)
 * @param productId {@code ProductId}
 * @param skuId {@code SkuId}
 * @param productTitle {@code ProductTitle}
 * @param skuTitle {@code SkuTitle}
 * @param termDuration {@code TermDuration}: {@code P1M}, {@code P1Y} or {@code P3Y}
 * @param billingPlan {@code BillingPlan}: {@code Monthly}, {@code Annual} or {@code Triennial}
 * @param market {@code Market}, for example {@code US}
 * @param currency {@code Currency}, an ISO 4217 code
 * @param unitPrice {@code UnitPrice}: the price of one seat for the whole term (NCE-2)
 * @param tierMin {@code PricingTierRangeMin}
 * @param tierMax {@code PricingTierRangeMax}
 * @param effectiveStart {@code EffectiveStartDate}: an ISO date or a UTC date-time
 * @param effectiveEnd {@code EffectiveEndDate}: an ISO date or a UTC date-time, the last day
 *     effective
 * @param erpPrice {@code ERP Price}: the vendor's suggested retail price, may be empty
 */
public record PriceListFileRow(long line, String productId, String skuId, String productTitle,
    String skuTitle, String termDuration, String billingPlan, String market, String currency,
    String unitPrice, String tierMin, String tierMax, String effectiveStart, String effectiveEnd,
    String erpPrice) {
  /** The file's columns, in Partner Center's order ({@code EndofSaleDate} is the preview's). */
  public static final java.util.List<String> COLUMNS = java.util.List.of("ProductTitle",
      "ProductId", "SkuId", "SkuTitle", "Publisher", "SkuDescription", "UnitOfMeasure",
      "TermDuration", "BillingPlan", "Market", "Currency", "UnitPrice", "PricingTierRangeMin",
      "PricingTierRangeMax", "EffectiveStartDate", "EffectiveEndDate", "Tags", "ERP Price");

  /** The columns a file must have; the others may be missing. */
  public static final java.util.List<String> REQUIRED = java.util.List.of("ProductId", "SkuId",
      "TermDuration", "BillingPlan", "Market", "Currency", "UnitPrice", "EffectiveStartDate",
      "EffectiveEndDate");

  /**
   * Checks that no field is null.
   *
   * @param line line
   * @param productId productId
   * @param skuId skuId
   * @param productTitle productTitle
   * @param skuTitle skuTitle
   * @param termDuration termDuration
   * @param billingPlan billingPlan
   * @param market market
   * @param currency currency
   * @param unitPrice unitPrice
   * @param tierMin tierMin
   * @param tierMax tierMax
   * @param effectiveStart effectiveStart
   * @param effectiveEnd effectiveEnd
   * @param erpPrice erpPrice
   */
  public PriceListFileRow {
    requireNonNull(productId, "productId");
    requireNonNull(skuId, "skuId");
    requireNonNull(productTitle, "productTitle");
    requireNonNull(skuTitle, "skuTitle");
    requireNonNull(termDuration, "termDuration");
    requireNonNull(billingPlan, "billingPlan");
    requireNonNull(market, "market");
    requireNonNull(currency, "currency");
    requireNonNull(unitPrice, "unitPrice");
    requireNonNull(tierMin, "tierMin");
    requireNonNull(tierMax, "tierMax");
    requireNonNull(effectiveStart, "effectiveStart");
    requireNonNull(effectiveEnd, "effectiveEnd");
    requireNonNull(erpPrice, "erpPrice");
  }

  /**
   * A row from a column lookup.
   *
   * @param line the line number
   * @param field column name → the field's text, or null when the file has no such column
   * @return the row
   */
  public static PriceListFileRow of(long line, java.util.function.Function<String, String> field) {
    requireNonNull(field, "field");
    return new PriceListFileRow(line, get(field, "ProductId"), get(field, "SkuId"),
        get(field, "ProductTitle"), get(field, "SkuTitle"), get(field, "TermDuration"),
        get(field, "BillingPlan"), get(field, "Market"), get(field, "Currency"),
        get(field, "UnitPrice"), get(field, "PricingTierRangeMin"),
        get(field, "PricingTierRangeMax"), get(field, "EffectiveStartDate"),
        get(field, "EffectiveEndDate"), get(field, "ERP Price"));
  }

  private static String get(java.util.function.Function<String, String> field, String column) {
    String v = field.apply(column);
    return v == null ? "" : v.strip();
  }
}
