package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators for {@code io.github.cspkit.csp.pricing} (PRC-1..6): dates, first days of months, notices,
 * percents, price lists valid under the seed's policy, and price histories of one market and
 * currency with the queries that hit them.
 */
public final class PricingGen {
  /** The markets the generated lists use. */
  public static final List<String> MARKETS = List.of("US", "DE");
  /** The currencies the generated lists use (two minor digits, none, three). */
  public static final List<CurrencyUnit> CURRENCIES =
      List.of(MinorUnits.USD, MinorUnits.JPY, MinorUnits.BHD);
  /** The SKUs the generated lists name (each list names a subset). */
  public static final List<String> SKUS = List.of("O365_E1", "O365_E3", "O365_E5");

  private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
  private static final LocalDate TO = LocalDate.of(2040, 12, 31);

  private PricingGen() {}

  /** @return any day from 2000 to 2040, leap days included */
  public static Gen<LocalDate> dates() {
    return dates(FROM, TO);
  }

  /**
   * @param from the first day
   * @param to the last day
   * @return any day in {@code [from, to]}
   */
  public static Gen<LocalDate> dates(LocalDate from, LocalDate to) {
    return Generate.longRange(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
  }

  /** @return the first day of any month from 2000 to 2040 */
  public static Gen<LocalDate> firstOfMonths() {
    return Generate.range(0, 41 * 12 - 1).map(i -> YearMonth.of(2000, 1).plusMonths(i).atDay(1));
  }

  /** @return a notice of 0 to 120 days, or of 0 to 3 whole months */
  public static Gen<Period> notices() {
    return Generate.oneOf(
        Generate.range(0, 120).map(Period::ofDays),
        Generate.range(0, 3).map(Period::ofMonths));
  }

  /** @return a market of {@link #MARKETS} */
  public static Gen<String> markets() {
    return Generate.pick(MARKETS);
  }

  /** @return a currency of {@link #CURRENCIES} */
  public static Gen<CurrencyUnit> currencies() {
    return Generate.pick(CURRENCIES);
  }

  /** @return a SKU of {@link #SKUS} */
  public static Gen<String> skus() {
    return Generate.pick(SKUS);
  }

  /** @return a non-negative amount in minor units, up to 10 million major units at two digits */
  public static Gen<Long> minorAmounts() {
    return Generate.longRange(0, 1_000_000_000L);
  }

  /** @return a percent from 0 to 200 with 0 to 3 decimals */
  public static Gen<BigDecimal> percents() {
    return Generate.range(0, 200_000).zip(Generate.range(0, 3),
        (thousandths, scale) -> BigDecimal.valueOf(thousandths, 3).setScale(scale, java.math.RoundingMode.DOWN));
  }

  /**
   * Price lists valid under the seed's policy (monthly, 30 days of notice) effective in 2024 to 2026:
   * published between 0 and 60 days before their latest publication day, in a market of
   * {@link #MARKETS} and a currency of {@link #CURRENCIES}, naming a non-empty subset of {@link #SKUS}.
   * Ids are random, so a list of them may repeat an id (rarely).
   *
   * @return the generator
   */
  public static Gen<PriceList> priceLists() {
    Gen<LocalDate> effective =
        Generate.range(0, 35).map(i -> YearMonth.of(2024, 1).plusMonths(i).atDay(1));
    Gen<Integer> early = Generate.range(0, 60);
    Gen<Integer> skuMask = Generate.range(1, (1 << SKUS.size()) - 1);
    Gen<Long> seed = Generate.longRange(0, Long.MAX_VALUE);
    return effective.zip(early, markets(), currencies(), (e, d, m, c) -> new Object[] {e, d, m, c})
        .zip(skuMask, seed, (head, mask, s) -> {
          LocalDate eff = (LocalDate) head[0];
          int days = (Integer) head[1];
          String market = (String) head[2];
          CurrencyUnit currency = (CurrencyUnit) head[3];
          LocalDate published = eff.minusDays(30 + days);
          Map<String, MonetaryAmount> prices = prices(currency, mask, s);
          String id = market + "-" + currency.getCurrencyCode() + "-" + YearMonth.from(eff)
              + "-" + published + "-" + Long.toHexString(s);
          return PriceList.of(id, market, currency, published, eff, prices);
        });
  }

  /** @return 0 to 12 lists of {@link #priceLists()} */
  public static Gen<List<PriceList>> priceListSets() {
    return SourceDSL.lists().of(priceLists()).ofSizeBetween(0, 12);
  }

  /**
   * The lists of one market and currency over a few consecutive months, as the vendor publishes them
   * under the seed's policy (monthly, 30 days of notice): most months have a list, many a correction
   * (a later list for the same month) and some two; every list is published on or before
   * {@link PriceListPolicy#latestPublicationFor} its month's first day. Ids are unique.
   *
   * @param market the market of every list
   * @param currency the currency of every list
   * @param first the first month covered
   * @param months how many consecutive months are covered
   * @param lists the lists, month by month, each month's in the order published
   */
  public record PriceHistory(
      String market, CurrencyUnit currency, YearMonth first, int months, List<PriceList> lists) {
    public PriceHistory {
      lists = List.copyOf(lists);
    }

    /** @return the last month covered */
    public YearMonth last() {
      return first.plusMonths(months - 1L);
    }

    /**
     * @param month a month
     * @return the lists for that month, in the order published
     */
    public List<PriceList> listsFor(YearMonth month) {
      return lists.stream().filter(l -> l.month().equals(month)).toList();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("PriceHistory{").append(market).append(' ')
          .append(currency.getCurrencyCode()).append(' ').append(first).append("..").append(last());
      for (PriceList l : lists) {
        sb.append(", ").append(l.id()).append(" published ").append(l.publishedOn())
            .append(' ').append(l.prices().keySet());
      }
      return sb.append('}').toString();
    }
  }

  /**
   * One query of a {@link PriceHistory}: a day in the months it covers, known on a day near the
   * publication of the lists for that day's month (some before, some on, some after).
   *
   * @param history the lists
   * @param day the day priced
   * @param knownOn the day of knowledge
   */
  public record PriceQuery(PriceHistory history, LocalDate day, LocalDate knownOn) {}

  /** How many lists a month has: none, one, or one and one or two corrections. */
  private static Gen<Integer> listsPerMonth() {
    return Generate.frequency(List.of(
        Pair.of(1, Generate.constant(0)),
        Pair.of(4, Generate.constant(1)),
        Pair.of(4, Generate.constant(2)),
        Pair.of(1, Generate.constant(3))));
  }

  /** @return a SKU mask, most often naming every SKU of {@link #SKUS} */
  private static Gen<Integer> skuMasks() {
    int all = (1 << SKUS.size()) - 1;
    return Generate.frequency(List.of(
        Pair.of(3, Generate.constant(all)),
        Pair.of(2, Generate.range(1, all))));
  }

  /**
   * The plan of one list: the days it is published before the latest day (a month's first list) or
   * after the list it corrects, its SKUs and the seed of its prices.
   */
  private record ListPlan(int days, int mask, long seed) {}

  private static Gen<ListPlan> listPlans() {
    return Generate.range(0, 45)
        .zip(skuMasks(), Generate.longRange(0, Long.MAX_VALUE), ListPlan::new);
  }

  /** @return the plans of one month's lists: the first, then its corrections */
  private static Gen<List<ListPlan>> monthPlans() {
    return listsPerMonth().flatMap(n -> SourceDSL.lists().of(listPlans()).ofSize(n));
  }

  /**
   * @param currency the currency
   * @param mask which of {@link #SKUS} to name
   * @param seed the seed of the prices
   * @return prices in minor units below 100,000 for the SKUs of the mask
   */
  private static Map<String, MonetaryAmount> prices(CurrencyUnit currency, int mask, long seed) {
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    long r = seed;
    for (int i = 0; i < SKUS.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        prices.put(SKUS.get(i), MinorUnits.toAmount(Math.floorMod(r, 100_000L), currency));
      }
      r = r * 6364136223846793005L + 1442695040888963407L;
    }
    return prices;
  }

