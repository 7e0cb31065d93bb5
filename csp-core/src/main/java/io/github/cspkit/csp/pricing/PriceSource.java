package io.github.cspkit.csp.pricing;

import java.time.LocalDate;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Where the other layers get prices from: bitemporal, "price of a SKU on day D as known on day K"
 * (PRC-3, PRC-4). {@link PriceBook} is the in-memory implementation. Implementations are thread-safe.
 */
public interface PriceSource {
  /**
   * Prices a SKU (PRC-3, PRC-4): from the list for {@code day}'s period, the latest one published on
   * or before {@code knownOn}; an earlier period's list never stands in for a missing one.
   *
   * @param sku the SKU id
   * @param market the market
   * @param currency the currency
   * @param day the day priced (D)
   * @param knownOn the day of knowledge (K)
   * @return the answer: published, not yet published, or not listed
   */
  PriceQuote quote(String sku, String market, CurrencyUnit currency, LocalDate day, LocalDate knownOn);

  /**
   * The list that prices {@code day} as known on {@code knownOn} (PRC-3, PRC-4): the one a quote of
   * any SKU for that day comes from. This default asks {@link #quote} for it.
   *
   * @param market the market
   * @param currency the currency
   * @param day the day priced
   * @param knownOn the day of knowledge
   * @return the list, or empty when none is known on {@code knownOn}
   */
  default java.util.Optional<PriceList> listFor(String market, CurrencyUnit currency, LocalDate day,
      LocalDate knownOn) {
    return quote("", market, currency, day, knownOn).list();
  }

  /**
   * Whether the vendor prices the market in that currency at all, as known on a day (used by BIL-2).
   *
   * @param market the market
   * @param currency the currency
   * @param knownOn the day of knowledge
   * @return whether some list of that market and currency was published on or before {@code knownOn}
   */
  boolean hasCurrency(String market, CurrencyUnit currency, LocalDate knownOn);

  /**
   * The unit price, or a refusal (PRC-3, PRC-4).
   *
   * @param sku the SKU id
   * @param market the market
   * @param currency the currency
   * @param day the day priced
   * @param knownOn the day of knowledge
   * @return the unit price of one seat for one annual term
   * @throws io.github.cspkit.csp.RuleViolation as {@link PriceQuote#orElseThrow()}
   */
  default MonetaryAmount price(
      String sku, String market, CurrencyUnit currency, LocalDate day, LocalDate knownOn) {
    return quote(sku, market, currency, day, knownOn).orElseThrow();
  }
}
