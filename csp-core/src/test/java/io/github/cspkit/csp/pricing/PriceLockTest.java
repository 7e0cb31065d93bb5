package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.pricing.Fixtures.USD;
import static io.github.cspkit.csp.pricing.Fixtures.list;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.pricing.PriceQuote.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriceLockTest {
  private final PriceBook book = PriceBook.create();

  @BeforeEach
  void publish() {
    book.publish(list("L-02", "US", USD, "2025-02", "2024-12-15", "O365_E3", "240.00"));
    book.publish(list("L-05", "US", USD, "2025-05", "2025-03-15", "O365_E3", "260.00"));
  }

  @Test
  void PRC_6_by_default_the_unit_price_is_fixed_on_the_term_first_day() {
    assertThat(PriceLock.seed()).isSameAs(PriceLock.TERM_START);
    assertThat(PriceLock.TERM_START.priceDate(d("2025-02-10"), d("2025-05-20"))).isEqualTo(d("2025-02-10"));
    PriceQuote q = PriceLock.TERM_START.quote(book, "O365_E3", "US", USD, d("2025-02-10"), d("2025-05-20"));
    assertThat(q.priceMinor()).isEqualTo(24000);
    assertThat(q.day()).isEqualTo(d("2025-02-10"));
    assertThat(q.knownOn()).isEqualTo(d("2025-02-10"));
  }

  @Test
  void PRC_6_the_alternative_lock_pays_the_price_of_the_change_day() {
    assertThat(PriceLock.CHANGE_DAY.priceDate(d("2025-02-10"), d("2025-05-20"))).isEqualTo(d("2025-05-20"));
    PriceQuote q = PriceLock.CHANGE_DAY.quote(book, "O365_E3", "US", USD, d("2025-02-10"), d("2025-05-20"));
    assertThat(q.priceMinor()).isEqualTo(26000);
    assertThat(q.knownOn()).isEqualTo(d("2025-05-20"));
  }

  @Test
  void PRC_6_a_change_day_without_a_published_list_is_not_priced() {
    PriceQuote q = PriceLock.CHANGE_DAY.quote(book, "O365_E3", "US", USD, d("2025-02-10"), d("2025-03-20"));
    assertThat(q.status()).isEqualTo(Status.NOT_YET_PUBLISHED);
  }

  @Test
  void PRC_6_a_renewed_term_takes_the_price_of_its_own_first_day() {
    assertThat(PriceLock.TERM_START.quote(book, "O365_E3", "US", USD, d("2025-05-01"), d("2025-05-20"))
        .priceMinor()).isEqualTo(26000);
  }
}
