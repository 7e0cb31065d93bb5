package io.github.cspkit.csp.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.testkit.PricingGen;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.generators.Generate;

class PricingPropertiesTest {
  private static final PriceListPolicy SEED = PriceListPolicy.seed();

  private static void checkAcceptedExactly(LocalDate published, LocalDate effective) {
    PriceList list = PriceList.of("L", "US", PricingGen.CURRENCIES.get(0), published, effective, Map.of());
    boolean expected = effective.toEpochDay() - published.toEpochDay() >= 30;
    if (expected) {
      assertThatCode(() -> SEED.validate(list)).doesNotThrowAnyException();
      assertThatCode(() -> PriceBook.create().publish(list)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> SEED.validate(list))
          .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-2"));
      assertThatThrownBy(() -> PriceBook.create().publish(list)).isInstanceOf(RuleViolation.class);
    }
  }

  @Test
  void PRC_2_list_is_accepted_exactly_when_effective_is_at_least_publication_plus_30_days() {
    // near the boundary
    qt().withExamples(2000)
        .forAll(PricingGen.firstOfMonths(), Generate.range(-40, 80))
        .checkAssert((effective, daysBefore) -> checkAcceptedExactly(effective.minusDays(daysBefore), effective));
    // anywhere
    qt().withExamples(2000)
        .forAll(PricingGen.dates(), PricingGen.firstOfMonths())
        .checkAssert(PricingPropertiesTest::checkAcceptedExactly);
  }

  @Test
  void PRC_3_latest_publication_date_plus_notice_is_the_effective_date() {
    qt().withExamples(3000)
        .forAll(PricingGen.firstOfMonths(), PricingGen.notices())
        .checkAssert((effective, notice) -> {
          PriceListPolicy policy = PriceListPolicy.monthly(notice);
          LocalDate latest = policy.latestPublicationFor(effective);
          assertThat(latest.plus(notice)).isEqualTo(effective);
          assertThat(latest.plusDays(1).plus(notice)).isAfter(effective);
        });
    qt().withExamples(3000)
        .forAll(PricingGen.dates(), PricingGen.notices())
        .checkAssert((effective, notice) -> {
          LocalDate latest = PriceListPolicy.monthly(notice).latestPublicationFor(effective);
          assertThat(latest.plus(notice)).isBeforeOrEqualTo(effective);
          assertThat(latest.plusDays(1).plus(notice)).isAfter(effective);
        });
  }

  /**
   * Counts the quotes a property compares and how many of them are
   * {@link PriceQuote.Status#PUBLISHED}, so that the property can check it compared real prices, not
   * only empty answers.
   */
  private static final class Hits {
    final AtomicInteger queries = new AtomicInteger();
    final AtomicInteger published = new AtomicInteger();

    void count(PriceQuote quote) {
      queries.incrementAndGet();
      if (quote.isPublished()) {
        published.incrementAndGet();
      }
    }

    void assertPublishedShareAtLeast(double share) {
      assertThat(queries.get()).as("quotes compared").isPositive();
      assertThat((double) published.get() / queries.get())
          .as("share of PUBLISHED among the %s quotes compared (%s)", queries.get(), published.get())
          .isGreaterThanOrEqualTo(share);
    }
  }

  /**
   * Publishes the history's lists, in order, to {@code book}, and those {@code include} accepts also
   * to {@code also}.
   */
  private static void publish(
      PricingGen.PriceHistory history, PriceBook book, PriceBook also, Predicate<PriceList> include) {
    for (PriceList l : history.lists()) {
      book.publish(l);
      if (include.test(l)) {
        also.publish(l);
      }
    }
  }

