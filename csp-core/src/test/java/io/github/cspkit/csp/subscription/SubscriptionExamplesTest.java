package io.github.cspkit.csp.subscription;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * SUB-1..7 as worked examples. Cost prices: O365_E3 220.00 (2024), 240.00 (2025), 250.00 (2026);
 * O365_ATP (add-on of E3) 30.00, 36.00, 40.00; nothing is published for 2027. Sale = cost + 20 %.
 * So an E3 term started in 2025 sells at 288.00 a seat, one started in 2026 at 300.00.
 * <p>
 * SUB-6 (customers cannot act on a CSP subscription) is not a rule of these operations, which
 * have no actor: it is enforced and tested at the partner's entry point, which checks the actor.
 */
class SubscriptionExamplesTest {
  static final Sku E3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(100)
      .build();
  static final Sku ATP = Sku.builder().id("O365_ATP").family(ProductFamily.OFFICE_365)
      .addAttachesTo("O365_E3").build();
  static final PriceBook BOOK = book();
  static final Customer CONTOSO = Customer.builder().id("contoso").partnerId("p1").market("US")
      .tenant(Tenant.of("t1", TenantOrigin.NEW)).billing(BillingProfile.of(1, MinorUnits.USD))
      .createdOn(LocalDate.parse("2024-01-02")).build();
  static final SubscriptionOperations OPS = ops(LifecyclePolicy.seed());

  static SubscriptionOperations ops(LifecyclePolicy lifecycle) {
    return SubscriptionOperations.of(DayCount.ACTUAL, Proration.seed(), PriceLock.TERM_START,
        PricingPolicy.markup(new BigDecimal("20")), lifecycle, ProgramPolicy.seed());
  }

  static PriceBook book() {
    PriceBook b = PriceBook.create();
    for (YearMonth m = YearMonth.of(2024, 1); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
      int y = m.getYear();
      String e3 = y == 2024 ? "220.00" : y == 2025 ? "240.00" : "250.00";
      String atp = y == 2024 ? "30.00" : y == 2025 ? "36.00" : "40.00";
      b.publish(PriceList.monthly("US", MinorUnits.USD, m, m.atDay(1).minusDays(40),
          Map.of("O365_E3", usd(e3), "O365_ATP", usd(atp))));
    }
    return b;
  }

  static MonetaryAmount usd(String amount) {
    return Money.of(new BigDecimal(amount), "USD");
  }

  static Subscription order(int seats, String start) {
    return OPS.order("S1", CONTOSO, E3, seats, d(start), BOOK).subscription();
  }

  /** Asserts that {@code call} is refused with {@code rule} and leaves {@code sub} as it was. */
  static RuleViolation refusedUnchanged(String rule, Subscription sub, ThrowingCallable call) {
    Subscription before = Subscription.builder().from(sub).build();
    String text = sub.toString();
    RuleViolation v = refused(rule, call);
    assertThat(sub).isEqualTo(before);
    assertThat(sub.toString()).isEqualTo(text);
    return v;
  }

  // ------------------------------------------------------------------ SUB-1

