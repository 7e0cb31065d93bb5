package io.github.cspkit.csp.billing;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.CONTOSO;
import static io.github.cspkit.csp.testkit.NceWorld.OPS;
import static io.github.cspkit.csp.testkit.NceWorld.PRICES;
import static io.github.cspkit.csp.testkit.NceWorld.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.time.DateRange;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * PCF-2: Partner Center's reconciliation lines against the vendor charges of NCE-10. The charges:
 * 10 seats of Basic (7.20 a month, P1M) from March 1, 2025, 2 removed on March 4 (refunded 6.50
 * each), 3 added on March 20 (7.20 × 12/31 = 2.78 each).
 */
class ReconciliationTest {
  static final DateRange MARCH = DateRange.of(d("2025-03-01"), d("2025-04-01"));

  static List<VendorCharge> charges() {
    NceSubscription s = OPS.order("S1", CONTOSO, sku(BASIC), 10, TermLength.P1M,
        BillingPlan.MONTHLY, d("2025-03-01"), PRICES).subscription();
    s = OPS.removeSeats(s, 2, d("2025-03-04")).subscription();
    s = OPS.addSeats(s, sku(BASIC), 3, d("2025-03-20")).subscription();
    return VendorLedger.partnerCenter().charges(s);
  }

  static ReconciliationLine line(long n, String sub, String start, String end, String quantity,
      String unit, String effective, String subtotal) {
    Map<String, String> f = new HashMap<>();
    f.put("SubscriptionId", sub);
    f.put("ChargeStartDate", start);
    f.put("ChargeEndDate", end);
    f.put("Quantity", quantity);
    f.put("UnitPrice", unit);
    f.put("EffectiveUnitPrice", effective);
    f.put("Subtotal", subtotal);
    f.put("Currency", "USD");
    return ReconciliationLine.read(n, f::get);
  }

  @Test
  void PCF_2_every_line_is_matched_missing_on_one_side_or_different() {
    List<VendorCharge> charges = charges();
    assertThat(charges).hasSize(3);
    List<ReconciliationLine> file = List.of(
        // the purchase, as a UTC date-time: matched
        line(2, "S1", "2025-03-01T00:00:00Z", "2025-03-31T00:00:00Z", "10", "7.2", "7.20", "72"),
        // the refund, with another effective price: different
        line(3, "S1", "2025-03-04", "2025-03-31", "2", "7.20", "-6.51", "-13.02"),
        // a line the library does not have: missing here
        line(4, "S7", "2025-03-10", "2025-03-31", "1", "7.20", "5.11", "5.11"));
    Reconciliation r = Reconciliation.match(MARCH, file, charges);
    assertThat(r.matched()).singleElement().satisfies(m -> {
      assertThat(m.file().line()).isEqualTo(2);
      assertThat(m.library().chargeType()).isEqualTo(ChargeType.NEW);
    });
    assertThat(r.different()).singleElement().satisfies(d -> {
      assertThat(d.file().line()).isEqualTo(3);
      assertThat(d.library().chargeType()).isEqualTo(ChargeType.REMOVE_QUANTITY);
      assertThat(d.columns()).containsExactly(
          new Reconciliation.ColumnDifference("EffectiveUnitPrice", "-6.51", "-6.50"),
          new Reconciliation.ColumnDifference("Subtotal", "-13.02", "-13.00"));
    });
    assertThat(r.missingHere()).extracting(ReconciliationLine::line).containsExactly(4L);
    // the 3 seats added on March 20: missing there (the file does not have them)
    assertThat(r.missingThere()).singleElement().satisfies(c -> {
      assertThat(c.chargeType()).isEqualTo(ChargeType.ADD_QUANTITY);
      assertThat(c.effectiveUnitPriceMinor()).isEqualTo(278);
    });
    assertThat(r.isClean()).isFalse();
    assertThat(r).hasToString("Reconciliation{[2025-03-01, 2025-04-01): matched 1, missing here 1,"
        + " missing there 1, different 1}");
  }

  @Test
  void PCF_2_a_charge_and_a_refund_of_the_same_days_do_not_correspond() {
    List<VendorCharge> charges = charges();
    // the refund's days with a positive subtotal: not the refund, so both are missing
    Reconciliation r = Reconciliation.match(MARCH, List.of(
        line(2, "S1", "2025-03-04", "2025-03-31", "2", "7.20", "6.50", "13.00")), charges);
    assertThat(r.matched()).isEmpty();
    assertThat(r.different()).isEmpty();
    assertThat(r.missingHere()).hasSize(1);
    assertThat(r.missingThere()).hasSize(3);
  }

