package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.immutables.value.Value;

/**
 * The rows of one new-commerce price list (NCE-1, NCE-2): per offer (SKU, term, billing plan) the
 * price of one seat for the whole term, all in one currency. A seed price list, one price per SKU,
 * reads as the one-year term billed annually ({@link #fromSeedPrices}), and the annual rows read
 * back as seed prices ({@link #seedPrices()}). Immutable.
 */
@Value.Immutable
public abstract class PriceRows {
  PriceRows() {} // only the generated implementation extends it

  private static final Comparator<TermOffer> ORDER = Comparator.comparing(TermOffer::sku)
      .thenComparing(TermOffer::term).thenComparing(TermOffer::plan);

  /** @return the currency of every price */
  public abstract CurrencyUnit currency();

  /** @return offer → price of one seat for the whole term */
  public abstract Map<TermOffer, MonetaryAmount> prices();

  @Value.Check
  void check() {
    int digits = MinorUnits.digits(currency());
    prices().forEach((offer, amount) -> {
      Checks.range(amount.getCurrency().equals(currency()), "price of %s is in %s, not in %s",
          offer, amount.getCurrency(), currency());
      Checks.range(!amount.isNegative(), "price of %s is negative: %s", offer, amount);
      Checks.range(amount.getNumber().numberValue(BigDecimal.class).stripTrailingZeros().scale()
          <= digits, "price of %s (%s) is finer than the minor unit of %s", offer, amount,
          currency());
    });
  }

  /**
   * @param currency the currency
   * @param rows the rows, with distinct offers, each in {@code currency}
   * @return the rows
   * @throws io.github.cspkit.csp.ConflictException if two rows price the same offer
   */
  public static PriceRows of(CurrencyUnit currency, Collection<PriceRow> rows) {
    requireNonNull(currency, "currency");
    requireNonNull(rows, "rows");
    Map<TermOffer, MonetaryAmount> prices = new LinkedHashMap<>();
    for (PriceRow row : rows) {
      MonetaryAmount before = prices.put(row.offer(), row.unitPrice());
      if (before != null) {
        throw io.github.cspkit.csp.ConflictException.duplicate("price row", row.offer().toString());
      }
    }
    return ImmutablePriceRows.builder().currency(currency).prices(prices).build();
  }

  /**
   * Reads a seed price list's prices as rows: each price is the one-year term billed annually.
   *
   * @param currency the currency
   * @param seedPrices SKU id → unit price of one seat for one annual term
   * @return the rows
   */
  public static PriceRows fromSeedPrices(CurrencyUnit currency,
      Map<String, ? extends MonetaryAmount> seedPrices) {
    requireNonNull(seedPrices, "seedPrices");
    List<PriceRow> rows = new ArrayList<>(seedPrices.size());
    seedPrices.forEach((sku, price) -> rows.add(PriceRow.of(TermOffer.annual(sku), price)));
    return of(currency, rows);
  }

  /**
   * Reads a seed price list as rows ({@link #fromSeedPrices}).
   *
   * @param list a price list
   * @return its prices as one-year rows billed annually
   */
  public static PriceRows fromSeedList(PriceList list) {
    requireNonNull(list, "list");
    return fromSeedPrices(list.currency(), list.prices());
  }

  /**
   * @param offer an offer
   * @return its row, if the list has one
   */
  public Optional<PriceRow> row(TermOffer offer) {
    requireNonNull(offer, "offer");
    MonetaryAmount price = prices().get(offer);
    return price == null ? Optional.empty() : Optional.of(PriceRow.of(offer, price));
  }

  /**
   * @param sku a SKU id
   * @return its rows, by term and plan
   */
  public List<PriceRow> rowsOf(String sku) {
    requireNonNull(sku, "sku");
    List<PriceRow> rows = new ArrayList<>();
    prices().forEach((offer, price) -> {
      if (offer.sku().equals(sku)) {
        rows.add(PriceRow.of(offer, price));
      }
    });
    rows.sort(Comparator.comparing(PriceRow::offer, ORDER));
    return List.copyOf(rows);
  }

  /** @return the one-year annual rows as a seed price list's prices: SKU id → unit price */
  public Map<String, MonetaryAmount> seedPrices() {
    Map<String, MonetaryAmount> seed = new LinkedHashMap<>();
    prices().forEach((offer, price) -> {
      if (offer.term() == TermLength.P1Y && offer.plan() == BillingPlan.ANNUAL) {
        seed.put(offer.sku(), price);
      }
    });
    return Map.copyOf(seed);
  }

  @Override
  public String toString() {
    List<TermOffer> offers = new ArrayList<>(prices().keySet());
    offers.sort(ORDER);
    StringBuilder sb = new StringBuilder("PriceRows{").append(currency().getCurrencyCode());
    for (TermOffer o : offers) {
      sb.append(' ').append(o).append('=')
          .append(MinorUnits.format(MinorUnits.of(requireNonNull(prices().get(o))), currency()));
    }
    return sb.append('}').toString();
  }
}
