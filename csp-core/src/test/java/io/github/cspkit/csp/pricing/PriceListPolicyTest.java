package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.pricing.Fixtures.USD;
import static io.github.cspkit.csp.pricing.Fixtures.list;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import java.time.Period;
import org.junit.jupiter.api.Test;

class PriceListPolicyTest {
  private final PriceListPolicy seed = PriceListPolicy.seed();

  @Test
  void PRC_1_effective_date_not_the_first_of_a_month_is_refused() {
    PriceList l = PriceList.of("L", "US", USD, d("2025-01-01"), d("2025-03-15"), java.util.Map.of());
    assertThatThrownBy(() -> seed.validate(l))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-1"))
        .hasMessage("PRC-1: price list L is effective on 2025-03-15: a list takes effect on the first "
            + "day of a period (2025-03-01)");
  }

  @Test
  void PRC_2_list_effective_less_than_30_days_after_publication_is_refused() {
    PriceList l = list("L", "US", USD, "2025-03", "2025-01-31", "O365_E3", "240.00");
    assertThatThrownBy(() -> seed.validate(l))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-2"))
        .hasMessage("PRC-2: price list L published on 2025-01-31 cannot take effect on 2025-03-01, "
            + "less than 30 days after publication; a list effective on 2025-03-01 must be "
            + "published by 2025-01-30");
  }

  @Test
  void PRC_2_list_effective_exactly_30_days_after_publication_is_accepted() {
    assertThatCode(() -> seed.validate(list("L", "US", USD, "2025-03", "2025-01-30")))
        .doesNotThrowAnyException();
    assertThatCode(() -> seed.validate(list("L", "US", USD, "2025-03", "2024-06-30")))
        .doesNotThrowAnyException();
  }

  @Test
  void PRC_2_latest_publication_for_2024_03_01_is_2024_01_31() {
    assertThat(seed.latestPublicationFor(d("2024-03-01"))).isEqualTo(d("2024-01-31"));
  }

  @Test
  void PRC_2_latest_publication_for_2025_03_01_is_2025_01_30() {
    assertThat(seed.latestPublicationFor(d("2025-03-01"))).isEqualTo(d("2025-01-30"));
  }

  @Test
  void PRC_2_leap_year_february_29_counts_in_the_notice() {
    // 2024 is a leap year: from 2024-01-31 to 2024-03-01 is 30 days
    assertThatCode(() -> seed.validate(list("L", "US", USD, "2024-03", "2024-01-31")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> seed.validate(list("L", "US", USD, "2024-03", "2024-02-01")))
        .hasMessageContaining("must be published by 2024-01-31");
    // a list published on the leap day itself takes effect at the earliest on 2024-04-01
    assertThatThrownBy(() -> seed.validate(list("L", "US", USD, "2024-03", "2024-02-29")))
        .isInstanceOf(RuleViolation.class);
    assertThatCode(() -> seed.validate(list("L", "US", USD, "2024-04", "2024-02-29")))
        .doesNotThrowAnyException();
    assertThat(seed.latestPublicationFor(d("2024-03-30"))).isEqualTo(d("2024-02-29"));
    assertThat(seed.latestPublicationFor(d("2028-03-01"))).isEqualTo(d("2028-01-31"));
    assertThat(seed.latestPublicationFor(d("2100-03-01"))).isEqualTo(d("2100-01-30"));
  }

  @Test
  void PRC_2_notice_is_a_policy_value() {
    assertThat(seed.notice()).isEqualTo(Period.ofDays(30));
    PriceListPolicy tenDays = PriceListPolicy.monthly(Period.ofDays(10));
    assertThat(tenDays.latestPublicationFor(d("2025-03-01"))).isEqualTo(d("2025-02-19"));
    assertThatCode(() -> tenDays.validate(list("L", "US", USD, "2025-03", "2025-02-19")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> tenDays.validate(list("L", "US", USD, "2025-03", "2025-02-20")))
        .hasMessageContaining("less than 10 days after publication");
    PriceListPolicy oneMonth = PriceListPolicy.monthly(Period.ofMonths(1));
    assertThat(oneMonth.latestPublicationFor(d("2025-03-01"))).isEqualTo(d("2025-02-01"));
    assertThat(oneMonth.latestPublicationFor(d("2025-03-31"))).isEqualTo(d("2025-02-28"));
    assertThat(PriceListPolicy.monthly(Period.ZERO).latestPublicationFor(d("2025-03-01")))
        .isEqualTo(d("2025-03-01"));
  }

  @Test
  void PRC_2_negative_notice_is_refused() {
    assertThatThrownBy(() -> PriceListPolicy.monthly(Period.ofDays(-1)))
        .isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void PRC_2_a_custom_policy_needs_only_its_notice() {
    PriceListPolicy custom = () -> Period.ofDays(45);
    assertThat(custom.latestPublicationFor(d("2025-03-01"))).isEqualTo(d("2025-01-15"));
    assertThat(custom.periodStart(d("2025-03-17"))).isEqualTo(d("2025-03-01"));
  }

  @Test
  void PRC_3_period_start_is_the_first_of_the_month() {
    assertThat(seed.periodStart(d("2024-02-29"))).isEqualTo(d("2024-02-01"));
    assertThat(seed.periodStart(d("2025-03-01"))).isEqualTo(d("2025-03-01"));
    assertThat(seed.periodStart(d("2025-12-31"))).isEqualTo(d("2025-12-01"));
    assertThat(seed).isEqualTo(PriceListPolicy.monthly(Period.ofDays(30)));
  }
}
