package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.FABRIKAM;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static io.github.cspkit.csp.testkit.PartnerFixtures.WOODGROVE;
import static io.github.cspkit.csp.testkit.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.DelegatedAdminPolicy;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.access.ServiceIncident;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Access through the partner entry point: ACC-1..5, SUB-6, CUS-4, AGR-1, DIS-1. */
class PartnerAccessTest {
  static final LocalDate DAY = RichWorld.DAY;

  /** Refused exactly as an id that does not exist: another partner's data is not visible. */
  static void unknown(String what, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(io.github.cspkit.csp.UnknownIdException.class)
        .isNotInstanceOf(RuleViolation.class).hasMessage("UNKNOWN_ID: unknown " + what);
  }

  static CspPolicies customerAdminMayRemove() {
    return CspPolicies.builder().delegatedAdmin(DelegatedAdminPolicy.CUSTOMER_ADMIN).build();
  }

  // ------------------------------------------------------------------ ACC-1

  @Test
  void ACC_1_partner_administers_a_tenant_it_holds_delegated_admin_on() {
    World w = PartnerFixtures.world();
    Result<Customer> r = w.partner().administerTenant(w.asAdmin(DAY), CONTOSO, "reset a user's password");
    assertThat(r.value().delegatedAdmin()).isTrue();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("ADMINISTERED");
      assertThat(e.detail()).isEqualTo("reset a user's password");
    });
    // a delegated-admin-only user may as well (ACC-3)
    w.partner().administerTenant(Request.of(w.delegatedOnly(), DAY), CONTOSO, "add a mailbox");
  }

  @Test
  void ACC_1_after_removal_under_CUSTOMER_ADMIN_policy_administerTenant_is_refused() {
    World w = PartnerFixtures.world(customerAdminMayRemove(), IncidentFeed.NONE);
    Result<Customer> removed = w.partner().removeDelegatedAdmin(
        Request.of(Actor.customerAdmin(CONTOSO), DAY), CONTOSO);
    assertThat(removed.value().delegatedAdmin()).isFalse();
    assertThat(w.partner().customer(CONTOSO).orElseThrow().delegatedAdmin()).isFalse();
    refused("ACC-1", () -> w.partner().administerTenant(w.asAdmin(DAY.plusDays(1)), CONTOSO, "reset"));
    refused("ACC-1", () -> w.partner().configureService(w.asAdmin(DAY.plusDays(1)), CONTOSO, "mail", "x"));
    // the other customer is untouched
    w.partner().administerTenant(w.asAdmin(DAY.plusDays(1)), FABRIKAM, "reset");
  }

  // ------------------------------------------------------------------ ACC-2

  @Test
  void ACC_2_customer_cannot_remove_delegated_admin() {
    World w = PartnerFixtures.world();
    assertThatThrownBy(() -> w.partner().removeDelegatedAdmin(
        Request.of(Actor.customerAdmin(CONTOSO), DAY), CONTOSO))
        .isInstanceOfSatisfying(RuleViolation.class, v -> {
          assertThat(v.rule()).isEqualTo("ACC-2");
          assertThat(v.reason()).contains("partner").contains("support");
        });
    // nor may the partner itself, under the seed
    refused("ACC-2", () -> w.partner().removeDelegatedAdmin(w.asAdmin(DAY), CONTOSO));
    assertThat(w.partner().customer(CONTOSO).orElseThrow().delegatedAdmin()).isTrue();
  }

  @Test
  void ACC_2_under_CUSTOMER_ADMIN_policy_the_customer_admin_may_remove_but_no_one_else() {
    World w = PartnerFixtures.world(customerAdminMayRemove(), IncidentFeed.NONE);
    CspPartner p = w.partner();
    refused("ACC-2", () -> p.removeDelegatedAdmin(
        Request.of(new Actor.CustomerUser(CONTOSO, "clerk", false), DAY), CONTOSO));
    refused("ACC-5", () -> p.removeDelegatedAdmin(Request.of(Actor.customerAdmin(FABRIKAM), DAY), CONTOSO));
    refused("ACC-2", () -> p.removeDelegatedAdmin(w.asAdmin(DAY), CONTOSO));
    assertThat(p.customer(CONTOSO).orElseThrow().delegatedAdmin()).isTrue();

    Result<Customer> r = p.removeDelegatedAdmin(Request.of(Actor.customerAdmin(CONTOSO), DAY), CONTOSO);
    assertThat(r.value().delegatedAdmin()).isFalse();
    assertThat(r.events()).singleElement().satisfies(e ->
        assertThat(e.kind()).isEqualTo("DELEGATED_ADMIN_REMOVED"));
  }

  // ------------------------------------------------------------------ ACC-3

  @Test
  void ACC_3_delegated_admin_without_own_tenant_rights_creates_customers_and_orders_but_not_the_company_acts() {
    var store = io.github.cspkit.csp.repository.InMemoryStore.create();
    CspPartner fresh = PartnerFixtures.bare(Partner.csp(PartnerFixtures.PARTNER), CspPolicies.seed(),
        IncidentFeed.NONE, store);
    PartnerFixtures.publishPriceLists(fresh);
    World w = new World(fresh, store.forPartner(fresh.partner().id()));
    refused("ACC-3", () -> fresh.acceptAgreement(Request.of(w.delegatedOnly(), PartnerFixtures.ACCEPTED)));
    assertThat(fresh.agreement()).isEmpty();
    fresh.acceptAgreement(Request.of(w.ownTenantOnly(), PartnerFixtures.ACCEPTED));

    Request helpdesk = Request.of(w.delegatedOnly(), PartnerFixtures.CREATED);
    fresh.createCustomer(helpdesk, PartnerFixtures.newCustomer(CONTOSO));
    Subscription s = fresh.order(Request.of(w.delegatedOnly(), PartnerFixtures.ORDERED), CONTOSO, E3, 3, "S1")
        .value();
    assertThat(s.seats()).isEqualTo(3);
    fresh.addSeats(Request.of(w.delegatedOnly(), DAY), "S1", 1);
    refused("ACC-3", () -> fresh.giveNotice(Request.of(w.delegatedOnly(), DAY), NoticeChannel.WRITTEN));
    // administering the partner's own tenant has no entry point method: the policy decides it
    refused("ACC-3", () -> fresh.policies().access().authorize(w.delegatedOnly(), fresh.partner(),
        Operation.ADMINISTER_OWN_TENANT, null));
  }

  @Test
  void ACC_3_own_tenant_admin_without_delegated_admin_accepts_the_agreement_but_cannot_manage_customers() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    Request it = Request.of(w.ownTenantOnly(), DAY);
    p.policies().access().authorize(w.ownTenantOnly(), p.partner(), Operation.ADMINISTER_OWN_TENANT, null);
    refused("ACC-3", () -> p.createCustomer(it, PartnerFixtures.newCustomer("newco")));
    refused("ACC-3", () -> p.order(it, CONTOSO, E3, 1, "S9"));
    refused("ACC-3", () -> p.addSeats(it, S1, 1));
    refused("ACC-3", () -> p.administerTenant(it, CONTOSO, "reset"));
    refused("ACC-3", () -> p.serviceIncidents(it, CONTOSO));
    refused("ACC-3", () -> p.issueBills(it));
    Agreement noticed = p.giveNotice(it, NoticeChannel.WRITTEN).value();
    assertThat(noticed.notices()).containsExactly(Notice.written(DAY, Party.PARTNER));
    assertThat(noticed.endDate()).isPresent();
    assertThat(p.agreement()).as("stored").contains(noticed);
  }

  // ------------------------------------------------------------------ ACC-4

  @Test
  void ACC_4_non_CSP_partner_is_refused_CSP_operations_but_administers_and_views_health_of_its_customers() {
    ServiceIncident open = new ServiceIncident("I1", RichWorld.LITWARE, "Exchange Online",
        "mail delayed", d("2025-03-09"), Optional.empty());
    RichWorld rw = new RichWorld(CspPolicies.seed(), customerId -> customerId.equals(RichWorld.LITWARE)
        ? List.of(open) : List.of());
    CspPartner adatum = rw.adatum;
    Request r = Request.of(RichWorld.adatumAdmin(), DAY);
    List<ThrowingCallable> cspOnly = List.of(
        () -> adatum.createCustomer(r, PartnerFixtures.newCustomer("newco")),
        () -> adatum.setBillingProfile(r, RichWorld.LITWARE, BillingProfile.of(5, PartnerFixtures.USD)),
        () -> adatum.setFinancing(r, RichWorld.LITWARE, FinancingPlan.instalments(3)),
        () -> adatum.addService(r, RichWorld.LITWARE, "x", "x", PartnerFixtures.usd("1.00"), Recurrence.ONCE),
        () -> adatum.order(r, RichWorld.LITWARE, E3, 1, "L1"),
        () -> adatum.issueBills(r, RichWorld.LITWARE));
    for (ThrowingCallable call : cspOnly) {
      assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
        assertThat(v.rule()).isEqualTo("ACC-4");
        assertThat(v.reason()).contains("not a CSP partner");
      });
    }
    Result<Customer> administered = adatum.administerTenant(r, RichWorld.LITWARE, "reset");
    assertThat(administered.value().id()).isEqualTo(RichWorld.LITWARE);
    assertThat(adatum.serviceIncidents(r, RichWorld.LITWARE)).containsExactly(open);
    // but only for the customers it manages: another partner's are not even visible
    unknown("customer " + CONTOSO, () -> adatum.administerTenant(r, CONTOSO, "reset"));
    unknown("customer " + CONTOSO, () -> adatum.serviceIncidents(r, CONTOSO));
  }

  @Test
  void ACC_4_a_partner_cannot_act_on_another_partners_customer() {
    RichWorld rw = new RichWorld();
    CspPartner nw = rw.northwind;
    Request r = rw.w.asAdmin(DAY);
    // another partner's customers are not visible: refused as unknown, revealing nothing
    unknown("customer " + WOODGROVE, () -> nw.administerTenant(r, WOODGROVE, "reset"));
    unknown("customer " + WOODGROVE, () -> nw.serviceIncidents(r, WOODGROVE));
    unknown("customer " + WOODGROVE, () -> nw.configureService(r, WOODGROVE, "mail", "x"));
    unknown("customer " + WOODGROVE, () -> nw.order(r, WOODGROVE, E3, 1, "S9"));
    unknown("subscription " + RichWorld.W1, () -> nw.addSeats(r, RichWorld.W1, 1));
    unknown("subscription " + RichWorld.W1, () -> nw.cancel(r, RichWorld.W1));
    unknown("subscription " + RichWorld.W1, () -> nw.quoteAddSeats(r, RichWorld.W1, 1));
    unknown("customer " + WOODGROVE, () -> nw.setBillingProfile(r, WOODGROVE, BillingProfile.of(5, PartnerFixtures.USD)));
    unknown("customer " + WOODGROVE, () -> nw.issueBills(r, WOODGROVE));
    assertThat(nw.customer(WOODGROVE)).isEmpty();
    assertThat(nw.subscription(RichWorld.W1)).isEmpty();
    // the other partner has its own, and a customer id may be used by both
    assertThat(rw.tailspin.subscription(RichWorld.W1)).isPresent();
    rw.tailspin.createCustomer(Request.of(RichWorld.tailspinAdmin(), DAY), PartnerFixtures.newCustomer(CONTOSO));
    assertThat(rw.tailspin.customer(CONTOSO).orElseThrow().partnerId()).isEqualTo(PartnerFixtures.OTHER_PARTNER);
    assertThat(nw.customer(CONTOSO).orElseThrow().partnerId()).isEqualTo(PartnerFixtures.PARTNER);
    // nor may another partner's user use this partner's entry point
    Request other = Request.of(RichWorld.tailspinAdmin(), DAY);
    refused("ACC-4", () -> nw.addSeats(other, S1, 1));
    refused("ACC-4", () -> nw.administerTenant(other, CONTOSO, "reset"));
    refused("ACC-4", () -> nw.priceQuote(other, E3, "US", PartnerFixtures.USD, DAY));
    assertThat(rw.tailspin.subscription(RichWorld.W1).orElseThrow().seats()).isEqualTo(4);
  }

  @Test
  void ACC_4_service_incidents_are_listed_only_for_managed_customers_and_only_those_open_on_the_day() {
    ServiceIncident open = new ServiceIncident("I1", CONTOSO, "Exchange Online", "mail delayed",
        d("2025-03-08"), Optional.empty());
    ServiceIncident resolvedOnTheDay = new ServiceIncident("I2", CONTOSO, "SharePoint", "slow sites",
        d("2025-03-01"), Optional.of(DAY));
    ServiceIncident resolvedAfter = new ServiceIncident("I3", CONTOSO, "Teams", "chat down",
        d("2025-03-10"), Optional.of(d("2025-03-11")));
    ServiceIncident later = new ServiceIncident("I4", CONTOSO, "Teams", "calls drop",
        d("2025-03-11"), Optional.empty());
    ServiceIncident woodgrove = new ServiceIncident("I5", WOODGROVE, "Exchange Online", "down",
        d("2025-03-01"), Optional.empty());
    Map<String, List<ServiceIncident>> feed = Map.of(
        CONTOSO, List.of(open, resolvedOnTheDay, resolvedAfter, later), WOODGROVE, List.of(woodgrove));
    RichWorld rw = new RichWorld(CspPolicies.seed(), id -> feed.getOrDefault(id, List.of()));
    CspPartner nw = rw.northwind;

    assertThat(nw.serviceIncidents(rw.w.asAdmin(DAY), CONTOSO)).containsExactly(open, resolvedAfter);
    assertThat(nw.serviceIncidents(rw.w.asAdmin(DAY), FABRIKAM)).isEmpty();
    assertThat(nw.serviceIncidents(Request.of(rw.w.delegatedOnly(), DAY), CONTOSO))
        .containsExactly(open, resolvedAfter);
    unknown("customer " + WOODGROVE, () -> nw.serviceIncidents(rw.w.asAdmin(DAY), WOODGROVE));
    // the customer sees its own service health (as in its own admin center), not another's
    assertThat(nw.serviceIncidents(Request.of(Actor.customerAdmin(CONTOSO), DAY), CONTOSO))
        .containsExactly(open, resolvedAfter);
    refused("ACC-5", () -> nw.serviceIncidents(Request.of(Actor.customerAdmin(FABRIKAM), DAY), CONTOSO));
  }

  @Test
  void ACC_4_issue_bills_on_a_shared_store_bills_only_the_customers_the_partner_manages() {
    RichWorld rw = new RichWorld();
    List<io.github.cspkit.csp.billing.Bill> bills = rw.northwind.issueBills(rw.w.asAdmin(DAY));
    assertThat(bills).extracting(io.github.cspkit.csp.billing.Bill::customerId).doesNotContain(WOODGROVE, RichWorld.LITWARE)
        .contains(CONTOSO, FABRIKAM);
    assertThat(rw.northwind.bills(WOODGROVE)).isEmpty();
  }

  // ------------------------------------------------------------------ ACC-5

  @Test
  void ACC_5_customer_admin_configures_its_own_services_not_another_customers_and_a_non_admin_is_refused() {
    World w = PartnerFixtures.world();
    CspPartner p = w.partner();
    Result<Customer> r = p.configureService(Request.of(Actor.customerAdmin(CONTOSO), DAY), CONTOSO,
        "mail", "retention 30 days");
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("CONFIGURED");
      assertThat(e.detail()).isEqualTo("mail: retention 30 days");
    });
    p.configureService(Request.of(Actor.customerAdmin(CONTOSO), DAY), CONTOSO, "sites", "external sharing off");
    p.configureService(Request.of(Actor.customerAdmin(CONTOSO), DAY), CONTOSO, "chat", "guests allowed");
    refused("ACC-5", () -> p.configureService(Request.of(Actor.customerAdmin(FABRIKAM), DAY), CONTOSO,
        "mail", "x"));
    assertThatThrownBy(() -> p.configureService(
        Request.of(new Actor.CustomerUser(CONTOSO, "clerk", false), DAY), CONTOSO, "mail", "x"))
        .isInstanceOfSatisfying(RuleViolation.class, v -> {
          assertThat(v.rule()).isEqualTo("ACC-5");
          assertThat(v.reason()).contains("not an admin");
        });
  }

  // ------------------------------------------------------------------ SUB-6

  @Test
  void SUB_6_customer_user_is_refused_every_action_on_a_CSP_subscription() {
    RichWorld rw = new RichWorld();
    CspPartner p = rw.northwind;
    for (Actor customer : List.of(Actor.customerAdmin(CONTOSO),
        new Actor.CustomerUser(CONTOSO, "clerk", false))) {
      Request r = Request.of(customer, DAY);
      Map<String, ThrowingCallable> calls = new java.util.LinkedHashMap<>();
      calls.put("order", () -> p.order(r, CONTOSO, E3, 1, "S9"));
      calls.put("add seats", () -> p.addSeats(r, S1, 1));
      calls.put("remove seats", () -> p.removeSeats(r, S1, 1));
      calls.put("cancel", () -> p.cancel(r, S1));
      calls.put("suspend", () -> p.suspend(r, S1));
      calls.put("reactivate", () -> p.reactivate(r, RichWorld.S2));
      calls.put("add-on", () -> p.orderAddOn(r, S1, PartnerFixtures.ADD_ON, 1, "A9"));
      calls.put("auto-renew", () -> p.autoRenew(r, S1, false));
      calls.put("quote change", () -> p.quoteAddSeats(r, S1, 1));
      calls.put("convert trial", () -> p.convertTrial(Request.of(customer, DAY), RichWorld.TRIALCO, E3, 1, "T9"));
      calls.forEach((name, call) -> assertThatThrownBy(call).as("%s by %s", name, customer.userId())
          .isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.rule()).isEqualTo("SUB-6");
            assertThat(v.reason()).contains("partner");
          }));
    }
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(10);
    assertThat(p.subscription("S9")).isEmpty();
  }

  // ------------------------------------------------------------------ CUS-4

  @Test
  void CUS_4_creating_a_customer_through_the_entry_point_grants_delegated_admin() {
    World w = PartnerFixtures.world();
    Result<Customer> r = w.partner().createCustomer(w.asAdmin(DAY), PartnerFixtures.newCustomer("newco"));
    assertThat(r.value().delegatedAdmin()).isTrue();
    assertThat(r.value().isManagedBy(PartnerFixtures.PARTNER)).isTrue();
    assertThat(w.partner().customer("newco").orElseThrow().delegatedAdmin()).isTrue();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("CREATED");
      assertThat(e.detail()).contains("delegated admin granted to " + PartnerFixtures.PARTNER);
    });
    // so the partner can administer the tenant at once (ACC-1)
    w.partner().administerTenant(w.asAdmin(DAY), "newco", "first setup");
  }

  // ------------------------------------------------------------------ AGR-1

  @Test
  void AGR_1_operations_are_refused_before_acceptance() {
    CspPartner fresh = PartnerFixtures.bare(Partner.csp(PartnerFixtures.PARTNER), CspPolicies.seed(),
        IncidentFeed.NONE, null);
    PartnerFixtures.publishPriceLists(fresh);
    Request r = Request.of(Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent"), PartnerFixtures.CREATED);
    assertThatThrownBy(() -> fresh.createCustomer(r, PartnerFixtures.newCustomer(CONTOSO)))
        .isInstanceOfSatisfying(RuleViolation.class, v -> {
          assertThat(v.rule()).isEqualTo("AGR-1");
          assertThat(v.reason()).contains("not accepted");
        });
    refused("AGR-1", () -> fresh.giveNotice(r, NoticeChannel.WRITTEN));
    assertThat(fresh.customer(CONTOSO)).isEmpty();

    // accepted later: a day before the acceptance is still refused
    World w = PartnerFixtures.standard();
    refused("AGR-1", () -> w.partner().order(w.asAdmin(PartnerFixtures.ACCEPTED.minusDays(1)), CONTOSO, E3,
        1, "S9"));
  }

  @Test
  void AGR_1_transactions_are_refused_after_the_agreement_ended_winding_down_is_not() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    p.giveNotice(w.asAdmin(d("2025-03-01")), NoticeChannel.WRITTEN);
    assertThat(p.agreement().orElseThrow().endDate()).contains(d("2025-08-31"));
    // still in force on its last day
    p.addSeats(w.asAdmin(d("2025-08-31")), S1, 1);
    LocalDate after = d("2025-09-01");
    Request r = w.asAdmin(after);
    List<ThrowingCallable> calls = List.of(
        () -> p.createCustomer(r, PartnerFixtures.newCustomer("newco")),
        () -> p.order(r, CONTOSO, E3, 1, "S9"),
        () -> p.orderAddOn(r, S1, PartnerFixtures.ADD_ON, 1, "A9"),
        () -> p.addSeats(r, S1, 1),
        () -> p.reactivate(r, S1),
        () -> p.autoRenew(r, S1, true),
        () -> p.quoteAddSeats(r, S1, 1),
        () -> p.setBillingProfile(r, CONTOSO, BillingProfile.of(5, PartnerFixtures.USD)),
        () -> p.setFinancing(r, CONTOSO, FinancingPlan.instalments(3)),
        () -> p.addService(r, CONTOSO, "x", "x", PartnerFixtures.usd("1.00"), Recurrence.ONCE));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
        assertThat(v.rule()).isEqualTo("AGR-1");
        assertThat(v.reason()).contains("2025-08-31");
      });
    }
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(11);
    // winding down is allowed after the last day
    p.removeSeats(r, S1, 2);
    p.autoRenew(r, S1, false);
    p.suspend(w.asAdmin(d("2025-09-02")), S1);
    p.cancel(w.asAdmin(d("2025-09-03")), S1);
    assertThat(p.subscription(S1).orElseThrow().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(9);
  }

  // ------------------------------------------------------------------ DIS-1

  @Test
  void DIS_1_distributor_quotes_published_prices_and_gets_not_yet_published_with_the_publish_by_date() {
    World w = PartnerFixtures.world();
    Actor westcoast = Actor.distributor("westcoast");
    PriceQuote published = w.partner().priceQuote(Request.of(westcoast, d("2025-03-01")), E3, "US",
        PartnerFixtures.USD, d("2025-03-15"));
    assertThat(published.status()).isEqualTo(PriceQuote.Status.PUBLISHED);
    assertThat(published.price()).contains(PartnerFixtures.usd("240.00"));

    // March's list is published on 2025-01-20 (40 days ahead); on 2025-01-05 it is not yet known
    PriceQuote early = w.partner().priceQuote(Request.of(westcoast, d("2025-01-05")), E3, "US",
        PartnerFixtures.USD, d("2025-03-15"));
    assertThat(early.status()).isEqualTo(PriceQuote.Status.NOT_YET_PUBLISHED);
    assertThat(early.isPublished()).isFalse();
    assertThat(early.price()).isEmpty();
    assertThat(early.publishBy()).isEqualTo(d("2025-01-30"));

    // beyond every published list
    YearMonth beyond = PartnerFixtures.LAST_MONTH.plusMonths(2);
    PriceQuote far = w.partner().priceQuote(Request.of(westcoast, DAY), E3, "US", PartnerFixtures.USD,
        beyond.atDay(10));
    assertThat(far.status()).isEqualTo(PriceQuote.Status.NOT_YET_PUBLISHED);
    assertThat(far.publishBy()).isEqualTo(beyond.atDay(1).minusDays(30));
  }

  @Test
  void DIS_1_distributor_is_refused_everything_but_quoting() {
    RichWorld rw = new RichWorld();
    CspPartner p = rw.northwind;
    Request r = Request.of(Actor.distributor("westcoast"), DAY);
    List<ThrowingCallable> calls = List.of(
        () -> p.acceptAgreement(r),
        () -> p.giveNotice(r, NoticeChannel.WRITTEN),
        () -> p.publishPriceList(r, io.github.cspkit.csp.pricing.PriceList.monthly("US", PartnerFixtures.USD,
            YearMonth.of(2026, 9), DAY, PartnerFixtures.prices())),
        () -> p.createCustomer(r, PartnerFixtures.newCustomer("newco")),
        () -> p.setBillingProfile(r, CONTOSO, BillingProfile.of(5, PartnerFixtures.USD)),
        () -> p.setFinancing(r, CONTOSO, FinancingPlan.instalments(3)),
        () -> p.addService(r, CONTOSO, "x", "x", PartnerFixtures.usd("1.00"), Recurrence.ONCE),
        () -> p.order(r, CONTOSO, E3, 1, "S9"),
        () -> p.orderAddOn(r, S1, PartnerFixtures.ADD_ON, 1, "A9"),
        () -> p.convertTrial(r, RichWorld.TRIALCO, E3, 1, "T9"),
        () -> p.addSeats(r, S1, 1),
        () -> p.removeSeats(r, S1, 1),
        () -> p.suspend(r, S1),
        () -> p.reactivate(r, RichWorld.S2),
        () -> p.cancel(r, S1),
        () -> p.autoRenew(r, S1, false),
        () -> p.quoteAddSeats(r, S1, 1),
        () -> p.issueBills(r),
        () -> p.issueBills(r, CONTOSO),
        () -> p.administerTenant(r, CONTOSO, "reset"),
        () -> p.serviceIncidents(r, CONTOSO),
        () -> p.configureService(r, CONTOSO, "mail", "x"),
        () -> p.removeDelegatedAdmin(r, CONTOSO));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
        assertThat(v.rule()).isEqualTo("DIS-1");
        assertThat(v.reason()).contains("distributor");
      });
    }
  }
}
