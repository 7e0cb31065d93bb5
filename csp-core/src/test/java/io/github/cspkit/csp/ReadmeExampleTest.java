package io.github.cspkit.csp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.BillText;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PricingPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The README's Java example, kept compiling and correct. */
class ReadmeExampleTest {
  @Test
  void SUB_2_readme_example_orders_adds_seats_and_bills() {
    var e3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(300).build();
    var csp = CspPartner.builder().partner(Partner.csp("northwind")).catalog(Catalog.of(List.of(e3)))
        .policies(CspPolicies.builder().pricing(PricingPolicy.markup(new BigDecimal("20"))).build())
        .build();                                            // in-memory store by default
    var agent = Actor.partnerAdmin("northwind", "alice");   // who acts is always explicit
    csp.acceptAgreement(Request.of(agent, LocalDate.parse("2024-10-01")));
    csp.publishPriceList(Request.of(Actor.vendor(), LocalDate.parse("2024-12-30")),
        PriceList.builder().id("L2502").market("US").currency(MinorUnits.USD)
            .publishedOn(LocalDate.parse("2024-12-30")).effectiveOn(LocalDate.parse("2025-02-01"))
            .putPrices("O365_E3", Money.of(240, "USD")).build());
    csp.createCustomer(Request.of(agent, LocalDate.parse("2025-01-20")),
        NewCustomer.builder().id("contoso").market("US").billingDay(1).currency(MinorUnits.USD).build());
    csp.order(Request.of(agent, LocalDate.parse("2025-02-10")), "contoso", "O365_E3", 10, "S1");
    var added = csp.addSeats(Request.of(agent, LocalDate.parse("2025-03-05")).withKey("add-1"), "S1", 2);
    System.out.println(added.change().orElseThrow());       // charge and formula: 288.00 × 2 × 342/365
    csp.issueBills(Request.of(agent, LocalDate.parse("2025-04-01")));
    System.out.println(BillText.render(csp.bill("contoso", YearMonth.of(2025, 4)).orElseThrow()));

    assertThat(added.change().orElseThrow().formula()).isEqualTo("288.00 × 2 × 342/365");
    assertThat(added.change().orElseThrow().charge()).isEqualTo(Money.of(new BigDecimal("539.70"), "USD"));
    // April in advance: 12 seats for April, plus 2 seats from Mar 5 to Apr 1 on this first bill after
    // the change: 288 × 12 × 30/365 + 288 × 2 × 27/365 = 284.05 + 42.61
    assertThat(csp.bill("contoso", YearMonth.of(2025, 4)).orElseThrow().total())
        .isEqualTo(Money.of(new BigDecimal("326.66"), "USD"));
  }
}
