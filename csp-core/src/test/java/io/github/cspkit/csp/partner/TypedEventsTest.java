package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The event log reads back as values: a command's logged subscription events carry the typed
 * change ({@link ChangeEvent}) that its result reports, seed and new commerce alike; other
 * aggregates' events carry none.
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
  void CUS_1_a_customers_logged_event_has_no_typed_change() {
    World w = PartnerFixtures.world();
    assertThat(w.partner().events("none")).isEmpty();
    List<DomainEvent> created = w.partner().createCustomer(
        w.asAdmin(PartnerFixtures.CREATED).withKey("c"), PartnerFixtures.newCustomer("woodgrove"))
        .events();
    assertThat(created).isNotEmpty().allMatch(e -> e.change().isEmpty());
    assertThat(w.partner().events("c")).isEqualTo(created);
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
