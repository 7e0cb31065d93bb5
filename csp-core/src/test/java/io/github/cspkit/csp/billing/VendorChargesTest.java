package io.github.cspkit.csp.billing;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.CATALOG;
import static io.github.cspkit.csp.testkit.NceWorld.CONTOSO;
import static io.github.cspkit.csp.testkit.NceWorld.IN_FORCE;
import static io.github.cspkit.csp.testkit.NceWorld.OPS;
import static io.github.cspkit.csp.testkit.NceWorld.PATHS;
import static io.github.cspkit.csp.testkit.NceWorld.PREMIUM;
import static io.github.cspkit.csp.testkit.NceWorld.PRICES;
import static io.github.cspkit.csp.testkit.NceWorld.STANDARD;
import static io.github.cspkit.csp.testkit.NceWorld.USD;
import static io.github.cspkit.csp.testkit.NceWorld.sku;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.pricing.PriceRow;
import io.github.cspkit.csp.pricing.PriceRows;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.time.DateRange;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * NCE-10 as worked examples, figures checked by hand: Basic costs 7.20 for a P1M term, 72.00 for
 * P1Y (6.00 a month when billed monthly), 216.00 for P3Y; Premium 264.00 for P1Y (22.00 a month);
 * Standard 16.50 for P1M from 2026. Effective unit prices are truncated to the cent.
 */
class VendorChargesTest {
  static final VendorLedger LEDGER = VendorLedger.partnerCenter();

  static NceSubscription order(String sku, int seats, TermLength term, BillingPlan plan,
      String start) {
    return OPS.order("S1", CONTOSO, sku(sku), seats, term, plan, d(start), PRICES).subscription();
  }

  static NceSubscription roll(NceSubscription s, String date) {
    return OPS.rollTo(s, CONTOSO, d(date), PRICES, IN_FORCE).subscription();
  }

  /** {@code type start..end quantity × effective = subtotal}, amounts as plain decimals. */
  static List<String> rows(List<VendorCharge> lines) {
    return lines.stream().map(c -> c.skuId() + " " + c.chargeType().label() + " "
        + c.chargeStartDate() + ".." + c.chargeEndDate() + " " + c.quantity() + " × "
        + MinorUnits.format(c.effectiveUnitPriceMinor(), USD) + " = "
        + MinorUnits.format(c.subtotalMinor(), USD)).collect(Collectors.toList());
  }

  @Test
  void NCE_10_the_worked_example_28_days_of_a_31_day_cycle_at_7_20_refund_6_50_a_seat() {
    NceSubscription s = order(BASIC, 10, TermLength.P1M, BillingPlan.MONTHLY, "2025-03-01");
    s = OPS.removeSeats(s, 2, d("2025-03-04")).subscription();
    List<VendorCharge> lines = LEDGER.charges(s);
    assertThat(rows(lines)).containsExactly(
        "BASIC new 2025-03-01..2025-03-31 10 × 7.20 = 72.00",
        "BASIC removeQuantity 2025-03-04..2025-03-31 2 × -6.50 = -13.00");
    VendorCharge refund = lines.get(1);
    assertThat(refund.unitPriceMinor()).isEqualTo(720);
    assertThat(refund.quantity()).isEqualTo(2);
    assertThat(refund.isRefund()).isTrue();
    assertThat(refund.cycleDays()).isEqualTo(31);
    assertThat(refund.span().days()).isEqualTo(28);
    assertThat(refund.chargeType()).isEqualTo(ChargeType.REMOVE_QUANTITY);
    assertThat(refund.termAndBillingCycle()).isEqualTo("P1M monthly");
    assertThat(refund.subtotal()).isEqualTo(MinorUnits.toAmount(-1300, USD));
    // the renewal charges the 8 seats left
    assertThat(rows(LEDGER.charges(roll(s, "2025-04-01"), DateRange.of(d("2025-04-01"),
        d("2025-05-01"))))).containsExactly("BASIC renew 2025-04-01..2025-04-30 8 × 7.20 = 57.60");
  }