  /**
   * Price histories of market {@code US} in a currency of {@link #CURRENCIES}, over 6 consecutive
   * months starting in 2024 to 2026. A month's first list is published 0 to 45 days before the latest
   * day the seed's policy allows; each correction 0 to 45 days after the list before it (the same day
   * sometimes), but never after that latest day.
   *
   * @return the generator
   */
  public static Gen<PriceHistory> priceHistories() {
    int months = 6;
    Gen<YearMonth> firsts = Generate.range(0, 30).map(i -> YearMonth.of(2024, 1).plusMonths(i));
    Gen<List<List<ListPlan>>> plans = SourceDSL.lists().of(monthPlans()).ofSize(months);
    return firsts.zip(currencies(), plans, (first, currency, byMonth) -> {
      PriceListPolicy policy = PriceListPolicy.seed();
      String market = MARKETS.get(0);
      List<PriceList> lists = new ArrayList<>();
      for (int m = 0; m < months; m++) {
        YearMonth month = first.plusMonths(m);
        LocalDate latest = policy.latestPublicationFor(month.atDay(1));
        LocalDate published = null;
        int k = 0;
        for (ListPlan plan : byMonth.get(m)) {
          published = published == null
              ? latest.minusDays(plan.days())
              : minDate(published.plusDays(plan.days()), latest);
          String id = market + "-" + currency.getCurrencyCode() + "-" + month + "-" + k++;
          lists.add(PriceList.of(id, market, currency, published, month.atDay(1),
              prices(currency, plan.mask(), plan.seed())));
        }
      }
      return new PriceHistory(market, currency, first, months, lists);
    });
  }

