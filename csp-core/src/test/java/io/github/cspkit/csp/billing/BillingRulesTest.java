package io.github.cspkit.csp.billing;

import static io.github.cspkit.csp.billing.BillingDesk.E3;
import static io.github.cspkit.csp.billing.BillingDesk.E5;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.money.Allocation;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** One example per billing rule (BIL-1..7), replayed on a timeline as the scenario runner would. */
class BillingRulesTest {

  private static BillingDesk desk() {
    return BillingDesk.builder().build();
  }

  private static long sum(List<BillLine> lines) {
    return lines.stream().mapToLong(BillLine::amountMinor).sum();
  }

  // ---------------------------------------------------------------- BIL-1

  @Test
  void BIL_1_one_bill_a_month_combines_subscriptions_at_sale_prices_and_own_services() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.order("S2", E5, 5, "2025-03-01");
    desk.service("support", "50.00", Recurrence.MONTHLY, "2025-03-01");
    desk.service("setup", "200.00", Recurrence.ONCE, "2025-03-01");
    desk.advance("2025-04-01");

    assertThat(desk.bills).extracting(Bill::month)
        .containsExactly(YearMonth.of(2025, 2), YearMonth.of(2025, 3), YearMonth.of(2025, 4));
    assertThat(desk.bill("2025-02").lines()).isEmpty();
    assertThat(desk.bill("2025-02").totalMinor()).isZero();

