package io.github.cspkit.csp.hardening;

import static io.github.cspkit.csp.hardening.World.on;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.partner.BillRunException;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** Money at its edges (BIL-6, SUB-1, SUB-2): 0 and 3 decimal currencies, limits, overflow, ties. */
class MoneyEdgeCasesTest {
  private static final Sku E3 = World.base("O365_E3", 300);

  private static long days(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b);
  }

  /** Orders 7 seats, adds 5, removes 2, lets the term end, bills 14 months; returns the bills. */
  private static List<Bill> yearWithChanges(World w) {
    w.customer("acme", 15, d("2025-02-20"));
    w.p.order(on(d("2025-03-10")), "acme", "O365_E3", 7, "S1");
    w.p.autoRenew(on(d("2025-03-11")), "S1", false);
    w.p.addSeats(on(d("2025-06-03")), "S1", 5);
    w.p.removeSeats(on(d("2025-09-20")), "S1", 2);
    w.p.issueBills(on(d("2026-04-20")));
    Conservation.Tally tally = new Conservation.Tally();
    Conservation.check(w.store, tally);
    assertThat(tally.finishedTerms).isEqualTo(1);
    return w.p.bills("acme");
  }

  private static long expectedYear(long unit) {
    long seatDays = 7 * days(d("2025-03-10"), d("2025-06-03")) + 12 * days(d("2025-06-03"), d("2025-09-20"))
        + 10 * days(d("2025-09-20"), d("2026-03-10"));
    return Conservation.halfUp(unit * seatDays, 365);
  }

  private static void assertExactIn(List<Bill> bills, CurrencyUnit currency, int digits) {
    for (Bill b : bills) {
      assertThat(b.currency()).isEqualTo(currency);
      BigDecimal total = b.total().getNumber().numberValue(BigDecimal.class);
      assertThat(total.stripTrailingZeros().scale()).as("%s", b).isLessThanOrEqualTo(digits);
      assertThat(total.movePointRight(digits).longValueExact()).isEqualTo(b.totalMinor());
      for (BillLine l : b.lines()) {
        assertThat(l.amount().currency()).isEqualTo(currency);
        assertThat(l.amount().toMonetary().getNumber().numberValue(BigDecimal.class)
            .stripTrailingZeros().scale()).isLessThanOrEqualTo(digits);
      }
    }
  }

  @Test
  void BIL_6_yen_has_no_minor_unit_and_a_year_of_changes_adds_up_to_the_whole_yen() {
    World w = World.of(List.of(E3), CspPolicies.seed(), "JP", MinorUnits.JPY, YearMonth.of(2025, 1),
        YearMonth.of(2026, 6), Map.of("O365_E3", 4_321L));
    List<Bill> bills = yearWithChanges(w);
    assertExactIn(bills, MinorUnits.JPY, 0);
    long total = bills.stream().mapToLong(Bill::totalMinor).sum();
    assertThat(total).isEqualTo(expectedYear(4_321));
    assertThat(bills.stream().mapToLong(Bill::costMinor).sum()).isEqualTo(expectedYear(4_321));
    assertThat(MinorUnits.format(total, MinorUnits.JPY)).doesNotContain(".");
  }

  @Test
  void BIL_6_bahraini_dinar_has_three_decimals_and_a_year_of_changes_adds_up_to_the_fils() {
    World w = World.of(List.of(E3), CspPolicies.seed(), "BH", MinorUnits.BHD, YearMonth.of(2025, 1),
        YearMonth.of(2026, 6), Map.of("O365_E3", 123_457L));
    List<Bill> bills = yearWithChanges(w);
    assertExactIn(bills, MinorUnits.BHD, 3);
    long total = bills.stream().mapToLong(Bill::totalMinor).sum();
    assertThat(total).isEqualTo(expectedYear(123_457));
    assertThat(MinorUnits.format(total, MinorUnits.BHD)).matches("[0-9]+\\.[0-9]{3}");
    assertThat(bills.get(1).total().getNumber().numberValue(BigDecimal.class))
        .isEqualByComparingTo(BigDecimal.valueOf(bills.get(1).totalMinor(), 3));
  }

  @Test
  void BIL_2_a_yen_price_list_cannot_carry_sen_and_a_dinar_list_cannot_carry_tenths_of_a_fils() {
    assertThatThrownBy(() -> io.github.cspkit.csp.pricing.PriceList.builder().id("x").market("JP").currency(MinorUnits.JPY)
        .publishedOn(d("2025-01-01")).effectiveOn(d("2025-03-01"))
        .putPrices("O365_E3", org.javamoney.moneta.Money.of(new BigDecimal("10.5"), "JPY")).build())
        .hasMessageContaining("finer than the minor unit");
    assertThatThrownBy(() -> io.github.cspkit.csp.pricing.PriceList.builder().id("x").market("BH").currency(MinorUnits.BHD)
        .publishedOn(d("2025-01-01")).effectiveOn(d("2025-03-01"))
        .putPrices("O365_E3", org.javamoney.moneta.Money.of(new BigDecimal("1.2345"), "BHD")).build())
        .hasMessageContaining("finer than the minor unit");
  }

  // ---------------------------------------------------------------- limits and overflow

  /** The largest unit price for which maxSeats seats over a 366-day term still fit in a long. */
  private static final long HUGE_UNIT = Long.MAX_VALUE / 10_000 / 366;

  private static World huge(long unit) {
    Sku big = World.base("BIG", 10_000);
    return World.of(List.of(big), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2023, 3),
        YearMonth.of(2025, 6), Map.of("BIG", unit));
  }

  @Test
  void SUB_1_max_seats_at_a_huge_price_bill_exactly_over_a_leap_year_term() {
    World w = huge(HUGE_UNIT);
    w.customer("whale", 1, d("2023-03-01"));
    // a term with February 29 in it: 366 days
    Subscription s = w.p.order(on(d("2023-06-01")), "whale", "BIG", 10_000, "S1").value();
    assertThat(s.term().daysInTerm()).isEqualTo(366);
    assertThatThrownBy(() -> w.p.addSeats(on(d("2023-06-02")), "S1", 1))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SUB-1"));
    assertThatThrownBy(() -> w.p.order(on(d("2023-06-02")), "whale", "BIG", 10_001, "S2"))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SUB-1"));
    w.p.autoRenew(on(d("2023-06-02")), "S1", false);
    w.p.issueBills(on(d("2024-07-01")));
    long total = w.p.bills("whale").stream().mapToLong(Bill::totalMinor).sum();
    assertThat(total).isEqualTo(HUGE_UNIT * 10_000);
    Conservation.check(w.store, new Conservation.Tally());
  }

  @Test
  void SUB_1_an_order_whose_charge_overflows_is_refused_OUT_OF_RANGE_and_stores_nothing() {
    // 10,000 seats at this price cost more than a long of minor units for one term
    World w = huge(Long.MAX_VALUE / 10_000 + 1);
    w.customer("whale", 1, d("2023-03-01"));
    StoreSnapshot before = StoreSnapshot.of(w.store, World.PARTNER, List.of("whale"), List.of("S1"), List.of("k"));
    assertThatThrownBy(() -> w.p.order(on(d("2023-06-01")).withKey("k"), "whale", "BIG", 10_000, "S1"))
        .isInstanceOf(OutOfRangeException.class).hasMessageStartingWith("OUT_OF_RANGE: ");
    assertThat(StoreSnapshot.of(w.store, World.PARTNER, List.of("whale"), List.of("S1"), List.of("k")))
        .isEqualTo(before);
  }

  @Test
  void SUB_2_seats_added_beyond_a_long_of_accrual_numerator_are_billed_exactly() {
    // the term's accrual numerator (rate × 366 days) exceeds a long; its amount does not
    long unit = HUGE_UNIT / 2 * 3;
    World w = huge(unit);
    w.customer("whale", 1, d("2023-03-01"));
    w.p.order(on(d("2023-06-01")), "whale", "BIG", 6_000, "S1");
    w.p.autoRenew(on(d("2023-06-01")), "S1", false);
    w.p.issueBills(on(d("2023-06-01")));
    w.p.addSeats(on(d("2023-06-02")), "S1", 4_000);
    w.p.issueBills(on(d("2024-07-01")));
    // 6,000 seats for 1 day, 10,000 seats for 365 days, over 366
    java.math.BigInteger numerator = java.math.BigInteger.valueOf(unit)
        .multiply(java.math.BigInteger.valueOf(6_000L + 10_000L * 365));
    assertThat(numerator.bitLength()).isGreaterThan(63);
    long total = w.p.bills("whale").stream().mapToLong(Bill::totalMinor).sum();
    assertThat(total).isEqualTo(new BigDecimal(numerator).divide(BigDecimal.valueOf(366), 0,
        java.math.RoundingMode.HALF_UP).longValueExact());
    Conservation.Tally tally = new Conservation.Tally();
    Conservation.check(w.store, tally);
    assertThat(tally.finishedTerms).isEqualTo(1);
  }

  /** 1,199,999.99: the sale price of the issue's limit case. */
  private static final long LIMIT_UNIT = 119_999_999L;

  @Test
  void SUB_1_2147483647_seats_at_1199999_99_are_accepted_and_billed_exactly() {
    Sku max = World.base("MAX", Integer.MAX_VALUE);
    World w = World.of(List.of(max), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2023, 3),
        YearMonth.of(2025, 6), Map.of("MAX", LIMIT_UNIT));
    w.customer("whale", 1, d("2023-03-01"));
    long seats = Integer.MAX_VALUE;
    long rate = LIMIT_UNIT * seats; // 257,698,035,492,516,353: fits; × 366 days does not
    assertThat(Math.multiplyHigh(rate, 366)).isNotZero();
    SubscriptionEvent ordered = w.p.order(on(d("2023-06-01")), "whale", "MAX", Integer.MAX_VALUE,
        "S1").change().orElseThrow();
    assertThat(ordered.daysInTerm()).isEqualTo(366);
    assertThat(ordered.chargeMinor()).isEqualTo(rate); // the whole term: 2,576,980,354,925,163.53
    w.p.autoRenew(on(d("2023-06-01")), "S1", false);
    w.p.issueBills(on(d("2023-08-01")));
    // 1,000,000,000 seats removed on 2023-09-01, credited for 274 of 366 days
    SubscriptionEvent removed = w.p.removeSeats(on(d("2023-09-01")), "S1", 1_000_000_000)
        .change().orElseThrow();
    assertThat(removed.chargeMinor()).isEqualTo(exactHalfUp(
        java.math.BigInteger.valueOf(LIMIT_UNIT).multiply(java.math.BigInteger.valueOf(-1_000_000_000L * 274)), 366));
    w.p.issueBills(on(d("2024-07-01")));
    // the bills add up to the term's exact accrual: all seats 92 days, the rest 274 days
    java.math.BigInteger numerator = java.math.BigInteger.valueOf(LIMIT_UNIT).multiply(
        java.math.BigInteger.valueOf(seats * 92 + (seats - 1_000_000_000L) * 274));
    long total = w.p.bills("whale").stream().mapToLong(Bill::totalMinor).sum();
    assertThat(total).isEqualTo(exactHalfUp(numerator, 366));
    Conservation.Tally tally = new Conservation.Tally();
    Conservation.check(w.store, tally);
    assertThat(tally.finishedTerms).isEqualTo(1);
  }

  @Test
  void BIL_6_a_bill_whose_total_overflows_is_reported_naming_its_customer_and_the_run_goes_on() {
    Sku max = World.base("MAX", Integer.MAX_VALUE);
    World w = World.of(List.of(max), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2023, 3),
        YearMonth.of(2025, 6), Map.of("MAX", LIMIT_UNIT));
    w.customer("whale", 1, d("2023-03-01"));
    w.customer("minnow", 1, d("2023-03-01"));
    // annual prepayment bills each whole term at once: 36 terms of 2.58 × 10^17 exceed a long
    w.p.setFinancing(on(d("2023-03-01")), "whale",
        io.github.cspkit.csp.billing.FinancingPlan.annualPrepayment(BigDecimal.ZERO));
    for (int i = 0; i < 36; i++) {
      w.p.order(on(d("2023-06-01")), "whale", "MAX", Integer.MAX_VALUE, "W" + i);
    }
    w.p.order(on(d("2023-06-01")), "minnow", "MAX", 3, "M1");
    assertThatThrownBy(() -> w.p.issueBills(on(d("2023-07-01"))))
        .isInstanceOfSatisfying(io.github.cspkit.csp.partner.BillRunException.class, e -> {
          assertThat(e.failures()).containsOnlyKeys("whale");
          assertThat(e.failures().get("whale")).isInstanceOf(OutOfRangeException.class)
              .hasMessageContaining("customer whale");
          assertThat(e.getMessage()).contains("whale");
          assertThat(e.issued()).extracting(Bill::customerId).containsOnly("minnow");
        });
    assertThat(w.p.bills("minnow")).extracting(Bill::month)
        .containsExactly(YearMonth.of(2023, 3), YearMonth.of(2023, 4), YearMonth.of(2023, 5),
            YearMonth.of(2023, 6), YearMonth.of(2023, 7));
    assertThat(w.p.bills("whale")).isEmpty(); // its transaction left nothing (BillRunException)
  }

  private static long exactHalfUp(java.math.BigInteger numerator, long denominator) {
    return new BigDecimal(numerator).divide(BigDecimal.valueOf(denominator), 0,
        java.math.RoundingMode.HALF_UP).longValueExact();
  }

  @Test
  void PRC_5_a_list_price_beyond_a_long_of_minor_units_is_refused_OUT_OF_RANGE_and_stores_nothing() {
    Sku e3 = World.base("O365_E3", 300);
    World w = World.of(List.of(e3), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2025, 3),
        YearMonth.of(2025, 3), Map.of("O365_E3", 1L));
    io.github.cspkit.csp.pricing.PriceList absurd = io.github.cspkit.csp.pricing.PriceList.builder().id("absurd").market("US")
        .currency(MinorUnits.USD).publishedOn(d("2025-01-01")).effectiveOn(d("2025-04-01"))
        .putPrices("O365_E3", org.javamoney.moneta.Money.of(new BigDecimal("1e18"), "USD")).build();
    StoreSnapshot before = StoreSnapshot.of(w.store, World.PARTNER, List.of(), List.of(), List.of("k"));
    io.github.cspkit.csp.partner.Request vendor = io.github.cspkit.csp.partner.Request.of(io.github.cspkit.csp.access.Actor.vendor(), d("2025-01-01")).withKey("k");
    assertThatThrownBy(() -> w.p.publishPriceList(vendor, absurd))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("too large");
    assertThat(StoreSnapshot.of(w.store, World.PARTNER, List.of(), List.of(), List.of("k"))).isEqualTo(before);
    // the price book did not take the list either
    assertThat(w.p.priceQuote(on(d("2025-03-01")), "O365_E3", "US", MinorUnits.USD, d("2025-04-10"))
        .isPublished()).isFalse();
  }

  private static Throwable catchAll(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  // ---------------------------------------------------------------- HALF_UP ties

  /** $367.81 a seat-year: one seat for 183 of 366 days accrues 18,390.5 cents exactly. */
  private static final long TIE_UNIT = 36_781;

  private static World tieWorld(CspPolicies policies) {
    World w = World.of(List.of(E3), policies, "US", MinorUnits.USD, YearMonth.of(2024, 1),
        YearMonth.of(2025, 3), Map.of("O365_E3", TIE_UNIT));
    w.customer("acme", 10, d("2023-12-01"));
    return w;
  }

  @Test
  void BIL_6_a_half_cent_tie_in_a_quote_rounds_half_up() {
    World w = tieWorld(CspPolicies.seed());
    Subscription s = w.p.order(on(d("2024-01-10")), "acme", "O365_E3", 1, "S1").value();
    assertThat(s.term().daysInTerm()).isEqualTo(366);
    LocalDate day = s.term().end().minusDays(183);
    SubscriptionEvent q = w.p.quoteAddSeats(on(day), "S1", 1);
    assertThat(q.days()).isEqualTo(183);
    // 367.81 × 1 × 183/366 = 183.905 → 183.91
    assertThat(q.chargeMinor()).isEqualTo(18_391);
    assertThat(q.charge()).isEqualTo(MinorUnits.toAmount(18_391, MinorUnits.USD));
    // the policy decides: HALF_EVEN gives 183.90 on the same numbers
    World even = tieWorld(CspPolicies.builder().rounding(Rounding.HALF_EVEN).build());
    even.p.order(on(d("2024-01-10")), "acme", "O365_E3", 1, "S1");
    assertThat(even.p.quoteAddSeats(on(day), "S1", 1).chargeMinor()).isEqualTo(18_390);
  }

  @Test
  void BIL_6_a_half_cent_tie_in_a_finished_term_rounds_half_up_once() {
    World w = tieWorld(CspPolicies.seed());
    w.p.order(on(d("2024-01-10")), "acme", "O365_E3", 1, "S1");
    LocalDate cancel = d("2024-01-10").plusDays(183);
    w.p.issueBills(on(cancel.minusDays(1)));
    w.p.cancel(on(cancel), "S1");
    w.p.issueBills(on(d("2025-02-15")));
    long total = w.p.bills("acme").stream().mapToLong(Bill::totalMinor).sum();
    assertThat(total).isEqualTo(18_391);
    Conservation.Tally tally = new Conservation.Tally();
    Conservation.check(w.store, tally);
    assertThat(tally.finishedTerms).isEqualTo(1);
  }
}
