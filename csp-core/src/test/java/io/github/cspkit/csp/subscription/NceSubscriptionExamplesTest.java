package io.github.cspkit.csp.subscription;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.CATALOG;
import static io.github.cspkit.csp.testkit.NceWorld.CONTOSO;
import static io.github.cspkit.csp.testkit.NceWorld.E3;
import static io.github.cspkit.csp.testkit.NceWorld.INTUNE;
import static io.github.cspkit.csp.testkit.NceWorld.IN_FORCE;
import static io.github.cspkit.csp.testkit.NceWorld.OPS;
import static io.github.cspkit.csp.testkit.NceWorld.PATHS;
import static io.github.cspkit.csp.testkit.NceWorld.PREMIUM;
import static io.github.cspkit.csp.testkit.NceWorld.PRICES;
import static io.github.cspkit.csp.testkit.NceWorld.STANDARD;
import static io.github.cspkit.csp.testkit.NceWorld.sku;
import static io.github.cspkit.csp.testkit.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.UpgradePaths;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermPolicy;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NCE-1..9 as worked examples on {@link io.github.cspkit.csp.testkit.NceWorld}: Basic at 72.00 a
 * seat-year (7.20 a month on a P1M term) until 2025, 79.20 from 2026; sale = cost + 20 %. The
 * vendor's charges of the same histories are in the billing package's tests (NCE-10).
 */
class NceSubscriptionExamplesTest {
  static NceSubscription order(int seats, TermLength term, BillingPlan plan, String start) {
    return OPS.order("S1", CONTOSO, sku(BASIC), seats, term, plan, d(start), PRICES).subscription();
  }

  static NceSubscription roll(NceSubscription s, String date) {
    return OPS.rollTo(s, CONTOSO, d(date), PRICES, IN_FORCE).subscription();
  }

  // ---- NCE-1 -------------------------------------------------------------------------------

  @Test
  void NCE_1_an_order_names_a_term_and_a_plan_and_is_anchored_on_its_start() {
    NceChange ch = OPS.order("S1", CONTOSO, sku(BASIC), 10, TermLength.P1Y, BillingPlan.MONTHLY,
        d("2025-01-31"), PRICES);
    NceSubscription s = ch.subscription();
    assertThat(s.offer()).hasToString("BASIC/P1Y/monthly");
    assertThat(s.seats()).isEqualTo(10);
    assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(s.term().calendar().range())
        .isEqualTo(DateRange.of(d("2025-01-31"), d("2026-01-31")));
    assertThat(s.term().calendar().cycles()).hasSize(12);
    assertThat(s.term().calendar().cycle(1))
        .isEqualTo(DateRange.of(d("2025-02-28"), d("2025-03-31")));
    assertThat(s.term().calendar().cycle(2))
        .isEqualTo(DateRange.of(d("2025-03-31"), d("2025-04-30")));
    assertThat(ch.events()).containsExactly(s.term().started());
    assertThat(s.term().started().how()).isEqualTo(NceEvent.Start.PURCHASE);
  }

  @Test
  void NCE_1_a_monthly_term_started_on_january_31_never_drifts() {
    NceSubscription s = roll(order(1, TermLength.P1M, BillingPlan.MONTHLY, "2025-01-31"),
        "2025-06-15");
    assertThat(s.terms()).extracting(NceTerm::start).containsExactly(d("2025-01-31"),
        d("2025-02-28"), d("2025-03-31"), d("2025-04-30"), d("2025-05-31"));
    assertThat(s.terms()).extracting(t -> t.calendar().days()).containsExactly(28L, 31L, 30L, 31L, 30L);
    // in a leap year February ends on the 29th
    NceSubscription leap = OPS.rollTo(OPS.order("L", CONTOSO, sku(BASIC), 1, TermLength.P1M,
        BillingPlan.MONTHLY, d("2024-01-31"), PRICES).subscription(), CONTOSO, d("2024-03-31"),
        PRICES, IN_FORCE).subscription();
    assertThat(leap.terms()).extracting(NceTerm::start)
        .containsExactly(d("2024-01-31"), d("2024-02-29"), d("2024-03-31"));
  }

