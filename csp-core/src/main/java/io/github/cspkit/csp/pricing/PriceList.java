package io.github.cspkit.csp.pricing;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.immutables.value.Value;

/**
 * One price list of the vendor (PRC-1): for one market and currency, published on a day and
 * effective from a day (PRC-2, checked by {@link PriceListPolicy}), it gives per SKU the unit price
 * of one seat for one annual term (PRC-6), which is the partner's cost (PRC-5).
 * <p>
 * Every price is in the list's currency, non-negative and no finer than its minor unit. A list may
 * name any SKU of the vendor's, in the program or not (PRC-1). A list imported from Partner
 * Center (PCF-1) also keeps its new-commerce rows, by SKU, term and billing plan ({@link #rows()},
 * NCE-1); its prices are then the rows' one-year annual prices. Immutable.
 */
@Value.Immutable
public abstract class PriceList {
  PriceList() {} // only the generated implementation extends it

  /** @return the list's id, unique across all lists, for example {@code US-USD-2025-03} */
  public abstract String id();

  /** @return the market, for example {@code US} */
  public abstract String market();

  /** @return the currency of every price on the list */
  public abstract CurrencyUnit currency();

  /** @return the day the vendor published the list; nobody sees it before (PRC-3) */
  public abstract LocalDate publishedOn();

  /** @return the first day the list applies (PRC-2: at least the notice after publication) */
  public abstract LocalDate effectiveOn();

  /** @return SKU id → unit price of one seat for one annual term (the partner's cost) */
  public abstract Map<String, MonetaryAmount> prices();

  /** @return the month the list covers under the monthly cadence: the month of {@link #effectiveOn()} */
  @Value.Derived
  public YearMonth month() {
    return YearMonth.from(effectiveOn());
  }

  /** @return SKU id → price in minor units, computed once */
  @Value.Lazy
  Map<String, Long> minorPrices() {
    Map<String, Long> minor = new HashMap<>(Math.max(4, prices().size() * 2));
    prices().forEach((sku, amount) -> minor.put(sku, MinorUnits.of(amount)));
    return minor;
  }

  /**
   * @param sku a SKU id
   * @return its price in minor units, or empty if the list does not name it
   */
  public OptionalLong priceMinor(String sku) {
    Long minor = minorPrices().get(sku);
    return minor == null ? OptionalLong.empty() : OptionalLong.of(minor);
  }

  /**
   * @param sku a SKU id
   * @return whether the list names the SKU
   */
  public boolean lists(String sku) {
    return minorPrices().containsKey(sku);
  }

  /**
   * @return the new-commerce rows by SKU, term and billing plan (NCE-1), when the list has them (one
   *     imported from Partner Center, PCF-1); {@link #prices()} are then their one-year annual
   *     rows
   */
  public abstract java.util.Optional<PriceRows> rows();

  /**
   * @return the rows that price new-commerce offers (NCE-1): {@link #rows()}, or else each price
   *     as the one-year term billed annually
   */
  @Value.Lazy
  public PriceRows offerRows() {
    return rows().orElseGet(() -> PriceRows.fromSeedPrices(currency(), prices()));
  }

  @Value.Check
  void check() {
    rows().ifPresent(r -> {
      Checks.range(r.currency().equals(currency()), "price list %s: its rows are in %s, not in %s",
          id(), r.currency(), currency());
      Map<String, MonetaryAmount> annual = r.seedPrices();
      boolean same = annual.size() == prices().size();
      for (Map.Entry<String, MonetaryAmount> e : annual.entrySet()) {
        MonetaryAmount p = prices().get(e.getKey());
        same &= p != null && MinorUnits.of(p) == MinorUnits.of(e.getValue());
      }
      Checks.range(same, "price list %s: its prices are not its rows' one-year annual prices", id());
    });
    Checks.name("price list id", id());
    Checks.name("market", market());
    int digits = MinorUnits.digits(currency());
    for (Map.Entry<String, MonetaryAmount> e : prices().entrySet()) {
      String sku = e.getKey();
      MonetaryAmount amount = e.getValue();
      Checks.name("SKU id", sku);
      Checks.range(
          amount.getCurrency().equals(currency()),
          "price list %s: price of %s is in %s, not in the list's currency %s",
          id(), sku, amount.getCurrency(), currency());
      Checks.range(!amount.isNegative(), "price list %s: price of %s is negative: %s", id(), sku, amount);
      BigDecimal value = amount.getNumber().numberValue(BigDecimal.class);
      Checks.range(
          value.stripTrailingZeros().scale() <= digits,
          "price list %s: price of %s (%s) is finer than the minor unit of %s",
          id(), sku, amount, currency());
    }
  }

  /**
   * Obtains a list.
   *
   * @param id the id
   * @param market the market
   * @param currency the currency
   * @param publishedOn the publication day
   * @param effectiveOn the effective day
   * @param prices SKU id → unit price, each in {@code currency}
   * @return the list
   */
  public static PriceList of(
      String id,
      String market,
      CurrencyUnit currency,
      LocalDate publishedOn,
      LocalDate effectiveOn,
      Map<String, ? extends MonetaryAmount> prices) {
    return builder()
        .id(id)
        .market(market)
        .currency(currency)
        .publishedOn(publishedOn)
        .effectiveOn(effectiveOn)
        .putAllPrices(prices)
        .build();
  }

  /**
   * Obtains the list of a market, currency and month, with the id {@code MARKET-CUR-yyyy-MM}, effective
   * on the month's first day.
   *
   * @param market the market
   * @param currency the currency
   * @param month the month covered
   * @param publishedOn the publication day
   * @param prices SKU id → unit price, each in {@code currency}
   * @return the list
   */
  public static PriceList monthly(
      String market,
      CurrencyUnit currency,
      YearMonth month,
      LocalDate publishedOn,
      Map<String, ? extends MonetaryAmount> prices) {
    return of(
        market + "-" + currency.getCurrencyCode() + "-" + month,
        market,
        currency,
        publishedOn,
        month.atDay(1),
        prices);
  }

  /**
   * @param sku a SKU id
   * @param price its unit price, in this list's currency
   * @return a copy of this list that also names (or re-prices) the SKU, without new-commerce rows
   */
  public PriceList withPrice(String sku, MonetaryAmount price) {
    Map<String, MonetaryAmount> next = new LinkedHashMap<>(prices());
    next.put(sku, price);
    return builder().from(this).prices(next).rows(java.util.Optional.empty()).build();
  }

  /**
   * @param rows new-commerce rows in this list's currency (NCE-1)
   * @return a copy of this list with these rows, priced by their one-year annual rows
   */
  public PriceList withOfferRows(PriceRows rows) {
    java.util.Objects.requireNonNull(rows, "rows");
    return builder().from(this).prices(rows.seedPrices()).rows(rows).build();
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PriceList}. */
  public static final class Builder extends ImmutablePriceList.Builder {}
}