  @Test
  void PCF_2_only_the_charges_that_start_in_the_period_are_expected() {
    Reconciliation april = Reconciliation.match(DateRange.of(d("2025-04-01"), d("2025-05-01")),
        List.of(), charges());
    assertThat(april.isClean()).isTrue();
    Reconciliation all = Reconciliation.match(MARCH, List.of(
        line(2, "S1", "2025-03-01", "2025-03-31", "10", "7.20", "7.20", "72.00"),
        line(3, "S1", "2025-03-04", "2025-03-31", "2", "7.20", "-6.50", "-13.00"),
        line(4, "S1", "2025-03-20", "2025-03-31", "3", "7.20", "2.78", "8.34")), charges());
    assertThat(all.isClean()).isTrue();
    assertThat(all.matched()).hasSize(3);
  }

  @Test
  void PCF_2_the_currency_and_quantity_are_compared_too() {
    Map<String, String> f = new HashMap<>(Map.of("SubscriptionId", "S1", "ChargeStartDate",
        "2025-03-01", "ChargeEndDate", "2025-03-31", "Quantity", "11", "UnitPrice", "7.20",
        "EffectiveUnitPrice", "7.20", "Subtotal", "79.20", "Currency", "EUR"));
    Reconciliation r = Reconciliation.match(MARCH, List.of(ReconciliationLine.read(2, f::get)),
        charges());
    assertThat(r.different()).singleElement().satisfies(d -> assertThat(d.columns())
        .extracting(Reconciliation.ColumnDifference::toString).containsExactly(
            "Quantity 11 in the file, 10 here", "Subtotal 79.20 in the file, 72.00 here",
            "Currency EUR in the file, USD here"));
  }

  @Test
  void PCF_2_malformed_lines_are_refused_with_their_line_number() {
    assertThatThrownBy(() -> line(7, "S1", "2025-03-01T00:00:00+02:00", "2025-03-31", "1", "1",
        "1", "1")).isInstanceOf(RuleViolation.class)
        .hasMessage("PCF-2: line 7: ChargeStartDate '2025-03-01T00:00:00+02:00' is not in UTC");
    assertThatThrownBy(() -> line(8, "S1", "2025-03-01", "2025-02-28", "1", "1", "1", "1"))
        .hasMessage("PCF-2: line 8: ChargeEndDate 2025-02-28 is before ChargeStartDate"
            + " 2025-03-01");
    assertThatThrownBy(() -> line(9, "S1", "2025-03-01", "2025-03-31", "ten", "1", "1", "1"))
        .hasMessage("PCF-2: line 9: Quantity 'ten' is not a number");
    assertThatThrownBy(() -> line(10, "", "2025-03-01", "2025-03-31", "1", "1", "1", "1"))
        .hasMessage("PCF-2: line 10: SubscriptionId is empty");
  }

  @Test
  void PCF_2_the_library_reconciles_with_its_own_charges_whatever_the_history() {
    qt().withExamples(200).forAll(SourceDSL.integers().between(1, 20),
        SourceDSL.integers().between(0, 30), SourceDSL.integers().between(1, 5),
        SourceDSL.integers().between(0, 4)).checkAssert((seats, addDay, added, dropped) -> {
          NceSubscription s = OPS.order("S1", CONTOSO, sku(BASIC), seats, TermLength.P1Y,
              BillingPlan.MONTHLY, d("2025-03-01"), PRICES).subscription();
          s = OPS.addSeats(s, sku(BASIC), added, d("2025-03-01").plusDays(addDay))
              .subscription();
          List<VendorCharge> charges = VendorLedger.partnerCenter().charges(s);
          DateRange period = DateRange.of(YearMonth.of(2025, 3).atDay(1),
              YearMonth.of(2025, 4).atDay(1));
          List<ReconciliationLine> file = new ArrayList<>();
          long n = 2;
          for (VendorCharge c : charges) {
            if (period.contains(c.chargeStartDate())) {
              file.add(asFileLine(n++, c));
            }
          }
          // drop some lines from the file: they become missing there, the rest match
          int drop = Math.min(dropped, file.size());
          List<ReconciliationLine> kept = file.subList(drop, file.size());
          Reconciliation r = Reconciliation.match(period, kept, charges);
          assertThat(r.matched()).hasSize(kept.size());
          assertThat(r.missingThere()).hasSize(drop);
          assertThat(r.missingHere()).isEmpty();
          assertThat(r.different()).isEmpty();
        });
  }

  static ReconciliationLine asFileLine(long n, VendorCharge c) {
    return new ReconciliationLine(n, c.customerId(), c.subscriptionId(), c.skuId(),
        c.chargeType().label(), c.chargeStartDate(), c.chargeEndDate(),
        new java.math.BigDecimal(MinorUnits.format(c.unitPriceMinor(), c.currency())),
        new java.math.BigDecimal(MinorUnits.format(c.effectiveUnitPriceMinor(), c.currency())),
        java.math.BigDecimal.valueOf(c.quantity()),
        new java.math.BigDecimal(MinorUnits.format(c.subtotalMinor(), c.currency())),
        c.currency().getCurrencyCode());
  }
}
