package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.pricing.Fixtures.BHD;
import static io.github.cspkit.csp.pricing.Fixtures.EUR;
import static io.github.cspkit.csp.pricing.Fixtures.JPY;
import static io.github.cspkit.csp.pricing.Fixtures.USD;
import static io.github.cspkit.csp.pricing.Fixtures.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.testkit.PricingGen;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingPolicyTest {
  private static BigDecimal pct(String p) {
    return new BigDecimal(p);
  }

  @Test
  void PRC_5_the_default_sells_at_cost() {
    assertThat(PricingPolicy.atCost().salePrice("c1", "O365_E3", amount("240.00", USD)))
        .isEqualTo(amount("240.00", USD));
    assertThat(PricingPolicy.atCost().saleMinor("c1", "O365_E3", 24000, USD)).isEqualTo(24000);
  }

  @Test
  void PRC_5_markup_20_percent_of_240_00_is_288_00() {
    PricingPolicy markup = PricingPolicy.markup(pct("20"));
    assertThat(markup.salePrice("c1", "O365_E3", amount("240.00", USD))).isEqualTo(amount("288.00", USD));
    assertThat(markup.saleMinor("c1", "O365_E3", 24000, USD)).isEqualTo(28800);
    assertThat(markup.toString()).isEqualTo("PricingPolicy.markup(20)");
  }

  @Test
  void PRC_5_markup_rounds_a_tie_half_up_once() {
    // 0.05 × 1.10 = 0.055 → 0.06
    assertThat(PricingPolicy.markup(pct("10")).saleMinor("c", "s", 5, USD)).isEqualTo(6);
    // 0.04 × 1.125 = 0.045 → 0.05 (fractional percent)
    assertThat(PricingPolicy.markup(pct("12.5")).saleMinor("c", "s", 4, USD)).isEqualTo(5);
    // just below the tie rounds down: 0.05 × 1.0999 = 0.054995 → 0.05
    assertThat(PricingPolicy.markup(pct("9.99")).saleMinor("c", "s", 5, USD)).isEqualTo(5);
    // discount 50% of 0.01 = 0.005 → 0.01
    assertThat(PricingPolicy.discount(pct("50")).saleMinor("c", "s", 1, USD)).isEqualTo(1);
    // rounded once: 33.33% of 10.00 on 3 units is not 3 × a rounded unit price; each unit is 13.33
    assertThat(PricingPolicy.markup(pct("33.33")).saleMinor("c", "s", 1000, USD)).isEqualTo(1333);
  }

  @Test
  void PRC_5_a_changing_policy_prices_each_term_by_its_first_day() {
    java.time.LocalDate change = java.time.LocalDate.parse("2026-03-01");
    PricingPolicy changing = PricingPolicy.markup(pct("20")).changingOn(change,
        PricingPolicy.markup(pct("50")));
    assertThat(changing.saleMinor(change.minusDays(1), "c1", "O365_E3", 24000, USD)).isEqualTo(28800);
    assertThat(changing.saleMinor(change, "c1", "O365_E3", 24000, USD)).isEqualTo(36000);
    assertThat(changing.saleMinor("c1", "O365_E3", 24000, USD)).isEqualTo(36000); // as it stands now
    // per customer and fixed prices pass the day on to the policies they delegate to
    PricingPolicy perCustomer = PricingPolicy.perCustomer(Map.of("c1", changing), PricingPolicy.atCost());
    assertThat(perCustomer.saleMinor(change.minusDays(1), "c1", "O365_E3", 24000, USD)).isEqualTo(28800);
    assertThat(perCustomer.saleMinor(change, "c1", "O365_E3", 24000, USD)).isEqualTo(36000);
    assertThat(perCustomer.saleMinor(change, "c2", "O365_E3", 24000, USD)).isEqualTo(24000);
    PricingPolicy fixed = PricingPolicy.fixed(Map.of("O365_E5", amount("400.00", USD)), changing);
    assertThat(fixed.saleMinor(change.minusDays(1), "c1", "O365_E3", 24000, USD)).isEqualTo(28800);
    assertThat(fixed.saleMinor(change.minusDays(1), "c1", "O365_E5", 33000, USD)).isEqualTo(40000);
    // a policy that does not change ignores the day
    assertThat(PricingPolicy.markup(pct("20")).saleMinor(change, "c1", "O365_E3", 24000, USD))
        .isEqualTo(28800);
    assertThat(changing.toString()).isEqualTo(
        "PricingPolicy.markup(20) until 2026-02-28, then PricingPolicy.markup(50)");
  }

  @Test
  void PRC_5_discount_lowers_the_price() {
    PricingPolicy discount = PricingPolicy.discount(pct("15"));
    assertThat(discount.salePrice("c1", "O365_E3", amount("240.00", USD))).isEqualTo(amount("204.00", USD));
    assertThat(PricingPolicy.discount(pct("100")).saleMinor("c", "s", 24000, USD)).isZero();
    assertThatThrownBy(() -> PricingPolicy.discount(pct("100.01"))).isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> PricingPolicy.discount(pct("-1"))).isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> PricingPolicy.markup(pct("-1"))).isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void PRC_5_jpy_rounds_to_whole_yen() {
    // 1001 × 1.15 = 1151.15 → 1151; 1010 × 1.15 = 1161.5 → 1162
    PricingPolicy markup = PricingPolicy.markup(pct("15"));
    assertThat(markup.salePrice("c", "s", amount("1001", JPY))).isEqualTo(amount("1151", JPY));
    assertThat(markup.salePrice("c", "s", amount("1010", JPY))).isEqualTo(amount("1162", JPY));
  }

  @Test
  void PRC_5_bhd_rounds_to_three_digits() {
    // 10.005 × 1.1 = 11.0055 → 11.006
    assertThat(PricingPolicy.markup(pct("10")).salePrice("c", "s", amount("10.005", BHD)))
        .isEqualTo(amount("11.006", BHD));
    assertThat(PricingPolicy.markup(pct("10")).saleMinor("c", "s", 10005, BHD)).isEqualTo(11006);
  }

  @Test
  void PRC_5_fixed_price_per_sku_else_the_fallback() {
    PricingPolicy fixed = PricingPolicy.fixed(
        Map.of("O365_E3", amount("250.00", USD)), PricingPolicy.markup(pct("10")));
    assertThat(fixed.salePrice("c", "O365_E3", amount("240.00", USD))).isEqualTo(amount("250.00", USD));
    assertThat(fixed.salePrice("c", "O365_E5", amount("100.00", USD))).isEqualTo(amount("110.00", USD));
    // a fixed price applies only in its own currency
    assertThat(fixed.salePrice("c", "O365_E3", amount("200.00", EUR))).isEqualTo(amount("220.00", EUR));
    assertThatThrownBy(() -> PricingPolicy.fixed(Map.of("X", amount("-1.00", USD)), PricingPolicy.atCost()))
        .isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void PRC_5_pricing_can_differ_per_customer() {
    PricingPolicy policy = PricingPolicy.perCustomer(
        Map.of("vip", PricingPolicy.discount(pct("5"))), PricingPolicy.markup(pct("20")));
    assertThat(policy.saleMinor("vip", "O365_E3", 24000, USD)).isEqualTo(22800);
    assertThat(policy.saleMinor("other", "O365_E3", 24000, USD)).isEqualTo(28800);
  }

  @Test
  void PRC_5_negative_results_are_refused() {
    PricingPolicy negative = (c, s, cost, cur) -> -1;
    assertThatThrownBy(() -> PricingPolicy.perCustomer(Map.of(), negative).saleMinor("c", "s", 100, USD))
        .isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> PricingPolicy.fixed(Map.of(), negative).saleMinor("c", "s", 100, USD))
        .isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> negative.price("c", "s", amount("1.00", USD)))
        .isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> PricingPolicy.markup(pct("10")).saleMinor("c", "s", -100, USD))
        .isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> PricingPolicy.atCost().saleMinor("c", "s", -1, USD))
        .isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void PRC_5_cost_and_sale_are_both_kept_for_the_margin() {
    SalePrice p = PricingPolicy.markup(pct("20")).price("c", "O365_E3", amount("240.00", USD));
    assertThat(p.costMinor()).isEqualTo(24000);
    assertThat(p.saleMinor()).isEqualTo(28800);
    assertThat(p.cost()).isEqualTo(amount("240.00", USD));
    assertThat(p.sale()).isEqualTo(amount("288.00", USD));
    assertThat(p.marginMinor()).isEqualTo(4800);
    assertThat(p.margin()).isEqualTo(amount("48.00", USD));
    assertThat(p).isEqualTo(SalePrice.of(amount("240.00", USD), amount("288.00", USD)));
    assertThat(p.toString()).isEqualTo("SalePrice{cost=240.00, sale=288.00 USD}");
    assertThat(SalePrice.of(1000, 900, JPY).margin()).isEqualTo(amount("-100", JPY));
    assertThatThrownBy(() -> SalePrice.of(amount("1.00", USD), amount("1.00", EUR)))
        .isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void PRC_5_percent_policies_equal_the_exact_decimal_rounded_half_up_once() {
    qt().withExamples(2000).forAll(PricingGen.minorAmounts(), PricingGen.percents())
        .checkAssert((cost, percent) -> {
          long expected = new BigDecimal(cost)
              .multiply(BigDecimal.ONE.add(percent.movePointLeft(2)))
              .setScale(0, RoundingMode.HALF_UP).longValueExact();
          assertThat(PricingPolicy.markup(percent).saleMinor("c", "s", cost, USD)).isEqualTo(expected);
          if (percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
            long discounted = new BigDecimal(cost)
                .multiply(BigDecimal.ONE.subtract(percent.movePointLeft(2)))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertThat(PricingPolicy.discount(percent).saleMinor("c", "s", cost, USD)).isEqualTo(discounted);
          }
        });
  }
}