  @Test
  void NCE_10_the_vendor_truncates_where_the_partners_bill_rounds_half_up() {
    Rounding down = VendorLedger.TRUNCATE;
    assertThat(down.divide(720 * 28, 31)).isEqualTo(650); // 6.5032...
    assertThat(Rounding.HALF_UP.divide(7_200 * 17, 12 * 31)).isEqualTo(329); // 3.2903... → 3.29
    assertThat(down.divide(7_200 * 20, 12 * 31)).isEqualTo(387); // 3.8709... → 3.87, not 3.88
    assertThat(down.divide(-7_200 * 20, 12 * 31)).isEqualTo(-387); // toward zero both ways
    VendorLedger halfUp = VendorLedger.of(Rounding.HALF_UP);
    NceSubscription s = order(BASIC, 1, TermLength.P1Y, BillingPlan.MONTHLY, "2025-01-01");
    s = OPS.addSeats(s, sku(BASIC), 1, d("2025-01-30")).subscription();
    // 6.00 × 2/31 = 0.3870...: the vendor charges 0.38 where HALF_UP would give 0.39
    assertThat(LEDGER.charges(s).get(1).effectiveUnitPriceMinor()).isEqualTo(38);
    assertThat(halfUp.charges(s).get(1).effectiveUnitPriceMinor()).isEqualTo(39);
  }