  @Test
  void NCE_1_an_annual_term_started_on_a_leap_day_renews_on_february_28_and_back_on_the_29th() {
    NceSubscription s = roll(order(2, TermLength.P1Y, BillingPlan.ANNUAL, "2024-02-29"),
        "2028-03-01");
    assertThat(s.terms()).extracting(NceTerm::start).containsExactly(d("2024-02-29"),
        d("2025-02-28"), d("2026-02-28"), d("2027-02-28"), d("2028-02-29"));
  }

  @Test
  void NCE_1_a_term_and_plan_not_sold_or_without_a_row_is_refused() {
    refused("NCE-1", () -> OPS.order("S1", CONTOSO, sku(BASIC), 1, TermLength.P1M,
        BillingPlan.ANNUAL, d("2025-03-01"), PRICES));
    // E3's list gives only the one-year annual row, as a seed list does
    assertThatThrownBy(() -> OPS.order("S1", CONTOSO, sku(E3), 1, TermLength.P1Y,
        BillingPlan.MONTHLY, d("2025-03-01"), PRICES))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-1: the price list in force on 2025-03-01 in market US has no row for"
            + " O365_E3 billed monthly on a P1Y term; its rows for O365_E3: P1Y annual");
    assertThat(OPS.order("S1", CONTOSO, sku(E3), 1, TermLength.P1Y, BillingPlan.ANNUAL,
        d("2025-03-01"), PRICES).subscription().price().costMinor()).isEqualTo(24_000);
    // the seed's catalog rules keep applying
    refused("CAT-1", () -> OPS.order("S1", CONTOSO, sku(INTUNE), 1, TermLength.P1Y,
        BillingPlan.ANNUAL, d("2025-03-01"), PRICES));
    refused("SUB-1", () -> OPS.order("S1", CONTOSO, sku(BASIC), 301, TermLength.P1Y,
        BillingPlan.ANNUAL, d("2025-03-01"), PRICES));
  }

  // ---- NCE-2 -------------------------------------------------------------------------------

  @Test
  void NCE_2_cycles_are_anchored_like_terms_one_per_instalment() {
    NceSubscription monthly3y = order(1, TermLength.P3Y, BillingPlan.MONTHLY, "2025-05-31");
    List<DateRange> cycles = monthly3y.term().calendar().cycles();
    assertThat(cycles).hasSize(36);
    assertThat(cycles.get(0)).isEqualTo(DateRange.of(d("2025-05-31"), d("2025-06-30")));
    assertThat(cycles.get(9)).isEqualTo(DateRange.of(d("2026-02-28"), d("2026-03-31")));
    assertThat(cycles.get(35).end()).isEqualTo(d("2028-05-31"));
    NceSubscription annual3y = order(1, TermLength.P3Y, BillingPlan.ANNUAL, "2025-05-31");
    assertThat(annual3y.term().calendar().cycles()).extracting(DateRange::start)
        .containsExactly(d("2025-05-31"), d("2026-05-31"), d("2027-05-31"));
    assertThat(annual3y.price().costMinor()).isEqualTo(21_600);
    assertThat(annual3y.price().saleMinor()).isEqualTo(25_920);
  }

  // ---- NCE-3 -------------------------------------------------------------------------------

  @Test
  void NCE_3_the_price_of_the_first_day_holds_for_the_term_and_changes_at_renewal() {
    NceSubscription s = order(5, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-01");
    assertThat(s.price().costMinor()).isEqualTo(7_200);
    // a new list from January 2026 does not reach the running term, nor the seats added then
    s = OPS.addSeats(s, sku(BASIC), 2, d("2026-02-10")).subscription();
    assertThat(s.price().costMinor()).isEqualTo(7_200);
    assertThat(s.price().saleMinor()).isEqualTo(8_640);
    s = roll(s, "2026-06-01");
    assertThat(s.terms()).hasSize(2);
    assertThat(s.term().started().how()).isEqualTo(NceEvent.Start.RENEWAL);
    assertThat(s.price().costMinor()).isEqualTo(7_920);
    assertThat(s.price().saleMinor()).isEqualTo(9_504);
    assertThat(s.seats()).isEqualTo(7);
  }

  // ---- NCE-4 -------------------------------------------------------------------------------

  @Test
  void NCE_4_seats_can_be_added_at_any_time_and_are_coterminous() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-03-01");
    NceChange ch = OPS.addSeats(s, sku(BASIC), 3, d("2026-02-27"));
    assertThat(ch.subscription().seats()).isEqualTo(13);
    assertThat(ch.subscription().term().end()).isEqualTo(d("2026-03-01"));
    assertThat(ch.events()).containsExactly(new NceEvent.SeatsAdded(d("2026-02-27"), 3,
        d("2026-03-05")));
    refused("SUB-1", () -> OPS.addSeats(s, sku(BASIC), 0, d("2025-03-02")));
    refused("SUB-1", () -> OPS.addSeats(s, sku(BASIC), 291, d("2025-03-02")));
    NceSubscription suspended = OPS.suspend(s, d("2025-04-01")).subscription();
    refused("SUB-7", () -> OPS.addSeats(suspended, sku(BASIC), 1, d("2025-04-02")));
    assertThatThrownBy(() -> OPS.addSeats(s, sku(BASIC), 1, d("2026-03-01")))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("roll it first");
  }

  // ---- NCE-5 -------------------------------------------------------------------------------

  @Test
  void NCE_5_cancellation_is_allowed_on_the_purchase_day_and_the_six_days_after() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.ANNUAL, "2025-03-01");
    assertThat(s.cancellableThrough()).isEqualTo(d("2025-03-07"));
    assertThat(s.isCancellableOn(d("2025-03-01"))).isTrue();
    assertThat(s.isCancellableOn(d("2025-03-07"))).isTrue();
    assertThat(s.isCancellableOn(d("2025-03-08"))).isFalse();
    NceChange cancelled = OPS.cancel(s, d("2025-03-07"));
    assertThat(cancelled.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(cancelled.events()).containsExactly(new NceEvent.Cancelled(d("2025-03-07")));
    assertThatThrownBy(() -> OPS.cancel(s, d("2025-03-08")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-5: subscription S1 can be cancelled only from 2025-03-01 to 2025-03-07,"
            + " within 7 days of its purchase or latest renewal; turn auto-renewal off instead and"
            + " it ends with its term on 2026-02-28");
    refused("NCE-5", () -> OPS.cancel(cancelled.subscription(), d("2025-03-07")));
  }

  @Test
  void NCE_5_a_renewal_opens_a_new_window_and_auto_renewal_off_ends_with_the_term() {
    NceSubscription s = roll(order(10, TermLength.P1M, BillingPlan.MONTHLY, "2025-03-01"),
        "2025-04-03");
    assertThat(s.cancellableThrough()).isEqualTo(d("2025-04-07"));
    assertThat(OPS.cancel(s, d("2025-04-07")).subscription().status())
        .isEqualTo(SubscriptionStatus.ENDED);
    NceSubscription off = OPS.autoRenew(s, false).subscription();
    NceChange rolled = OPS.rollTo(off, CONTOSO, d("2025-05-01"), PRICES, IN_FORCE);
    assertThat(rolled.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(rolled.events()).containsExactly(new NceEvent.Ended(d("2025-05-01")));
    assertThat(rolled.subscription().terms()).hasSize(2);
  }

  @Test
  void NCE_5_the_window_is_a_policy_value() {
    NceOperations fourteen = NceOperations.of(TermPolicy.currentProgram(),
        ChangeWindow.of(Period.ofDays(14)), PricingPolicy.atCost(), ProgramPolicy.seed());
    NceSubscription s = fourteen.order("S1", CONTOSO, sku(BASIC), 1, TermLength.P1Y,
        BillingPlan.ANNUAL, d("2025-03-01"), PRICES).subscription();
    assertThat(s.cancellableThrough()).isEqualTo(d("2025-03-14"));
    assertThatThrownBy(() -> ChangeWindow.of(Period.ZERO)).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: the window must be positive, found P0D");
  }

  // ---- NCE-6 -------------------------------------------------------------------------------

  @Test
  void NCE_6_each_addition_keeps_its_own_window() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-03-01");
    s = OPS.addSeats(s, sku(BASIC), 3, d("2025-03-05")).subscription();
    assertThat(s.refundableOn(d("2025-03-05"))).containsExactly(
        new RefundableSeats(10, d("2025-03-07")), new RefundableSeats(3, d("2025-03-11")));
    assertThat(s.refundableQuantityOn(d("2025-03-07"))).isEqualTo(13);
    assertThat(s.refundableQuantityOn(d("2025-03-08"))).isEqualTo(3);
    assertThat(s.refundableQuantityOn(d("2025-03-12"))).isZero();
    NceSubscription onMarch8 = s;
    assertThatThrownBy(() -> OPS.removeSeats(onMarch8, 4, d("2025-03-08")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-6: only 3 seats of S1 can be removed on 2025-03-08 ([3 seats until"
            + " 2025-03-11]): seats can be removed only within 7 days of the day they were added;"
            + " schedule the reduction for the renewal instead (NCE-8)");
    s = OPS.removeSeats(s, 2, d("2025-03-08")).subscription();
    assertThat(s.seats()).isEqualTo(11);
    assertThat(s.refundableOn(d("2025-03-08"))).containsExactly(new RefundableSeats(1, d("2025-03-11")));
    NceSubscription later = s;
    refused("NCE-6", () -> OPS.removeSeats(later, 1, d("2025-03-12")));
  }

  @Test
  void NCE_6_removals_take_the_additions_closing_first_and_leave_at_least_one_seat() {
    NceSubscription s = order(2, TermLength.P1Y, BillingPlan.MONTHLY, "2025-03-01");
    s = OPS.addSeats(s, sku(BASIC), 3, d("2025-03-04")).subscription();
    s = OPS.removeSeats(s, 3, d("2025-03-05")).subscription();
    assertThat(s.refundableOn(d("2025-03-05"))).containsExactly(new RefundableSeats(2, d("2025-03-10")));
    NceSubscription two = s;
    assertThatThrownBy(() -> OPS.removeSeats(two, 2, d("2025-03-06")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-6: removing 2 of 2 seats leaves none; cancel subscription S1 instead"
            + " (NCE-5)");
    // a renewal is an addition of its own
    NceSubscription renewed = roll(s, "2026-03-01");
    assertThat(renewed.refundableOn(d("2026-03-01"))).containsExactly(new RefundableSeats(2, d("2026-03-07")));
  }

  // ---- NCE-7 -------------------------------------------------------------------------------

  @Test
  void NCE_7_a_suspended_subscription_is_not_cancelled_and_does_not_renew() {
    NceSubscription s = order(4, TermLength.P1M, BillingPlan.MONTHLY, "2025-03-01");
    s = OPS.suspend(s, d("2025-03-20")).subscription();
    assertThat(s.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
    assertThat(s.seats()).isEqualTo(4);
    NceSubscription suspended = s;
    refused("SUB-4", () -> OPS.suspend(suspended, d("2025-03-21")));
    NceChange rolled = OPS.rollTo(s, CONTOSO, d("2025-04-01"), PRICES, IN_FORCE);
    assertThat(rolled.events()).containsExactly(new NceEvent.Ended(d("2025-04-01")));
    assertThat(rolled.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    // reactivated before the end, it renews
    NceSubscription back = OPS.reactivate(s, d("2025-03-25")).subscription();
    assertThat(roll(back, "2025-04-01").terms()).hasSize(2);
    assertThat(SuspensionBilling.currentProgram()).isEqualTo(SuspensionBilling.CHARGE);
    assertThat(SuspensionBilling.seed().chargesWhileSuspended()).isFalse();
  }

  // ---- NCE-8 -------------------------------------------------------------------------------

  @Test
  void NCE_8_scheduled_changes_take_effect_on_the_renewal_day_at_that_days_price() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.ANNUAL, "2025-06-15");
    ScheduledChange change = ScheduledChange.builder().seats(4).term(TermLength.P1M)
        .plan(BillingPlan.MONTHLY).sku(STANDARD).build();
    s = OPS.schedule(s, change, CONTOSO, CATALOG).subscription();
    assertThat(s.scheduled()).contains(change);
    assertThat(change).hasToString("seats 4 term P1M plan monthly sku STANDARD");
    NceSubscription before = roll(s, "2026-06-14");
    assertThat(before.offer()).hasToString("BASIC/P1Y/annual");
    assertThat(before.seats()).isEqualTo(10);
    NceSubscription after = roll(s, "2026-06-15");
    assertThat(after.term().start()).isEqualTo(d("2026-06-15"));
    assertThat(after.offer()).hasToString("STANDARD/P1M/monthly");
    assertThat(after.seats()).isEqualTo(4);
    assertThat(after.price().costMinor()).isEqualTo(1_650); // 2026 price of a P1M Standard term
    assertThat(after.scheduled()).isEmpty();
    assertThat(after.term().end()).isEqualTo(d("2026-07-15"));
    // the next renewal keeps the new term, anchored on the first start
    assertThat(roll(after, "2026-08-15").terms()).extracting(NceTerm::start)
        .containsExactly(d("2025-06-15"), d("2026-06-15"), d("2026-07-15"), d("2026-08-15"));
  }

  @Test
  void NCE_8_an_immediate_change_drops_the_scheduled_changes_and_says_so() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    ScheduledChange fewer = ScheduledChange.builder().seats(5).build();
    s = OPS.schedule(s, fewer, CONTOSO, CATALOG).subscription();
    NceChange added = OPS.addSeats(s, sku(BASIC), 1, d("2025-09-01"));
    assertThat(added.dropped()).contains(fewer);
    assertThat(added.subscription().scheduled()).isEmpty();
    NceChange suspended = OPS.suspend(s, d("2025-09-01"));
    assertThat(suspended.dropped()).isEmpty();
    assertThat(suspended.subscription().scheduled()).contains(fewer);
    NceChange upgraded = OPS.upgrade(s, CONTOSO, sku(BASIC), sku(STANDARD), PATHS,
        d("2025-09-01"), PRICES);
    assertThat(upgraded.dropped()).contains(fewer);
  }

  @Test
  void NCE_8_a_schedule_is_refused_for_another_product_an_unsold_plan_or_an_ended_subscription() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    refused("NCE-8", () -> OPS.schedule(s, ScheduledChange.builder().sku(INTUNE).build(), CONTOSO,
        CATALOG));
    // a P1M term billed monthly is sold; billed annually it is not
    assertThat(OPS.schedule(s, ScheduledChange.builder().term(TermLength.P1M).build(), CONTOSO,
        CATALOG).subscription().scheduled()).isPresent();
    NceSubscription annual = order(10, TermLength.P1Y, BillingPlan.ANNUAL, "2025-06-15");
    refused("NCE-1", () -> OPS.schedule(annual, ScheduledChange.builder().term(TermLength.P1M)
        .build(), CONTOSO, CATALOG));
    refused("SUB-1", () -> OPS.schedule(s, ScheduledChange.builder().seats(301).build(), CONTOSO,
        CATALOG));
    NceSubscription ended = OPS.cancel(s, d("2025-06-16")).subscription();
    refused("NCE-8", () -> OPS.schedule(ended, ScheduledChange.builder().seats(1).build(), CONTOSO,
        CATALOG));
    // a downgrade can be scheduled for the renewal
    NceSubscription premium = OPS.order("P", CONTOSO, sku(PREMIUM), 2, TermLength.P1Y,
        BillingPlan.ANNUAL, d("2025-06-15"), PRICES).subscription();
    NceSubscription down = OPS.schedule(premium, ScheduledChange.builder().sku(BASIC).build(),
        CONTOSO, CATALOG).subscription();
    assertThat(roll(down, "2026-06-15").sku()).isEqualTo(BASIC);
  }

  // ---- NCE-9 -------------------------------------------------------------------------------

  @Test
  void NCE_9_a_full_upgrade_moves_every_seat_at_the_new_skus_price_of_that_day() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    NceChange ch = OPS.upgrade(s, CONTOSO, sku(BASIC), sku(PREMIUM), PATHS, d("2026-01-20"),
        PRICES);
    NceSubscription up = ch.subscription();
    assertThat(up.id()).isEqualTo("S1");
    assertThat(up.sku()).isEqualTo(PREMIUM);
    assertThat(up.seats()).isEqualTo(10);
    assertThat(up.price().costMinor()).isEqualTo(29_040); // Premium P1Y in 2026
    assertThat(up.term().end()).isEqualTo(d("2026-06-15"));
    assertThat(ch.created()).isEmpty();
    // seats added later pay the new protected price
    NceSubscription more = OPS.addSeats(up, sku(PREMIUM), 1, d("2026-03-01")).subscription();
    assertThat(more.price().costMinor()).isEqualTo(29_040);
  }

  @Test
  void NCE_9_a_partial_upgrade_creates_a_subscription_with_the_parents_term_end_and_window() {
    NceSubscription s = order(10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    NceChange ch = OPS.upgradeSeats(s, CONTOSO, sku(BASIC), sku(STANDARD), PATHS, 4, "S2",
        d("2025-06-18"), PRICES);
    NceSubscription parent = ch.subscription();
    NceSubscription child = ch.created().orElseThrow();
    assertThat(parent.seats()).isEqualTo(6);
    assertThat(parent.sku()).isEqualTo(BASIC);
    assertThat(child.id()).isEqualTo("S2");
    assertThat(child.parentId()).contains("S1");
    assertThat(child.sku()).isEqualTo(STANDARD);
    assertThat(child.seats()).isEqualTo(4);
    assertThat(child.startedOn()).isEqualTo(d("2025-06-18"));
    assertThat(child.term().end()).isEqualTo(parent.term().end());
    assertThat(child.cancellableThrough()).isEqualTo(d("2025-06-21"));
    assertThat(child.isCancellableOn(d("2025-06-21"))).isTrue();
    assertThat(child.term().calendar()).isEqualTo(parent.term().calendar());
    assertThat(ch.events()).containsExactly(
        new NceEvent.SeatsMovedOut(d("2025-06-18"), 4, STANDARD, "S2"),
        child.term().started());
    // both renew on the parent's anniversary
    NceSubscription childRenewed = roll(child, "2026-06-15");
    assertThat(childRenewed.terms()).hasSize(2);
    assertThat(childRenewed.term().start()).isEqualTo(d("2026-06-15"));
    assertThat(childRenewed.cancellableThrough()).isEqualTo(d("2026-06-21"));
  }

  @Test
  void NCE_9_a_downgrade_a_move_off_the_path_or_a_bad_seat_count_is_refused() {
    NceSubscription premium = OPS.order("P", CONTOSO, sku(PREMIUM), 5, TermLength.P1Y,
        BillingPlan.MONTHLY, d("2025-06-15"), PRICES).subscription();
    assertThatThrownBy(() -> OPS.upgrade(premium, CONTOSO, sku(PREMIUM), sku(BASIC), PATHS,
        d("2025-07-01"), PRICES))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("NCE-9: moving from PREMIUM to BASIC is a downgrade");
    NceSubscription basic = order(5, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    refused("NCE-9", () -> OPS.upgrade(basic, CONTOSO, sku(BASIC), sku(E3), PATHS,
        d("2025-07-01"), PRICES));
    refused("NCE-9", () -> OPS.upgradeSeats(basic, CONTOSO, sku(BASIC), sku(STANDARD), PATHS, 5,
        "S2", d("2025-07-01"), PRICES));
    refused("NCE-9", () -> OPS.upgradeSeats(basic, CONTOSO, sku(BASIC), sku(STANDARD), PATHS, 0,
        "S2", d("2025-07-01"), PRICES));
    NceSubscription suspended = OPS.suspend(basic, d("2025-07-01")).subscription();
    refused("NCE-9", () -> OPS.upgrade(suspended, CONTOSO, sku(BASIC), sku(STANDARD), PATHS,
        d("2025-07-02"), PRICES));
  }

  @Test
  void NCE_9_the_upgrade_needs_a_row_for_the_same_term_and_plan() {
    NceSubscription basic = order(5, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    UpgradePaths toE3 = PATHS.with(BASIC, List.of(E3));
    assertThatThrownBy(() -> OPS.upgrade(basic, CONTOSO, sku(BASIC), sku(E3), toE3,
        d("2025-07-01"), PRICES))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("NCE-1: the price list in force on 2025-07-01 in market US has no"
            + " row for O365_E3 billed monthly on a P1Y term");
  }

  @Test
  void NCE_1_a_renewal_without_a_row_or_without_the_agreement_in_force_ends_the_term() {
    NceSubscription s = OPS.order("S1", CONTOSO, sku(BASIC), 1, TermLength.P3Y,
        BillingPlan.TRIENNIAL, d("2029-06-01"), PRICES).subscription();
    NceChange rolled = OPS.rollTo(s, CONTOSO, d("2032-06-01"), PRICES, IN_FORCE);
    assertThat(rolled.events()).containsExactly(new NceEvent.Ended(d("2032-06-01")));
    NceChange agreementOver = OPS.rollTo(order(1, TermLength.P1M, BillingPlan.MONTHLY,
        "2025-01-10"), CONTOSO, d("2025-03-10"), PRICES, day -> day.isBefore(d("2025-02-11")));
    assertThat(agreementOver.subscription().terms()).hasSize(2);
    assertThat(agreementOver.events()).hasSize(2);
    assertThat(agreementOver.events().get(1)).isEqualTo(new NceEvent.Ended(d("2025-03-10")));
  }

  @Test
  void NCE_1_events_out_of_order_or_outside_the_term_are_not_values() {
    NceSubscription s = order(1, TermLength.P1M, BillingPlan.MONTHLY, "2025-03-01");
    NceTerm t = s.term();
    assertThatThrownBy(() -> t.with(new NceEvent.SeatsAdded(d("2025-04-01"), 1, d("2025-04-07"))))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("is outside the term");
    NceTerm later = t.with(new NceEvent.Suspended(d("2025-03-10")));
    assertThatThrownBy(() -> later.with(new NceEvent.Reactivated(d("2025-03-09"))))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("in date order");
    assertThatThrownBy(() -> later.with(new NceEvent.SeatsRemoved(d("2025-03-11"), 1)))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("cannot take");
    LocalDate end = t.end();
    assertThat(t.with(new NceEvent.Ended(end)).state().status()).isEqualTo(SubscriptionStatus.ENDED);
  }
}
