package io.github.cspkit.csp.hardening;

import static io.github.cspkit.csp.hardening.World.on;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.subscription.Subscription;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deterministic regressions for what the random sequences probe: idempotent replays (DESIGN.md,
 * persistence) and late bill runs (BIL-7). Both were wrong in main code during the hardening and
 * are fixed; these keep them fixed.
 */
class IdempotencyAndTimingTest {
  private static final Sku E3 = World.base("O365_E3", 300);

  private static World world() {
    World w = World.of(List.of(E3), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2025, 1),
        YearMonth.of(2026, 6), Map.of("O365_E3", 42_370L));
    w.customer("acme", 1, d("2025-01-10"));
    w.p.order(on(d("2025-03-10")), "acme", "O365_E3", 10, "S1");
    return w;
  }

  private static StoreSnapshot snap(World w) {
    return StoreSnapshot.of(w.store, World.PARTNER, List.of("acme"), List.of("S1"), List.of("k-1"));
  }

  @Test
  void SUB_2_a_repeated_key_replays_the_first_result_and_changes_nothing() {
    World w = world();
    Result<Subscription> first = w.p.addSeats(on(d("2025-03-11")).withKey("k-1"), "S1", 2);
    assertThat(first.replayed()).isFalse();
    w.p.addSeats(on(d("2025-03-12")), "S1", 1);
    StoreSnapshot before = snap(w);
    Result<Subscription> again = w.p.addSeats(on(d("2025-03-11")).withKey("k-1"), "S1", 2);
    assertThat(again.replayed()).isTrue();
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(again.value().seats()).isEqualTo(13); // the aggregate as stored now
    assertThat(snap(w)).isEqualTo(before);
    // the same key for another command, or the same command with other arguments: a programming
    // error that names the key, and changes nothing
    assertThatThrownBy(() -> w.p.suspend(on(d("2025-03-20")).withKey("k-1"), "S1"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("k-1");
    assertThatThrownBy(() -> w.p.addSeats(on(d("2025-03-20")).withKey("k-1"), "S1", 7))
        .isInstanceOf(ConflictException.class).hasMessageContaining("k-1");
    assertThat(snap(w)).isEqualTo(before);
  }

  @Test
  void SUB_6_a_repeated_key_is_still_refused_to_an_actor_who_may_not_run_the_command() {
    World w = world();
    w.p.addSeats(on(d("2025-03-11")).withKey("k-1"), "S1", 2);
    StoreSnapshot before = snap(w);
    assertThatThrownBy(() -> w.p.addSeats(Request.of(Actor.customerAdmin("acme"), d("2025-03-12"))
        .withKey("k-1"), "S1", 2))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SUB-6"));
    assertThatThrownBy(() -> w.p.addSeats(Request.of(Actor.partnerAdmin("tailspin", "mallory"),
        d("2025-03-12")).withKey("k-1"), "S1", 2))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-4"));
    assertThatThrownBy(() -> w.p.addSeats(Request.of(Actor.partnerUser(World.PARTNER, "intern"),
        d("2025-03-12")).withKey("k-1"), "S1", 2))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-3"));
    assertThat(snap(w)).isEqualTo(before);
  }

  @Test
  void BIL_7_a_late_bill_run_bills_a_change_dated_after_the_bill_once_on_the_next_bill() {
    World w = world();
    w.p.autoRenew(on(d("2025-03-10")), "S1", false);
    w.p.issueBills(on(d("2025-03-31")));
    // the April 1 bill is not issued yet when a change dated April 3 is recorded
    w.p.addSeats(on(d("2025-04-03")), "S1", 5);
    w.p.issueBills(on(d("2025-05-01")));
    Bill april = w.p.bill("acme", YearMonth.of(2025, 4)).orElseThrow();
    assertThat(april.lines()).allMatch(l -> l.seats() == 10 || l.kind() == io.github.cspkit.csp.billing.LineKind.PRORATED);
    w.p.issueBills(on(d("2026-04-01")));
    Conservation.Tally tally = new Conservation.Tally();
    Conservation.check(w.store, tally);
    assertThat(tally.finishedTerms).isEqualTo(1);
  }
}
