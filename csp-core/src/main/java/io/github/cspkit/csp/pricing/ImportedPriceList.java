package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.money.CurrencyUnit;
import org.immutables.value.Value;

/**
 * A price list imported from Partner Center's new-commerce license-based price list file (PCF-1):
 * the list of one month, market and currency, published on the day the partner states. It holds
 * every row of the month, keyed by SKU, term and billing plan (NCE-1), with the partner's cost
 * ({@link #rows()}) and the vendor's suggested retail price where the file gives one
 * ({@link #erpRows()}); the one-year rows billed annually make its seed {@link #priceList()}, one
 * price per SKU, which {@code CspPartner.importPriceList} stores. A row whose product the partner
 * did not map is kept under its key {@code PRODUCTID:SKUID} ({@link #unmapped()}): priced but not
 * orderable, as no catalog SKU has that id (PRC-1). Built by {@link PriceListImport}. Immutable.
 */
@Value.Immutable
public abstract class ImportedPriceList {
  ImportedPriceList() {} // only the generated implementation extends it

  /** @return the list's id, by default {@code MARKET-CUR-yyyy-MM@PUBLISHED} */
  public abstract String id();

  /** @return the file's {@code Market} */
  public abstract String market();

  /** @return the file's {@code Currency} */
  public abstract CurrencyUnit currency();

  /** @return the month the list covers: the month of the file's latest {@code EffectiveStartDate} */
  public abstract YearMonth month();

  /** @return the publication day, as the partner states it (PRC-2, PRC-3) */
  public abstract LocalDate publishedOn();

  /** @return the partner's cost: offer → price of one seat for the whole term (NCE-2) */
  public abstract PriceRows rows();

  /** @return the vendor's suggested retail price ({@code ERP Price}) of the rows that have one */
  public abstract PriceRows erpRows();

  /** @return the keys {@code PRODUCTID:SKUID} that no catalog SKU is mapped from → their title */
  public abstract Map<String, String> unmapped();

  /** @return the data rows the file had */
  public abstract long rowsRead();

  /** @return the rows skipped because their {@code EffectiveEndDate} falls before the month */
  public abstract long skippedExpired();

  /** @return the rows skipped because they price a pricing tier above the first */
  public abstract long skippedTiers();

  /** @return the first day of the month: the list's effective day */
  public LocalDate effectiveOn() {
    return month().atDay(1);
  }

  /**
   * @return the price list: per SKU the one-year term billed annually (PRC-6), with every row
   *     (NCE-1), published on {@link #publishedOn()} and effective on the month's first day
   */
  @Value.Lazy
  public PriceList priceList() {
    return PriceList.of(id(), market(), currency(), publishedOn(), effectiveOn(),
        rows().seedPrices()).withOfferRows(rows());
  }

  @Value.Check
  void check() {
    Checks.name("price list id", id());
    Checks.name("market", market());
    Checks.range(rows().currency().equals(currency()) && erpRows().currency().equals(currency()),
        "the rows of price list %s are not in its currency %s", id(), currency());
    Checks.range(rowsRead() >= 0 && skippedExpired() >= 0 && skippedTiers() >= 0,
        "counts must not be negative");
  }

  /**
   * @param market a market
   * @param currency a currency
   * @param month a month
   * @param publishedOn the publication day
   * @return the default id, {@code MARKET-CUR-yyyy-MM@yyyy-MM-dd}: a correction published on
   *     another day gets another id (PRC-1)
   */
  public static String defaultId(String market, CurrencyUnit currency, YearMonth month,
      LocalDate publishedOn) {
    return market + "-" + currency.getCurrencyCode() + "-" + month + "@" + publishedOn;
  }

  /**
   * New-commerce prices from a price book whose lists include imported ones: an imported list
   * gives its rows, every term and billing plan (NCE-1); any other list reads as the one-year term
   * billed annually ({@link PriceRows#fromSeedList}).
   *
   * @param book the book the imported lists' {@link #priceList()} are published in
   * @param imported the imported lists
   * @return the prices
   */
  public static OfferPrices offerPrices(PriceBook book, Collection<ImportedPriceList> imported) {
    requireNonNull(book, "book");
    Map<String, PriceRows> byId = new HashMap<>();
    for (ImportedPriceList l : requireNonNull(imported, "imported")) {
      byId.put(l.id(), l.rows());
    }
    Map<String, PriceRows> frozen = Map.copyOf(byId);
    return OfferPrices.of(book, list -> {
      PriceRows rows = frozen.get(list.id());
      return rows != null ? rows : PriceRows.fromSeedList(list);
    });
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ImportedPriceList}. */
  public static final class Builder extends ImmutableImportedPriceList.Builder {}

  @Override
  public String toString() {
    return "ImportedPriceList{" + id() + ", " + market() + " " + currency().getCurrencyCode() + " "
        + month() + ", published " + publishedOn() + ", " + rows().prices().size() + " rows, "
        + unmapped().size() + " unmapped, " + skippedExpired() + " expired, " + skippedTiers()
        + " higher tiers}";
  }
}
