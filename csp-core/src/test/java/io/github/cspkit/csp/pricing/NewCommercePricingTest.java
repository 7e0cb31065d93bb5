package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.pricing.Fixtures.USD;
import static io.github.cspkit.csp.pricing.Fixtures.amount;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Rounding;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NCE-1 and NCE-2 for prices: terms, billing plans, rows keyed by SKU, term and plan, instalments. */
class NewCommercePricingTest {
  private static final Rounding DOWN = Rounding.of(RoundingMode.DOWN);

  private static String ruleOf(Throwable e) {
    return ((RuleViolation) e).rule();
  }

  @Test
  void NCE_1_billing_plans_that_fit_each_term() {
    assertThat(BillingPlan.MONTHLY.fits(TermLength.P1M)).isTrue();
    assertThat(BillingPlan.ANNUAL.fits(TermLength.P1M)).isFalse();
    assertThat(BillingPlan.TRIENNIAL.fits(TermLength.P1M)).isFalse();
    assertThat(BillingPlan.MONTHLY.fits(TermLength.P1Y)).isTrue();
    assertThat(BillingPlan.ANNUAL.fits(TermLength.P1Y)).isTrue();
    assertThat(BillingPlan.TRIENNIAL.fits(TermLength.P1Y)).isFalse();
    for (BillingPlan p : BillingPlan.values()) {
      assertThat(p.fits(TermLength.P3Y)).isTrue();
    }
    assertThat(TermLength.parse(" p3y ")).isEqualTo(TermLength.P3Y);
    assertThat(TermLength.P1Y.period().toString()).isEqualTo("P1Y");
    assertThat(TermLength.P3Y.period().toString()).isEqualTo("P3Y");
    assertThat(TermLength.P1M.period().toString()).isEqualTo("P1M");
    assertThat(BillingPlan.parse("Triennial")).isEqualTo(BillingPlan.TRIENNIAL);
    assertThatThrownBy(() -> TermLength.parse("P2Y")).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: unknown term 'P2Y'; expected one of [P1M, P1Y, P3Y]");
    assertThatThrownBy(() -> BillingPlan.parse("weekly")).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: unknown billing plan 'weekly'; expected monthly, annual or"
            + " triennial");
    assertThatThrownBy(() -> BillingPlan.ANNUAL.cyclesIn(TermLength.P1M))
        .isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: billing plan annual does not fit a P1M term");
  }

  @Test
  void NCE_1_the_current_program_sells_six_combinations_and_the_seed_one() {
    TermPolicy current = TermPolicy.currentProgram();
    int sold = 0;
    for (TermLength t : TermLength.values()) {
      for (BillingPlan p : BillingPlan.values()) {
        sold += current.offers(t, p) ? 1 : 0;
      }
    }
    assertThat(sold).isEqualTo(6);
    assertThatThrownBy(() -> current.check(TermLength.P1M, BillingPlan.ANNUAL))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-1: a P1M term billed annual is not sold; the program sells: P1M monthly,"
            + " P1Y monthly, P1Y annual, P3Y monthly, P3Y annual, P3Y triennial");
    TermPolicy seed = TermPolicy.seed();
    seed.check(TermLength.P1Y, BillingPlan.ANNUAL);
    assertThatThrownBy(() -> seed.check(TermLength.P1Y, BillingPlan.MONTHLY))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-1: a P1Y term billed monthly is not sold; the program sells: P1Y annual");
    TermPolicy noMonthly = TermPolicy.of(Map.of(TermLength.P1Y, java.util.Set.of(BillingPlan.ANNUAL,
        BillingPlan.TRIENNIAL), TermLength.P3Y, java.util.Set.of(BillingPlan.TRIENNIAL)));
    assertThat(noMonthly.offers(TermLength.P1Y, BillingPlan.TRIENNIAL)).isFalse(); // never fits
    assertThat(noMonthly.offers(TermLength.P3Y, BillingPlan.TRIENNIAL)).isTrue();
  }

  @Test
  void NCE_1_an_offer_is_a_sku_a_term_and_a_plan_that_fits_it() {
    TermOffer offer = TermOffer.parse("O365_E3/P1Y/monthly");
    assertThat(offer).isEqualTo(TermOffer.of("O365_E3", TermLength.P1Y, BillingPlan.MONTHLY));
    assertThat(offer).hasToString("O365_E3/P1Y/monthly");
    assertThat(TermOffer.annual("X")).isEqualTo(TermOffer.parse("X/P1Y/annual"));
    assertThat(offer.withSku("O365_E5")).hasToString("O365_E5/P1Y/monthly");
    assertThatThrownBy(() -> TermOffer.parse("X/P1M/annual")).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: billing plan annual does not fit a P1M term (X)");
    assertThatThrownBy(() -> TermOffer.parse("X/P1Y")).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: expected SKU/TERM/PLAN, found 'X/P1Y'");
    assertThatThrownBy(() -> TermOffer.parse("X Y/P1Y/annual")).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: SKU id must be a word (or PRODUCTID:SKUID), found 'X Y'");
  }

  @Test
  void NCE_1_rows_are_keyed_by_sku_term_and_plan_and_a_seed_price_is_the_annual_row() {
    PriceRows rows = PriceRows.of(USD, List.of(
        PriceRow.of(TermOffer.parse("BASIC/P1M/monthly"), amount("7.20", USD)),
        PriceRow.of(TermOffer.parse("BASIC/P1Y/monthly"), amount("72.00", USD)),
        PriceRow.of(TermOffer.parse("BASIC/P1Y/annual"), amount("72.00", USD)),
        PriceRow.of(TermOffer.parse("STD/P3Y/triennial"), amount("450.00", USD))));
    assertThat(rows.row(TermOffer.parse("BASIC/P1M/monthly")).orElseThrow().unitMinor())
        .isEqualTo(720);
    assertThat(rows.row(TermOffer.parse("STD/P1Y/annual"))).isEmpty();
    assertThat(rows.rowsOf("BASIC")).extracting(r -> r.offer().toString())
        .containsExactly("BASIC/P1M/monthly", "BASIC/P1Y/monthly", "BASIC/P1Y/annual");
    assertThat(rows.seedPrices()).containsOnlyKeys("BASIC");
    PriceList seedList = Fixtures.list("L", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00");
    PriceRows fromSeed = PriceRows.fromSeedList(seedList);
    assertThat(fromSeed.row(TermOffer.annual("O365_E3")).orElseThrow().unitPrice())
        .isEqualTo(amount("240.00", USD));
    assertThat(fromSeed.prices()).hasSize(1);
    assertThat(fromSeed.seedPrices()).isEqualTo(seedList.prices());
    assertThatThrownBy(() -> PriceRows.of(USD, List.of(
        PriceRow.of(TermOffer.annual("A"), amount("1.00", USD)),
        PriceRow.of(TermOffer.annual("A"), amount("2.00", USD)))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID))
        .hasMessage("CONFLICT: price row A/P1Y/annual already exists");
    assertThatThrownBy(() -> PriceRow.of(TermOffer.annual("A"), amount("-1.00", USD)))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("is negative");
    assertThatThrownBy(() -> PriceRow.of(TermOffer.annual("A"),
        org.javamoney.moneta.Money.of(new java.math.BigDecimal("1.001"), "USD")))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("finer than the minor unit");
  }

  @Test
  void NCE_1_an_offer_without_a_row_in_the_list_in_force_is_refused() {
    PriceBook book = PriceBook.create();
    book.publish(Fixtures.list("L", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    OfferPrices prices = OfferPrices.seedLists(book);
    PriceRow row = prices.row(TermOffer.annual("O365_E3"), "US", USD, d("2025-03-10"));
    assertThat(row.unitMinor()).isEqualTo(24_000);
    assertThatThrownBy(() -> prices.row(TermOffer.parse("O365_E3/P1M/monthly"), "US", USD,
        d("2025-03-10")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-1: the price list in force on 2025-03-10 in market US has no row for"
            + " O365_E3 billed monthly on a P1M term; its rows for O365_E3: P1Y annual");
    assertThatThrownBy(() -> prices.row(TermOffer.annual("O365_E3"), "US", USD, d("2025-04-01")))
        .isInstanceOf(RuleViolation.class)
        .extracting(NewCommercePricingTest::ruleOf).isEqualTo("PRC-3");
    assertThatThrownBy(() -> prices.row(TermOffer.annual("O365_E3"), "US", USD, d("2025-04-01")))
        .hasMessageContaining("it can be published until 2025-03-02");
  }

  @Test
  void NCE_2_the_instalment_is_the_term_price_over_the_cycles_in_the_term() {
    assertThat(BillingPlan.MONTHLY.cyclesIn(TermLength.P1Y)).isEqualTo(12);
    assertThat(BillingPlan.ANNUAL.cyclesIn(TermLength.P3Y)).isEqualTo(3);
    assertThat(BillingPlan.MONTHLY.cyclesIn(TermLength.P3Y)).isEqualTo(36);
    assertThat(BillingPlan.TRIENNIAL.cyclesIn(TermLength.P3Y)).isEqualTo(1);
    assertThat(BillingPlan.ANNUAL.cyclesIn(TermLength.P1Y)).isEqualTo(1);
    assertThat(BillingPlan.MONTHLY.cyclesIn(TermLength.P1M)).isEqualTo(1);
    Instalment business = PriceRow.of(TermOffer.parse("STD/P1Y/monthly"), amount("150.00", USD))
        .instalment();
    assertThat(business.isExact()).isTrue();
    assertThat(business.minor(DOWN)).isEqualTo(1250);
    // whatever the cycle's length in days: February and March cost the same
    assertThat(business.share(28, 28, DOWN)).isEqualTo(1250);
    assertThat(business.share(31, 31, DOWN)).isEqualTo(1250);
    Instalment threeYears = PriceRow.of(TermOffer.parse("STD/P3Y/annual"), amount("540.00", USD))
        .instalment();
    assertThat(threeYears.minor(DOWN)).isEqualTo(18_000);
    // 100.00 over 12 cycles stays exact: 8.333..., truncated only when charged
    Instalment odd = Instalment.of(10_000, 12, USD);
    assertThat(odd.isExact()).isFalse();
    assertThat(odd.minor(DOWN)).isEqualTo(833);
    assertThat(odd.share(15, 30, DOWN)).isEqualTo(416); // 4.1666... → 4.16
    assertThat(odd).hasToString("100.00/12 USD");
    assertThat(MinorUnits.format(odd.share(30, 30, Rounding.HALF_UP), USD)).isEqualTo("8.33");
  }
}
