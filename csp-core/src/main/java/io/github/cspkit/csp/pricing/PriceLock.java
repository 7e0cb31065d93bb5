package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import javax.money.CurrencyUnit;

/**
 * Which day's price a change within a subscription term pays (PRC-6): a policy.
 * <p>
 * {@link #TERM_START}, the seed's reading and the default: a term's unit price is fixed on its first
 * day, from the newest list effective on that day as known on that day; seats added later in the
 * term pay that same unit price, prorated (SUB-2), and a renewed term takes the price of its own first
 * day (SUB-7). {@link #CHANGE_DAY}, the alternative: each change pays the price of its own day, as
 * known on that day.
 */
@FunctionalInterface
public interface PriceLock {
  /** The unit price is fixed on the term's first day (the default): returns {@code termStart}. */
  PriceLock TERM_START = StandardPriceLock.TERM_START;

  /** Each change pays the price of its own day: returns {@code changeDate}. */
  PriceLock CHANGE_DAY = StandardPriceLock.CHANGE_DAY;

  /**
   * @param termStart the first day of the term
   * @param changeDate the day of the change (an order, seats added), within the term
   * @return the day whose price the change pays; it is priced as known on that same day
   */
  LocalDate priceDate(LocalDate termStart, LocalDate changeDate);

  /**
   * Prices a change: the price on {@link #priceDate} as known on that day (PRC-3, PRC-6).
   *
   * @param source the price lists
   * @param sku the SKU id
   * @param market the market
   * @param currency the currency
   * @param termStart the first day of the term
   * @param changeDate the day of the change
   * @return the quote; the caller refuses the change if it is not published
   */
  default PriceQuote quote(
      PriceSource source, String sku, String market, CurrencyUnit currency, LocalDate termStart,
      LocalDate changeDate) {
    LocalDate day = requireNonNull(priceDate(termStart, changeDate), "priceDate");
    return source.quote(sku, market, currency, day, day);
  }

  /** @return the seed's lock, {@link #TERM_START} */
  static PriceLock seed() {
    return TERM_START;
  }
}
