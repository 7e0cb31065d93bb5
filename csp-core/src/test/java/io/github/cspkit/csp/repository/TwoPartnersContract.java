package io.github.cspkit.csp.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.OrderLine;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.time.YearMonth;
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
    tailspin.order(as(TAILSPIN, "2025-01-25").withKey("lines"), "contoso",
        List.of(OrderLine.of(PartnerFixtures.E3, 2, "S2")));
    assertThat(store.forPartner(NORTHWIND).read().subscriptions().taken(List.of("S1", "S2")))
        .containsExactly("S1");
    assertThat(store.forPartner(TAILSPIN).read().subscriptions().taken(List.of("S1", "S2")))
        .containsExactly("S1", "S2");

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

  /** {@code store} as one view for every partner: the default {@link CspStore#forPartner}. */
  private static CspStore oneViewForEveryone(CspStore store) {
    return new CspStore() {
      @Override
      public <T> T inTransaction(java.util.function.Function<Repositories, T> work) {
        return store.inTransaction(work);
      }

      @Override
      public Repositories read() {
        return store.read();
      }
    };
  }

  @Test
  void ACC_4_trusted_reads_on_a_store_serving_every_partner_show_only_the_partners_own() {
    CspStore single = oneViewForEveryone(newStore());
    CspPartner northwind = partner(NORTHWIND, single);
    CspPartner tailspin = partner(TAILSPIN, single);
    PartnerFixtures.publishPriceLists(northwind);
    northwind.acceptAgreement(as(NORTHWIND, "2024-10-01"));
    tailspin.acceptAgreement(as(TAILSPIN, "2024-10-01"));
    northwind.createCustomer(as(NORTHWIND, "2025-01-20").withKey("create"),
        PartnerFixtures.newCustomer("contoso"));
    tailspin.createCustomer(as(TAILSPIN, "2025-01-20").withKey("create"),
        PartnerFixtures.newCustomer("woodgrove"));
    northwind.order(as(NORTHWIND, "2025-01-20").withKey("order"), "contoso", PartnerFixtures.E3,
        10, "S1");
    tailspin.order(as(TAILSPIN, "2025-01-20").withKey("order"), "woodgrove", PartnerFixtures.E3,
        3, "T1");
    List<Bill> northwindBills = northwind.issueBills(as(NORTHWIND, "2025-02-01"));
    List<Bill> tailspinBills = tailspin.issueBills(as(TAILSPIN, "2025-02-01"));
    assertThat(northwindBills).extracting(Bill::customerId).containsExactly("contoso");
    assertThat(tailspinBills).extracting(Bill::customerId).containsExactly("woodgrove");
    LocalDate day = LocalDate.parse("2025-03-15");
    YearMonth month = northwindBills.get(0).month(); // the month the bills' periods start in
    assertThat(tailspinBills.get(0).month()).isEqualTo(month);

    // each read: the owner sees its customer's data, the other partner nothing of it
    for (CspPartner[] pair : List.of(new CspPartner[] {northwind, tailspin},
        new CspPartner[] {tailspin, northwind})) {
      CspPartner owner = pair[0];
      CspPartner other = pair[1];
      boolean isNorthwind = owner == northwind;
      String customer = isNorthwind ? "contoso" : "woodgrove";
      String sub = isNorthwind ? "S1" : "T1";
      int seats = isNorthwind ? 10 : 3;
      List<Bill> bills = isNorthwind ? northwindBills : tailspinBills;

      assertThat(owner.customer(customer).orElseThrow().partnerId())
          .isEqualTo(owner.partner().id());
      assertThat(other.customer(customer)).isEmpty();
      assertThat(owner.subscription(sub).orElseThrow().seats()).isEqualTo(seats);
      assertThat(other.subscription(sub)).isEmpty();
      assertThat(owner.subscription(sub, day).orElseThrow().seats()).isEqualTo(seats);
      assertThat(other.subscription(sub, day)).isEmpty();
      assertThat(owner.subscriptions(customer)).extracting(s -> s.id()).containsExactly(sub);
      assertThat(other.subscriptions(customer)).isEmpty();
      assertThat(owner.bills(customer)).isEqualTo(bills);
      assertThat(other.bills(customer)).isEmpty();
      assertThat(owner.bill(customer, month)).contains(bills.get(0));
      assertThat(other.bill(customer, month)).isEmpty();
      assertThat(owner.nextBillDue(customer)).contains(LocalDate.parse("2025-03-01")); // on the 1st
      assertThat(other.nextBillDue(customer)).isEmpty();
      assertThat(owner.billingAccount(customer).orElseThrow().customerId()).isEqualTo(customer);
      assertThat(other.billingAccount(customer)).isEmpty();
      // both used the key "order": each reads its own command's events only
      assertThat(owner.events("order")).singleElement()
          .satisfies(e -> assertThat(e.aggregateId()).isEqualTo(sub));
      // a read by an actor: the owner's admin reads, the other's is refused, as before
      assertThat(owner.bills(as(owner.partner().id(), "2025-03-15"), customer)).isEqualTo(bills);
      assertThatThrownBy(() -> other.bills(as(other.partner().id(), "2025-03-15"), customer))
          .isInstanceOf(io.github.cspkit.csp.RuleViolation.class).hasMessageContaining("ACC-4");
    }
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
