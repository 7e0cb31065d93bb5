package io.github.cspkit.csp.examples.bench;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.subscription.Accrual;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.MonetaryOperator;
import javax.money.RoundingQueryBuilder;
import org.javamoney.moneta.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1: one prorated charge {@code unit × seats × days / daysInTerm}, HALF_UP to the cent.
 * <ul>
 *   <li>{@link #floorLong}: the floor, plain long arithmetic in minor units;</li>
 *   <li>{@link #chargeMinor} and {@link #chargeMonetary}: the library's public API;</li>
 *   <li>{@link #accrualAmount}: the one accrual's charge of a rate ({@code unit × seats}) over
 *       counted days, as event charges compute it;</li>
 *   <li>{@link #naiveMoneta}: the Moneta chain a user would write, rounding held in a constant;</li>
 *   <li>{@link #naiveMonetaInlineRounding}: the same with {@code Monetary.getRounding(query)}
 *       written inline, as in the issue (informative).</li>
 * </ul>
 * Inputs cycle through 4096 random tuples (seats 1..300, days 1..366, 365 or 366 days in term,
 * unit 1.00..999.99), so nothing is a compile-time constant; the cursor advance costs the same in
 * every benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Thread)
public class ProrationBench {
  private static final int N = 4096;
  private static final Proration PRORATION = Proration.seed();
  private static final Accrual ACCRUAL = Accrual.seed();

  long[] unitMinor = new long[N];
  MonetaryAmount[] unit = new MonetaryAmount[N];
  Money[] money = new Money[N];
  long[] seats = new long[N];
  long[] days = new long[N];
  long[] daysInTerm = new long[N];
  MonetaryOperator rounding;
  int i;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    for (int k = 0; k < N; k++) {
      unitMinor[k] = r.nextLong(100, 100_000);
      money[k] = Money.of(BigDecimal.valueOf(unitMinor[k], 2), MinorUnits.USD);
      unit[k] = money[k];
      seats[k] = r.nextLong(1, 301);
      daysInTerm[k] = r.nextBoolean() ? 365 : 366;
      days[k] = r.nextLong(1, daysInTerm[k] + 1);
    }
    rounding = Monetary.getRounding(
        RoundingQueryBuilder.of().setScale(2).set(RoundingMode.HALF_UP).build());
    // sanity: the API agrees with the floor on every input; the naive chain (16-digit division) nearly
    int naiveOff = 0;
    for (int k = 0; k < N; k++) {
      long floor = floor(unitMinor[k], seats[k], days[k], daysInTerm[k]);
      long api = PRORATION.chargeMinor(unitMinor[k], seats[k], days[k], daysInTerm[k]);
      long viaAmount = MinorUnits.of(PRORATION.charge(unit[k], seats[k], days[k], daysInTerm[k]));
      long naive = MinorUnits.of(money[k].multiply(seats[k]).multiply(days[k]).divide(daysInTerm[k])
          .with(rounding));
      long accrued = ACCRUAL.amount(unitMinor[k] * seats[k], days[k], daysInTerm[k]);
      if (floor != api || api != viaAmount || accrued != api) {
        throw new AssertionError("disagree at " + k + ": " + floor + " " + api + " " + viaAmount);
      }
      if (naive != api) {
        naiveOff++;
      }
    }
    if (naiveOff > 0) {
      System.out.println("note: the naive Moneta chain differs from the exact charge on " + naiveOff
          + " of " + N + " inputs");
    }
  }

  private int next() {
    int k = i;
    i = (k + 1) & (N - 1);
    return k;
  }

  private static long floor(long unit, long seats, long days, long n) {
    return (unit * seats * days + n / 2) / n; // non-negative inputs: HALF_UP
  }

  @Benchmark
  public long floorLong() {
    int k = next();
    return floor(unitMinor[k], seats[k], days[k], daysInTerm[k]);
  }

  @Benchmark
  public long chargeMinor() {
    int k = next();
    return PRORATION.chargeMinor(unitMinor[k], seats[k], days[k], daysInTerm[k]);
  }

  @Benchmark
  public long accrualAmount() {
    int k = next();
    return ACCRUAL.amount(unitMinor[k] * seats[k], days[k], daysInTerm[k]);
  }

  @Benchmark
  public MonetaryAmount chargeMonetary() {
    int k = next();
    return PRORATION.charge(unit[k], seats[k], days[k], daysInTerm[k]);
  }

  @Benchmark
  public MonetaryAmount naiveMoneta() {
    int k = next();
    return money[k].multiply(seats[k]).multiply(days[k]).divide(daysInTerm[k]).with(rounding);
  }

  @Benchmark
  public MonetaryAmount naiveMonetaInlineRounding() {
    int k = next();
    return money[k].multiply(seats[k]).multiply(days[k]).divide(daysInTerm[k])
        .with(Monetary.getRounding(RoundingQueryBuilder.of().setScale(2).set(RoundingMode.HALF_UP).build()));
  }
}