  @Test
  void NCE_4_added_seats_are_charged_to_the_end_of_the_cycle_then_in_every_cycle() {
    NceSubscription s = order(BASIC, 10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-01-31");
    s = OPS.addSeats(s, sku(BASIC), 3, d("2025-03-10")).subscription();
    List<VendorCharge> lines = LEDGER.charges(s);
    assertThat(rows(lines).subList(0, 5)).containsExactly(
        "BASIC new 2025-01-31..2025-02-27 10 × 6.00 = 60.00",
        "BASIC cycleCharge 2025-02-28..2025-03-30 10 × 6.00 = 60.00",
        "BASIC addQuantity 2025-03-10..2025-03-30 3 × 4.06 = 12.18", // 6.00 × 21/31 = 4.0645
        "BASIC cycleCharge 2025-03-31..2025-04-29 13 × 6.00 = 78.00",
        "BASIC cycleCharge 2025-04-30..2025-05-30 13 × 6.00 = 78.00");
    assertThat(lines).hasSize(13);
    assertThat(lines.get(12).chargeEndDate()).isEqualTo(d("2026-01-30"));
    assertThat(VendorLedger.totalMinor(lines)).isEqualTo(91_218); // 720 + 12.18 + 3 × 6 × 10
    List<VendorCharge> march = LEDGER.charges(s, DateRange.of(d("2025-03-01"), d("2025-04-01")));
    assertThat(VendorLedger.totalMinor(march)).isEqualTo(1_218 + 7_800);
    // every cycle charges one instalment whatever its days
    assertThat(lines).filteredOn(c -> c.chargeType() == ChargeType.CYCLE_CHARGE)
        .allSatisfy(c -> assertThat(c.effectiveUnitPriceMinor()).isEqualTo(600));
  }

  @Test
  void NCE_5_a_cancellation_refunds_the_term_minus_the_days_used() {
    NceSubscription s = order(BASIC, 10, TermLength.P1Y, BillingPlan.ANNUAL, "2025-03-01");
    s = OPS.cancel(s, d("2025-03-05")).subscription();
    List<VendorCharge> lines = LEDGER.charges(s);
    assertThat(rows(lines)).containsExactly(
        "BASIC new 2025-03-01..2026-02-28 10 × 72.00 = 720.00",
        // 72.00 × 361/365 = 71.2109...
        "BASIC cancelImmediate 2025-03-05..2026-02-28 10 × -71.21 = -712.10");
    assertThat(VendorLedger.totalMinor(lines)).isEqualTo(790);
  }

  @Test
  void NCE_7_a_suspended_subscription_keeps_every_cycle_charge_and_then_ends() {
    NceSubscription s = order(BASIC, 2, TermLength.P1Y, BillingPlan.MONTHLY, "2025-01-01");
    s = OPS.suspend(s, d("2025-02-10")).subscription();
    s = roll(s, "2026-01-01");
    List<VendorCharge> lines = LEDGER.charges(s);
    assertThat(lines).hasSize(12);
    assertThat(lines).filteredOn(c -> c.chargeType() == ChargeType.CYCLE_CHARGE).hasSize(11)
        .allSatisfy(c -> assertThat(c.subtotalMinor()).isEqualTo(1_200));
    assertThat(VendorLedger.totalMinor(lines)).isEqualTo(14_400); // the whole term, 2 × 72.00
    assertThat(lines).noneMatch(c -> c.chargeType() == ChargeType.RENEW);
  }

  @Test
  void NCE_9_a_full_upgrade_credits_the_old_price_and_charges_the_new_to_the_end_of_the_cycle() {
    NceSubscription s = order(BASIC, 10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    NceChange up = OPS.upgrade(s, CONTOSO, sku(BASIC), sku(PREMIUM), PATHS, d("2025-07-01"),
        PRICES);
    assertThat(rows(LEDGER.caused(up))).containsExactly(
        "BASIC convert 2025-07-01..2025-07-14 10 × -2.80 = -28.00", // 6.00 × 14/30
        "PREMIUM convert 2025-07-01..2025-07-14 10 × 10.26 = 102.60"); // 22.00 × 14/30 = 10.2666
    List<VendorCharge> lines = LEDGER.charges(up.subscription());
    assertThat(rows(lines).get(3)).isEqualTo(
        "PREMIUM cycleCharge 2025-07-15..2025-08-14 10 × 22.00 = 220.00");
    assertThat(lines.get(2).unitPriceMinor()).isEqualTo(2_200);
    assertThat(lines.get(1).unitPriceMinor()).isEqualTo(600);
  }

  @Test
  void NCE_9_a_partial_upgrade_credits_the_parent_and_charges_the_new_subscription() {
    NceSubscription s = order(BASIC, 10, TermLength.P1Y, BillingPlan.MONTHLY, "2025-06-15");
    NceChange ch = OPS.upgradeSeats(s, CONTOSO, sku(BASIC), sku(PREMIUM), PATHS, 4, "S2",
        d("2025-07-01"), PRICES);
    assertThat(rows(LEDGER.caused(ch))).containsExactly(
        "BASIC convert 2025-07-01..2025-07-14 4 × -2.80 = -11.20",
        "PREMIUM convert 2025-07-01..2025-07-14 4 × 10.26 = 41.04");
    assertThat(LEDGER.caused(ch)).extracting(VendorCharge::subscriptionId).containsExactly("S1",
        "S2");
    List<VendorCharge> parent = LEDGER.charges(ch.subscription());
    assertThat(rows(parent).get(2)).isEqualTo(
        "BASIC cycleCharge 2025-07-15..2025-08-14 6 × 6.00 = 36.00");
    List<VendorCharge> child = LEDGER.charges(ch.created().orElseThrow());
    assertThat(child).hasSize(12);
    assertThat(rows(child).get(1)).isEqualTo(
        "PREMIUM cycleCharge 2025-07-15..2025-08-14 4 × 22.00 = 88.00");
    assertThat(child.get(11).chargeEndDate()).isEqualTo(d("2026-06-14"));
  }

  @Test
  void NCE_8_the_renewal_line_carries_the_scheduled_changes_at_the_renewal_days_price() {
    NceSubscription s = order(BASIC, 10, TermLength.P1Y, BillingPlan.ANNUAL, "2025-06-15");
    s = OPS.schedule(s, ScheduledChange.builder().seats(4).term(TermLength.P1M)
        .plan(BillingPlan.MONTHLY).sku(STANDARD).build(), CONTOSO, CATALOG).subscription();
    NceChange rolled = OPS.rollTo(s, CONTOSO, d("2026-06-15"), PRICES, IN_FORCE);
    List<VendorCharge> renewal = LEDGER.caused(rolled);
    assertThat(rows(renewal)).containsExactly(
        "STANDARD renew 2026-06-15..2026-07-14 4 × 16.50 = 66.00");
    assertThat(renewal.get(0).termAndBillingCycle()).isEqualTo("P1M monthly");
  }

  @Test
  void NCE_2_a_three_year_term_billed_once_has_one_charge_and_added_seats_pay_their_share() {
    NceSubscription s = order(BASIC, 5, TermLength.P3Y, BillingPlan.TRIENNIAL, "2025-05-31");
    s = OPS.addSeats(s, sku(BASIC), 1, d("2026-05-31")).subscription();
    assertThat(rows(LEDGER.charges(s))).containsExactly(
        "BASIC new 2025-05-31..2028-05-30 5 × 216.00 = 1080.00",
        // 216.00 × 731/1096 = 144.0656...: two years left, one of them with February 29
        "BASIC addQuantity 2026-05-31..2028-05-30 1 × 144.06 = 144.06");
  }

  @Test
  void NCE_2_an_instalment_that_is_not_whole_cents_is_truncated_once_per_line() {
    OfferPrices hundred = (market, currency, day, knownOn) -> Optional.of(PriceRows.of(USD,
        List.of(PriceRow.of(TermOffer.parse("BASIC/P1Y/monthly"), MinorUnits.toAmount(10_000, USD)))));
    NceSubscription s = OPS.order("S1", CONTOSO, sku(BASIC), 10, TermLength.P1Y,
        BillingPlan.MONTHLY, d("2025-01-01"), hundred).subscription();
    List<VendorCharge> lines = LEDGER.charges(s);
    assertThat(lines).hasSize(12).allSatisfy(c -> {
      assertThat(c.unitPriceMinor()).isEqualTo(833);
      assertThat(c.subtotalMinor()).isEqualTo(8_330);
    });
    assertThat(VendorLedger.totalMinor(lines)).isEqualTo(99_960).isLessThanOrEqualTo(100_000);
  }

  @Test
  void NCE_10_charges_can_be_asked_for_any_month() {
    NceSubscription s = roll(order(BASIC, 3, TermLength.P1M, BillingPlan.MONTHLY, "2025-01-31"),
        "2025-04-30");
    for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2025, 4)); m = m.plusMonths(1)) {
      List<VendorCharge> month = LEDGER.charges(s, DateRange.of(m.atDay(1), m.plusMonths(1).atDay(1)));
      assertThat(month).as("%s", m).hasSize(1);
      assertThat(month.get(0).subtotalMinor()).isEqualTo(3 * 720);
    }
    assertThat(LEDGER.charges(s)).extracting(VendorCharge::chargeStartDate).containsExactly(
        d("2025-01-31"), d("2025-02-28"), d("2025-03-31"), d("2025-04-30"));
  }

  @Test
  void NCE_10_csv_uses_partner_centers_column_names_and_rfc_4180() {
    NceSubscription s = order(BASIC, 10, TermLength.P1M, BillingPlan.MONTHLY, "2025-03-01");
    s = OPS.removeSeats(s, 2, d("2025-03-04")).subscription();
    assertThat(VendorChargeCsv.render(LEDGER.charges(s))).isEqualTo(
        "CustomerId,SubscriptionId,SkuId,ChargeType,ChargeStartDate,ChargeEndDate,"
            + "TermAndBillingCycle,UnitPrice,EffectiveUnitPrice,Quantity,BillableQuantity,"
            + "Subtotal,Currency\r\n"
            + "contoso,S1,BASIC,new,2025-03-01,2025-03-31,P1M monthly,7.20,7.20,10,10,72.00,USD\r\n"
            + "contoso,S1,BASIC,removeQuantity,2025-03-04,2025-03-31,P1M monthly,7.20,-6.50,2,2,"
            + "-13.00,USD\r\n");
    VendorCharge quoted = VendorCharge.builder().from(LEDGER.charges(s).get(0))
        .customerId("Contoso, \"Ltd\"").build();
    assertThat(VendorChargeCsv.render(List.of(quoted)))
        .contains("\r\n\"Contoso, \"\"Ltd\"\"\",S1,BASIC,new,");
    assertThat(VendorChargeCsv.render(List.of())).isEqualTo(VendorChargeCsv.header() + "\r\n");
    assertThat(ChargeType.parse("CycleCharge")).isEqualTo(ChargeType.CYCLE_CHARGE);
  }
}