  private static LocalDate minDate(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * Queries of {@link #priceHistories()}: the day is any day of the months covered; the day of
   * knowledge is 0 to 20 days before or after the publication of a list (most often one for the day's
   * month, else any of the history, else the latest publication day of the day's month).
   *
   * @return the generator
   */
  public static Gen<PriceQuery> priceQueries() {
    return priceHistories().flatMap(history -> {
      Gen<LocalDate> days = dates(history.first().atDay(1), history.last().atEndOfMonth());
      Gen<Integer> offsets = Generate.frequency(List.of(
          Pair.of(1, Generate.constant(0)),
          Pair.of(1, Generate.constant(-1)),
          Pair.of(6, Generate.range(-20, 20))));
      Gen<Integer> picks = Generate.range(0, 99);
      return days.zip(picks, offsets, (day, pick, offset) -> {
        List<PriceList> own = history.listsFor(YearMonth.from(day));
        LocalDate anchor;
        if (!own.isEmpty() && pick < 80) {
          anchor = own.get(pick % own.size()).publishedOn();
        } else if (!history.lists().isEmpty()) {
          anchor = history.lists().get(pick % history.lists().size()).publishedOn();
        } else {
          anchor = PriceListPolicy.seed().latestPublicationFor(day.withDayOfMonth(1));
        }
        return new PriceQuery(history, day, anchor.plusDays(offset));
      });
    });
  }

  /**
   * A list of the query's market and currency published after its day of knowledge and valid under
   * the seed's policy: when it can still be published after that day, most often a correction of
   * the day's month; else, or sometimes anyway, a list for one of the next months it can be
   * published for.
   *
   * @param query a query
   * @return the generator
   */
  public static Gen<PriceList> listsPublishedAfter(PriceQuery query) {
    PriceHistory history = query.history();
    PriceListPolicy policy = PriceListPolicy.seed();
    LocalDate after = query.knownOn().plusDays(1);
    return Generate.range(0, 99).zip(Generate.range(0, 60), skuMasks(),
        Generate.longRange(0, Long.MAX_VALUE), (pick, delay, mask, seed) -> {
          YearMonth month = YearMonth.from(query.day());
          if (pick >= 70 || policy.latestPublicationFor(month.atDay(1)).isBefore(after)) {
            month = YearMonth.from(after.plusDays(30)); // the first month it may be published for
            if (policy.latestPublicationFor(month.atDay(1)).isBefore(after)) {
              month = month.plusMonths(1);
            }
            month = month.plusMonths(pick % 3);
          }
          LocalDate latest = policy.latestPublicationFor(month.atDay(1));
          LocalDate published = minDate(after.plusDays(delay), latest);
          String id =
              history.market() + "-" + history.currency().getCurrencyCode() + "-" + month + "-later";
          return PriceList.of(id, history.market(), history.currency(), published, month.atDay(1),
              prices(history.currency(), mask, seed));
        });
  }
}
