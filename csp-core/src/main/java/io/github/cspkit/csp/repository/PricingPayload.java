package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.time.YearMonth;
import javax.money.CurrencyUnit;

/**
 * The event log's entries about the vendor's price lists (aggregate {@code "price-list"}, the
 * entry's id the list's): a list published (PRC-1..3) or imported from Partner Center (PCF-1).
 */
public sealed interface PricingPayload extends EventPayload
    permits PricingPayload.Published, PricingPayload.Imported {
  /** The aggregate kind of a price list's entries. */
  String PRICE_LIST = "price-list";

  @Override
  default String aggregate() {
    return PRICE_LIST;
  }

  /**
   * A price list published on the entry's day (PRC-1), effective later (PRC-2). Kind
   * {@code PUBLISHED}.
   *
   * @param market the market
   * @param currency the list's currency
   * @param effectiveOn the day it takes effect
   */
  record Published(String market, CurrencyUnit currency, LocalDate effectiveOn)
      implements PricingPayload {
    /**
     * @param market market
     * @param currency currency
     * @param effectiveOn effective day
     */
    public Published {
      requireNonNull(market, "market");
      requireNonNull(currency, "currency");
      requireNonNull(effectiveOn, "effectiveOn");
    }

    @Override
    public String kind() {
      return "PUBLISHED";
    }
  }

  /**
   * A Partner Center price list imported on the entry's day (PCF-1). Kind {@code IMPORTED}.
   *
   * @param market the market
   * @param currency the list's currency
   * @param month the month the file covers
   * @param publishedOn the day the vendor published it
   * @param rows the rows kept (by SKU, term and billing plan)
   * @param unmapped the products the file prices but the catalog does not map
   */
  record Imported(String market, CurrencyUnit currency, YearMonth month, LocalDate publishedOn,
      int rows, int unmapped) implements PricingPayload {
    /**
     * @param market market
     * @param currency currency
     * @param month month
     * @param publishedOn publication day
     * @param rows rows kept, at least 0
     * @param unmapped products not mapped, at least 0
     */
    public Imported {
      requireNonNull(market, "market");
      requireNonNull(currency, "currency");
      requireNonNull(month, "month");
      requireNonNull(publishedOn, "publishedOn");
      Checks.range(rows >= 0 && unmapped >= 0, "counts cannot be negative: %s rows, %s unmapped",
          rows, unmapped);
    }

    @Override
    public String kind() {
      return "IMPORTED";
    }
  }
}
