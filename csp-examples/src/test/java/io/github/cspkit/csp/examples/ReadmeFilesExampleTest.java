package io.github.cspkit.csp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.examples.files.BillExport;
import io.github.cspkit.csp.examples.files.PriceListFile;
import io.github.cspkit.csp.examples.files.ReconciliationFile;
import io.github.cspkit.csp.examples.files.ReconciliationReport;
import io.github.cspkit.csp.examples.json.CspJacksonModule;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.ErpPricing;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.SkuMapping;
import io.github.cspkit.csp.testkit.NceWorld;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of Partner Center's files, exports and JSON, kept compiling and correct. */
class ReadmeFilesExampleTest {
  @TempDir
  Path dir;

  static void copy(String fixture, Path to) throws Exception {
    Files.copy(Path.of(ReadmeFilesExampleTest.class.getResource("/scenarios/pcf/" + fixture)
        .toURI()), to);
  }

  @Test
  void PCF_1_PCF_2_readme_example_imports_reconciles_and_exports() throws Exception {
    // the README's context: the first example's partner, and a new-commerce subscription
    var e3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(300).build();
    var csp = CspPartner.builder().partner(Partner.csp("northwind")).catalog(Catalog.of(List.of(e3)))
        .policies(CspPolicies.builder().pricing(PricingPolicy.markup(new BigDecimal("20"))).build())
        .build();
    var agent = Actor.partnerAdmin("northwind", "alice");
    csp.acceptAgreement(Request.of(agent, LocalDate.parse("2024-10-01")));
    csp.publishPriceList(Request.of(Actor.vendor(), LocalDate.parse("2024-12-30")),
        io.github.cspkit.csp.pricing.PriceList.builder().id("L2502").market("US")
            .currency(MinorUnits.USD).publishedOn(LocalDate.parse("2024-12-30"))
            .effectiveOn(LocalDate.parse("2025-02-01"))
            .putPrices("O365_E3", org.javamoney.moneta.Money.of(240, "USD")).build());
    csp.createCustomer(Request.of(agent, LocalDate.parse("2025-01-20")),
        NewCustomer.builder().id("contoso").market("US").billingDay(1).currency(MinorUnits.USD).build());
    csp.order(Request.of(agent, LocalDate.parse("2025-02-10")), "contoso", "O365_E3", 10, "S1");
    csp.issueBills(Request.of(agent, LocalDate.parse("2025-04-01")));
    var subscription = NceWorld.OPS.order("S1", NceWorld.CONTOSO, NceWorld.sku(NceWorld.BASIC), 10,
        io.github.cspkit.csp.pricing.TermLength.P1M, io.github.cspkit.csp.pricing.BillingPlan.MONTHLY,
        LocalDate.parse("2025-03-01"), NceWorld.PRICES).subscription();
    List<VendorCharge> charges = VendorLedger.partnerCenter().charges(subscription);
    copy("prices-2025-03.csv", dir.resolve("prices-2025-03.csv"));
    copy("recon-2025-03.csv", dir.resolve("recon-2025-03.csv"));
    Path cwd = dir; // the README's relative paths, resolved here

    // ---- the README's example
    var mapping = SkuMapping.empty().with("CFQ7TTC0LFLX:0001", "O365_E3");
    ImportedPriceList march = PriceListFile.read(cwd.resolve("prices-2025-03.csv"), mapping,
        LocalDate.parse("2025-01-30"));
    csp.importPriceList(Request.of(agent, LocalDate.parse("2025-02-10")), march);
    var atErpPrice = ErpPricing.of("US", List.of(march), PricingPolicy.atCost()); // a pricing policy

    Reconciliation r = ReconciliationFile.reconcile(cwd.resolve("recon-2025-03.csv"),
        YearMonth.of(2025, 3), charges);
    System.out.print(ReconciliationReport.text(r));  // matched, missing here or there, different
    Files.writeString(cwd.resolve("recon-2025-03-report.csv"), ReconciliationReport.csv(r));

    try (var out = Files.newOutputStream(cwd.resolve("bills.csv"))) {
      BillExport.withByteOrderMark().write(out, csp.bills("contoso"), BillExport.namesOf(csp));
    }
    String json = CspJacksonModule.mapper().writeValueAsString(csp.bills("contoso"));
    // ---- end of the README's example

    assertThat(csp.priceQuote(Request.of(agent, LocalDate.parse("2025-02-10")), "O365_E3", "US",
        MinorUnits.USD, LocalDate.parse("2025-03-10")).priceMinor()).isEqualTo(43200);
    assertThat(atErpPrice.saleMinor(LocalDate.parse("2025-03-10"), "contoso", "O365_E3", 43200,
        MinorUnits.USD)).isEqualTo(51840);
    // the library's S1 is the file's S1 purchase: matched; the others are only in the file
    assertThat(r.matched()).hasSize(1);
    assertThat(r.missingHere()).hasSize(3);
    assertThat(Files.readString(cwd.resolve("recon-2025-03-report.csv")))
        .startsWith("Outcome,FileLine,");
    byte[] bills = Files.readAllBytes(cwd.resolve("bills.csv"));
    assertThat(new String(bills, StandardCharsets.UTF_8)).startsWith("\uFEFFbill_id,");
    assertThat(json).startsWith("[").contains("\"customerId\" : \"contoso\"");
    assertThat(new String(bills, StandardCharsets.UTF_8)).contains("contoso/2025-04-01");
  }
}
