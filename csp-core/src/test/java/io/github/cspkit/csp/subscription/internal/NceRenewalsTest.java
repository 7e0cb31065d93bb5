package io.github.cspkit.csp.subscription.internal;

import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.CONTOSO;
import static io.github.cspkit.csp.testkit.NceWorld.IN_FORCE;
import static io.github.cspkit.csp.testkit.NceWorld.OPS;
import static io.github.cspkit.csp.testkit.NceWorld.PRICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.NceHistories;
import io.github.cspkit.csp.testkit.NceWorld;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NceRenewals: a customer's new-commerce subscriptions rolled through term ends, purely. */
class NceRenewalsTest {
  static final NceRenewals RENEWALS = NceRenewals.of(OPS);
  static final LocalDate START = LocalDate.of(2024, 2, 29);

  static NceSubscription monthly(String id) {
    return OPS.order(id, CONTOSO, NceWorld.sku(BASIC), 5, TermLength.P1M, BillingPlan.MONTHLY,
        START, PRICES).subscription();
  }

  @Test
  void NCE_7_nothing_moves_before_a_term_end() {
    NceSubscription s = monthly("S1");
    NceRenewals.Rolled r = RENEWALS.rollTo(List.of(s), CONTOSO, s.term().end().minusDays(1),
        PRICES, IN_FORCE);
    assertThat(r.subscriptions()).containsExactly(s);
    assertThat(r.moved()).isEmpty();
    assertThat(r.changes()).isEmpty();
  }

  @Test
  void NCE_8_a_subscription_renews_on_its_term_end_and_only_it_moves() {
    NceSubscription s = monthly("S1");
    NceSubscription off = OPS.autoRenew(monthly("S2"), false).subscription();
    LocalDate day = s.term().end();
    NceRenewals.Rolled r = RENEWALS.rollTo(List.of(s, off), CONTOSO, day, PRICES, IN_FORCE);
    assertThat(r.moved()).containsExactly("S1", "S2");
    NceSubscription renewed = r.subscriptions().get(0);
    assertThat(renewed.id()).isEqualTo("S1");
    assertThat(renewed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(renewed.term().start()).isEqualTo(day);
    assertThat(renewed.term().index()).isEqualTo(s.term().index() + 1);
    assertThat(r.changes().get(0).events()).anySatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(NceEvent.Started.class,
            st -> assertThat(st.how()).isEqualTo(NceEvent.Start.RENEWAL)));
    assertThat(r.subscriptions().get(1).status()).isEqualTo(SubscriptionStatus.ENDED); // NCE-7
  }

  @Test
  void AGR_1_nothing_renews_on_a_day_the_agreement_is_not_in_force() {
    NceSubscription s = monthly("S1");
    NceRenewals.Rolled r = RENEWALS.rollTo(List.of(s), CONTOSO, s.term().end().plusDays(5),
        PRICES, day -> day.isBefore(s.term().end()));
    assertThat(r.moved()).containsExactly("S1");
    assertThat(r.subscriptions().get(0).status()).isEqualTo(SubscriptionStatus.ENDED);
  }

  @Test
  void NCE_7_rolling_a_customer_s_subscriptions_rolls_each_as_NceOperations_does() {
    qt().withExamples(150).forAll(NceHistories.histories(8)).checkAssert(h -> {
      LocalDate day = h.end().plusDays(400);
      NceRenewals.Rolled r = RENEWALS.rollTo(h.subscriptions(), CONTOSO, day, PRICES, IN_FORCE);
      List<NceSubscription> expected = new ArrayList<>();
      List<String> moved = new ArrayList<>();
      for (NceSubscription s : h.subscriptions()) {
        NceChange ch = s.status() == SubscriptionStatus.ENDED || s.term().end().isAfter(day)
            ? null : OPS.rollTo(s, CONTOSO, day, PRICES, IN_FORCE);
        boolean moves = ch != null && !ch.events().isEmpty();
        expected.add(moves ? ch.subscription() : s);
        if (moves) {
          moved.add(s.id());
        }
      }
      assertThat(r.subscriptions()).as(h.toString()).isEqualTo(expected);
      assertThat(r.moved()).as(h.toString()).isEqualTo(moved);
      assertThat(r.changes()).extracting(c -> c.subscription().id()).isEqualTo(moved);
    });
  }
}
