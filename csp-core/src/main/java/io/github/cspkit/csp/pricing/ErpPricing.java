package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A pricing policy that sells at the vendor's suggested retail price, the {@code ERP Price} of
 * imported Partner Center price lists (PCF-1, PRC-5). A term that starts on day D is priced from
 * the list of one market for D's month and the customer's currency, the latest one published on or
 * before D (as its cost is, PRC-6); a SKU without an ERP price there is priced by the fallback.
 * <p>
 * <b>Interpretation</b>: the policy is asked with a SKU and its unit cost, not with a term and
 * billing plan, so the row is the one of that SKU whose cost is the cost asked: the one-year term
 * billed annually if its cost is that, else the only other row with that cost; with none (or two
 * rows of equal cost and different ERP prices) the fallback answers. Asked without a day, it
 * answers from the latest month it has. Immutable and thread-safe; {@link #with} gives a policy that
 * also knows a newly imported list.
 */
public final class ErpPricing implements PricingPolicy {
  private final String market;
  private final List<ImportedPriceList> lists;
  private final PricingPolicy fallback;

  private ErpPricing(String market, List<ImportedPriceList> lists, PricingPolicy fallback) {
    this.market = market;
    this.lists = lists;
    this.fallback = fallback;
  }

  /**
   * @param market the market whose lists price the customers
   * @param lists imported lists, of any markets (the others are ignored)
   * @param fallback the policy for a SKU without an ERP price
   * @return the policy
   */
  public static ErpPricing of(String market, List<ImportedPriceList> lists,
      PricingPolicy fallback) {
    Checks.name("market", market);
    requireNonNull(fallback, "fallback");
    List<ImportedPriceList> mine = new ArrayList<>();
    for (ImportedPriceList l : requireNonNull(lists, "lists")) {
      if (l.market().equals(market)) {
        mine.add(l);
      }
    }
    mine.sort(Comparator.comparing(ImportedPriceList::month)
        .thenComparing(ImportedPriceList::publishedOn));
    return new ErpPricing(market, List.copyOf(mine), fallback);
  }

  /**
   * @param list a newly imported list
   * @return this policy, also knowing {@code list}
   */
  public ErpPricing with(ImportedPriceList list) {
    List<ImportedPriceList> all = new ArrayList<>(lists);
    all.add(requireNonNull(list, "list"));
    return of(market, all, fallback);
  }

  @Override
  public long saleMinor(String customerId, String sku, long costMinor, CurrencyUnit currency) {
    PricingPolicies.checkCost(costMinor);
    ImportedPriceList latest = null;
    for (ImportedPriceList l : lists) {
      if (l.currency().equals(currency)) {
        latest = l; // sorted by month, then publication
      }
    }
    long erp = latest == null ? -1 : erp(latest, sku, costMinor);
    return erp >= 0 ? erp : PricingPolicies.checked(
        fallback.saleMinor(customerId, sku, costMinor, currency));
  }

  @Override
  public long saleMinor(LocalDate termStart, String customerId, String sku, long costMinor,
      CurrencyUnit currency) {
    PricingPolicies.checkCost(costMinor);
    YearMonth month = YearMonth.from(requireNonNull(termStart, "termStart"));
    ImportedPriceList known = null;
    for (ImportedPriceList l : lists) {
      if (l.month().equals(month) && l.currency().equals(currency)
          && !l.publishedOn().isAfter(termStart)) {
        known = l; // the latest published on or before the term's first day
      }
    }
    long erp = known == null ? -1 : erp(known, sku, costMinor);
    return erp >= 0 ? erp : PricingPolicies.checked(
        fallback.saleMinor(termStart, customerId, sku, costMinor, currency));
  }

  /** @return the ERP price of the SKU's row with that cost, or -1 */
  private static long erp(ImportedPriceList list, String sku, long costMinor) {
    Map<TermOffer, MonetaryAmount> cost = list.rows().prices();
    Map<TermOffer, MonetaryAmount> erp = list.erpRows().prices();
    TermOffer annual = TermOffer.annual(sku);
    MonetaryAmount annualCost = cost.get(annual);
    if (annualCost != null && MinorUnits.of(annualCost) == costMinor) {
      MonetaryAmount e = erp.get(annual);
      return e == null ? -1 : MinorUnits.of(e);
    }
    long found = -1;
    for (PriceRow row : list.rows().rowsOf(sku)) {
      if (row.unitMinor() == costMinor) {
        MonetaryAmount e = erp.get(row.offer());
        if (e == null) {
          continue;
        }
        long minor = MinorUnits.of(e);
        if (found >= 0 && found != minor) {
          return -1; // ambiguous
        }
        found = minor;
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return "ErpPricing{" + market + ", " + lists.size() + " lists, else " + fallback + "}";
  }
}
