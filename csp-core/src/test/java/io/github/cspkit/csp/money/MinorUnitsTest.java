package io.github.cspkit.csp.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cspkit.csp.OutOfRangeException;
import java.math.BigDecimal;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {
  private static final CurrencyUnit[] CURRENCIES = {MinorUnits.JPY, MinorUnits.USD, MinorUnits.BHD};

  @Test
  void BIL_6_minor_units_are_exact_for_any_amount_and_scale() {
    qt().withExamples(20_000).forAll(longs().between(-999_999_999_999_999_999L, 999_999_999_999_999_999L),
        integers().between(0, 2), integers().between(-3, 3)).checkAssert((unscaled, c, extraScale) -> {
          CurrencyUnit currency = CURRENCIES[c];
          int digits = MinorUnits.digits(currency);
          BigDecimal exact = BigDecimal.valueOf(unscaled, digits);
          // the same value written with fewer or more trailing zeros must give the same minor units
          BigDecimal written = extraScale >= 0 ? exact.setScale(digits + extraScale)
              : exact.stripTrailingZeros().scale() <= digits + extraScale
                  ? exact.setScale(digits + extraScale) : exact;
          assertThat(MinorUnits.of(Money.of(written, currency))).isEqualTo(unscaled);
          assertThat(MinorUnits.toAmount(unscaled, currency)).isEqualTo(Money.of(exact, currency));
        });
  }

  @Test
  void BIL_6_an_amount_finer_than_the_minor_unit_is_refused() {
    assertThatThrownBy(() -> MinorUnits.of(Money.of(new BigDecimal("1.005"), "USD")))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("finer");
    assertThatThrownBy(() -> MinorUnits.of(Money.of(new BigDecimal("1.5"), "JPY")))
        .isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void BIL_6_format_and_parse_round_trip() {
    assertThat(MinorUnits.format(28800, MinorUnits.USD)).isEqualTo("288.00");
    assertThat(MinorUnits.format(-11492, MinorUnits.USD)).isEqualTo("-114.92");
    assertThat(MinorUnits.format(-5, MinorUnits.USD)).isEqualTo("-0.05");
    assertThat(MinorUnits.format(5, MinorUnits.JPY)).isEqualTo("5");
    assertThat(MinorUnits.format(1234, MinorUnits.BHD)).isEqualTo("1.234");
    assertThat(MinorUnits.parse("-114.92", MinorUnits.USD)).isEqualTo(-11492);
  }
}
