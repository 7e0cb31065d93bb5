package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.pricing.Fixtures.BHD;
import static io.github.cspkit.csp.pricing.Fixtures.EUR;
import static io.github.cspkit.csp.pricing.Fixtures.JPY;
import static io.github.cspkit.csp.pricing.Fixtures.USD;
import static io.github.cspkit.csp.pricing.Fixtures.amount;
import static io.github.cspkit.csp.pricing.Fixtures.list;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.OptionalLong;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class PriceListTest {
  @Test
  void PRC_1_list_gives_unit_prices_in_minor_units_and_its_month() {
    PriceList l = list("US-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00");
    assertThat(l.month()).isEqualTo(YearMonth.of(2025, 3));
    assertThat(l.effectiveOn()).isEqualTo(d("2025-03-01"));
    assertThat(l.priceMinor("O365_E3")).isEqualTo(OptionalLong.of(24000));
    assertThat(l.priceMinor("O365_E5")).isEmpty();
    assertThat(l.lists("O365_E3")).isTrue();
  }

  @Test
  void PRC_1_list_may_name_a_product_outside_the_program() {
    PriceList l = list("US-2025-03", "US", USD, "2025-03", "2025-01-15", "INTUNE_A", "72.00");
    assertThat(l.priceMinor("INTUNE_A")).hasValue(7200);
  }

  @Test
  void PRC_1_prices_must_be_in_the_list_currency() {
    assertThatThrownBy(() -> PriceList.builder().id("L").market("US").currency(USD)
            .publishedOn(d("2025-01-15")).effectiveOn(d("2025-03-01"))
            .putPrices("O365_E3", amount("240.00", EUR)).build())
        .isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: price list L: price of O365_E3 is in EUR, not in the list's currency USD");
  }

  @Test
  void PRC_1_prices_must_not_be_negative() {
    assertThatThrownBy(() -> list("L", "US", USD, "2025-03", "2025-01-15", "O365_E3", "-1.00"))
        .isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("price of O365_E3 is negative");
  }

  @Test
  void PRC_1_prices_must_not_be_finer_than_the_minor_unit_jpy_and_bhd() {
    assertThatThrownBy(() -> PriceList.of("L", "JP", JPY, d("2025-01-15"), d("2025-03-01"),
            Map.of("O365_E3", Money.of(new BigDecimal("1000.5"), JPY))))
        .isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: price list L: price of O365_E3 (JPY 1000.5) is finer than the minor unit of JPY");
    PriceList bhd = PriceList.of("B", "BH", BHD, d("2025-01-15"), d("2025-03-01"),
        Map.of("O365_E3", Money.of(new BigDecimal("9.125"), BHD)));
    assertThat(bhd.priceMinor("O365_E3")).hasValue(9125);
    assertThatThrownBy(() -> PriceList.of("B", "BH", BHD, d("2025-01-15"), d("2025-03-01"),
            Map.of("O365_E3", Money.of(new BigDecimal("9.1255"), BHD))))
        .hasMessageContaining("finer than the minor unit of BHD");
    PriceList jpy = PriceList.of("J", "JP", JPY, d("2025-01-15"), d("2025-03-01"),
        Map.of("O365_E3", Money.of(new BigDecimal("1000.00"), JPY)));
    assertThat(jpy.priceMinor("O365_E3")).hasValue(1000);
  }

  @Test
  void PRC_1_ids_and_markets_are_not_blank() {
    assertThatThrownBy(() -> list(" ", "US", USD, "2025-03", "2025-01-15"))
        .hasMessage("OUT_OF_RANGE: price list id must not be blank, found ' '");
    assertThatThrownBy(() -> list("L", "", USD, "2025-03", "2025-01-15"))
        .hasMessage("OUT_OF_RANGE: market must not be blank, found ''");
  }

  @Test
  void PRC_1_with_price_returns_a_copy_and_monthly_names_the_list() {
    PriceList l = PriceList.monthly("US", USD, YearMonth.of(2025, 3), d("2025-01-15"),
        Map.of("O365_E3", amount("240.00", USD)));
    assertThat(l.id()).isEqualTo("US-USD-2025-03");
    PriceList more = l.withPrice("O365_E3", amount("250.00", USD)).withPrice("O365_E5", amount("1.00", USD));
    assertThat(l.priceMinor("O365_E3")).hasValue(24000);
    assertThat(more.priceMinor("O365_E3")).hasValue(25000);
    assertThat(more.priceMinor("O365_E5")).hasValue(100);
    assertThat(l).isEqualTo(PriceList.builder().from(l).build()).isNotEqualTo(more);
  }
}
