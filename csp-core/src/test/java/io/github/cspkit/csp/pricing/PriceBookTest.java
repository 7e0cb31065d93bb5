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

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.pricing.PriceQuote.Status;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PriceBookTest {
  private final PriceBook book = PriceBook.create();

  @Test
  void PRC_3_a_list_is_invisible_before_its_publication() {
    book.publish(list("US-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    PriceQuote before = book.quote("O365_E3", "US", USD, d("2025-03-10"), d("2025-01-14"));
    assertThat(before.status()).isEqualTo(Status.NOT_YET_PUBLISHED);
    assertThat(before.isPublished()).isFalse();
    assertThat(before.price()).isEmpty();
    assertThat(before.listId()).isEmpty();
    PriceQuote on = book.quote("O365_E3", "US", USD, d("2025-03-10"), d("2025-01-15"));
    assertThat(on.status()).isEqualTo(Status.PUBLISHED);
    assertThat(on.priceMinor()).isEqualTo(24000);
    assertThat(on.price()).contains(amount("240.00", USD));
    assertThat(on.orElseThrow()).isEqualTo(amount("240.00", USD));
    assertThat(on.listId()).contains("US-2025-03");
    assertThat(on.publishBy()).isEqualTo(d("2025-01-30"));
    assertThat(on.sku()).isEqualTo("O365_E3");
    assertThat(on.day()).isEqualTo(d("2025-03-10"));
    assertThat(on.knownOn()).isEqualTo(d("2025-01-15"));
  }

  @Test
  void PRC_3_not_yet_published_says_until_when_the_list_can_be_published() {
    PriceQuote q = book.quote("O365_E3", "US", USD, d("2025-03-10"), d("2025-01-10"));
    assertThat(q.status()).isEqualTo(Status.NOT_YET_PUBLISHED);
    assertThat(q.publishBy()).isEqualTo(d("2025-01-30"));
    assertThatThrownBy(q::orElseThrow)
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-3"))
        .hasMessage("PRC-3: price list for 2025-03 in market US (USD) is not yet published as of "
            + "2025-01-10; it can be published until 2025-01-30");
    assertThatThrownBy(q::priceMinor).isInstanceOf(RuleViolation.class).hasMessageStartingWith("PRC-3");
    // in a leap year the list for March can be published a day later
    assertThat(book.quote("O365_E3", "US", USD, d("2024-03-31"), d("2024-01-01")).publishBy())
        .isEqualTo(d("2024-01-31"));
  }

  @Test
  void PRC_3_nobody_can_quote_further_ahead_than_the_published_lists_reach() {
    book.publish(list("US-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    book.publish(list("US-2025-04", "US", USD, "2025-04", "2025-02-15", "O365_E3", "250.00"));
    LocalDate known = d("2025-02-20");
    assertThat(book.quote("O365_E3", "US", USD, d("2025-03-31"), known).priceMinor()).isEqualTo(24000);
    assertThat(book.quote("O365_E3", "US", USD, d("2025-04-01"), known).priceMinor()).isEqualTo(25000);
    PriceQuote may = book.quote("O365_E3", "US", USD, d("2025-05-01"), known);
    assertThat(may.status()).isEqualTo(Status.NOT_YET_PUBLISHED);
    assertThat(may.publishBy()).isEqualTo(d("2025-04-01"));
  }

  @Test
  void PRC_1_a_correction_for_the_same_month_replaces_the_first_only_once_known() {
    book.publish(list("US-2025-03", "US", USD, "2025-03", "2025-01-10", "O365_E3", "240.00"));
    book.publish(list("US-2025-03-fix", "US", USD, "2025-03", "2025-01-25", "O365_E3", "230.00"));
    LocalDate day = d("2025-03-15");
    assertThat(book.quote("O365_E3", "US", USD, day, d("2025-01-09")).status())
        .isEqualTo(Status.NOT_YET_PUBLISHED);
    PriceQuote first = book.quote("O365_E3", "US", USD, day, d("2025-01-24"));
    assertThat(first.priceMinor()).isEqualTo(24000);
    assertThat(first.listId()).contains("US-2025-03");
    PriceQuote corrected = book.quote("O365_E3", "US", USD, day, d("2025-01-25"));
    assertThat(corrected.priceMinor()).isEqualTo(23000);
    assertThat(corrected.listId()).contains("US-2025-03-fix");
    assertThat(book.quote("O365_E3", "US", USD, day, d("2030-01-01")).priceMinor()).isEqualTo(23000);
    assertThat(book.listFor("US", USD, day, d("2025-01-24")).map(PriceList::id)).contains("US-2025-03");
    assertThat(book.listFor("US", USD, day, d("2025-01-09"))).isEmpty();
  }

  @Test
  void PRC_1_a_correction_published_first_here_still_wins_by_its_publication_day() {
    book.publish(list("fix", "US", USD, "2025-03", "2025-01-25", "O365_E3", "230.00"));
    book.publish(list("first", "US", USD, "2025-03", "2025-01-10", "O365_E3", "240.00"));
    assertThat(book.quote("O365_E3", "US", USD, d("2025-03-01"), d("2025-01-20")).listId()).contains("first");
    assertThat(book.quote("O365_E3", "US", USD, d("2025-03-01"), d("2025-01-25")).listId()).contains("fix");
  }

  @Test
  void PRC_4_an_earlier_month_never_stands_in_for_a_missing_one() {
    book.publish(list("US-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    PriceQuote april = book.quote("O365_E3", "US", USD, d("2025-04-02"), d("2025-12-31"));
    assertThat(april.status()).isEqualTo(Status.NOT_YET_PUBLISHED);
    assertThat(april.publishBy()).isEqualTo(d("2025-03-02"));
    assertThat(book.quote("O365_E3", "US", USD, d("2025-02-28"), d("2025-12-31")).status())
        .isEqualTo(Status.NOT_YET_PUBLISHED);
  }

  @Test
  void PRC_4_the_price_on_a_day_comes_from_the_list_of_its_month() {
    book.publish(list("L1", "US", USD, "2025-01", "2024-11-01", "O365_E3", "200.00"));
    book.publish(list("L2", "US", USD, "2025-02", "2024-12-01", "O365_E3", "210.00"));
    book.publish(list("L3", "US", USD, "2025-03", "2025-01-01", "O365_E3", "220.00"));
    LocalDate k = d("2025-06-01");
    assertThat(book.quote("O365_E3", "US", USD, d("2025-01-31"), k).priceMinor()).isEqualTo(20000);
    assertThat(book.quote("O365_E3", "US", USD, d("2025-02-01"), k).priceMinor()).isEqualTo(21000);
    assertThat(book.quote("O365_E3", "US", USD, d("2025-02-28"), k).priceMinor()).isEqualTo(21000);
    assertThat(book.quote("O365_E3", "US", USD, d("2025-03-01"), k).priceMinor()).isEqualTo(22000);
  }

  @Test
  void PRC_4_a_sku_missing_from_the_known_list_is_not_listed() {
    book.publish(list("US-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    PriceQuote q = book.quote("X", "US", USD, d("2025-03-10"), d("2025-02-01"));
    assertThat(q.status()).isEqualTo(Status.NOT_LISTED);
    assertThat(q.listId()).contains("US-2025-03");
    assertThat(q.price()).isEmpty();
    assertThatThrownBy(q::orElseThrow)
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-4"))
        .hasMessage("PRC-4: SKU X is not on price list US-2025-03 (2025-03, US, USD)");
    assertThatThrownBy(() -> q.orElseThrow("SUB-1")).hasMessageStartingWith("SUB-1: SKU X is not on");
  }

  @Test
  void PRC_4_a_sku_first_named_by_a_later_list_is_not_listed_on_earlier_ones() {
    book.publish(list("L3", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    book.publish(list("L4", "US", USD, "2025-04", "2025-02-15", "O365_E3", "240.00", "NEW", "5.00"));
    LocalDate k = d("2025-03-01");
    assertThat(book.quote("NEW", "US", USD, d("2025-03-31"), k).status()).isEqualTo(Status.NOT_LISTED);
    assertThat(book.quote("NEW", "US", USD, d("2025-04-01"), k).priceMinor()).isEqualTo(500);
    assertThat(book.quote("O365_E3", "US", USD, d("2025-03-31"), k).priceMinor()).isEqualTo(24000);
  }

  @Test
  void PRC_3_markets_and_currencies_are_separate() {
    book.publish(list("US-USD", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    book.publish(list("US-EUR", "US", EUR, "2025-03", "2025-01-15", "O365_E3", "220.00"));
    book.publish(list("DE-EUR", "DE", EUR, "2025-03", "2025-01-15", "O365_E3", "210.00"));
    LocalDate k = d("2025-02-01");
    assertThat(book.quote("O365_E3", "US", USD, d("2025-03-01"), k).priceMinor()).isEqualTo(24000);
    assertThat(book.quote("O365_E3", "US", EUR, d("2025-03-01"), k).priceMinor()).isEqualTo(22000);
    assertThat(book.quote("O365_E3", "DE", EUR, d("2025-03-01"), k).priceMinor()).isEqualTo(21000);
    assertThat(book.quote("O365_E3", "DE", USD, d("2025-03-01"), k).status())
        .isEqualTo(Status.NOT_YET_PUBLISHED);
    assertThat(book.quote("O365_E3", "FR", EUR, d("2025-03-01"), k).status())
        .isEqualTo(Status.NOT_YET_PUBLISHED);
  }

  @Test
  void PRC_3_has_currency_once_a_list_in_that_currency_is_published() {
    book.publish(list("US-EUR", "US", EUR, "2025-03", "2025-01-15", "O365_E3", "220.00"));
    assertThat(book.hasCurrency("US", EUR, d("2025-01-14"))).isFalse();
    assertThat(book.hasCurrency("US", EUR, d("2025-01-15"))).isTrue();
    assertThat(book.hasCurrency("US", EUR, d("2027-01-15"))).isTrue();
    assertThat(book.hasCurrency("US", USD, d("2027-01-15"))).isFalse();
    assertThat(book.hasCurrency("DE", EUR, d("2027-01-15"))).isFalse();
    book.publish(list("US-EUR-early", "US", EUR, "2024-03", "2024-01-15", "O365_E3", "200.00"));
    assertThat(book.hasCurrency("US", EUR, d("2024-01-15"))).isTrue();
  }

  @Test
  void PRC_2_the_book_refuses_a_list_with_too_short_a_notice_and_keeps_nothing() {
    assertThatThrownBy(() -> book.publish(list("L", "US", USD, "2025-03", "2025-02-01", "O365_E3", "1.00")))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-2"));
    assertThatThrownBy(() -> book.publish(PriceList.of("M", "US", USD, d("2025-01-01"), d("2025-03-02"),
            java.util.Map.of())))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-1"));
    assertThat(book.lists()).isEmpty();
    assertThat(book.hasCurrency("US", USD, d("2030-01-01"))).isFalse();
  }

  @Test
  void PRC_1_the_same_id_twice_is_refused_unless_identical() {
    PriceList l = list("L", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00");
    book.publish(l);
    book.publish(list("L", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    assertThat(book.lists()).containsExactly(l);
    assertThatThrownBy(() -> book.publish(list("L", "US", USD, "2025-03", "2025-01-15", "O365_E3", "241.00")))
        .isInstanceOf(ConflictException.class)
        .hasMessage("CONFLICT: price list L was already published with other contents");
    assertThat(book.quote("O365_E3", "US", USD, d("2025-03-01"), d("2025-03-01")).priceMinor())
        .isEqualTo(24000);
  }

  @Test
  void PRC_3_the_book_keeps_lists_in_publication_order_and_its_policy() {
    PriceList a = list("A", "US", USD, "2025-04", "2025-02-15");
    PriceList b = list("B", "US", USD, "2025-03", "2025-01-15");
    book.publish(a);
    book.publish(b);
    assertThat(book.lists()).containsExactly(a, b);
    assertThat(book.policy()).isEqualTo(PriceListPolicy.seed());
    PriceBook tenDays = PriceBook.create(PriceListPolicy.monthly(java.time.Period.ofDays(10)));
    tenDays.publish(list("C", "US", USD, "2025-03", "2025-02-19", "O365_E3", "1.00"));
    assertThat(tenDays.quote("O365_E3", "US", USD, d("2025-03-05"), d("2025-02-19")).publishBy())
        .isEqualTo(d("2025-02-19"));
  }

  @Test
  void PRC_4_jpy_and_bhd_prices_keep_their_minor_units() {
    book.publish(list("JP", "JP", JPY, "2025-03", "2025-01-15", "O365_E3", "4350"));
    book.publish(list("BH", "BH", BHD, "2025-03", "2025-01-15", "O365_E3", "9.125"));
    PriceQuote jpy = book.quote("O365_E3", "JP", JPY, d("2025-03-01"), d("2025-02-01"));
    PriceQuote bhd = book.quote("O365_E3", "BH", BHD, d("2025-03-01"), d("2025-02-01"));
    assertThat(jpy.priceMinor()).isEqualTo(4350);
    assertThat(jpy.orElseThrow()).isEqualTo(amount("4350", JPY));
    assertThat(bhd.priceMinor()).isEqualTo(9125);
    assertThat(bhd.orElseThrow()).isEqualTo(amount("9.125", BHD));
    assertThat(book.price("O365_E3", "BH", BHD, d("2025-03-31"), d("2025-02-01")))
        .isEqualTo(amount("9.125", BHD));
  }

  @Test
  void PRC_3_quotes_are_values() {
    book.publish(list("L", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
    PriceQuote a = book.quote("O365_E3", "US", USD, d("2025-03-01"), d("2025-02-01"));
    PriceQuote b = book.quote("O365_E3", "US", USD, d("2025-03-01"), d("2025-02-01"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(book.quote("O365_E3", "US", USD, d("2025-03-02"), d("2025-02-01")));
    assertThat(a.toString()).contains("PUBLISHED", "240.00", "from L");
    assertThat(a).isEqualTo(PriceQuote.published("O365_E3", book.lists().get(0), d("2025-03-01"),
        d("2025-02-01"), d("2025-01-30")));
    assertThat(PriceQuote.notYetPublished("O365_E3", "US", USD, d("2025-04-01"), d("2025-02-01"),
        d("2025-03-02"))).isEqualTo(book.quote("O365_E3", "US", USD, d("2025-04-01"), d("2025-02-01")));
    assertThatThrownBy(() -> PriceQuote.notListed("O365_E3", book.lists().get(0), d("2025-03-01"),
        d("2025-02-01"), d("2025-01-30"))).isInstanceOf(OutOfRangeException.class);
    // each answer is its own alternative, holding only what it knows
    assertThat(a).isInstanceOfSatisfying(PriceQuote.Published.class, p -> {
      assertThat(p.priceMinor()).isEqualTo(24_000);
      assertThat(p.priceList()).isSameAs(book.lists().get(0));
    });
    assertThat(book.quote("O365_E3", "US", USD, d("2025-04-01"), d("2025-02-01")))
        .isInstanceOf(PriceQuote.NotYetPublished.class).extracting(PriceQuote::list)
        .isEqualTo(java.util.Optional.empty());
    PriceQuote missing = book.quote("OTHER", "US", USD, d("2025-03-01"), d("2025-02-01"));
    assertThat(missing).isInstanceOf(PriceQuote.NotListed.class);
    assertThat(missing.listId()).contains("L");
    assertThatThrownBy(missing::priceMinor).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("PRC-4: SKU OTHER is not on price list L");
  }

  @Test
  void PRC_3_publishing_and_quoting_concurrently_is_safe() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String market = "M" + t;
        futures.add(pool.submit(() -> {
          for (int m = 0; m < 120; m++) {
            YearMonth month = YearMonth.of(2020, 1).plusMonths(m);
            book.publish(PriceList.monthly(market, USD, month, month.atDay(1).minusDays(40),
                java.util.Map.of("O365_E3", amount(m + ".00", USD))));
          }
        }));
      }
      for (int t = 0; t < 2; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            YearMonth month = YearMonth.of(2020, 1).plusMonths(i % 120);
            PriceQuote q = book.quote("O365_E3", "M" + (i % 2), USD, month.atDay(5), d("2040-01-01"));
            if (q.isPublished()) {
              assertThat(q.priceMinor()).isEqualTo((i % 120) * 100L);
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(book.lists()).hasSize(240);
    assertThat(book.quote("O365_E3", "M1", USD, d("2029-12-31"), d("2040-01-01")).priceMinor())
        .isEqualTo(11900);
  }
}