  @Test
  void SUB_1_term_started_2025_02_10_ends_2026_02_09() {
    SubscriptionChange c = OPS.order("S1", CONTOSO, E3, 10, d("2025-02-10"), BOOK);
    Subscription sub = c.subscription();
    assertThat(sub.term().lastDay()).isEqualTo(d("2026-02-09"));
    assertThat(sub.term().range()).isEqualTo(DateRange.of(d("2025-02-10"), d("2026-02-10")));
    assertThat(sub.term().daysInTerm()).isEqualTo(365);
    assertThat(sub.startedOn()).isEqualTo(d("2025-02-10"));
    assertThat(sub.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(sub.seats()).isEqualTo(10);
    assertThat(sub.autoRenew()).isTrue();
    assertThat(sub.isAddOn()).isFalse();
    assertThat(c.event().kind()).isEqualTo(ChangeKind.ORDER);
    assertThat(c.event().charge()).isEqualTo(usd("2880.00"));
    assertThat(c.event().cost()).isEqualTo(usd("2400.00"));
    assertThat(c.event().formula()).isEqualTo("288.00 × 10 × 365/365");
    assertThat(c.event().seatsBefore()).isZero();
    assertThat(c.event().seatsAfter()).isEqualTo(10);
  }

  @Test
  void SUB_1_term_started_2024_02_10_has_366_days() {
    Subscription sub = order(10, "2024-02-10");
    assertThat(sub.term().daysInTerm()).isEqualTo(366);
    assertThat(sub.term().lastDay()).isEqualTo(d("2025-02-09"));
  }

  @Test
  void SUB_1_term_started_2024_02_29_ends_2025_02_27() {
    Subscription sub = order(10, "2024-02-29");
    assertThat(sub.term().range()).isEqualTo(DateRange.of(d("2024-02-29"), d("2025-02-28")));
    assertThat(sub.term().lastDay()).isEqualTo(d("2025-02-27"));
    assertThat(sub.term().daysInTerm()).isEqualTo(365);
  }

  @Test
  void SUB_1_term_holds_366_days_only_when_it_holds_a_leap_day() {
    Subscription sub = OPS.order("S1", CONTOSO, E3, 1, d("2024-03-01"), BOOK).subscription();
    assertThat(sub.term().daysInTerm()).isEqualTo(365);
    assertThat(order(1, "2024-02-28").term().daysInTerm()).isEqualTo(366);
  }

  @Test
  void SUB_1_zero_seats_are_refused() {
    RuleViolation v = refused("SUB-1", () -> order(0, "2025-02-10"));
    assertThat(v.reason()).contains("1 to 100").contains("0");
  }

  @Test
  void SUB_1_negative_seats_are_refused() {
    refused("SUB-1", () -> order(-3, "2025-02-10"));
    refused("SUB-1", () -> order(Integer.MIN_VALUE, "2025-02-10"));
  }

  @Test
  void SUB_1_seats_above_the_sku_maximum_are_refused() {
    refused("SUB-1", () -> order(101, "2025-02-10"));
    refused("SUB-1", () -> order(Integer.MAX_VALUE, "2025-02-10"));
    assertThat(order(100, "2025-02-10").seats()).isEqualTo(100);
    assertThat(order(1, "2025-02-10").seats()).isEqualTo(1);
  }

  @Test
  void SUB_1_adding_seats_beyond_the_maximum_is_refused() {
    Subscription sub = order(90, "2025-02-10");
    refusedUnchanged("SUB-1", sub, () -> OPS.addSeats(sub, CONTOSO, E3, 11, d("2025-03-01"), BOOK));
    refusedUnchanged("SUB-1", sub,
        () -> OPS.addSeats(sub, CONTOSO, E3, Integer.MAX_VALUE, d("2025-03-01"), BOOK));
    refusedUnchanged("SUB-1", sub, () -> OPS.addSeats(sub, CONTOSO, E3, 0, d("2025-03-01"), BOOK));
    refusedUnchanged("SUB-1", sub, () -> OPS.addSeats(sub, CONTOSO, E3, -2, d("2025-03-01"), BOOK));
    assertThat(OPS.addSeats(sub, CONTOSO, E3, 10, d("2025-03-01"), BOOK).subscription().seats())
        .isEqualTo(100);
  }

  @Test
  void SUB_1_order_without_a_published_price_is_refused() {
    refused("PRC-3", () -> order(5, "2027-01-10"));
  }

  @Test
  void SUB_1_the_unit_price_is_fixed_on_the_first_day() {
    Subscription sub = order(10, "2025-12-20");
    assertThat(sub.term().saleUnit()).isEqualTo(28800);
    assertThat(sub.term().costUnit()).isEqualTo(24000);
    SubscriptionEvent e = OPS.addSeats(sub, CONTOSO, E3, 1, d("2026-01-15"), BOOK).event();
    assertThat(e.unitMinor()).isEqualTo(28800);
  }

  @Test
  void SUB_1_a_change_outside_the_term_is_a_programming_error() {
    Subscription sub = order(10, "2025-02-10");
    assertThatThrownBy(() -> OPS.addSeats(sub, CONTOSO, E3, 1, d("2026-02-10"), BOOK))
        .isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> OPS.addSeats(sub, CONTOSO, E3, 1, d("2025-02-09"), BOOK))
        .isInstanceOf(OutOfRangeException.class);
  }

  // ------------------------------------------------------------------ SUB-2

  @Test
  void SUB_2_five_seats_added_on_2025_07_01_cost_883_73() {
    Subscription sub = order(10, "2025-02-10");
    SubscriptionChange c = OPS.addSeats(sub, CONTOSO, E3, 5, d("2025-07-01"), BOOK);
    SubscriptionEvent e = c.event();
    assertThat(e.charge()).isEqualTo(usd("883.73"));
    assertThat(e.formula()).isEqualTo("288.00 × 5 × 224/365");
    assertThat(e.kind()).isEqualTo(ChangeKind.ADD_SEATS);
    assertThat(e.days()).isEqualTo(224);
    assertThat(e.daysInTerm()).isEqualTo(365);
    assertThat(e.seatsBefore()).isEqualTo(10);
    assertThat(e.seatsAfter()).isEqualTo(15);
    assertThat(e.cost()).isEqualTo(usd("736.44"));
    assertThat(c.subscription().seats()).isEqualTo(15);
    assertThat(sub.seats()).isEqualTo(10);
  }

  @Test
  void SUB_2_added_seats_end_with_the_base_term_example() {
    Subscription sub = order(10, "2025-02-10");
    Subscription after = OPS.addSeats(sub, CONTOSO, E3, 5, d("2025-07-01"), BOOK).subscription();
    after = OPS.addSeats(after, CONTOSO, E3, 2, d("2026-02-09"), BOOK).subscription();
    assertThat(after.terms()).hasSize(1);
    assertThat(after.term().range()).isEqualTo(sub.term().range());
    assertThat(after.term().lastDay()).isEqualTo(d("2026-02-09"));
    Term t = after.term();
    assertThat(t.stepOn(d("2025-06-30")).seats()).isEqualTo(10);
    assertThat(t.stepOn(d("2025-07-01")).seats()).isEqualTo(15);
    assertThat(t.stepOn(d("2026-02-09")).seats()).isEqualTo(17);
    // exact accrual: 10 seats × 141 days + 15 × 223 + 17 × 1
    assertThat(Accrual.seed().sale(t, t.start(), t.end()).longValueExact())
        .isEqualTo(28800L * (10 * 141 + 15 * 223 + 17));
  }

