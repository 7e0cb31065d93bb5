package io.github.cspkit.csp.examples.files;

import static io.github.cspkit.csp.examples.files.PcfFixtures.MAPPING;
import static io.github.cspkit.csp.examples.files.PcfFixtures.file;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.examples.scenario.ScenarioRunner;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.time.DateRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenario files of scenarios/pcf: the scenario runner replays them (map-sku,
 * import-price-list, expect reconciliation; also in ScenarioFilesTest, with every other file), and
 * their hand-checked expectations are replayed here once more through the APIs those statements
 * call ({@link PartnerCenterStatements}), so that a failure says which API moved.
 */
class PcfScenarioFixturesTest {
  static final Actor.PartnerUser ADMIN = Actor.partnerAdmin("Northwind", "agent");

  static CspPartner partner() {
    CspPartner p = CspPartner.builder().partner(Partner.csp("Northwind"))
        .catalog(PcfFixtures.CATALOG).build();
    p.acceptAgreement(Request.of(ADMIN, d("2024-10-01")));
    return p;
  }

  static PriceQuote quote(CspPartner p, String sku, String on, String known) {
    return p.priceQuote(Request.of(ADMIN, d(known)), sku, "US", MinorUnits.USD, d(on));
  }

  static String price(CspPartner p, String sku, String on, String known) {
    return MinorUnits.format(quote(p, sku, on, known).priceMinor(), MinorUnits.USD);
  }

