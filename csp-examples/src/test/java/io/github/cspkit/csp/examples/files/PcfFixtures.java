package io.github.cspkit.csp.examples.files;

import static io.github.cspkit.csp.testkit.Days.d;

import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.SkuMapping;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermPolicy;
import io.github.cspkit.csp.subscription.ChangeWindow;
import io.github.cspkit.csp.subscription.NceOperations;
import io.github.cspkit.csp.subscription.NceSubscription;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture files of scenarios/pcf and the histories their scenario files describe, replayed
 * through the library's API directly: the hand-checked figures of the .csp files hold here.
 */
final class PcfFixtures {
  static final SkuMapping MAPPING = SkuMapping.empty().with("CFQ7TTC0LFLX:0001", "O365_E3")
      .with("CFQ7TTC0LH18:0001", "M365_BASIC");
  static final Catalog CATALOG = Catalog.of(List.of(
      Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(300).build(),
      Sku.builder().id("M365_BASIC").family(ProductFamily.OFFICE_365).build()));
  static final Customer CONTOSO = Customer.builder().id("contoso").partnerId("Northwind")
      .name("Contoso, Ltd.").market("US").tenant(Tenant.of("t1", TenantOrigin.NEW))
      .billing(BillingProfile.of(1, MinorUnits.USD)).createdOn(LocalDate.parse("2025-02-15"))
      .build();
  static final NceOperations OPS = NceOperations.of(TermPolicy.currentProgram(),
      ChangeWindow.currentProgram(), PricingPolicy.atCost(), ProgramPolicy.seed());

  private PcfFixtures() {}

  static Path file(String name) {
    try {
      return Path.of(PcfFixtures.class.getResource("/scenarios/pcf/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return March's list, imported as 01-import-price-list.csp does */
  static ImportedPriceList march() {
    return PriceListFile.read(file("prices-2025-03.csv"), MAPPING, d("2025-01-30"));
  }

  /** @return the new-commerce prices of March's list */
  static OfferPrices prices() {
    ImportedPriceList march = march();
    PriceBook book = PriceBook.create();
    book.publish(march.priceList());
    return ImportedPriceList.offerPrices(book, List.of(march));
  }

  /** @return the vendor charges of 02-reconciliation.csp's history */
  static List<VendorCharge> reconciliationCharges() {
    OfferPrices prices = prices();
    NceSubscription s1 = OPS.order("S1", CONTOSO, CATALOG.sku("M365_BASIC"), 10, TermLength.P1M,
        BillingPlan.MONTHLY, d("2025-03-01"), prices).subscription();
    s1 = OPS.removeSeats(s1, 2, d("2025-03-04")).subscription();
    NceSubscription s2 = OPS.order("S2", CONTOSO, CATALOG.sku("O365_E3"), 5, TermLength.P1Y,
        BillingPlan.MONTHLY, d("2025-03-10"), prices).subscription();
    s1 = OPS.addSeats(s1, CATALOG.sku("M365_BASIC"), 3, d("2025-03-20")).subscription();
    List<VendorCharge> all = new ArrayList<>(VendorLedger.partnerCenter().charges(s1));
    all.addAll(VendorLedger.partnerCenter().charges(s2));
    return all;
  }
}
