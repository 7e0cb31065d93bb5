package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.pricing.Fixtures.USD;
import static io.github.cspkit.csp.pricing.Fixtures.amount;
import static io.github.cspkit.csp.pricing.Fixtures.list;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.pricing.PriceQuote.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DistributorDeskTest {
  private final PriceBook book = PriceBook.create();

  @BeforeEach
  void publish() {
    book.publish(list("US-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
  }

  @Test
  void DIS_1_distributor_quotes_resellers_from_published_lists() {
    PriceQuote q = DistributorDesk.quoteForReseller(book, "O365_E3", "US", USD, d("2025-03-20"), d("2025-02-01"));
    assertThat(q.status()).isEqualTo(Status.PUBLISHED);
    assertThat(q.orElseThrow(DistributorDesk.RULE)).isEqualTo(amount("240.00", USD));
    assertThat(DistributorDesk.priceForReseller(book, "O365_E3", "US", USD, d("2025-03-20"), d("2025-02-01")))
        .isEqualTo(amount("240.00", USD));
  }

  @Test
  void DIS_1_a_price_beyond_the_published_lists_is_not_yet_published_with_its_date() {
    PriceQuote q = DistributorDesk.quoteForReseller(book, "O365_E3", "US", USD, d("2025-04-10"), d("2025-02-01"));
    assertThat(q.status()).isEqualTo(Status.NOT_YET_PUBLISHED);
    assertThat(q.publishBy()).isEqualTo(d("2025-03-02"));
    assertThatThrownBy(() -> DistributorDesk.priceForReseller(book, "O365_E3", "US", USD, d("2025-04-10"), d("2025-02-01")))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("DIS-1"))
        .hasMessage("DIS-1: price list for 2025-04 in market US (USD) is not yet published as of "
            + "2025-02-01; it can be published until 2025-03-02");
  }

  @Test
  void DIS_1_the_distributor_sees_a_list_at_the_same_instant_as_the_partner() {
    for (String known : new String[] {"2025-01-14", "2025-01-15"}) {
      PriceQuote distributor =
          DistributorDesk.quoteForReseller(book, "O365_E3", "US", USD, d("2025-03-01"), d(known));
      PriceQuote partner = book.quote("O365_E3", "US", USD, d("2025-03-01"), d(known));
      assertThat(distributor).isEqualTo(partner);
    }
    assertThat(DistributorDesk.quoteForReseller(book, "O365_E3", "US", USD, d("2025-03-01"), d("2025-01-14"))
        .isPublished()).isFalse();
  }

  @Test
  void DIS_1_a_sku_not_on_the_list_is_refused_naming_DIS_1() {
    assertThatThrownBy(() -> DistributorDesk.priceForReseller(book, "X", "US", USD, d("2025-03-20"), d("2025-02-01")))
        .hasMessage("DIS-1: SKU X is not on price list US-2025-03 (2025-03, US, USD)");
  }
}
