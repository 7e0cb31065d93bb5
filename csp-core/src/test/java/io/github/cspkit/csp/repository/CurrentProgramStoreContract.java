package io.github.cspkit.csp.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.agreement.PartnerAgreementPolicy;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.TerminationNotice;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.testkit.NceWorld;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CspStore} keeps for the current program (MPA-1, NCE-1..10): round
 * trips of new-commerce subscriptions with their whole history and of Microsoft Partner
 * Agreements with their notices, optimistic versions, the index by customer, all-or-nothing
 * transactions and per-partner scoping. Subclass it with {@link #newStore()} returning an empty
 * store.
 */
public abstract class CurrentProgramStoreContract {
  /** The store under test, new and empty for each test. */
  protected CspStore store;

  /** @return a new, empty store */
  protected abstract CspStore newStore();

  @BeforeEach
  protected void createStore() {
    store = newStore();
  }

  private static Customer customer(String id, String partner) {
    return Customer.builder().id(id).partnerId(partner).market("US")
        .tenant(Tenant.of("tenant-" + id, TenantOrigin.NEW))
        .billing(BillingProfile.of(1, NceWorld.USD)).createdOn(LocalDate.parse("2023-12-01"))
        .build();
  }

  private static Customer customer(String id) {
    return NceWorld.CONTOSO.id().equals(id) ? NceWorld.CONTOSO : customer(id, "p1");
  }

  /** A subscription with renewals, added and removed seats, suspension and a schedule. */
  private static NceSubscription rich(String id, Customer c) {
    NceChange ch = NceWorld.OPS.order(id, c, NceWorld.sku(NceWorld.BASIC), 10, TermLength.P1M,
        BillingPlan.MONTHLY, LocalDate.parse("2024-01-31"), NceWorld.PRICES);
    NceSubscription s = ch.subscription();
    s = NceWorld.OPS.addSeats(s, NceWorld.sku(NceWorld.BASIC), 5, LocalDate.parse("2024-02-03"))
        .subscription();
    s = NceWorld.OPS.removeSeats(s, 2, LocalDate.parse("2024-02-05")).subscription();
    s = NceWorld.OPS.rollTo(s, c, LocalDate.parse("2024-04-01"), NceWorld.PRICES,
        NceWorld.IN_FORCE).subscription();
    s = NceWorld.OPS.suspend(s, LocalDate.parse("2024-04-02")).subscription();
    s = NceWorld.OPS.schedule(s, ScheduledChange.builder().seats(3).term(TermLength.P1Y)
        .plan(BillingPlan.ANNUAL).build(), c, NceWorld.CATALOG).subscription();
    return NceWorld.OPS.autoRenew(s, false).subscription();
  }

  private static NceSubscription small(String id, Customer c, String day) {
    return NceWorld.OPS.order(id, c, NceWorld.sku(NceWorld.STANDARD), 2, TermLength.P1Y,
        BillingPlan.ANNUAL, LocalDate.parse(day), NceWorld.PRICES).subscription();
  }

  @Test
  void NCE_1_a_subscription_round_trips_with_its_whole_history_and_versions() {
    Customer c = NceWorld.CONTOSO;
    NceSubscription s = rich("S1", c);
    Versioned<NceSubscription> first = store.inTransaction(r -> {
      r.customers().save(c, 0);
      return r.nceSubscriptions().save(s, 0);
    });
    assertThat(first.version()).isEqualTo(1);
    assertThat(store.read().nceSubscriptions().find("S1")).contains(new Versioned<>(s, 1));
    assertThat(s.terms()).hasSize(3);
    assertThat(s.scheduled()).isPresent();

    NceSubscription next = NceWorld.OPS.reactivate(s, LocalDate.parse("2024-04-10"))
        .subscription();
    assertThat(store.inTransaction(r -> r.nceSubscriptions().save(next, 1)).version())
        .isEqualTo(2);
    assertThatThrownBy(() -> store.inTransaction(r -> r.nceSubscriptions().save(s, 1)))
        .isInstanceOf(StaleVersionException.class);
    // a new subscription whose id is taken meets the stored version
    assertThatThrownBy(() -> store.inTransaction(r -> r.nceSubscriptions().save(s, 0)))
        .isInstanceOf(StaleVersionException.class);
    assertThat(store.read().nceSubscriptions().find("S1")).contains(new Versioned<>(next, 2));
    assertThat(store.read().nceSubscriptions().find("S9")).isEmpty();
  }

  @Test
  void NCE_1_subscriptions_are_listed_by_customer_in_order_of_creation() {
    Customer c = NceWorld.CONTOSO;
    Customer other = customer("fabrikam");
    store.inTransaction(r -> {
      r.customers().save(c, 0);
      r.customers().save(other, 0);
      r.nceSubscriptions().save(small("B", c, "2024-01-10"), 0);
      r.nceSubscriptions().save(small("X", other, "2024-01-10"), 0);
      return null;
    });
    List<String> inTx = store.inTransaction(r -> {
      r.nceSubscriptions().save(small("A", c, "2024-02-10"), 0);
      // a save of a stored one keeps its place
      Versioned<NceSubscription> b = r.nceSubscriptions().find("B").orElseThrow();
      r.nceSubscriptions().save(NceWorld.OPS.autoRenew(b.value(), false).subscription(),
          b.version());
      return r.nceSubscriptions().byCustomer(c.id()).stream().map(v -> v.value().id()).toList();
    });
    assertThat(inTx).containsExactly("B", "A");
    assertThat(store.read().nceSubscriptions().byCustomer(c.id()))
        .extracting(v -> v.value().id(), Versioned::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("B", 2L),
            org.assertj.core.groups.Tuple.tuple("A", 1L));
    assertThat(store.read().nceSubscriptions().byCustomer("fabrikam"))
        .extracting(v -> v.value().id()).containsExactly("X");
    assertThat(store.read().nceSubscriptions().byCustomer("nobody")).isEmpty();
  }

  @Test
  void NCE_1_a_failed_transaction_stores_no_subscription() {
    Customer c = NceWorld.CONTOSO;
    store.inTransaction(r -> r.customers().save(c, 0));
    assertThatThrownBy(() -> store.inTransaction(r -> {
      r.nceSubscriptions().save(small("S1", c, "2024-01-10"), 0);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(store.read().nceSubscriptions().find("S1")).isEmpty();
    assertThat(store.read().nceSubscriptions().byCustomer(c.id())).isEmpty();
    assertThatThrownBy(() -> store.read().nceSubscriptions().save(small("S1", c, "2024-01-10"), 0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void NCE_1_each_partner_sees_only_its_own_subscriptions() {
    CspStore a = store.forPartner("p1");
    CspStore b = store.forPartner("p2");
    Customer ca = customer("contoso", "p1");
    Customer cb = customer("contoso", "p2");
    a.inTransaction(r -> {
      r.customers().save(ca, 0);
      return r.nceSubscriptions().save(small("S1", ca, "2024-01-10"), 0);
    });
    assertThat(b.read().nceSubscriptions().find("S1")).isEmpty();
    assertThat(b.read().nceSubscriptions().byCustomer("contoso")).isEmpty();
    b.inTransaction(r -> {
      r.customers().save(cb, 0);
      return r.nceSubscriptions().save(small("S1", cb, "2024-03-10"), 0);
    });
    assertThat(a.read().nceSubscriptions().find("S1").orElseThrow().value().startedOn())
        .isEqualTo(LocalDate.parse("2024-01-10"));
    assertThat(b.read().nceSubscriptions().find("S1").orElseThrow().value().startedOn())
        .isEqualTo(LocalDate.parse("2024-03-10"));
  }

  @Test
  void MPA_1_a_partner_agreement_round_trips_with_its_notices_and_versions() {
    CspStore p1 = store.forPartner("p1");
    PartnerAgreement a = PartnerAgreement.accept("p1", LocalDate.parse("2024-01-02"),
        PartnerAgreementPolicy.of(Period.ofDays(45)));
    assertThat(p1.inTransaction(r -> r.partnerAgreements().save(a, 0)).version()).isEqualTo(1);
    PartnerAgreement noticed = a.withTermination(TerminationNotice.written(
        LocalDate.parse("2025-03-01"), Party.VENDOR, LocalDate.parse("2025-06-01")));
    p1.inTransaction(r -> r.partnerAgreements().save(noticed, 1));
    assertThat(p1.read().partnerAgreements().find("p1")).contains(new Versioned<>(noticed, 2));
    assertThatThrownBy(() -> p1.inTransaction(r -> r.partnerAgreements().save(a, 1)))
        .isInstanceOf(StaleVersionException.class);
    assertThat(p1.read().agreements().find("p1")).isEmpty();
    assertThat(store.forPartner("p2").read().partnerAgreements().find("p1")).isEmpty();
  }
}