  @Test
  void SUB_2_seats_added_on_the_last_day_pay_one_day() {
    Subscription sub = order(10, "2025-02-10");
    SubscriptionEvent e = OPS.addSeats(sub, CONTOSO, E3, 3, d("2026-02-09"), BOOK).event();
    assertThat(e.formula()).isEqualTo("288.00 × 3 × 1/365");
    assertThat(e.chargeMinor()).isEqualTo(237); // 864.00 / 365 = 2.367
  }

  @Test
  void SUB_2_seats_added_on_the_first_day_pay_the_whole_term() {
    Subscription sub = order(10, "2025-02-10");
    SubscriptionEvent e = OPS.addSeats(sub, CONTOSO, E3, 3, d("2025-02-10"), BOOK).event();
    assertThat(e.charge()).isEqualTo(usd("864.00"));
  }

  @Test
  void SUB_2_seats_added_in_a_leap_term_are_prorated_over_366_days() {
    Subscription sub = order(10, "2024-02-10");
    SubscriptionEvent e = OPS.addSeats(sub, CONTOSO, E3, 5, d("2024-07-01"), BOOK).event();
    assertThat(e.formula()).isEqualTo("264.00 × 5 × 224/366");
    assertThat(e.chargeMinor()).isEqualTo(80787);
  }

  @Test
  void SUB_2_seats_cannot_be_added_to_a_suspended_subscription() {
    Subscription sub = OPS.suspend(order(10, "2025-02-10"), d("2025-04-01")).subscription();
    RuleViolation v = refusedUnchanged("SUB-7", sub,
        () -> OPS.addSeats(sub, CONTOSO, E3, 1, d("2025-05-01"), BOOK));
    assertThat(v.reason()).contains("suspended");
  }

  @Test
  void SUB_2_quote_changes_nothing() {
    Subscription sub = order(10, "2025-02-10");
    Subscription before = Subscription.builder().from(sub).build();
    OPS.addSeats(sub, CONTOSO, E3, 5, d("2025-07-01"), BOOK);
    OPS.removeSeats(sub, CONTOSO, E3, 5, d("2025-07-01"), BOOK);
    OPS.suspend(sub, d("2025-07-01"));
    OPS.cancel(sub, d("2025-07-01"));
    assertThat(sub).isEqualTo(before);
  }

  // ------------------------------------------------------------------ SUB-3

  @Test
  void SUB_3_addon_is_prorated_over_the_base_term() {
    Subscription base = order(10, "2025-02-10");
    SubscriptionChange c = OPS.orderAddOn("A1", base, CONTOSO, ATP, 3, d("2025-07-01"), BOOK);
    SubscriptionEvent e = c.event();
    assertThat(e.kind()).isEqualTo(ChangeKind.ORDER_ADD_ON);
    assertThat(e.formula()).isEqualTo("43.20 × 3 × 224/365");
    assertThat(e.charge()).isEqualTo(usd("79.54"));
    Subscription addOn = c.subscription();
    assertThat(addOn.baseId()).contains("S1");
    assertThat(addOn.isAddOn()).isTrue();
    assertThat(addOn.term().range()).isEqualTo(DateRange.of(d("2025-07-01"), d("2026-02-10")));
    assertThat(Accrual.seed().sale(addOn.term(), addOn.term().start(), addOn.term().end()).longValueExact())
        .isEqualTo(4320L * 3 * 224);
  }

  @Test
  void SUB_3_addon_price_is_fixed_on_its_own_first_day() {
    Subscription base = order(10, "2025-02-10");
    Subscription addOn = OPS.orderAddOn("A1", base, CONTOSO, ATP, 2, d("2026-01-05"), BOOK)
        .subscription();
    assertThat(base.term().saleUnit()).isEqualTo(28800);
    assertThat(addOn.term().saleUnit()).isEqualTo(4800);
    assertThat(addOn.term().costUnit()).isEqualTo(4000);
    SubscriptionEvent e = OPS.addSeats(addOn, CONTOSO, ATP, 1, d("2026-01-20"), BOOK).event();
    assertThat(e.formula()).isEqualTo("48.00 × 1 × 21/365");
  }

  @Test
  void SUB_3_addon_in_a_leap_base_term_uses_366_days() {
    Subscription base = order(10, "2024-01-15");
    Subscription addOn = OPS.orderAddOn("A1", base, CONTOSO, ATP, 4, d("2024-06-01"), BOOK)
        .subscription();
    assertThat(addOn.term().daysInTerm()).isEqualTo(366);
    assertThat(addOn.term().range().days()).isEqualTo(228);
    assertThat(addOn.term().end()).isEqualTo(base.term().end());
  }