  @Test
  void PCF_1_the_scenario_files_of_the_pcf_folder_pass_through_the_runner()
      throws IOException, URISyntaxException {
    Path dir = Path.of(PcfScenarioFixturesTest.class.getResource("/scenarios/pcf").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".csp")).sorted().toList();
      assertThat(names).containsExactly("01-import-price-list.csp", "02-reconciliation.csp",
          "03-import-refusals.csp");
      for (String name : names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScenarioRunner.run(dir.resolve(name),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).as("problems of %s", name).isEmpty();
        assertThat(status).as("exit status of %s", name).isZero();
      }
    }
    String all = Files.readString(dir.resolve("01-import-price-list.csp"))
        + Files.readString(dir.resolve("02-reconciliation.csp"))
        + Files.readString(dir.resolve("03-import-refusals.csp"));
    assertThat(all).contains("map-sku O365_E3 CFQ7TTC0LFLX:0001", "import-price-list",
        "expect reconciliation recon-2025-03.csv 2025-03 matched 2 missing-here 1"
            + " missing-there 1 different 1");
  }

  @Test
  void PCF_1_scenario_01_import_price_list() {
    CspPartner p = partner();
    PartnerCenterStatements.importPriceList(p, Request.of(ADMIN, d("2025-02-10")),
        file("prices-2025-03.csv"), MAPPING, d("2025-01-30"));
    assertThat(price(p, "O365_E3", "2025-03-10", "2025-02-10")).isEqualTo("432.00");
    assertThat(price(p, "M365_BASIC", "2025-03-10", "2025-02-10")).isEqualTo("72.00");
    assertThat(price(p, "O365_E3", "2025-03-10", "2025-01-30")).isEqualTo("432.00");
    PriceQuote before = quote(p, "O365_E3", "2025-03-10", "2025-01-29");
    assertThat(before.isPublished()).isFalse();
    assertThat(before.publishBy()).isEqualTo(d("2025-01-30"));
    OfferPrices prices = PcfFixtures.prices();
    NceSubscription s1 = PcfFixtures.OPS.order("S1", PcfFixtures.CONTOSO,
        PcfFixtures.CATALOG.sku("M365_BASIC"), 10, TermLength.P1M, BillingPlan.MONTHLY,
        d("2025-03-01"), prices).subscription();
    assertThat(VendorLedger.partnerCenter().charges(s1)).extracting(VendorCharge::toString)
        .containsExactly("S1 new 2025-03-01..2025-03-31 10 × 7.20 = 72.00 USD");
    NceSubscription s2 = PcfFixtures.OPS.order("S2", PcfFixtures.CONTOSO,
        PcfFixtures.CATALOG.sku("O365_E3"), 5, TermLength.P1Y, BillingPlan.MONTHLY,
        d("2025-03-10"), prices).subscription();
    List<VendorCharge> c2 = VendorLedger.partnerCenter().charges(s2);
    assertThat(c2.get(0)).hasToString("S2 new 2025-03-10..2025-04-09 5 × 37.80 = 189.00 USD");
    assertThat(VendorLedger.totalMinor(VendorLedger.partnerCenter().charges(s2, month(3))))
        .isEqualTo(18900);
    assertThat(VendorLedger.totalMinor(VendorLedger.partnerCenter().charges(s2, month(4))))
        .isEqualTo(18900);
  }

  static DateRange month(int m) {
    YearMonth ym = YearMonth.of(2025, m);
    return DateRange.of(ym.atDay(1), ym.plusMonths(1).atDay(1));
  }

  @Test
  void PCF_2_scenario_02_reconciliation() {
    List<VendorCharge> charges = PcfFixtures.reconciliationCharges();
    List<VendorCharge> s1 = charges.stream().filter(c -> c.subscriptionId().equals("S1")).toList();
    assertThat(s1).extracting(VendorCharge::toString).containsExactly(
        "S1 new 2025-03-01..2025-03-31 10 × 7.20 = 72.00 USD",
        "S1 removeQuantity 2025-03-04..2025-03-31 2 × -6.50 = -13.00 USD",
        "S1 addQuantity 2025-03-20..2025-03-31 3 × 2.78 = 8.34 USD");
    assertThat(VendorLedger.totalMinor(s1)).isEqualTo(6734);
    assertThat(PartnerCenterStatements.expectReconciliation(file("recon-2025-03.csv"),
        YearMonth.of(2025, 3), charges, 2, 1, 1, 1)).isEmpty();
    NceSubscription refundable = PcfFixtures.OPS.order("S1", PcfFixtures.CONTOSO,
        PcfFixtures.CATALOG.sku("M365_BASIC"), 10, TermLength.P1M, BillingPlan.MONTHLY,
        d("2025-03-01"), PcfFixtures.prices()).subscription();
    refundable = PcfFixtures.OPS.removeSeats(refundable, 2, d("2025-03-04")).subscription();
    assertThat(refundable.refundableQuantityOn(d("2025-03-04"))).isEqualTo(8);
  }

  @Test
  void PCF_1_scenario_03_import_refusals() {
    CspPartner p = partner();
    assertThatThrownBy(() -> PartnerCenterStatements.importPriceList(p,
        Request.of(ADMIN, d("2025-01-29")), file("prices-2025-03.csv"), MAPPING, d("2025-01-30")))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PCF-1"));
    assertThatThrownBy(() -> PartnerCenterStatements.importPriceList(p,
        Request.of(ADMIN, d("2025-02-10")), file("malformed-prices.csv"), MAPPING,
        d("2025-01-30"))).hasMessage("PCF-1: malformed-prices.csv line 5: UnitPrice '453,60' is"
            + " not a number");
    PriceQuote none = quote(p, "M365_BASIC", "2025-03-10", "2025-02-10");
    assertThat(none.isPublished()).isFalse();
    assertThat(none.publishBy()).isEqualTo(d("2025-01-30"));
    assertThatThrownBy(() -> PartnerCenterStatements.importPriceList(p,
        Request.of(ADMIN, d("2025-02-10")), file("prices-2025-03.csv"), MAPPING, d("2025-02-05")))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-2"));
    PartnerCenterStatements.importPriceList(p, Request.of(ADMIN, d("2025-02-10")),
        file("prices-2025-03.csv"), MAPPING, d("2025-01-30"));
    assertThat(price(p, "M365_BASIC", "2025-03-10", "2025-02-10")).isEqualTo("72.00");
    PartnerCenterStatements.importPriceList(p, Request.of(ADMIN, d("2025-02-11")),
        file("prices-2025-03.csv"), MAPPING, d("2025-01-30"));
    assertThat(price(p, "O365_E3", "2025-03-10", "2025-02-11")).isEqualTo("432.00");
    PartnerCenterStatements.importPriceList(p, Request.of(ADMIN, d("2025-03-05")),
        file("prices-2025-04.csv"), MAPPING, d("2025-02-27"));
    assertThat(price(p, "O365_E3", "2025-04-10", "2025-03-05")).isEqualTo("450.00");
    assertThat(price(p, "O365_E3", "2025-03-10", "2025-03-05")).isEqualTo("432.00");
  }
}
