package io.github.cspkit.csp.examples.bench;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import io.github.cspkit.csp.pricing.PriceQuote;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 4: one bitemporal {@link PriceBook#quote} ("price of SKU on day D as known on day K")
 * in a book of ten years of monthly lists in 50 markets (6,000 lists of 40 SKUs, 10% of them
 * corrected by a second list published later), against a {@code HashMap.get} in the same run.
 * Queries cycle through 4096 random (SKU, market, D, K) tuples; K is 0 to 60 days before or after
 * D's month start, so the queries see the newest list, an older one, or none (not yet published).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Thread)
public class PriceLookupBench {
  private static final int N = 4096;
  private static final int MARKETS = 50;
  private static final int SKUS = 40;
  private static final YearMonth FIRST = YearMonth.of(2016, 1);
  private static final int MONTHS = 120;

  PriceBook book;
  Map<String, Long> hashMap;
  String[] sku = new String[N];
  String[] market = new String[N];
  CurrencyUnit[] currency = new CurrencyUnit[N];
  LocalDate[] day = new LocalDate[N];
  LocalDate[] knownOn = new LocalDate[N];
  String[] hashKey = new String[N];
  int i;

  @Setup(Level.Trial)
  public void setUp() {
    PriceListPolicy policy = PriceListPolicy.seed();
    book = PriceBook.create(policy);
    SplittableRandom r = new SplittableRandom(7);
    String[] skus = new String[SKUS];
    for (int s = 0; s < SKUS; s++) {
      skus[s] = "SKU_" + s;
    }
    String[] markets = new String[MARKETS];
    CurrencyUnit[] currencies = new CurrencyUnit[MARKETS];
    CurrencyUnit[] pool = {MinorUnits.USD, MinorUnits.EUR, MinorUnits.GBP, MinorUnits.JPY, MinorUnits.BHD};
    for (int m = 0; m < MARKETS; m++) {
      markets[m] = "M" + m;
      currencies[m] = pool[m % pool.length];
    }
    hashMap = new HashMap<>();
    for (int m = 0; m < MARKETS; m++) {
      for (int mo = 0; mo < MONTHS; mo++) {
        YearMonth month = FIRST.plusMonths(mo);
        LocalDate effective = month.atDay(1);
        LocalDate latest = policy.latestPublicationFor(effective);
        Map<String, MonetaryAmount> prices = prices(r, skus, currencies[m]);
        book.publish(PriceList.of(markets[m] + "-" + month, markets[m], currencies[m],
            latest.minusDays(20), effective, prices));
        if (r.nextInt(10) == 0) { // a correction, published later
          book.publish(PriceList.of(markets[m] + "-" + month + "-c", markets[m], currencies[m],
              latest, effective, prices(r, skus, currencies[m])));
        }
        final int mm = m;
        prices.forEach((s, a) -> hashMap.put(markets[mm] + "/" + month + "/" + s, MinorUnits.of(a)));
      }
    }
    for (int k = 0; k < N; k++) {
      int m = r.nextInt(MARKETS);
      sku[k] = skus[r.nextInt(SKUS)];
      market[k] = markets[m];
      currency[k] = currencies[m];
      YearMonth month = FIRST.plusMonths(r.nextInt(MONTHS));
      day[k] = month.atDay(1 + r.nextInt(month.lengthOfMonth()));
      knownOn[k] = month.atDay(1).plusDays(r.nextInt(-60, 61));
      hashKey[k] = markets[m] + "/" + month + "/" + sku[k];
    }
    int published = 0;
    for (int k = 0; k < N; k++) {
      if (book.quote(sku[k], market[k], currency[k], day[k], knownOn[k]).isPublished()) {
        published++;
      }
      if (hashMap.get(hashKey[k]) == null) {
        throw new AssertionError("missing " + hashKey[k]);
      }
    }
    System.out.println("price book: " + book.lists().size() + " lists; " + published + " of " + N
        + " queries find a published price");
  }

  private static Map<String, MonetaryAmount> prices(SplittableRandom r, String[] skus, CurrencyUnit c) {
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    int digits = MinorUnits.digits(c);
    for (String s : skus) {
      prices.put(s, Money.of(BigDecimal.valueOf(r.nextLong(100, 1_000_000), digits), c));
    }
    return prices;
  }

  private int next() {
    int k = i;
    i = (k + 1) & (N - 1);
    return k;
  }

  /** The baseline: one {@code HashMap.get} of a precomputed String key (hash cached) in a map of the same 240,000 prices (50 markets × 120 months × 40 SKUs). */
  @Benchmark
  public Long hashMapGet() {
    return hashMap.get(hashKey[next()]);
  }

  @Benchmark
  public PriceQuote quote() {
    int k = next();
    return book.quote(sku[k], market[k], currency[k], day[k], knownOn[k]);
  }
}