  @Test
  void SUB_3_addon_seats_are_coterminous_with_the_base() {
    Subscription base = order(10, "2025-02-10");
    Subscription addOn = OPS.orderAddOn("A1", base, CONTOSO, ATP, 3, d("2025-07-01"), BOOK)
        .subscription();
    SubscriptionChange more = OPS.addSeats(addOn, CONTOSO, ATP, 2, d("2025-10-01"), BOOK);
    assertThat(more.subscription().term().end()).isEqualTo(base.term().end());
    assertThat(more.event().days()).isEqualTo(DateRange.daysBetween(d("2025-10-01"), d("2026-02-10")));
    assertThat(more.event().daysInTerm()).isEqualTo(365);
  }

  // ------------------------------------------------------------------ SUB-4

  @Test
  void SUB_4_suspending_one_subscription_does_not_touch_others() {
    Subscription s1 = order(10, "2025-02-10");
    Subscription s2 = OPS.order("S2", CONTOSO, E3, 4, d("2025-02-10"), BOOK).subscription();
    Subscription addOn = OPS.orderAddOn("A1", s1, CONTOSO, ATP, 3, d("2025-03-01"), BOOK)
        .subscription();
    Subscription s2Before = Subscription.builder().from(s2).build();
    Subscription addOnBefore = Subscription.builder().from(addOn).build();
    SubscriptionChange c = OPS.suspend(s1, d("2025-04-01"));
    assertThat(c.events()).hasSize(1);
    assertThat(c.event().subscriptionId()).isEqualTo("S1");
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.SUSPENDED);
    assertThat(s2).isEqualTo(s2Before);
    assertThat(s2.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(addOn).isEqualTo(addOnBefore);
    assertThat(addOn.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    // the add-on is suspended on its own
    assertThat(OPS.suspend(addOn, d("2025-04-01")).subscription().status())
        .isEqualTo(SubscriptionStatus.SUSPENDED);
  }

  @Test
  void SUB_4_suspending_twice_is_refused() {
    Subscription sub = OPS.suspend(order(10, "2025-02-10"), d("2025-04-01")).subscription();
    RuleViolation v = refusedUnchanged("SUB-4", sub, () -> OPS.suspend(sub, d("2025-05-01")));
    assertThat(v.reason()).contains("S1").contains("suspended");
  }

  @Test
  void SUB_4_suspending_an_ended_subscription_is_refused() {
    Subscription sub = OPS.cancel(order(10, "2025-02-10"), d("2025-04-01")).subscription();
    refusedUnchanged("SUB-4", sub, () -> OPS.suspend(sub, d("2025-05-01")));
  }

  @Test
  void SUB_4_suspension_stops_charges_from_its_day() {
    Subscription sub = order(10, "2025-02-10");
    SubscriptionChange c = OPS.suspend(sub, d("2025-07-01"));
    assertThat(c.event().kind()).isEqualTo(ChangeKind.SUSPEND);
    assertThat(c.event().chargeMinor()).isEqualTo(-176745);
    assertThat(c.event().formula()).isEqualTo("288.00 × -10 × 224/365");
    Term t = c.subscription().term();
    assertThat(Accrual.seed().sale(t, d("2025-06-30"), d("2025-07-01")).longValueExact()).isEqualTo(288000);
    assertThat(Accrual.seed().sale(t, d("2025-07-01"), t.end()).longValueExact()).isZero();
    assertThat(c.subscription().seats()).isEqualTo(10);
  }

  // ------------------------------------------------------------------ SUB-5

  @Test
  void SUB_5_cancel_is_charged_up_to_the_day_before() {
    Subscription sub = order(10, "2025-02-10");
    SubscriptionChange c = OPS.cancel(sub, d("2025-07-01"));
    SubscriptionEvent e = c.event();
    assertThat(e.kind()).isEqualTo(ChangeKind.CANCEL);
    assertThat(e.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(e.chargeMinor()).isEqualTo(-176745); // 2880.00 × 224 / 365 credited
    assertThat(e.days()).isEqualTo(224);
    assertThat(e.seatsCharged()).isEqualTo(-10);
    Term t = c.subscription().term();
    // billed: 141 days, 2025-02-10 .. 2025-06-30
    assertThat(Accrual.seed().sale(t, t.start(), t.end()).longValueExact()).isEqualTo(288000L * 141);
    assertThat(Accrual.seed().sale(t, d("2025-06-30"), d("2025-07-01")).longValueExact()).isEqualTo(288000);
    assertThat(Accrual.seed().sale(t, d("2025-07-01"), d("2025-07-02")).longValueExact()).isZero();
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(usd("2880.00").subtract(e.charge().negate())).isEqualTo(usd("1112.55"));
  }

  @Test
  void SUB_5_suspension_formula_explains_its_charge_under_change_day_prices() {
    SubscriptionOperations ops = SubscriptionOperations.of(DayCount.ACTUAL, Proration.seed(),
        PriceLock.CHANGE_DAY, PricingPolicy.atCost(), LifecyclePolicy.seed(), ProgramPolicy.seed());
    PriceBook book = io.github.cspkit.csp.testkit.SubscriptionGen.priceBook();
    Customer c = io.github.cspkit.csp.testkit.SubscriptionGen.customer("c1", BillingProfile.of(1, MinorUnits.USD));
    Sku e3 = io.github.cspkit.csp.testkit.SubscriptionGen.E3;
    Subscription sub = ops.order("S1", c, e3, 10, d("2025-02-10"), book).subscription();
    sub = ops.addSeats(sub, c, e3, 5, d("2025-07-01"), book).subscription();
    assertThat(sub.last().saleRate()).isNotEqualTo(sub.term().saleUnit() * 15); // mixed prices
    for (SubscriptionEvent e : new SubscriptionEvent[] {ops.suspend(sub, d("2025-08-01")).event(),
        ops.cancel(sub, d("2025-08-01")).event()}) {
      assertThat(e.chargeMinor()).as("%s", e).isEqualTo(Proration.seed()
          .chargeMinor(e.unitMinor(), e.seatsCharged(), e.days(), e.daysInTerm()));
    }
  }

  @Test
  void SUB_5_cancelling_twice_is_refused() {
    Subscription sub = OPS.cancel(order(10, "2025-02-10"), d("2025-07-01")).subscription();
    RuleViolation v = refusedUnchanged("SUB-5", sub, () -> OPS.cancel(sub, d("2025-08-01")));
    assertThat(v.reason()).contains("S1").contains("ended");
  }

  @Test
  void SUB_5_cancelling_a_suspended_subscription_credits_nothing_more() {
    Subscription sub = OPS.suspend(order(10, "2025-02-10"), d("2025-04-01")).subscription();
    SubscriptionChange c = OPS.cancel(sub, d("2025-07-01"));
    assertThat(c.event().chargeMinor()).isZero();
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
  }

  @Test
  void SUB_5_cancelled_subscription_takes_no_more_changes() {
    Subscription sub = OPS.cancel(order(10, "2025-02-10"), d("2025-07-01")).subscription();
    refusedUnchanged("SUB-7", sub, () -> OPS.reactivate(sub, d("2025-08-01")));
    refusedUnchanged("SUB-7", sub, () -> OPS.addSeats(sub, CONTOSO, E3, 1, d("2025-08-01"), BOOK));
    refusedUnchanged("SUB-7", sub, () -> OPS.removeSeats(sub, CONTOSO, E3, 1, d("2025-08-01"), BOOK));
    refusedUnchanged("SUB-7", sub, () -> OPS.autoRenew(sub, true, d("2025-08-01")));
    refusedUnchanged("SUB-7", sub, () -> OPS.autoRenew(sub, false, d("2025-08-01")));
    assertThat(OPS.rollTo(sub, null, CONTOSO, E3, d("2026-03-01"), BOOK).events()).isEmpty();
  }

  @Test
  void SUB_5_cancel_on_the_first_day_credits_the_whole_term() {
    SubscriptionChange c = OPS.cancel(order(10, "2025-02-10"), d("2025-02-10"));
    assertThat(c.event().charge()).isEqualTo(usd("-2880.00"));
    Term t = c.subscription().term();
    assertThat(Accrual.seed().sale(t, t.start(), t.end()).longValueExact()).isZero();
  }

  // ------------------------------------------------------------------ SUB-7

  @Test
  void SUB_7_removed_seats_are_credited_like_added_seats() {
    Subscription sub = order(10, "2025-02-10");
    SubscriptionEvent e = OPS.removeSeats(sub, CONTOSO, E3, 5, d("2025-07-01"), BOOK).event();
    assertThat(e.kind()).isEqualTo(ChangeKind.REMOVE_SEATS);
    assertThat(e.charge()).isEqualTo(usd("-883.73"));
    assertThat(e.formula()).isEqualTo("288.00 × -5 × 224/365");
    assertThat(e.seatsAfter()).isEqualTo(5);
  }

  @Test
  void SUB_7_removing_all_seats_is_refused() {
    Subscription sub = order(10, "2025-02-10");
    RuleViolation v = refusedUnchanged("SUB-7", sub,
        () -> OPS.removeSeats(sub, CONTOSO, E3, 10, d("2025-07-01"), BOOK));
    assertThat(v.reason()).contains("cancel");
    refusedUnchanged("SUB-7", sub, () -> OPS.removeSeats(sub, CONTOSO, E3, 11, d("2025-07-01"), BOOK));
    refusedUnchanged("SUB-7", sub, () -> OPS.removeSeats(sub, CONTOSO, E3, 0, d("2025-07-01"), BOOK));
    refusedUnchanged("SUB-7", sub, () -> OPS.removeSeats(sub, CONTOSO, E3, -1, d("2025-07-01"), BOOK));
    assertThat(OPS.removeSeats(sub, CONTOSO, E3, 9, d("2025-07-01"), BOOK).subscription().seats())
        .isEqualTo(1);
  }

  @Test
  void SUB_7_removing_seats_from_a_suspended_subscription_is_refused() {
    Subscription sub = OPS.suspend(order(10, "2025-02-10"), d("2025-04-01")).subscription();
    refusedUnchanged("SUB-7", sub, () -> OPS.removeSeats(sub, CONTOSO, E3, 1, d("2025-07-01"), BOOK));
  }

  @Test
  void SUB_7_reactivating_a_subscription_that_is_not_suspended_is_refused() {
    Subscription sub = order(10, "2025-02-10");
    RuleViolation v = refusedUnchanged("SUB-7", sub, () -> OPS.reactivate(sub, d("2025-04-01")));
    assertThat(v.reason()).contains("active");
  }

  @Test
  void SUB_7_reactivation_charges_again_from_its_day() {
    Subscription sub = OPS.suspend(order(10, "2025-02-10"), d("2025-05-01")).subscription();
    SubscriptionChange c = OPS.reactivate(sub, d("2025-06-01"));
    assertThat(c.event().kind()).isEqualTo(ChangeKind.REACTIVATE);
    assertThat(c.event().formula()).isEqualTo("288.00 × 10 × 254/365");
    assertThat(c.event().chargeMinor()).isEqualTo(200416);
    Term t = c.subscription().term();
    assertThat(Accrual.seed().sale(t, d("2025-05-31"), d("2025-06-01")).longValueExact()).isZero();
    assertThat(Accrual.seed().sale(t, d("2025-06-01"), d("2025-06-02")).longValueExact()).isEqualTo(288000);
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  @Test
  void SUB_7_renewal_takes_the_price_of_the_new_terms_first_day() {
    Subscription sub = OPS.addSeats(order(10, "2025-02-10"), CONTOSO, E3, 2, d("2025-09-01"), BOOK)
        .subscription();
    assertThat(OPS.rollTo(sub, null, CONTOSO, E3, d("2026-02-09"), BOOK).events()).isEmpty();
    SubscriptionChange c = OPS.rollTo(sub, null, CONTOSO, E3, d("2026-02-10"), BOOK);
    Subscription renewed = c.subscription();
    assertThat(renewed.terms()).hasSize(2);
    assertThat(renewed.terms().get(0)).isEqualTo(sub.term());
    Term t = renewed.term();
    assertThat(t.index()).isEqualTo(1);
    assertThat(t.range()).isEqualTo(DateRange.of(d("2026-02-10"), d("2027-02-10")));
    assertThat(t.saleUnit()).isEqualTo(30000);
    assertThat(t.costUnit()).isEqualTo(25000);
    assertThat(renewed.seats()).isEqualTo(12);
    assertThat(renewed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(c.event().kind()).isEqualTo(ChangeKind.RENEW);
    assertThat(c.event().charge()).isEqualTo(usd("3600.00"));
    assertThat(c.event().formula()).isEqualTo("300.00 × 12 × 365/365");
  }

  @Test
  void SUB_7_renewal_from_a_leap_day_start_keeps_one_year_terms() {
    Subscription sub = order(10, "2024-02-29");
    Subscription renewed = OPS.rollTo(sub, null, CONTOSO, E3, d("2025-03-01"), BOOK).subscription();
    assertThat(renewed.term().range()).isEqualTo(DateRange.of(d("2025-02-28"), d("2026-02-28")));
  }

  @Test
  void SUB_7_renewal_terms_are_anchored_on_the_first_start() {
    PriceBook book = PriceBook.create();
    for (YearMonth m = YearMonth.of(2024, 2); !m.isAfter(YearMonth.of(2028, 3)); m = m.plusMonths(1)) {
      book.publish(PriceList.monthly("US", MinorUnits.USD, m, m.atDay(1).minusDays(40),
          Map.of("O365_E3", usd("240.00"))));
    }
    Subscription sub = OPS.order("S1", CONTOSO, E3, 1, d("2024-02-29"), book).subscription();
    SubscriptionChange c = OPS.rollTo(sub, null, CONTOSO, E3, d("2028-03-01"), book);
    // term n is [s + n years, s + (n+1) years): no drift to February 28 once a leap year is back
    assertThat(c.subscription().terms()).extracting(Term::start).containsExactly(d("2024-02-29"),
        d("2025-02-28"), d("2026-02-28"), d("2027-02-28"), d("2028-02-29"));
    assertThat(c.subscription().terms()).extracting(Term::daysInTerm)
        .containsExactly(365L, 365L, 365L, 366L, 365L);
    assertThat(c.subscription().terms().get(3).end()).isEqualTo(d("2028-02-29"));
    for (int n = 0; n < 5; n++) {
      assertThat(c.subscription().terms().get(n).range())
          .isEqualTo(SubscriptionOperations.anchoredTerm(d("2024-02-29"), n));
    }
    // rolling one term at a time gives the same terms
    Subscription stepwise = sub;
    for (LocalDate day = d("2024-03-01"); !day.isAfter(d("2028-03-01")); day = day.plusMonths(1)) {
      stepwise = OPS.rollTo(stepwise, null, CONTOSO, E3, day, book).subscription();
    }
    assertThat(stepwise).isEqualTo(c.subscription());
  }

  @Test
  void SUB_7_no_renewal_while_suspended_at_the_term_end_even_if_reactivation_is_allowed() {
    Subscription sub = OPS.suspend(order(10, "2025-02-10"), d("2026-02-09")).subscription();
    SubscriptionChange c = OPS.rollTo(sub, null, CONTOSO, E3, d("2026-02-10"), BOOK);
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(c.subscription().terms()).hasSize(1);
    assertThat(c.event().kind()).isEqualTo(ChangeKind.END);
    assertThat(c.event().date()).isEqualTo(d("2026-02-10"));
    // reactivated on the term's last day, it renews
    Subscription back = OPS.reactivate(sub, d("2026-02-09")).subscription();
    assertThat(OPS.rollTo(back, null, CONTOSO, E3, d("2026-02-10"), BOOK).event().kind())
        .isEqualTo(ChangeKind.RENEW);
  }

  @Test
  void AGR_1_no_renewal_on_a_day_the_agreement_is_not_in_force() {
    Subscription sub = order(10, "2025-02-10");
    // the agreement's last day in force is the renewal day: it renews
    SubscriptionChange onLastDay = OPS.rollTo(sub, null, CONTOSO, E3, d("2026-02-10"), BOOK,
        day -> !day.isAfter(d("2026-02-10")));
    assertThat(onLastDay.event().kind()).isEqualTo(ChangeKind.RENEW);
    // it ended the day before: the subscription ends with its term, and so does its add-on
    SubscriptionChange after = OPS.rollTo(sub, null, CONTOSO, E3, d("2026-02-10"), BOOK,
        day -> !day.isAfter(d("2026-02-09")));
    assertThat(after.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(after.subscription().terms()).hasSize(1);
    assertThat(after.event().kind()).isEqualTo(ChangeKind.END);
    Subscription addOn = OPS.orderAddOn("A1", sub, CONTOSO, ATP, 2, d("2025-06-01"), BOOK)
        .subscription();
    SubscriptionChange addOnAfter = OPS.rollTo(addOn, after.subscription(), CONTOSO, ATP,
        d("2026-02-10"), BOOK, day -> !day.isAfter(d("2026-02-09")));
    assertThat(addOnAfter.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(addOnAfter.event().date()).isEqualTo(d("2026-02-10"));
  }

  @Test
  void SUB_7_rolling_over_several_terms_renews_each() {
    Subscription sub = order(3, "2024-02-10");
    SubscriptionChange c = OPS.rollTo(sub, null, CONTOSO, E3, d("2026-03-01"), BOOK);
    assertThat(c.events()).extracting(SubscriptionEvent::kind)
        .containsExactly(ChangeKind.RENEW, ChangeKind.RENEW);
    assertThat(c.subscription().terms()).extracting(Term::saleUnit).containsExactly(26400L, 28800L, 30000L);
    assertThat(c.subscription().terms()).extracting(Term::daysInTerm).containsExactly(366L, 365L, 365L);
  }

  @Test
  void SUB_7_auto_renew_off_ends_the_subscription() {
    Subscription sub = order(10, "2025-02-10");
    SubscriptionChange off = OPS.autoRenew(sub, false, d("2025-12-01"));
    assertThat(off.event().kind()).isEqualTo(ChangeKind.AUTO_RENEW);
    assertThat(off.event().chargeMinor()).isZero();
    assertThat(off.subscription().autoRenew()).isFalse();
    assertThat(sub.autoRenew()).isTrue();
    SubscriptionChange end = OPS.rollTo(off.subscription(), null, CONTOSO, E3, d("2026-02-10"), BOOK);
    assertThat(end.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(end.subscription().terms()).hasSize(1);
    assertThat(end.event().kind()).isEqualTo(ChangeKind.END);
    assertThat(end.event().date()).isEqualTo(d("2026-02-10"));
    assertThat(end.event().chargeMinor()).isZero();
    Term t = end.subscription().term();
    assertThat(Accrual.seed().sale(t, t.start(), t.end()).longValueExact()).isEqualTo(288000L * 365);
    // switched back on before the end, it renews
    Subscription on = OPS.autoRenew(off.subscription(), true, d("2025-12-02")).subscription();
    assertThat(OPS.rollTo(on, null, CONTOSO, E3, d("2026-02-10"), BOOK).event().kind())
        .isEqualTo(ChangeKind.RENEW);
  }

  @Test
  void SUB_7_renewal_without_a_published_price_ends_the_subscription() {
    Subscription sub = order(10, "2026-03-01");
    SubscriptionChange c = OPS.rollTo(sub, null, CONTOSO, E3, d("2027-03-01"), BOOK);
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(c.event().kind()).isEqualTo(ChangeKind.END);
    assertThat(c.subscription().terms()).hasSize(1);
  }

  @Test
  void SUB_7_a_subscription_suspended_at_its_term_end_ends() {
    Subscription sub = OPS.suspend(order(10, "2025-02-10"), d("2025-10-01")).subscription();
    SubscriptionChange c = OPS.rollTo(sub, null, CONTOSO, E3, d("2026-02-10"), BOOK);
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
  }

  @Test
  void SUB_7_lifecycle_policy_switches_off_seat_removal() {
    SubscriptionOperations ops = ops(new LifecyclePolicy(false, true, true));
    Subscription sub = ops.order("S1", CONTOSO, E3, 10, d("2025-02-10"), BOOK).subscription();
    RuleViolation v = refusedUnchanged("SUB-7", sub,
        () -> ops.removeSeats(sub, CONTOSO, E3, 1, d("2025-03-01"), BOOK));
    assertThat(v.reason()).contains("switched off");
    assertThat(ops.addSeats(sub, CONTOSO, E3, 1, d("2025-03-01"), BOOK).subscription().seats())
        .isEqualTo(11);
  }

  @Test
  void SUB_7_lifecycle_policy_switches_off_reactivation() {
    SubscriptionOperations ops = ops(new LifecyclePolicy(true, false, true));
    Subscription sub = ops.suspend(
        ops.order("S1", CONTOSO, E3, 10, d("2025-02-10"), BOOK).subscription(), d("2025-03-01"))
        .subscription();
    RuleViolation v = refusedUnchanged("SUB-7", sub, () -> ops.reactivate(sub, d("2025-04-01")));
    assertThat(v.reason()).contains("switched off");
    assertThat(ops.cancel(sub, d("2025-04-01")).subscription().status())
        .isEqualTo(SubscriptionStatus.ENDED);
  }

  @Test
  void SUB_7_lifecycle_policy_switches_off_renewal() {
    SubscriptionOperations ops = ops(new LifecyclePolicy(true, true, false));
    Subscription sub = ops.order("S1", CONTOSO, E3, 10, d("2025-02-10"), BOOK).subscription();
    RuleViolation v = refusedUnchanged("SUB-7", sub, () -> ops.autoRenew(sub, true, d("2025-04-01")));
    assertThat(v.reason()).contains("switched off");
    assertThat(ops.autoRenew(sub, false, d("2025-04-01")).subscription().autoRenew()).isFalse();
    SubscriptionChange c = ops.rollTo(sub, null, CONTOSO, E3, d("2026-02-10"), BOOK);
    assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(c.event().kind()).isEqualTo(ChangeKind.END);
  }

  @Test
  void SUB_7_seed_lifecycle_allows_everything() {
    // the seed's operations remove seats, reactivate and renew, each of which a switch refuses
    Subscription sub = order(10, "2025-02-10");
    SubscriptionChange removed = OPS.removeSeats(sub, CONTOSO, E3, 3, d("2025-03-01"), BOOK);
    assertThat(removed.event().kind()).isEqualTo(ChangeKind.REMOVE_SEATS);
    assertThat(removed.subscription().seats()).isEqualTo(7);
    Subscription suspended = OPS.suspend(removed.subscription(), d("2025-04-01")).subscription();
    SubscriptionChange reactivated = OPS.reactivate(suspended, d("2025-05-01"));
    assertThat(reactivated.event().kind()).isEqualTo(ChangeKind.REACTIVATE);
    assertThat(reactivated.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    SubscriptionChange renewed =
        OPS.rollTo(reactivated.subscription(), null, CONTOSO, E3, d("2026-02-10"), BOOK);
    assertThat(renewed.event().kind()).isEqualTo(ChangeKind.RENEW);
    assertThat(renewed.subscription().terms()).hasSize(2);
    assertThat(renewed.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(OPS.autoRenew(renewed.subscription(), true, d("2026-03-01")).subscription()
        .autoRenew()).isTrue();
  }

  @Test
  void SUB_7_under_a_change_day_lock_removed_seats_are_credited_at_what_they_accrue() {
    SubscriptionOperations ops = SubscriptionOperations.of(DayCount.ACTUAL, Proration.seed(),
        PriceLock.CHANGE_DAY, PricingPolicy.atCost(), LifecyclePolicy.seed(), ProgramPolicy.seed());
    PriceBook book = PriceBook.create();
    book.publish(PriceList.monthly("US", MinorUnits.USD, YearMonth.of(2025, 2), d("2024-12-01"),
        Map.of("O365_E3", usd("100.00"))));
    book.publish(PriceList.monthly("US", MinorUnits.USD, YearMonth.of(2025, 5), d("2025-03-01"),
        Map.of("O365_E3", usd("200.00"))));
    Customer c = Customer.builder().id("c1").partnerId("p").market("US")
        .tenant(Tenant.of("t1", TenantOrigin.NEW)).billing(BillingProfile.of(1, MinorUnits.USD))
        .createdOn(d("2025-01-01")).build();
    Sku e3 = Sku.of("O365_E3", ProductFamily.OFFICE_365);
    Subscription sub = ops.order("S1", c, e3, 10, d("2025-02-10"), book).subscription();
    SubscriptionChange removed = ops.removeSeats(sub, c, e3, 9, d("2025-05-20"), book);
    // the 9 seats accrued 100.00 a year each: that is what stops, not the day's 200.00
    assertThat(removed.subscription().last().saleRate()).isEqualTo(10_000);
    assertThat(removed.event().charge()).isEqualTo(usd("-655.89")); // 100.00 × -9 × 266/365
    assertThat(removed.event().formula()).isEqualTo("100.00 × -9 × 266/365");
    // adding at the day's price, then removing, credits the average of what the seats accrue
    Subscription mixed = ops.addSeats(sub, c, e3, 5, d("2025-05-20"), book).subscription();
    assertThat(mixed.last().saleRate()).isEqualTo(10 * 10_000 + 5 * 20_000);
    SubscriptionEvent credit = ops.removeSeats(mixed, c, e3, 3, d("2025-06-01"), book).event();
    assertThat(credit.chargeMinor()).isEqualTo(Proration.seed().chargeMinor(credit.unitMinor(),
        credit.seatsCharged(), credit.days(), credit.daysInTerm()));
    // 3 of 15 seats accruing 2000.00 a year: 400.00, not a whole unit per seat, so shown whole
    assertThat(credit.formula()).isEqualTo("400.00 × -1 × 254/365");
  }
}
