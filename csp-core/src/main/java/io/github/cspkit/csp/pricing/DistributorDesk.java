package io.github.cspkit.csp.pricing;

import java.time.LocalDate;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The distributor's price desk (DIS-1): it quotes resellers only from published price lists, and sees
 * them exactly when everyone else does (PRC-3). A price beyond what has been published is answered
 * "not yet published", with the last day the list can be published ({@link PriceQuote#publishBy()}).
 * Thin by design: it asks the same {@link PriceSource} the partner asks.
 */
public final class DistributorDesk {
  /** The rule a refused distributor quote names. */
  public static final String RULE = "DIS-1";

  private DistributorDesk() {}

  /**
   * Quotes a reseller (DIS-1).
   *
   * @param source the published price lists
   * @param sku the SKU id
   * @param market the market
   * @param currency the currency
   * @param day the day priced
   * @param knownOn the day the reseller asks: only lists published by then count
   * @return the quote; {@link PriceQuote.Status#NOT_YET_PUBLISHED} beyond the published lists
   */
  public static PriceQuote quoteForReseller(
      PriceSource source, String sku, String market, CurrencyUnit currency, LocalDate day,
      LocalDate knownOn) {
    return source.quote(sku, market, currency, day, knownOn);
  }

  /**
   * Prices for a reseller, or refuses (DIS-1).
   *
   * @param source the published price lists
   * @param sku the SKU id
   * @param market the market
   * @param currency the currency
   * @param day the day priced
   * @param knownOn the day the reseller asks
   * @return the unit price
   * @throws io.github.cspkit.csp.RuleViolation DIS-1 if no price is published for that day as known on {@code knownOn}
   *     (the reason says until when the list can be published) or the list does not name the SKU
   */
  public static MonetaryAmount priceForReseller(
      PriceSource source, String sku, String market, CurrencyUnit currency, LocalDate day,
      LocalDate knownOn) {
    return quoteForReseller(source, sku, market, currency, day, knownOn).orElseThrow(RULE);
  }
}
