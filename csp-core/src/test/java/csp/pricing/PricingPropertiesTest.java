package csp.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import csp.RuleViolation;
import csp.testkit.PricingGen;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
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

  @Test
  void PRC_3_answer_for_day_and_known_day_never_changes_when_a_later_list_is_published() {
    LocalDate from = LocalDate.of(2023, 11, 1);
    LocalDate to = LocalDate.of(2027, 2, 28);
    qt().withExamples(400)
        .forAll(PricingGen.priceListSets(), PricingGen.dates(from, to), PricingGen.dates(from, to),
            PricingGen.priceLists())
        .checkAssert((lists, day, knownOn, later) -> {
          PriceBook before = PriceBook.create();
          PriceBook after = PriceBook.create();
          Set<String> ids = new HashSet<>();
          for (PriceList l : lists) {
            if (ids.add(l.id())) {
              before.publish(l);
              after.publish(l);
            }
          }
          PriceList extra = publishedAfter(later, knownOn);
          if (ids.add(extra.id())) {
            after.publish(extra);
          }
          for (String market : PricingGen.MARKETS) {
            for (CurrencyUnit currency : PricingGen.CURRENCIES) {
              assertThat(after.hasCurrency(market, currency, knownOn))
                  .isEqualTo(before.hasCurrency(market, currency, knownOn));
              for (String sku : skusAndOneMore()) {
                assertThat(after.quote(sku, market, currency, day, knownOn))
                    .isEqualTo(before.quote(sku, market, currency, day, knownOn));
              }
            }
          }
        });
  }

  /** The same list, moved to be published after {@code knownOn} and still valid (PRC-2). */
  private static PriceList publishedAfter(PriceList l, LocalDate knownOn) {
    long shift = Math.floorMod(l.id().hashCode(), 60);
    LocalDate published = knownOn.plusDays(1 + shift);
    LocalDate effective = YearMonth.from(published.plusDays(30)).atDay(1);
    if (effective.isBefore(published.plusDays(30))) {
      effective = effective.plusMonths(1);
    }
    // sometimes a correction of a month the other lists may already cover
    effective = effective.plusMonths(shift % 3);
    return PriceList.builder().from(l).id(l.id() + "-later").publishedOn(published).effectiveOn(effective).build();
  }

  private static List<String> skusAndOneMore() {
    List<String> skus = new ArrayList<>(PricingGen.SKUS);
    skus.add("NOT_SOLD");
    return skus;
  }

  @Test
  void PRC_3_a_quote_as_known_on_k_equals_the_quote_of_a_book_holding_only_lists_published_by_k() {
    LocalDate from = LocalDate.of(2023, 11, 1);
    LocalDate to = LocalDate.of(2027, 2, 28);
    qt().withExamples(300)
        .forAll(PricingGen.priceListSets(), PricingGen.dates(from, to), PricingGen.dates(from, to))
        .checkAssert((lists, day, knownOn) -> {
          PriceBook all = PriceBook.create();
          PriceBook known = PriceBook.create();
          Set<String> ids = new HashSet<>();
          for (PriceList l : lists) {
            if (ids.add(l.id())) {
              all.publish(l);
              if (!l.publishedOn().isAfter(knownOn)) {
                known.publish(l);
              }
            }
          }
          for (String market : PricingGen.MARKETS) {
            for (CurrencyUnit currency : PricingGen.CURRENCIES) {
              for (String sku : PricingGen.SKUS) {
                assertThat(all.quote(sku, market, currency, day, knownOn))
                    .isEqualTo(known.quote(sku, market, currency, day, knownOn));
              }
            }
          }
        });
  }

  @Test
  void PRC_2_notice_is_any_non_negative_period() {
    qt().withExamples(500).forAll(PricingGen.notices())
        .checkAssert(n -> assertThat(PriceListPolicy.monthly(n).notice()).isEqualTo(n));
    assertThat(PriceListPolicy.monthly(Period.ofDays(30))).isEqualTo(SEED);
  }
}
