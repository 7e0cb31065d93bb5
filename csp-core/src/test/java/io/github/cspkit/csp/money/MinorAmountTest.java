package io.github.cspkit.csp.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import java.math.BigDecimal;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The amount in minor units (BIL-6) and the formula that explains a prorated amount (BIL-5). */
class MinorAmountTest {
  @Test
  void BIL_6_a_minor_amount_turns_into_a_monetary_amount_only_at_the_edge_exactly() {
    MinorAmount a = MinorAmount.of(-11492, MinorUnits.USD);
    assertThat(a.toMonetary()).isEqualTo(Money.of(new BigDecimal("-114.92"), "USD"));
    assertThat(MinorAmount.of(Money.of(new BigDecimal("-114.92"), "USD"))).isEqualTo(a);
    assertThat(a.format()).isEqualTo("-114.92");
    assertThat(a).hasToString("-114.92 USD");
    assertThat(MinorAmount.of(5, MinorUnits.JPY)).hasToString("5 JPY");
    assertThat(a.plus(MinorAmount.of(11492, MinorUnits.USD))).isEqualTo(MinorAmount.of(0, MinorUnits.USD));
  }

  @Test
  void BIL_6_a_minor_amount_refuses_another_currency_and_an_overflow() {
    assertThatThrownBy(() -> MinorAmount.of(1, MinorUnits.USD).plus(MinorAmount.of(1, MinorUnits.EUR)))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("cannot add 0.01 EUR to 0.01 USD");
    assertThatThrownBy(() -> MinorAmount.of(Long.MAX_VALUE, MinorUnits.USD)
        .plus(MinorAmount.of(1, MinorUnits.USD))).isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(() -> MinorAmount.of(Money.of(new BigDecimal("0.001"), "USD")))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("finer than the minor unit");
  }

  @Test
  void BIL_5_a_formula_renders_once_and_reproduces_its_amount() {
    Formula f = new Formula(28800, 5, 224, 365);
    assertThat(f.format(MinorUnits.USD)).isEqualTo("288.00 × 5 × 224/365");
    assertThat(f.width(2)).isEqualTo(f.format(MinorUnits.USD).length());
    assertThat(f.amountMinor(Rounding.HALF_UP)).isEqualTo(88373); // 883.726
    assertThat(new Formula(28800, -10, 22, 365).format(MinorUnits.JPY)).isEqualTo("28800 × -10 × 22/365");
    assertThat(new Formula(28800, -10, 22, 365).width(0)).isEqualTo(20);
    // a rate of mixed unit prices is shown whole when it does not divide by the seats
    assertThat(Formula.explaining(200000, 3, 254, 365)).isEqualTo(new Formula(200000, 1, 254, 365));
    assertThat(Formula.explaining(-40000, -3, 254, 365)).isEqualTo(new Formula(40000, -1, 254, 365));
    assertThat(Formula.explaining(-86400, -3, 254, 365)).isEqualTo(new Formula(28800, -3, 254, 365));
    assertThatThrownBy(() -> new Formula(1, 1, 1, 0)).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: daysInTerm must be positive, found 0");
  }
}