    Bill march = desk.bill("2025-03");
    assertThat(march.lines()).extracting(BillLine::kind, BillLine::item, BillLine::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING, "O365_E3", 24460L), // 288.00 × 10 × 31/365
            org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING, "O365_E5", 24460L), // 576.00 × 5 × 31/365
            org.assertj.core.groups.Tuple.tuple(LineKind.SERVICE, "support", 5000L),
            org.assertj.core.groups.Tuple.tuple(LineKind.SERVICE, "setup", 20000L));
    assertThat(march.lines().get(0).unitMinor()).as("sale price, not cost").isEqualTo(28800);
    assertThat(march.lines().get(1).unitMinor()).isEqualTo(57600);
    assertThat(march.total()).isEqualTo(Money.of(new BigDecimal("739.20"), "USD"));

    Bill april = desk.bill("2025-04");
    assertThat(april.lines()).extracting(BillLine::item)
        .containsExactly("O365_E3", "O365_E5", "support");
    // cumulative rounding: 288.00 × 10 × 61/365 = 481.32 billed through May 1, less 244.60
    assertThat(april.lines().get(0).amountMinor()).isEqualTo(48132 - 24460);
    assertThat(april.lines().get(0).formula()).isEqualTo("288.00 × 10 × 30/365");
  }

  @Test
  void BIL_1_a_monthly_service_is_on_every_bill_whose_period_starts_on_or_after_its_date() {
    BillingDesk desk = desk();
    OwnService s = desk.service("backup", "19.99", Recurrence.MONTHLY, "2025-03-10");
    desk.advance("2025-05-01");
    desk.stopService(s, "2025-06-01");
    desk.advance("2025-07-01");
    assertThat(desk.bill("2025-03").totalMinor()).as("period starts before the service").isZero();
    assertThat(desk.bill("2025-04").totalMinor()).isEqualTo(1999);
    assertThat(desk.bill("2025-05").totalMinor()).isEqualTo(1999);
    assertThat(desk.bill("2025-06").totalMinor()).as("stopped from June 1").isZero();
    assertThat(desk.bill("2025-04").lines().get(0).span())
        .isEqualTo(DateRange.of(d("2025-04-01"), d("2025-05-01")));
  }

  @Test
  void BIL_1_a_one_off_service_is_on_the_first_bill_issued_after_it_only() {
    BillingDesk desk = desk();
    desk.service("migration", "1500.00", Recurrence.ONCE, "2025-03-10");
    desk.advance("2025-06-01");
    assertThat(desk.bill("2025-03").totalMinor()).isZero();
    assertThat(desk.bill("2025-04").totalMinor()).isEqualTo(150000);
    assertThat(desk.bill("2025-05").totalMinor()).isZero();
    assertThat(desk.bill("2025-06").totalMinor()).isZero();

    BillingDesk arrears = BillingDesk.builder().timing(BillingTiming.IN_ARREARS).build();
    arrears.service("migration", "1500.00", Recurrence.ONCE, "2025-03-10");
    arrears.advance("2025-04-30");
    assertThat(arrears.bill("2025-03").issuedOn()).isEqualTo(d("2025-03-31"));
    assertThat(arrears.bill("2025-03").totalMinor()).isEqualTo(150000);
    assertThat(arrears.bill("2025-04").totalMinor()).isZero();
  }

  // ---------------------------------------------------------------- BIL-2

  @Test
  void BIL_2_billing_day_31_starts_periods_on_the_last_day_of_shorter_months() {
    BillingProfile p = BillingProfile.of(31, MinorUnits.USD);
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(m -> p.periodStartIn(YearMonth.of(2025, m))))
        .containsExactly(d("2025-01-31"), d("2025-02-28"), d("2025-03-31"), d("2025-04-30"), d("2025-05-31"));
    assertThat(p.periodStartIn(YearMonth.of(2024, 2))).as("leap year").isEqualTo(d("2024-02-29"));
    assertThat(p.periodStartingIn(YearMonth.of(2025, 2)))
        .isEqualTo(DateRange.of(d("2025-02-28"), d("2025-03-31")));

    BillingDesk desk = BillingDesk.builder().billingDay(31).createdOn("2025-01-31").build();
    desk.advance("2025-05-31");
    assertThat(desk.bills).extracting(b -> b.period().start())
        .containsExactly(d("2025-01-31"), d("2025-02-28"), d("2025-03-31"), d("2025-04-30"), d("2025-05-31"));
    assertThat(desk.bills).extracting(b -> b.period().days()).containsExactly(28L, 31L, 30L, 31L, 30L);

    BillingDesk leap = BillingDesk.builder().billingDay(31).createdOn("2024-01-15").build();
    leap.advance("2024-03-31");
    assertThat(leap.bills).extracting(b -> b.period().start())
        .containsExactly(d("2024-01-31"), d("2024-02-29"), d("2024-03-31"));
  }

  @Test
  void BIL_2_billing_day_30_across_february_and_periods_hold_every_day_once() {
    BillingProfile p = BillingProfile.of(30, MinorUnits.USD);
    DateRange period = p.firstPeriodFrom(d("2024-12-31"));
    assertThat(period.start()).isEqualTo(d("2025-01-30"));
    long days = 0;
    for (int i = 0; i < 12; i++) {
      DateRange next = p.next(period);
      assertThat(next.start()).isEqualTo(period.end());
      days += period.days();
      period = next;
    }
    assertThat(days).isEqualTo(365);
    assertThat(p.periodContaining(d("2025-03-01")).start()).isEqualTo(d("2025-02-28"));
  }

  @Test
  void BIL_2_billing_day_must_be_1_to_31() {
    for (int bad : new int[] {0, 32, -1}) {
      assertThatThrownBy(() -> BillingProfile.of(bad, MinorUnits.USD))
          .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("BIL-2"));
    }
    assertThat(BillingProfile.of(1, MinorUnits.USD).billingDay()).isEqualTo(1);
    assertThat(BillingProfile.of(31, MinorUnits.USD).billingDay()).isEqualTo(31);
  }

  @Test
  void BIL_2_a_subscription_in_another_currency_than_the_bill_is_refused() {
    BillingDesk usd = desk();
    BillingDesk eur = BillingDesk.builder().currency(MinorUnits.EUR, "230.00").build();
    Subscription inEur = eur.order("S9", E3, 1, "2025-03-01");
    usd.advance("2025-02-01");
    assertThatThrownBy(() -> usd.engine.issue(usd.customer, usd.account, List.of(inEur), List.of()))
        .isInstanceOfSatisfying(RuleViolation.class, v -> {
          assertThat(v.rule()).isEqualTo("BIL-2");
          assertThat(v.reason()).contains("S9", "EUR", "USD");
        });
    OwnService eurService = OwnService.builder().id("x").customerId("contoso").amountMinor(100)
        .currency(MinorUnits.EUR).recurrence(Recurrence.ONCE).startsOn(d("2025-01-01")).build();
    assertThatThrownBy(() -> usd.engine.issue(usd.customer, usd.account, List.of(), List.of(eurService)))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("BIL-2"));
  }

  // ---------------------------------------------------------------- BIL-3

  @Test
  void BIL_3_annual_prepayment_bills_the_rest_of_the_term_at_once_less_the_discount() {
    BillingDesk desk = BillingDesk.builder()
        .financing(FinancingPlan.annualPrepayment(new BigDecimal("5"))).build();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.advance("2025-04-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.lines()).extracting(BillLine::kind).containsExactly(LineKind.RECURRING, LineKind.DISCOUNT);
    assertThat(march.lines().get(0).span()).isEqualTo(DateRange.of(d("2025-03-01"), d("2026-03-01")));
    assertThat(march.lines().get(0).amountMinor()).isEqualTo(288000);
    assertThat(march.lines().get(0).formula()).isEqualTo("288.00 × 10 × 365/365");
    assertThat(march.lines().get(1).amountMinor()).isEqualTo(-14400);
    assertThat(march.totalMinor()).isEqualTo(273600);
    assertThat(march.costMinor()).isEqualTo(240000);
    assertThat(desk.bill("2025-04").lines()).as("later bills charge only changes").isEmpty();

    desk.addSeats("S1", 2, "2025-04-10");
    desk.advance("2025-05-01");
    Bill may = desk.bill("2025-05");
    assertThat(may.lines()).extracting(BillLine::kind).containsExactly(LineKind.PRORATED, LineKind.DISCOUNT);
    assertThat(may.lines().get(0).formula()).isEqualTo("288.00 × 2 × 325/365");
    assertThat(may.lines().get(0).amountMinor()).isEqualTo(51288);
    assertThat(may.lines().get(1).amountMinor()).isEqualTo(-2564); // 5% of 512.88 = 25.644
    assertThat(may.dues()).containsExactly(new Due(d("2025-05-01"), 51288 - 2564));
  }

  @Test
  void BIL_3_instalments_split_a_bill_into_monthly_dues_that_add_up_exactly() {
    BillingDesk desk = BillingDesk.builder().financing(FinancingPlan.instalments(3)).build();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2025-03-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.totalMinor()).isEqualTo(39452);
    assertThat(march.dues()).containsExactly(
        new Due(d("2025-03-01"), 13151), new Due(d("2025-04-01"), 13151), new Due(d("2025-05-01"), 13150));
    assertThat(BillText.render(march)).contains("Falls due", "2025-05-01", "131.50");
  }

  @Test
  void BIL_3_a_credit_bill_falls_due_at_once_even_under_instalments() {
    BillingDesk desk = BillingDesk.builder().financing(FinancingPlan.instalments(6)).build();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.suspend("S1", "2025-03-10");
    desk.advance("2025-04-01");
    Bill april = desk.bill("2025-04");
    assertThat(april.totalMinor()).isNegative();
    assertThat(april.dues()).containsExactly(new Due(d("2025-04-01"), april.totalMinor()));
  }

  @Test
  void BIL_3_financing_plans_are_validated() {
    assertThatThrownBy(() -> FinancingPlan.instalments(1)).isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> FinancingPlan.instalments(37)).isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> FinancingPlan.annualPrepayment(new BigDecimal("2.555")))
        .isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> FinancingPlan.annualPrepayment(new BigDecimal("101")))
        .isInstanceOf(OutOfRangeException.class);
    assertThat(FinancingPlan.annualPrepayment(new BigDecimal("2.5")).discountBasisPoints()).isEqualTo(250);
    assertThat(FinancingPlan.instalments(12).toString()).isEqualTo("12 monthly instalments");
    assertThat(FinancingPlan.none().prepaid()).isFalse();
    // three alternatives, each a record with only its own figure
    assertThat(FinancingPlan.class.getPermittedSubclasses()).containsExactly(
        FinancingPlan.None.class, FinancingPlan.AnnualPrepayment.class,
        FinancingPlan.Instalments.class);
    assertThat(FinancingPlan.annualPrepayment(new BigDecimal("5")))
        .isEqualTo(new FinancingPlan.AnnualPrepayment(500))
        .hasToString("annual prepayment, 5% discount")
        .matches(FinancingPlan::prepaid);
    assertThat(FinancingPlan.instalments(3)).isEqualTo(new FinancingPlan.Instalments(3))
        .isNotEqualTo(FinancingPlan.instalments(4))
        .extracting(FinancingPlan::kind).isEqualTo(FinancingPlan.Kind.INSTALMENTS);
    assertThat(FinancingPlan.none()).isEqualTo(new FinancingPlan.None()).hasToString("none");
    assertThatThrownBy(() -> new FinancingPlan.AnnualPrepayment(10_001))
        .isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void BIL_3_allocation_evenly_gives_parts_that_differ_by_at_most_one_larger_first() {
    assertThat(Allocation.evenly(100, 3)).containsExactly(34, 33, 33);
    assertThat(Allocation.evenly(-100, 3)).containsExactly(-34, -33, -33);
    assertThat(Allocation.evenly(39452, 3)).containsExactly(13151, 13151, 13150);
    assertThat(Allocation.evenly(2, 5)).containsExactly(1, 1, 0, 0, 0);
    assertThat(Allocation.evenly(0, 4)).containsExactly(0, 0, 0, 0);
    assertThat(Allocation.evenly(7, 1)).containsExactly(7);
    assertThatThrownBy(() -> Allocation.evenly(7, 0)).isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void BIL_3_allocation_by_weights_uses_the_largest_remainders() {
    assertThat(Allocation.byWeights(100, 1, 1, 1)).containsExactly(34, 33, 33);
    assertThat(Allocation.byWeights(100, 1, 2)).containsExactly(33, 67);
    assertThat(Allocation.byWeights(1000, 3, -1)).containsExactly(1500, -500);
    assertThat(Allocation.byWeights(-100, 1, 1, 1)).containsExactly(-33, -33, -34);
    assertThat(Allocation.byWeights(0, 1, -1)).containsExactly(0, 0);
    assertThatThrownBy(() -> Allocation.byWeights(5, 1, -1)).isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> Allocation.byWeights(5)).isInstanceOf(OutOfRangeException.class);
    long[] parts = Allocation.byWeights(39452, 19, 31);
    assertThat(parts[0] + parts[1]).isEqualTo(39452);
  }

  // ---------------------------------------------------------------- BIL-4

  @Test
  void BIL_4_cost_is_computed_like_the_charge_at_the_cost_unit_price() {
    BillingDesk prepaid = BillingDesk.builder()
        .financing(FinancingPlan.annualPrepayment(BigDecimal.ZERO)).build();
    prepaid.order("S1", E3, 1, "2025-03-01");
    prepaid.advance("2025-03-01");
    Bill year = prepaid.bill("2025-03");
    assertThat(year.cost()).isEqualTo(Money.of(new BigDecimal("240.00"), "USD"));
    assertThat(year.total()).isEqualTo(Money.of(new BigDecimal("288.00"), "USD"));
    assertThat(year.margin()).isEqualTo(Money.of(new BigDecimal("48.00"), "USD"));

    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2025-03-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.cost()).isEqualTo(Money.of(new BigDecimal("328.77"), "USD"));
    assertThat(march.total()).isEqualTo(Money.of(new BigDecimal("394.52"), "USD"));
    assertThat(march.margin()).isEqualTo(Money.of(new BigDecimal("65.75"), "USD"));
    assertThat(march.lines()).extracting(BillLine::costMinor).containsExactly(12493L, 20384L);
  }

  @Test
  void BIL_4_services_count_as_sale_only() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.service("support", "50.00", Recurrence.MONTHLY, "2025-03-01");
    desk.advance("2025-03-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.costMinor()).isEqualTo(20384);
    assertThat(march.totalMinor()).isEqualTo(24460 + 5000);
    assertThat(march.margin()).isEqualTo(Money.of(new BigDecimal("90.76"), "USD"));
    assertThat(march.lines().get(1).costMinor()).isZero();
  }

  // ---------------------------------------------------------------- BIL-5

  @Test
  void BIL_5_seats_added_mid_period_appear_as_a_prorated_line_with_its_days_and_formula() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.addSeats("S1", 5, "2025-07-10");
    desk.advance("2025-08-01");
    Bill august = desk.bill("2025-08");
    assertThat(august.lines()).hasSize(2);
    BillLine added = august.lines().get(0);
    assertThat(added.kind()).isEqualTo(LineKind.PRORATED);
    assertThat(added.description()).isEqualTo("5 seats added on 2025-07-10");
    assertThat(added.span()).isEqualTo(DateRange.of(d("2025-07-10"), d("2025-08-01")));
    assertThat(added.days()).isEqualTo(22);
    assertThat(added.formula()).isEqualTo("288.00 × 5 × 22/365");
    assertThat(added.amountMinor()).isEqualTo(8680); // 86.79 exact, carried cumulatively
    BillLine recurring = august.lines().get(1);
    assertThat(recurring.formula()).isEqualTo("288.00 × 15 × 31/365");
    assertThat(recurring.amountMinor()).isEqualTo(36690);
    assertThat(august.costMinor()).isEqualTo(37808);
  }

  @Test
  void BIL_5_the_worked_quote_formula_224_days_appears_on_a_prepaid_bill() {
    BillingDesk desk = BillingDesk.builder()
        .financing(FinancingPlan.annualPrepayment(BigDecimal.ZERO)).build();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.addSeats("S1", 5, "2025-07-01");
    assertThat(desk.lastChange.event().formula()).isEqualTo("288.00 × 5 × 224/365");
    desk.advance("2025-07-01");
    BillLine line = desk.bill("2025-07").lines().get(0);
    assertThat(line.formula()).isEqualTo("288.00 × 5 × 224/365");
    assertThat(line.amountMinor()).isEqualTo(88373);
    assertThat(line.span()).isEqualTo(DateRange.of(d("2025-07-01"), d("2026-02-10")));
  }

  @Test
  void BIL_5_removed_seats_are_credited_prorated() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.removeSeats("S1", 4, "2025-03-20");
    desk.advance("2025-04-01");
    Bill april = desk.bill("2025-04");
    assertThat(april.lines()).extracting(BillLine::description, BillLine::formula, BillLine::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("4 seats removed on 2025-03-20", "288.00 × -4 × 12/365", -3787L),
            org.assertj.core.groups.Tuple.tuple("6 seats", "288.00 × 6 × 30/365", 14203L));
  }

  @Test
  void BIL_5_a_bill_is_negative_when_credits_exceed_charges() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.suspend("S1", "2025-03-10");
    desk.advance("2025-04-01");
    Bill april = desk.bill("2025-04");
    assertThat(april.lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(LineKind.PRORATED);
      assertThat(l.description()).isEqualTo("suspended on 2025-03-10");
      assertThat(l.formula()).isEqualTo("288.00 × -10 × 22/365");
    });
    assertThat(april.total()).isEqualTo(Money.of(new BigDecimal("-173.59"), "USD"));
    assertThat(april.cost()).isEqualTo(Money.of(new BigDecimal("-144.66"), "USD"));
    assertThat(april.dues()).containsExactly(new Due(d("2025-04-01"), -17359));
    assertThat(BillText.render(april)).contains("-173.59");

    desk.reactivate("S1", "2025-04-15");
    desk.advance("2025-05-01");
    Bill may = desk.bill("2025-05");
    assertThat(may.lines()).extracting(BillLine::description)
        .containsExactly("reactivated on 2025-04-15", "10 seats");
    assertThat(may.lines().get(0).formula()).isEqualTo("288.00 × 10 × 16/365");
  }

  // ---------------------------------------------------------------- BIL-6

  @Test
  void BIL_6_worked_example_march_bill_charges_394_52_over_50_days() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2025-04-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.total()).isEqualTo(Money.of(new BigDecimal("394.52"), "USD"));
    assertThat(march.lines()).extracting(BillLine::formula)
        .containsExactly("288.00 × 10 × 19/365", "288.00 × 10 × 31/365");
    assertThat(march.lines()).extracting(BillLine::amountMinor).containsExactly(14992L, 24460L);
    assertThat(march.lines().stream().mapToLong(BillLine::days).sum()).isEqualTo(50);
    assertThat(desk.bill("2025-02").totalMinor()).as("ordered after the Feb bill was issued").isZero();
  }

  @Test
  void BIL_6_the_bills_of_a_whole_term_add_up_to_the_whole_term_charge() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2026-03-01");
    long sale = 0;
    long cost = 0;
    for (Bill b : desk.bills) {
      for (BillLine l : b.lines()) {
        if (l.span().start().isBefore(d("2026-02-10"))) {
          sale += l.amountMinor();
          cost += l.costMinor();
        }
      }
    }
    assertThat(sale).isEqualTo(288000);
    assertThat(cost).isEqualTo(240000);
  }

  @Test
  void BIL_6_rounding_is_half_up_once_on_the_cumulative_accrual() {
    assertThat(Rounding.HALF_UP.divide(5, 2)).isEqualTo(3);
    assertThat(Rounding.HALF_UP.divide(-5, 2)).isEqualTo(-3);
    assertThat(Rounding.HALF_UP.divide(4, 3)).isEqualTo(1);
    // unit 0.01, 5 seats, 366-day term from 2024-01-01: through 2024-07-02 it has accrued
    // 5 × 183/366 = 2.5 cents, billed as 3 under HALF_UP, 2 under HALF_EVEN
    assertThat(billedThroughJuly2(Rounding.HALF_UP)).isEqualTo(3);
    assertThat(billedThroughJuly2(Rounding.HALF_EVEN)).isEqualTo(2);
  }

  private static long billedThroughJuly2(Rounding rounding) {
    Term term = Term.of(0, DateRange.of(d("2024-01-01"), d("2025-01-01")), 366, 1, 1,
        List.of(Step.of(d("2024-01-01"), ChangeKind.ORDER, 5, SubscriptionStatus.ACTIVE, 5, 5)));
    Subscription sub = Subscription.builder().id("S1").customerId("contoso").sku("O365_E3")
        .currency(MinorUnits.USD).addTerms(term).build();
    BillingDesk desk = BillingDesk.builder().billingDay(2).createdOn("2023-12-02").build();
    BillingEngine engine = BillingEngine.of(BillingTiming.IN_ADVANCE, rounding, DayCount.ACTUAL);
    BillingAccount account = desk.account;
    long billed = 0;
    while (account.nextPeriodStart().isBefore(d("2024-07-02"))) {
      IssuedBill issued = engine.issue(desk.customer, account, List.of(sub), List.of());
      billed += issued.bill().totalMinor();
      account = issued.account();
    }
    assertThat(account.billed().get("S1#0").through()).isEqualTo(d("2024-07-02"));
    return billed;
  }

  @Test
  void BIL_6_yen_has_no_minor_digits() {
    BillingDesk desk = BillingDesk.builder().currency(MinorUnits.JPY, "24000").build();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2025-03-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.total()).isEqualTo(Money.of(new BigDecimal("39452"), "JPY"));
    assertThat(march.lines()).extracting(BillLine::formula)
        .containsExactly("28800 × 10 × 19/365", "28800 × 10 × 31/365");
    assertThat(march.lines()).extracting(BillLine::amountMinor).containsExactly(14992L, 24460L);
    assertThat(march.cost()).isEqualTo(Money.of(new BigDecimal("32877"), "JPY"));
    assertThat(BillText.render(march)).contains("39452").doesNotContain("39452.");
  }

  @Test
  void BIL_6_bahraini_dinar_has_three_minor_digits() {
    BillingDesk desk = BillingDesk.builder().currency(MinorUnits.BHD, "24.000").build();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2025-03-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.total()).isEqualTo(Money.of(new BigDecimal("39.452"), "BHD"));
    assertThat(march.lines()).extracting(BillLine::formula)
        .containsExactly("28.800 × 10 × 19/365", "28.800 × 10 × 31/365");
    assertThat(BillCsv.render(march)).contains(",14.992,12.493\r\n", ",24.460,20.384\r\n");
  }

  // ---------------------------------------------------------------- BIL-7

  @Test
  void BIL_7_in_advance_a_bill_is_issued_on_its_first_day_and_charges_the_period() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.advance("2025-03-01");
    Bill march = desk.bill("2025-03");
    assertThat(march.issuedOn()).isEqualTo(d("2025-03-01"));
    assertThat(march.lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(LineKind.RECURRING);
      assertThat(l.span()).isEqualTo(DateRange.of(d("2025-03-01"), d("2025-04-01")));
      assertThat(l.amountMinor()).isEqualTo(24460);
    });
  }

  @Test
  void BIL_7_in_advance_an_order_during_a_period_appears_on_the_next_bill_to_that_period_end() {
    BillingDesk desk = desk();
    desk.advance("2025-03-01");
    desk.order("S1", E3, 10, "2025-03-10");
    desk.advance("2025-04-01");
    assertThat(desk.bill("2025-03").lines()).isEmpty();
    Bill april = desk.bill("2025-04");
    assertThat(april.lines()).extracting(BillLine::kind, BillLine::span, BillLine::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LineKind.PRORATED,
                DateRange.of(d("2025-03-10"), d("2025-04-01")), 17359L),
            org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING,
                DateRange.of(d("2025-04-01"), d("2025-05-01")), 41030L - 17359L));
  }

  @Test
  void BIL_7_in_advance_added_seats_appear_on_the_next_bill_from_their_day() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.addSeats("S1", 2, "2025-03-20");
    desk.advance("2025-04-01");
    Bill april = desk.bill("2025-04");
    assertThat(april.lines()).extracting(BillLine::span, BillLine::formula, BillLine::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DateRange.of(d("2025-03-20"), d("2025-04-01")),
                "288.00 × 2 × 12/365", 1894L),
            org.assertj.core.groups.Tuple.tuple(DateRange.of(d("2025-04-01"), d("2025-05-01")),
                "288.00 × 12 × 30/365", 28405L));
  }

  @Test
  void BIL_7_a_change_on_the_issue_day_is_on_that_days_bill() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.addSeats("S1", 2, "2025-04-01");
    desk.advance("2025-04-01");
    assertThat(desk.bill("2025-04").lines()).extracting(BillLine::kind, BillLine::formula)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING, "288.00 × 12 × 30/365"));
  }

  @Test
  void BIL_7_a_change_dated_after_the_issue_day_waits_for_the_first_bill_on_or_after_its_day() {
    BillingDesk desk = desk();
    desk.order("S1", E3, 10, "2025-03-01");
    // scheduled on March 1 for March 15: the March bill, issued at the end of March 1, does not
    // know it yet; the April bill credits it from its day (and bills it once only)
    desk.change("S1", "2025-03-01", s -> desk.ops.cancel(s, d("2025-03-15")).subscription());
    desk.advance("2025-05-01");
    assertThat(desk.bill("2025-03").lines()).extracting(BillLine::kind, BillLine::amountMinor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING, 24460L));
    assertThat(desk.bill("2025-04").lines()).extracting(BillLine::description, BillLine::span)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cancelled on 2025-03-15",
            DateRange.of(d("2025-03-15"), d("2025-04-01"))));
    assertThat(desk.bill("2025-05").lines()).isEmpty();
    long total = desk.bills.stream().mapToLong(Bill::totalMinor).sum();
    assertThat(total).isEqualTo(Rounding.HALF_UP.divide(28800L * 10 * 14, 365));
  }

  @Test
  void BIL_7_a_term_that_starts_after_the_issue_day_is_billed_from_the_first_bill_on_or_after_it() {
    BillingDesk desk = desk();
    // ordered on February 1, before the February bill, for a term that starts on February 10
    Subscription ahead = desk.ops.order("S1", desk.customer, E3, 10, d("2025-02-10"), desk.book).subscription();
    desk.skus.put("S1", E3);
    desk.subs.put("S1", ahead);
    desk.advance("2025-03-01");
    assertThat(desk.bill("2025-02").lines()).as("not started when issued").isEmpty();
    assertThat(desk.bill("2025-03").total()).isEqualTo(Money.of(new BigDecimal("394.52"), "USD"));
  }

  @Test
  void BIL_7_in_arrears_a_bill_is_issued_on_its_last_day_for_what_accrued_in_it() {
    BillingDesk desk = BillingDesk.builder().timing(BillingTiming.IN_ARREARS).build();
    desk.order("S1", E3, 10, "2025-03-10");
    desk.advance("2025-04-30");
    Bill march = desk.bill("2025-03");
    assertThat(march.issuedOn()).isEqualTo(d("2025-03-31"));
    assertThat(march.lines()).extracting(BillLine::kind, BillLine::span, BillLine::amountMinor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING,
            DateRange.of(d("2025-03-10"), d("2025-04-01")), 17359L));
    Bill april = desk.bill("2025-04");
    assertThat(april.issuedOn()).isEqualTo(d("2025-04-30"));
    assertThat(april.totalMinor()).isEqualTo(41030L - 17359L);
    assertThat(desk.bill("2025-02").issuedOn()).isEqualTo(d("2025-02-28"));
  }

  @Test
  void BIL_7_in_arrears_a_suspension_during_the_period_is_on_that_periods_bill() {
    BillingDesk desk = BillingDesk.builder().timing(BillingTiming.IN_ARREARS).build();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.suspend("S1", "2025-03-10");
    desk.advance("2025-04-30");
    Bill march = desk.bill("2025-03");
    assertThat(march.lines()).extracting(BillLine::span, BillLine::formula)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            DateRange.of(d("2025-03-01"), d("2025-03-10")), "288.00 × 10 × 9/365"));
    assertThat(desk.bill("2025-04").lines()).isEmpty();
  }

  @Test
  void BIL_7_a_cancellation_is_charged_up_to_the_day_before_under_either_timing() {
    for (BillingTiming timing : BillingTiming.values()) {
      BillingDesk desk = BillingDesk.builder().timing(timing).build();
      desk.order("S1", E3, 10, "2025-03-01");
      desk.cancel("S1", "2025-05-15");
      desk.advance("2025-07-31");
      long total = desk.bills.stream().mapToLong(Bill::totalMinor).sum();
      // 288.00 × 10 × 75/365 (March 1 to May 14 included)
      assertThat(total).as("%s", timing).isEqualTo(Rounding.HALF_UP.divide(28800L * 10 * 75, 365));
      LocalDate end = d("2025-05-15");
      assertThat(desk.bills.stream().flatMap(b -> b.lines().stream()))
          .allSatisfy(l -> assertThat(l.span().end()).isBeforeOrEqualTo(timing == BillingTiming.IN_ADVANCE ? d("2025-06-01") : end));
    }
  }
}
