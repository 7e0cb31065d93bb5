package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.USD;
import static io.github.cspkit.csp.testkit.PartnerFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.pricing.ErpPricing;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceListFileRow;
import io.github.cspkit.csp.pricing.PriceListImport;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.SkuMapping;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PCF-1 at the entry point: the partner imports a list on or after its publication day. */
class ImportPriceListTest {
  static final SkuMapping MAPPING = SkuMapping.empty().with("CFQ7TTC0LFLX:0001", E3);

  /** August 2026 (the fixtures' lists end in June), published on the given day. */
  static ImportedPriceList august(LocalDate published) {
    PriceListImport imp = PriceListImport.of(MAPPING, published);
    imp.add(new PriceListFileRow(2, "CFQ7TTC0LFLX", "0001", "Office 365 E3", "Office 365 E3",
        "P1Y", "Annual", "US", "USD", "432.00", "", "", "2026-08-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "518.40"));
    imp.add(new PriceListFileRow(3, "CFQ7TTC0LFLX", "0001", "Office 365 E3", "Office 365 E3",
        "P1M", "Monthly", "US", "USD", "43.20", "", "", "2026-08-01T00:00:00Z",
        "9999-12-31T23:59:59Z", ""));
    imp.add(new PriceListFileRow(4, "CFQ7TTC0KDPC", "0001", "Teams Essentials", "", "P1Y",
        "Annual", "US", "USD", "48.00", "", "", "2026-08-01T00:00:00Z", "9999-12-31T23:59:59Z",
        ""));
    return imp.finish();
  }

  @Test
  void PCF_1_the_partner_imports_after_publication_and_history_is_back_filled() {
    PartnerFixtures.World w = PartnerFixtures.world();
    ImportedPriceList list = august(d("2026-06-15"));
    var result = w.partner().importPriceList(w.asAdmin(d("2026-07-20")), list);
    assertThat(result.value()).isEqualTo(list.priceList());
    assertThat(result.events()).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo("IMPORTED"));
    // known on a day between publication and import: the list is seen (PRC-3 from its publication)
    Request known = w.asAdmin(d("2026-06-20"));
    assertThat(w.partner().priceQuote(known, E3, "US", USD, d("2026-08-10")).price().orElseThrow())
        .isEqualTo(usd("432.00"));
    assertThat(w.partner().priceQuote(w.asAdmin(d("2026-06-14")), E3, "US", USD,
        d("2026-08-10")).isPublished()).isFalse();
    // the unmapped product is priced, under its key
    assertThat(w.partner().priceQuote(known, "CFQ7TTC0KDPC:0001", "US", USD, d("2026-08-10"))
        .price().orElseThrow()).isEqualTo(usd("48.00"));
    // importing the same list again changes nothing
    var again = w.partner().importPriceList(w.asAdmin(d("2026-07-21")), list);
    assertThat(again.value()).isEqualTo(list.priceList());
  }

  @Test
  void PCF_1_a_list_cannot_be_imported_before_its_publication_day() {
    PartnerFixtures.World w = PartnerFixtures.world();
    assertThatThrownBy(() -> w.partner().importPriceList(w.asAdmin(d("2026-06-14")),
        august(d("2026-06-15"))))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("PCF-1: list US-USD-2026-08@2026-06-15 is published on 2026-06-15; it cannot"
            + " be imported before, on 2026-06-14");
    assertThat(w.partner().priceQuote(w.asAdmin(d("2026-07-20")), E3, "US", USD, d("2026-08-10"))
        .isPublished()).isFalse();
  }

  @Test
  void PCF_1_PRC_2_an_imported_list_still_needs_its_notice() {
    PartnerFixtures.World w = PartnerFixtures.world();
    assertThatThrownBy(() -> w.partner().importPriceList(w.asAdmin(d("2026-07-20")),
        august(d("2026-07-10"))))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-2"));
  }

  @Test
  void PCF_1_an_unmapped_product_is_priced_but_not_orderable_and_a_mapped_one_is() {
    PartnerFixtures.World w = PartnerFixtures.world();
    w.partner().importPriceList(w.asAdmin(d("2026-07-20")), august(d("2026-06-15")));
    assertThatThrownBy(() -> w.partner().order(w.asAdmin(d("2026-08-05")), CONTOSO,
        "CFQ7TTC0KDPC:0001", 5, "S9")).isInstanceOf(CspException.class);
    assertThat(w.partner().subscription("S9")).isEmpty();
    var ordered = w.partner().order(w.asAdmin(d("2026-08-05")), CONTOSO, E3, 5, "S9");
    assertThat(ordered.value().term().costUnit()).isEqualTo(43200);
  }

  @Test
  void PCF_1_a_partner_can_sell_at_the_erp_price() {
    ImportedPriceList list = august(d("2026-06-15"));
    CspPolicies policies = CspPolicies.builder()
        .pricing(ErpPricing.of("US", List.of(list), PricingPolicy.atCost())).build();
    PartnerFixtures.World w = PartnerFixtures.world(policies, IncidentFeed.NONE);
    w.partner().importPriceList(w.asAdmin(d("2026-07-20")), list);
    var ordered = w.partner().order(w.asAdmin(d("2026-08-05")), CONTOSO, E3, 5, "S9");
    assertThat(ordered.value().term().costUnit()).isEqualTo(43200);
    assertThat(ordered.value().term().saleUnit()).isEqualTo(51840);
    // before the imported month, the fixtures' list has no ERP price: sold at cost
    var earlier = w.partner().order(w.asAdmin(d("2026-06-05")), CONTOSO, E3, 5, "S8");
    assertThat(earlier.value().term().saleUnit()).isEqualTo(earlier.value().term().costUnit());
  }
}
