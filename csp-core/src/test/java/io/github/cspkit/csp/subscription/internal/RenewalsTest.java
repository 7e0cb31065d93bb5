package io.github.cspkit.csp.subscription.internal;

import static io.github.cspkit.csp.testkit.SubscriptionGen.ADVANCED_THREAT;
import static io.github.cspkit.csp.testkit.SubscriptionGen.CATALOG;
import static io.github.cspkit.csp.testkit.SubscriptionGen.E3;
import static io.github.cspkit.csp.testkit.SubscriptionGen.priceBook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.SubscriptionGen;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Renewals: a customer's subscriptions rolled through their term ends, as a pure function. */
class RenewalsTest {
  static final SubscriptionOperations OPS = SubscriptionOperations.seed();
  static final Renewals RENEWALS = Renewals.of(OPS);
  static final Customer ACME = SubscriptionGen.customer("acme", BillingProfile.of(1, MinorUnits.USD));
  static final LocalDate START = LocalDate.of(2024, 2, 29);
  static final Predicate<LocalDate> ALWAYS = day -> true;

  static Subscription base() {
    return OPS.order("B1", ACME, E3, 10, START, priceBook()).subscription();
  }

  static Subscription addOn(Subscription base) {
    return OPS.orderAddOn("A1", base, ACME, ADVANCED_THREAT, 3, START.plusDays(40), priceBook())
        .subscription();
  }

  @Test
  void SUB_7_nothing_moves_before_a_term_end() {
    Subscription b = base();
    Renewals.Rolled r = RENEWALS.rollTo(List.of(b), ACME, b.term().end().minusDays(1), CATALOG,
        priceBook(), ALWAYS);
    assertThat(r.moved()).isEmpty();
    assertThat(r.changes()).isEmpty();
    assertThat(r.subscriptions()).containsExactly(b);
  }

  @Test
  void CAT_3_bases_roll_first_and_an_add_on_renews_onto_its_base_s_new_term() {
    Subscription b = base();
    Subscription a = addOn(b);
    LocalDate day = b.term().end(); // the renewal day itself
    Renewals.Rolled r = RENEWALS.rollTo(List.of(a, b), ACME, day, CATALOG, priceBook(), ALWAYS);
    assertThat(r.subscriptions()).extracting(Subscription::id).containsExactly("B1", "A1");
    assertThat(r.moved()).containsExactly("B1", "A1");
    Subscription rb = r.get("B1");
    Subscription ra = r.get("A1");
    assertThat(rb.term().index()).isEqualTo(b.term().index() + 1);
    assertThat(rb.term().range().start()).isEqualTo(day);
    assertThat(ra.term().range()).isEqualTo(rb.term().range());
    assertThat(r.changes()).extracting(c -> c.event().kind())
        .containsExactly(ChangeKind.RENEW, ChangeKind.RENEW);
    assertThat(r.subscriptions()).containsExactly(rb, ra);
  }

  @Test
  void AGR_1_nothing_renews_on_a_day_the_agreement_is_not_in_force() {
    Subscription b = base();
    Subscription a = addOn(b);
    LocalDate end = b.term().end();
    Predicate<LocalDate> endedBefore = day -> day.isBefore(end);
    Renewals.Rolled r = RENEWALS.rollTo(List.of(b, a), ACME, end.plusDays(3), CATALOG, priceBook(),
        endedBefore);
    assertThat(r.moved()).containsExactly("B1", "A1");
    assertThat(r.subscriptions()).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(SubscriptionStatus.ENDED);
      assertThat(s.term().index()).isEqualTo(b.term().index());
    });
    assertThat(r.changes()).extracting(c -> c.event().kind())
        .containsExactly(ChangeKind.END, ChangeKind.END);
  }

  @Test
  void SUB_7_rolling_in_two_steps_equals_rolling_at_once() {
    qt().withExamples(150).forAll(SubscriptionGen.scenarios(), SourceDSL.integers().between(0, 800),
        SourceDSL.integers().between(0, 800)).checkAssert((scenario, first, second) -> {
          Subscription s = scenario.run(OPS).last();
          Customer c = scenario.customer();
          LocalDate d1 = s.last().date().plusDays(first);
          LocalDate d2 = d1.plusDays(second);
          Renewals.Rolled once = RENEWALS.rollTo(List.of(s), c, d2, CATALOG, priceBook(), ALWAYS);
          Renewals.Rolled step = RENEWALS.rollTo(List.of(s), c, d1, CATALOG, priceBook(), ALWAYS);
          Renewals.Rolled then = RENEWALS.rollTo(step.subscriptions(), c, d2, CATALOG, priceBook(),
              ALWAYS);
          assertThat(then.subscriptions()).isEqualTo(once.subscriptions());
          assertThat(events(step.changes(), then.changes())).isEqualTo(events(once.changes()));
          assertThat(once.moved().isEmpty())
              .isEqualTo(s.status() == SubscriptionStatus.ENDED || s.term().end().isAfter(d2));
        });
  }

  @SafeVarargs
  private static List<SubscriptionEvent> events(List<SubscriptionChange>... changes) {
    List<SubscriptionEvent> all = new ArrayList<>();
    for (List<SubscriptionChange> list : changes) {
      list.forEach(c -> all.addAll(c.events()));
    }
    return all;
  }
}
