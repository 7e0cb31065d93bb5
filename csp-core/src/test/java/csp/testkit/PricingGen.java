package csp.testkit;

import csp.money.MinorUnits;
import csp.pricing.PriceList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for {@code csp.pricing} (PRC-1..6): dates, first days of months, notices,
 * percents, and price lists valid under the seed's policy.
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
          Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
          long r = s;
          for (int i = 0; i < SKUS.size(); i++) {
            if ((mask & (1 << i)) != 0) {
              prices.put(SKUS.get(i), MinorUnits.toAmount(Math.floorMod(r, 100_000L), currency));
            }
            r = r * 6364136223846793005L + 1442695040888963407L;
          }
          String id = market + "-" + currency.getCurrencyCode() + "-" + YearMonth.from(eff)
              + "-" + published + "-" + Long.toHexString(s);
          return PriceList.of(id, market, currency, published, eff, prices);
        });
  }

  /** @return 0 to 12 lists of {@link #priceLists()} */
  public static Gen<List<PriceList>> priceListSets() {
    return org.quicktheories.generators.SourceDSL.lists().of(priceLists()).ofSizeBetween(0, 12);
  }
}
