package io.github.cspkit.csp.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two partners in one store (DESIGN.md, several partners): ids and idempotency keys are scoped
 * per partner, so both may have a customer {@code contoso} and use the same key, and nothing one
 * partner does is visible to the other. Subclass it with {@link #newStore()}.
 */
public abstract class TwoPartnersContract {
  private static final String NORTHWIND = "Northwind";
  private static final String TAILSPIN = "Tailspin";

  /** @return a new, empty store (with its schema) */
  protected abstract CspStore newStore();

  private static CspPartner partner(String id, CspStore store) {
    return PartnerFixtures.bare(Partner.csp(id), CspPolicies.seed(), IncidentFeed.NONE, store);
  }

  private static Request as(String partner, String day) {
    return Request.of(Actor.partnerAdmin(partner, "agent"), LocalDate.parse(day));
  }

  @Test
  void ACC_4_two_partners_share_a_store_without_seeing_each_other() {
    CspStore store = newStore();
    CspPartner northwind = partner(NORTHWIND, store);
    CspPartner tailspin = partner(TAILSPIN, store);
    PartnerFixtures.publishPriceLists(northwind); // the vendor's lists serve every partner
    for (CspPartner p : List.of(northwind, tailspin)) {
      String id = p.partner().id();
      p.acceptAgreement(as(id, "2024-10-01"));
      p.createCustomer(as(id, "2025-01-20").withKey("create"), PartnerFixtures.newCustomer("contoso"));
    }
    northwind.order(as(NORTHWIND, "2025-01-20").withKey("order"), "contoso", PartnerFixtures.E3, 10, "S1");
    tailspin.order(as(TAILSPIN, "2025-01-20").withKey("order"), "contoso", PartnerFixtures.E3, 3, "S1");
    tailspin.addSeats(as(TAILSPIN, "2025-01-25").withKey("more"), "S1", 1);

    assertThat(northwind.customer("contoso").orElseThrow().partnerId()).isEqualTo(NORTHWIND);
    assertThat(tailspin.customer("contoso").orElseThrow().partnerId()).isEqualTo(TAILSPIN);
    assertThat(northwind.subscription("S1").orElseThrow().seats()).isEqualTo(10);
    assertThat(tailspin.subscription("S1").orElseThrow().seats()).isEqualTo(3 + 1);
    assertThat(northwind.events("order")).hasSize(1);
    assertThat(northwind.events("order").get(0).detail()).contains("10");
    assertThat(store.forPartner(NORTHWIND).read().customers().ids()).containsExactly("contoso");
    assertThat(northwind.agreement().orElseThrow().partnerId()).isEqualTo(NORTHWIND);
    assertThat(store.forPartner(NORTHWIND).read().agreements().find(TAILSPIN)).isEmpty();

    List<Bill> northwindBills = northwind.issueBills(as(NORTHWIND, "2025-02-01"));
    assertThat(northwindBills).singleElement().satisfies(b -> assertThat(b.customerId()).isEqualTo("contoso"));
    assertThat(tailspin.bills("contoso")).isEmpty();
    List<Bill> tailspinBills = tailspin.issueBills(as(TAILSPIN, "2025-02-01"));
    assertThat(tailspinBills).singleElement().satisfies(b ->
        assertThat(b.totalMinor()).isLessThan(northwindBills.get(0).totalMinor()));
    assertThat(northwind.bills("contoso")).isEqualTo(northwindBills);
    assertThat(store.forPartner(NORTHWIND).read().events().read(0, 1000))
        .noneMatch(e -> e.commandKey().startsWith(TAILSPIN));
  }

  @Test
  void ACC_4_a_partner_cannot_store_another_partners_customer() {
    CspStore store = newStore().forPartner(NORTHWIND);
    assertThatThrownBy(() -> store.inTransaction(tx -> tx.customers().save(
        io.github.cspkit.csp.customer.Customer.builder().id("x").partnerId(TAILSPIN).market("US")
            .tenant(io.github.cspkit.csp.customer.Tenant.of("x-tenant",
                io.github.cspkit.csp.customer.TenantOrigin.NEW))
            .billing(io.github.cspkit.csp.customer.BillingProfile.of(1, PartnerFixtures.USD))
            .createdOn(LocalDate.parse("2025-01-20")).build(), 0)))
        .isInstanceOf(io.github.cspkit.csp.RuleViolation.class).hasMessageContaining(TAILSPIN);
    assertThat(store.read().customers().ids()).isEmpty();
  }
}
