package io.github.cspkit.csp.hardening;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.testkit.TestWorld;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;

/**
 * A small hand-built world for the deterministic hardening tests: one CSP partner on a fresh
 * in-memory store, the agreement accepted and monthly price lists published well ahead.
 */
final class World {
  static final String PARTNER = "hardening";
  static final Actor ADMIN = Actor.partnerAdmin(PARTNER, "agent");

  final CspPartner p;
  final CspStore store;
  final String market;
  final CurrencyUnit currency;

  private World(CspPartner p, CspStore store, String market, CurrencyUnit currency) {
    this.p = p;
    this.store = store;
    this.market = market;
    this.currency = currency;
  }

  static Sku base(String id, int maxSeats) {
    return Sku.builder().id(id).family(ProductFamily.OFFICE_365).maxSeats(maxSeats).build();
  }

  static Sku addOn(String id, String baseId) {
    return Sku.builder().id(id).family(ProductFamily.OFFICE_365).addAttachesTo(baseId).build();
  }

  /**
   * @param skus the catalog
   * @param policies the policies
   * @param market the market of every list
   * @param currency the currency of every list
   * @param from the first month priced
   * @param to the last month priced
   * @param minorPrices unit price per SKU, in minor units, the same every month
   * @return the world; the agreement is accepted and every list published two months before
   *     {@code from}
   */
  static World of(List<Sku> skus, CspPolicies policies, String market, CurrencyUnit currency,
      YearMonth from, YearMonth to, Map<String, Long> minorPrices) {
    CspStore store = InMemoryStore.create(policies.priceLists());
    LocalDate published = from.minusMonths(2).atDay(1);
    List<PriceList> lists = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      PriceList.Builder b = PriceList.builder().id(market + "-" + currency.getCurrencyCode() + "-" + m)
          .market(market).currency(currency).publishedOn(published).effectiveOn(m.atDay(1));
      minorPrices.forEach((sku, minor) -> b.putPrices(sku, MinorUnits.toAmount(minor, currency)));
      lists.add(b.build());
    }
    CspPartner p = TestWorld.builder().partner(PARTNER).catalog(Catalog.of(skus))
        .policies(policies).store(store).priceLists(lists).acceptedOn(published).buildPartner();
    World w = new World(p, store.forPartner(p.partner().id()), market, currency);
    return w;
  }

  void customer(String id, int billingDay, LocalDate createdOn) {
    p.createCustomer(Request.of(ADMIN, createdOn), NewCustomer.builder().id(id).market(market)
        .currency(currency).billingDay(billingDay).build());
  }

  static Request on(LocalDate day) {
    return Request.of(ADMIN, day);
  }
}
