package io.github.cspkit.csp.subscription;

import static io.github.cspkit.csp.testkit.NceWorld.CONTOSO;
import static io.github.cspkit.csp.testkit.NceWorld.IN_FORCE;
import static io.github.cspkit.csp.testkit.NceWorld.OPS;
import static io.github.cspkit.csp.testkit.NceWorld.PRICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.testkit.HistoryOp;
import io.github.cspkit.csp.testkit.HistoryOp.NceOp;
import io.github.cspkit.csp.testkit.NceHistories;
import io.github.cspkit.csp.testkit.NceWorld;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of NCE-1..9 over random valid histories ({@link NceHistories}) and random calendars:
 * anchoring never drifts, a scheduled change takes effect exactly at renewal, windows and the
 * refundable quantity hold.
 */
class NcePropertiesTest {
  static final int EXAMPLES = 1000;

  /** Anchors on month ends and leap days often. */
  static Gen<LocalDate> anchors() {
    return Generate.range(0, 3 * 366).zip(Generate.range(0, 3), (days, kind) -> {
      LocalDate d = LocalDate.of(2023, 1, 1).plusDays(days);
      return switch (kind) {
        case 0 -> d.withDayOfMonth(d.lengthOfMonth());
        case 1 -> LocalDate.of(2024, 2, 29).plusYears(4L * (days % 2));
        default -> d;
      };
    });
  }

  static Gen<List<int[]>> termSequences() {
    return SourceDSL.lists().of(Generate.range(0, 5).map(i -> new int[] {i}))
        .ofSizeBetween(1, 12).map(l -> {
          List<int[]> out = new ArrayList<>();
          for (int[] i : l) {
            out.add(i);
          }
          return out;
        });
  }

  private static final TermLength[] LENGTHS = {TermLength.P1M, TermLength.P1Y, TermLength.P1Y,
      TermLength.P3Y, TermLength.P3Y, TermLength.P3Y};
  private static final BillingPlan[] PLANS = {BillingPlan.MONTHLY, BillingPlan.MONTHLY,
      BillingPlan.ANNUAL, BillingPlan.MONTHLY, BillingPlan.ANNUAL, BillingPlan.TRIENNIAL};

  @Test
  void NCE_1_terms_and_cycles_are_anchored_and_never_drift() {
    qt().withExamples(EXAMPLES).forAll(anchors(), termSequences()).checkAssert((anchor, seq) -> {
      int k = seq.get(0)[0];
      TermCalendar cal = TermCalendar.first(anchor, LENGTHS[k], PLANS[k]);
      int months = 0;
      for (int i = 0; i < seq.size(); i++) {
        if (i > 0) {
          int next = seq.get(i)[0];
          LocalDate previousEnd = cal.end();
          cal = cal.next(LENGTHS[next], PLANS[next]);
          assertThat(cal.start()).isEqualTo(previousEnd);
        }
        assertThat(cal.start()).isEqualTo(anchor.plusMonths(months));
        assertThat(cal.end()).isEqualTo(anchor.plusMonths(months + cal.length().months()));
        List<DateRange> cycles = cal.cycles();
        assertThat(cycles).hasSize(cal.length().months() / cal.plan().cycleMonths());
        LocalDate at = cal.start();
        long days = 0;
        for (int j = 0; j < cycles.size(); j++) {
          DateRange c = cycles.get(j);
          assertThat(c.start()).isEqualTo(at)
              .isEqualTo(anchor.plusMonths(months + (long) j * cal.plan().cycleMonths()));
          assertThat(cal.cycleOn(c.start())).isEqualTo(c);
          assertThat(cal.cycleOn(c.lastDay())).isEqualTo(c);
          // a month-end anchor keeps month ends; any anchor keeps its day when the month has it
          if (anchor.getDayOfMonth() <= c.start().lengthOfMonth()) {
            assertThat(c.start().getDayOfMonth()).isEqualTo(anchor.getDayOfMonth());
          } else {
            assertThat(c.start().getDayOfMonth()).isEqualTo(c.start().lengthOfMonth());
          }
          days += c.days();
          at = c.end();
        }
        assertThat(at).isEqualTo(cal.end());
        assertThat(days).isEqualTo(cal.days());
        months += cal.length().months();
      }
    });
  }

