package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.repository.AgreementPayload;
import io.github.cspkit.csp.repository.BillingPayload;
import io.github.cspkit.csp.repository.CustomerPayload;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.ChangeEvent;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.testkit.NcePartners;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The event log reads back as values: a command's logged subscription events carry the typed
 * change ({@link ChangeEvent}) that its result reports, seed and new commerce alike; other
 * aggregates' events carry their own typed payload (a customer created, a notice, a bill issued).
 */
class TypedEventsTest {
  @Test
  void SUB_2_a_seed_commands_logged_events_are_its_typed_changes() {
    World w = PartnerFixtures.standard();
    Request r = w.asAdmin(LocalDate.parse("2025-03-05")).withKey("add-5");
    Result<?> added = w.partner().addSeats(r, PartnerFixtures.S1, 5);
    List<DomainEvent> logged = w.partner().events("add-5");
    assertThat(logged).isNotEmpty().isEqualTo(added.events());
    assertThat(logged).extracting(e -> e.change().orElseThrow())
        .containsExactlyElementsOf(added.changes());
    SubscriptionEvent e = (SubscriptionEvent) logged.get(logged.size() - 1).change().orElseThrow();
    assertThat(e.seatsAfter() - e.seatsBefore()).isEqualTo(5);
    assertThat(e.formula()).isEqualTo(logged.get(logged.size() - 1).detail().replaceAll(".*\\((.*)\\)$", "$1"));
  }

  @Test
  void CUS_1_a_created_customer_is_logged_with_its_tenant_as_values() {
    World w = PartnerFixtures.world();
    assertThat(w.partner().events("none")).isEmpty();
    List<DomainEvent> created = w.partner().createCustomer(
        w.asAdmin(PartnerFixtures.CREATED).withKey("c"), PartnerFixtures.newCustomer("woodgrove"))
        .events();
    assertThat(created).singleElement().satisfies(e -> {
      assertThat(e.payload()).isEqualTo(
          new CustomerPayload.Created("woodgrove-tenant", TenantOrigin.NEW, true));
      assertThat(e.aggregate()).isEqualTo("customer");
      assertThat(e.kind()).isEqualTo("CREATED");
      assertThat(e.change()).isEmpty();
      assertThat(e.detail()).isEqualTo("tenant woodgrove-tenant (new), delegated admin granted to "
          + PartnerFixtures.PARTNER);
    });
    assertThat(w.partner().events("c")).isEqualTo(created);
  }

  @Test
  void AGR_3_a_notice_is_logged_with_its_party_and_the_last_day_in_force() {
    World w = PartnerFixtures.world(); // accepted 2024-10-01: the first term ends 2025-08-31
    Result<?> notice = w.partner().giveNotice(w.asAdmin(LocalDate.parse("2025-03-01")),
        NoticeChannel.WRITTEN);
    assertThat(notice.events()).extracting(DomainEvent::payload).containsExactly(
        new AgreementPayload.NoticeGiven(Party.PARTNER, LocalDate.parse("2025-08-31")));
    assertThat(notice.events().get(0).detail())
        .isEqualTo("PARTNER gave written notice; the agreement ends 2025-08-31");
  }

  @Test
  void BIL_1_BIL_4_a_bill_issued_is_logged_with_its_period_total_and_cost() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    List<Bill> bills = p.issueBills(w.asAdmin(LocalDate.parse("2025-03-01")),
        PartnerFixtures.CONTOSO);
    Bill march = bills.get(bills.size() - 1);
    List<DomainEvent> issued = w.store().read().events()
        .read(0, Integer.MAX_VALUE).stream().filter(e -> e.kind().equals("ISSUED")).toList();
    assertThat(issued).hasSameSizeAs(bills);
    BillingPayload.BillIssued logged = (BillingPayload.BillIssued) issued.get(issued.size() - 1)
        .payload();
    assertThat(logged).isEqualTo(new BillingPayload.BillIssued(PartnerFixtures.CONTOSO,
        DateRange.of(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01")),
        march.totalMinor(), march.costMinor(), PartnerFixtures.USD));
    assertThat(logged.total()).isEqualTo(march.total());
    assertThat(logged.cost()).isEqualTo(march.cost());
  }

  @Test
  void NCE_4_a_new_commerce_commands_logged_events_are_its_typed_nce_events() {
    CspPartner p = NcePartners.partner(NcePartners.publish(InMemoryStore.create(),
        YearMonth.of(2023, 12), YearMonth.of(2025, 12)), "p1");
    LocalDate day = LocalDate.parse("2024-03-01");
    Result<NceSubscription> order = p.newCommerce().order(NcePartners.admin(p, day).withKey("o"),
        NcePartners.CONTOSO, "BASIC", 3, "N1", TermLength.P1Y, BillingPlan.MONTHLY);
    Result<NceSubscription> added = p.newCommerce().addSeats(
        NcePartners.admin(p, day.plusDays(3)).withKey("a"), "N1", 2);
    assertThat(p.events("o")).extracting(DomainEvent::change)
        .containsExactly(Optional.of(order.value().term().events().get(0)));
    assertThat(p.events("a")).extracting(e -> e.change().orElseThrow())
        .containsExactly(new NceEvent.SeatsAdded(day.plusDays(3), 2, day.plusDays(9)));
    assertThat(added.value().seats()).isEqualTo(5);
  }
}
