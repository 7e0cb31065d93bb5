package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PricingPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class PartnerSmokeTest {
  @Test
  void SUB_6_scenario_example_from_scenarios_md() {
    Sku e3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(300).build();
    CspPartner p = CspPartner.builder().partner(Partner.csp("Northwind")).catalog(Catalog.of(List.of(e3)))
        .policies(CspPolicies.builder().pricing(PricingPolicy.markup(new BigDecimal("20"))).build())
        .build();
    var admin = Actor.partnerAdmin("Northwind", "agent");
    p.acceptAgreement(Request.of(admin, LocalDate.parse("2024-10-01")));
    p.publishPriceList(Request.of(Actor.vendor(), LocalDate.parse("2024-12-30")),
        PriceList.builder().id("L2502").market("US").currency(MinorUnits.USD)
            .publishedOn(LocalDate.parse("2024-12-30")).effectiveOn(LocalDate.parse("2025-02-01"))
            .putPrices("O365_E3", Money.of(new BigDecimal("240.00"), "USD")).build());
    p.createCustomer(Request.of(admin, LocalDate.parse("2025-01-20")),
        NewCustomer.builder().id("contoso").market("US").billingDay(1).currency(MinorUnits.USD).build());
    var s1 = p.order(Request.of(admin, LocalDate.parse("2025-02-10")), "contoso", "O365_E3", 10, "S1");
    assertThat(s1.value().term().lastDay()).isEqualTo(LocalDate.parse("2026-02-09"));
    assertThatThrownBy(() -> p.addSeats(Request.of(Actor.customerAdmin("contoso"), LocalDate.parse("2025-03-05")), "S1", 2))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SUB-6"));
    List<io.github.cspkit.csp.billing.Bill> bills = p.issueBills(Request.of(admin, LocalDate.parse("2025-04-01")));
    assertThat(bills).hasSize(3);
    assertThat(p.bill("contoso", YearMonth.of(2025, 3)).orElseThrow().total())
        .isEqualTo(Money.of(new BigDecimal("394.52"), "USD"));
    var q = p.quoteAddSeats(Request.of(admin, LocalDate.parse("2025-07-01")), "S1", 5);
    assertThat(q.charge()).isEqualTo(Money.of(new BigDecimal("883.73"), "USD"));
    // a view on a later day moves the subscription through its term end; no list for
    // February 2026 is published, so it ends (SUB-7, PRC-3); the stored value is unchanged
    assertThat(p.subscription("S1", LocalDate.parse("2026-02-10")).orElseThrow().status())
        .isEqualTo(io.github.cspkit.csp.subscription.SubscriptionStatus.ENDED);
    assertThat(p.subscription("S1").orElseThrow().status())
        .isEqualTo(io.github.cspkit.csp.subscription.SubscriptionStatus.ACTIVE);
  }

  @org.junit.jupiter.api.Test
  void ACC_2_delegated_admin_policy_set_on_a_copy_of_the_seed_takes_effect() {
    CspPolicies custom = CspPolicies.builder().from(CspPolicies.seed())
        .delegatedAdmin(io.github.cspkit.csp.access.DelegatedAdminPolicy.CUSTOMER_ADMIN).build();
    io.github.cspkit.csp.customer.Customer c = io.github.cspkit.csp.customer.Customer.builder().id("c").partnerId("p").market("US")
        .tenant(io.github.cspkit.csp.customer.Tenant.of("t", io.github.cspkit.csp.customer.TenantOrigin.NEW))
        .billing(io.github.cspkit.csp.customer.BillingProfile.of(1, MinorUnits.USD)).createdOn(LocalDate.parse("2025-01-01")).build();
    // the customer's admin may remove it under CUSTOMER_ADMIN: no refusal
    custom.access().authorize(Actor.customerAdmin("c"), Partner.csp("p"),
        io.github.cspkit.csp.access.Operation.REMOVE_DELEGATED_ADMIN, c);
    assertThatThrownBy(() -> CspPolicies.seed().access().authorize(Actor.customerAdmin("c"),
        Partner.csp("p"), io.github.cspkit.csp.access.Operation.REMOVE_DELEGATED_ADMIN, c))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-2"));
  }

  @org.junit.jupiter.api.Test
  void ACC_4_a_customer_acts_only_through_the_partner_that_manages_it() {
    io.github.cspkit.csp.customer.Customer other = io.github.cspkit.csp.customer.Customer.builder().id("woodgrove").partnerId("tailspin")
        .market("US").tenant(io.github.cspkit.csp.customer.Tenant.of("t", io.github.cspkit.csp.customer.TenantOrigin.NEW))
        .billing(io.github.cspkit.csp.customer.BillingProfile.of(1, MinorUnits.USD)).createdOn(LocalDate.parse("2025-01-01")).build();
    for (io.github.cspkit.csp.access.Operation op : new io.github.cspkit.csp.access.Operation[] {io.github.cspkit.csp.access.Operation.CONFIGURE_SERVICE,
        io.github.cspkit.csp.access.Operation.VIEW_BILLS, io.github.cspkit.csp.access.Operation.VIEW_SERVICE_HEALTH}) {
      assertThatThrownBy(() -> CspPolicies.seed().access().authorize(Actor.customerAdmin("woodgrove"),
          Partner.csp("northwind"), op, other))
          .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-4"));
    }
  }
}