  @Test
  void NCE_1_valid_histories_replay_with_no_refusal_and_stay_anchored() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert(h -> {
      for (NceSubscription s : h.subscriptions()) {
        LocalDate anchor = s.anchor();
        for (int i = 0; i < s.terms().size(); i++) {
          NceTerm t = s.terms().get(i);
          assertThat(t.calendar().anchor()).as("%s", h).isEqualTo(anchor);
          assertThat(t.calendar().start())
              .isEqualTo(anchor.plusMonths(t.calendar().offsetMonths()));
          if (i > 0) {
            assertThat(t.start()).isEqualTo(s.terms().get(i - 1).end());
          }
        }
        assertThat(s.term().end().isAfter(h.end()) || s.status() == SubscriptionStatus.ENDED)
            .as("%s rolled to %s", s, h.end()).isTrue();
      }
    });
  }

  @Test
  void NCE_1_generated_histories_hold_every_operation_and_renewals_with_schedules() {
    java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
    java.util.SplittableRandom r = new java.util.SplittableRandom(42);
    for (int i = 0; i < 300; i++) {
      for (NceOp step : NceHistories.history(r, 25).ops()) {
        String kind = step.getClass().getSimpleName();
        if (step instanceof HistoryOp.NceRenewal && step.before().scheduled().isPresent()
            && step.change().events().stream().anyMatch(e -> e instanceof NceEvent.Started)) {
          kind = "renewal-with-schedule";
        }
        seen.merge(kind, 1, Integer::sum);
      }
    }
    assertThat(seen.keySet()).contains("NceOrder", "NceAddSeats", "NceRemoveSeats", "NceSuspend",
        "NceReactivate", "NceCancel", "NceUpgrade", "NceUpgradeSeats", "NceSchedule",
        "NceAutoRenew", "NceRenewal", "renewal-with-schedule");
    assertThat(seen.get("renewal-with-schedule")).as("%s", seen).isGreaterThan(50);
    assertThat(seen.get("NceRemoveSeats")).as("%s", seen).isGreaterThan(50);
  }

  @Test
  void NCE_8_a_scheduled_change_takes_effect_exactly_at_renewal() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert(h -> {
      for (NceOp step : h.ops()) {
        if (!(step instanceof HistoryOp.NceRenewal)) {
          continue;
        }
        NceSubscription before = step.before();
        // every rolled term end: with a schedule it is applied on that day, exactly
        NceSubscription cur = before;
        for (NceEvent e : step.change().events()) {
          if (e instanceof NceEvent.Started st) {
            assertThat(st.date()).isEqualTo(cur.term().end());
            ScheduledChange sc = cur.scheduled().orElse(null);
            NceTerm renewed = findTermStarting(step.change().subscription(), st.date());
            TermOffer expected = TermOffer.of(
                sc == null ? cur.sku() : sc.sku().orElse(cur.sku()),
                sc == null ? cur.term().calendar().length()
                    : sc.term().orElse(cur.term().calendar().length()),
                sc == null ? cur.term().calendar().plan()
                    : sc.plan().orElse(cur.term().calendar().plan()));
            assertThat(renewed.started().sku()).as("%s", h).isEqualTo(expected.sku());
            assertThat(renewed.calendar().length()).isEqualTo(expected.term());
            assertThat(renewed.calendar().plan()).isEqualTo(expected.plan());
            assertThat(renewed.started().seats()).isEqualTo(
                sc == null ? cur.seats() : sc.seats().orElse(cur.seats()));
            assertThat(renewed.started().price().costMinor()).isEqualTo(
                NceWorld.costMinor(expected.sku(), expected.term(), st.date().getYear()));
            cur = NceSubscription.builder().from(step.change().subscription())
                .terms(step.change().subscription().terms().subList(0, renewed.index() + 1))
                .scheduled(java.util.Optional.empty()).build();
          }
        }
        // the day before the term's end, the schedule has changed nothing yet
        if (before.scheduled().isPresent()) {
          NceChange early = OPS.rollTo(before, CONTOSO, before.term().end().minusDays(1), PRICES,
              IN_FORCE);
          assertThat(early.events()).isEmpty();
          assertThat(early.subscription()).isEqualTo(before);
        }
      }
    });
  }

  private static NceTerm findTermStarting(NceSubscription s, LocalDate day) {
    for (NceTerm t : s.terms()) {
      if (t.start().equals(day)) {
        return t;
      }
    }
    throw new AssertionError("no term of " + s + " starts on " + day);
  }

  @Test
  void NCE_8_every_immediate_change_drops_the_schedule_and_says_so() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert(h -> {
      for (NceOp step : h.ops()) {
        boolean immediate = step instanceof HistoryOp.NceAddSeats
            || step instanceof HistoryOp.NceRemoveSeats || step instanceof HistoryOp.NceUpgrade
            || step instanceof HistoryOp.NceUpgradeSeats;
        if (immediate) {
          assertThat(step.change().dropped()).isEqualTo(step.before().scheduled());
          assertThat(step.change().subscription().scheduled()).isEmpty();
        } else if (step instanceof HistoryOp.NceSuspend || step instanceof HistoryOp.NceReactivate
            || step instanceof HistoryOp.NceAutoRenew) {
          assertThat(step.change().subscription().scheduled())
              .isEqualTo(step.before().scheduled());
          assertThat(step.change().dropped()).isEmpty();
        }
      }
    });
  }

  @Test
  void NCE_5_a_cancellation_succeeds_exactly_within_the_window() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(15), Generate.range(0, 40))
        .checkAssert((h, later) -> {
          for (NceSubscription s : h.subscriptions()) {
            if (s.status() == SubscriptionStatus.ENDED) {
              continue;
            }
            LocalDate day = s.term().latest().plusDays(later);
            if (!day.isBefore(s.term().end())) {
              continue;
            }
            boolean inWindow = !day.isBefore(s.term().calendar().start())
                && !day.isAfter(s.term().calendar().start().plusDays(6));
            assertThat(s.isCancellableOn(day)).isEqualTo(inWindow);
            assertThat(s.cancellableThrough()).isEqualTo(s.term().calendar().start().plusDays(6));
            if (inWindow) {
              assertThat(OPS.cancel(s, day).subscription().status())
                  .isEqualTo(SubscriptionStatus.ENDED);
            } else {
              assertThatThrownBy(() -> OPS.cancel(s, day)).isInstanceOfSatisfying(
                  RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("NCE-5"));
            }
          }
        });
  }

  @Test
  void NCE_6_the_refundable_quantity_is_what_removal_accepts() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(15), Generate.range(0, 10))
        .checkAssert((h, later) -> {
          for (NceSubscription s : h.subscriptions()) {
            if (s.status() != SubscriptionStatus.ACTIVE) {
              assertThat(s.refundableOn(s.term().latest())).isEmpty();
              continue;
            }
            LocalDate day = s.term().latest().plusDays(later);
            if (!day.isBefore(s.term().end())) {
              continue;
            }
            int refundable = s.refundableQuantityOn(day);
            int held = 0;
            for (RefundableSeats r : s.state().additions()) {
              held += r.seats();
              if (r.isOpenOn(day)) {
                assertThat(s.refundableOn(day)).contains(r);
              }
            }
            assertThat(held).isEqualTo(s.seats());
            assertThat(refundable).isBetween(0, s.seats());
            int max = Math.min(refundable, s.seats() - 1);
            if (max >= 1) {
              assertThat(OPS.removeSeats(s, max, day).subscription().seats())
                  .isEqualTo(s.seats() - max);
            }
            if (max + 1 < s.seats()) {
              assertThatThrownBy(() -> OPS.removeSeats(s, max + 1, day))
                  .isInstanceOfSatisfying(RuleViolation.class,
                      e -> assertThat(e.rule()).isEqualTo("NCE-6"));
            }
          }
        });
  }

  @Test
  void NCE_3_every_term_keeps_the_price_of_its_first_day_until_an_upgrade() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert(h -> {
      for (NceSubscription s : h.subscriptions()) {
        for (NceTerm t : s.terms()) {
          NceEvent.Started st = t.started();
          assertThat(st.price().costMinor()).isEqualTo(NceWorld.costMinor(st.sku(),
              t.calendar().length(), st.date().getYear()));
          assertThat(st.price().saleMinor()).isEqualTo(
              java.math.BigDecimal.valueOf(st.price().costMinor()).multiply(
                  new java.math.BigDecimal("1.2")).setScale(0, java.math.RoundingMode.HALF_UP)
                  .longValueExact());
          TermState state = TermState.start(st);
          for (NceEvent e : t.events().subList(1, t.events().size())) {
            TermState next = state.apply(e);
            if (e instanceof NceEvent.Upgraded u) {
              assertThat(next.price().costMinor()).isEqualTo(NceWorld.costMinor(u.toSku(),
                  t.calendar().length(), u.date().getYear()));
            } else {
              assertThat(next.price()).isEqualTo(state.price());
            }
            state = next;
          }
        }
      }
    });
  }
}