  @Test
  void PRC_3_answer_for_day_and_known_day_never_changes_when_a_later_list_is_published() {
    Hits hits = new Hits();
    AtomicInteger sameMonth = new AtomicInteger();
    int examples = 400;
    qt().withExamples(examples)
        .forAll(PricingGen.priceQueries().flatMap(q ->
            PricingGen.listsPublishedAfter(q).map(later -> Pair.of(q, later))))
        .checkAssert(p -> {
          PricingGen.PriceQuery q = p._1;
          PriceList later = p._2;
          PricingGen.PriceHistory history = q.history();
          LocalDate day = q.day();
          LocalDate knownOn = q.knownOn();
          assertThat(later.publishedOn()).isAfter(knownOn);
          PriceBook before = PriceBook.create();
          PriceBook after = PriceBook.create();
          publish(history, before, after, l -> true);
          after.publish(later);
          if (later.month().equals(YearMonth.from(day))) {
            sameMonth.incrementAndGet();
          }
          for (String market : PricingGen.MARKETS) {
            for (CurrencyUnit currency : PricingGen.CURRENCIES) {
              assertThat(after.hasCurrency(market, currency, knownOn))
                  .isEqualTo(before.hasCurrency(market, currency, knownOn));
            }
          }
          for (String sku : skusAndOneMore()) {
            PriceQuote expected =
                before.quote(sku, history.market(), history.currency(), day, knownOn);
            assertThat(after.quote(sku, history.market(), history.currency(), day, knownOn))
                .isEqualTo(expected);
            if (PricingGen.SKUS.contains(sku)) {
              hits.count(expected);
            }
            // another market and another currency know no list: their answers do not change either
            String otherMarket = PricingGen.MARKETS.get(1);
            assertThat(after.quote(sku, otherMarket, history.currency(), day, knownOn))
                .isEqualTo(before.quote(sku, otherMarket, history.currency(), day, knownOn));
            CurrencyUnit otherCurrency = PricingGen.CURRENCIES.stream()
                .filter(c -> !c.equals(history.currency())).findFirst().orElseThrow();
            assertThat(after.quote(sku, history.market(), otherCurrency, day, knownOn))
                .isEqualTo(before.quote(sku, history.market(), otherCurrency, day, knownOn));
          }
          assertThat(after.listFor(history.market(), history.currency(), day, knownOn))
              .isEqualTo(before.listFor(history.market(), history.currency(), day, knownOn));
        });
    hits.assertPublishedShareAtLeast(0.30);
    // the interesting case: the later list is a correction of the day's month
    assertThat(sameMonth.get()).as("later lists correcting the day's month")
        .isGreaterThan(examples / 5);
  }

  private static List<String> skusAndOneMore() {
    List<String> skus = new ArrayList<>(PricingGen.SKUS);
    skus.add("NOT_SOLD");
    return skus;
  }

  @Test
  void PRC_3_a_quote_as_known_on_k_equals_the_quote_of_a_book_holding_only_lists_published_by_k() {
    Hits hits = new Hits();
    qt().withExamples(300)
        .forAll(PricingGen.priceQueries())
        .checkAssert(q -> {
          PricingGen.PriceHistory history = q.history();
          LocalDate day = q.day();
          LocalDate knownOn = q.knownOn();
          PriceBook all = PriceBook.create();
          PriceBook known = PriceBook.create();
          publish(history, all, known, l -> !l.publishedOn().isAfter(knownOn));
          for (String sku : PricingGen.SKUS) {
            PriceQuote quote = all.quote(sku, history.market(), history.currency(), day, knownOn);
            assertThat(quote)
                .isEqualTo(known.quote(sku, history.market(), history.currency(), day, knownOn));
            hits.count(quote);
          }
          for (CurrencyUnit currency : PricingGen.CURRENCIES) {
            assertThat(all.hasCurrency(history.market(), currency, knownOn))
                .isEqualTo(known.hasCurrency(history.market(), currency, knownOn));
          }
        });
    hits.assertPublishedShareAtLeast(0.30);
  }

  @Test
  void PRC_2_notice_is_any_non_negative_period() {
    qt().withExamples(500).forAll(PricingGen.notices())
        .checkAssert(n -> assertThat(PriceListPolicy.monthly(n).notice()).isEqualTo(n));
    assertThat(PriceListPolicy.monthly(Period.ofDays(30))).isEqualTo(SEED);
  }
}
