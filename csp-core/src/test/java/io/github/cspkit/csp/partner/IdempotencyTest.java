package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Idempotency through the entry point: a repeated key replays the first result and stores nothing. */
class IdempotencyTest {
  static final LocalDate DAY = RichWorld.DAY;

  @Test
  void a_repeated_key_returns_the_first_result_and_stores_nothing_new() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    Request r = w.asAdmin(DAY).withKey("order-S9");
    Result<Subscription> first = p.order(r, CONTOSO, E3, 3, "S9");
    assertThat(first.replayed()).isFalse();
    assertThat(first.events()).isNotEmpty();
    assertThat(first.changes()).isNotEmpty();
    long size = w.store().read().events().size();

    Result<Subscription> again = p.order(r, CONTOSO, E3, 3, "S9");
    assertThat(again.replayed()).isTrue();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(again.changes()).isEmpty();
    assertThat(w.store().read().events().size()).isEqualTo(size);
    assertThat(p.subscriptions(CONTOSO)).filteredOn(s -> s.id().equals("S9")).hasSize(1);
  }

  @Test
  void a_repeated_seat_change_is_applied_once() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    Request r = w.asAdmin(DAY).withKey("add-2");
    p.addSeats(r, S1, 2);
    long size = w.store().read().events().size();
    Result<Subscription> again = p.addSeats(r, S1, 2);
    assertThat(again.replayed()).isTrue();
    assertThat(again.value().seats()).isEqualTo(12);
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(12);
    assertThat(w.store().read().events().size()).isEqualTo(size);
  }

  @Test
  void a_replay_returns_the_aggregate_as_stored_now_with_the_first_runs_events() {
    World w = PartnerFixtures.world();
    CspPartner p = w.partner();
    Request r = w.asAdmin(DAY).withKey("create-newco");
    Result<Customer> first = p.createCustomer(r, PartnerFixtures.newCustomer("newco"));
    p.setBillingProfile(w.asAdmin(DAY), "newco", io.github.cspkit.csp.customer.BillingProfile.of(15, PartnerFixtures.USD));
    long size = w.store().read().events().size();
    Result<Customer> again = p.createCustomer(r, PartnerFixtures.newCustomer("newco"));
    assertThat(again.replayed()).isTrue();
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(again.value().billing().billingDay()).isEqualTo(15);
    assertThat(w.store().read().events().size()).isEqualTo(size);
    assertThat(w.store().read().customers().ids()).containsOnlyOnce("newco");
  }

  @Test
  void a_key_reused_for_another_command_is_refused_CONFLICT_and_stores_nothing() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    Request r = w.asAdmin(DAY).withKey("k-1");
    p.addSeats(r, S1, 2);
    long size = w.store().read().events().size();
    assertThatThrownBy(() -> p.removeSeats(r, S1, 1))
        .isInstanceOfSatisfying(ConflictException.class, c -> {
          assertThat(c.code()).isEqualTo("CONFLICT");
          assertThat(c.reason()).isEqualTo(ConflictException.Reason.KEY_REUSED);
        })
        .hasMessageContaining("k-1").hasMessageContaining("addSeats").hasMessageContaining("removeSeats");
    assertThatThrownBy(() -> p.createCustomer(r, PartnerFixtures.newCustomer("newco")))
        .isExactlyInstanceOf(ConflictException.class);
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(12);
    assertThat(p.customer("newco")).isEmpty();
    assertThat(w.store().read().events().size()).isEqualTo(size);
  }

  @Test
  void a_refused_call_records_no_key_so_a_retry_by_an_allowed_actor_runs() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    assertThatThrownBy(() -> p.addSeats(Request.of(Actor.customerAdmin(CONTOSO), DAY).withKey("k-2"), S1, 2))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SUB-6"));
    assertThat(p.events("k-2")).isEmpty();
    Result<Subscription> ok = p.addSeats(w.asAdmin(DAY).withKey("k-2"), S1, 2);
    assertThat(ok.replayed()).isFalse();
    assertThat(ok.value().seats()).isEqualTo(12);
  }

  @Test
  void SUB_6_a_replayed_key_is_still_authorized() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    p.addSeats(w.asAdmin(DAY).withKey("k-3"), S1, 2);
    assertThatThrownBy(() -> p.addSeats(Request.of(Actor.customerAdmin(CONTOSO), DAY).withKey("k-3"), S1, 2))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SUB-6"));
    assertThatThrownBy(() -> p.addSeats(Request.of(Actor.distributor("westcoast"), DAY).withKey("k-3"), S1, 2))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("DIS-1"));
  }

  @Test
  void a_key_presented_again_with_other_arguments_is_refused_CONFLICT_and_stores_nothing() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    p.addSeats(w.asAdmin(DAY).withKey("k-4"), S1, 2);
    long size = w.store().read().events().size();
    assertThatThrownBy(() -> p.addSeats(w.asAdmin(DAY.plusDays(3)).withKey("k-4"), S1, 50))
        .isExactlyInstanceOf(ConflictException.class).hasMessageContaining("k-4")
        .hasMessageContaining("addSeats(S1, 2)").hasMessageContaining("addSeats(S1, 50)");
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(12);
    assertThat(w.store().read().events().size()).isEqualTo(size);
    assertThat(p.addSeats(w.asAdmin(DAY).withKey("k-4"), S1, 2).replayed()).isTrue();
  }
}
