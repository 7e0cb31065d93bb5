package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.pricing.PriceSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for {@code io.github.cspkit.csp.billing} (BIL-1..7): random subscription histories over a
 * whole term (order, seats added and removed, suspension, reactivation, cancellation at random
 * dates), random billing days 1 to 31, random prices with odd minor units, markups, currencies with
 * 0, 2 and 3 minor digits, financing plans, and a price source that always has a published list.
 */
public final class BillingGen {
  /** The SKU the histories order. */
  public static final String SKU = "O365_E3";
  /** The market of the generated customers and prices. */
  public static final String MARKET = "US";

  private BillingGen() {}

  /** What a generated operation does. */
  public enum OpKind {
    /** Add {@code n} seats (SUB-2). */
    ADD_SEATS,
    /** Remove {@code n} seats (SUB-7); refused if none would remain. */
    REMOVE_SEATS,
    /** Suspend (SUB-4, SUB-5). */
    SUSPEND,
    /** Reactivate (SUB-7). */
    REACTIVATE,
    /** Cancel (SUB-5). */
    CANCEL,
    /** Switch renewal off (SUB-7). */
    RENEWAL_OFF
  }

  /**
   * One generated operation, dated {@code offset} days after the order.
   *
   * @param kind what it does
   * @param offset days after the term's first day
   * @param n seats, for a seat change
   */
  public record Op(OpKind kind, int offset, int n) {
    @Override
    public String toString() {
      return "+" + offset + "d " + kind + (kind == OpKind.ADD_SEATS || kind == OpKind.REMOVE_SEATS ? " " + n : "");
    }
  }

  /**
   * A customer's random history around one subscription.
   *
   * @param billingDay 1 to 31 (BIL-2)
   * @param currency the bill currency
   * @param costMinor the unit cost on the first list, minor units (odd units included)
   * @param markupPercent the partner's markup, 0 to 50 with up to two decimals
   * @param createdOn the customer's creation day, on or before {@code start}
   * @param start the order's day: the first term's first day
   * @param seats the seats ordered
   * @param financing the financing plan (BIL-3)
   * @param ops the operations, in date order
   */
  public record History(int billingDay, CurrencyUnit currency, long costMinor,
      BigDecimal markupPercent, LocalDate createdOn, LocalDate start, int seats,
      FinancingPlan financing, List<Op> ops) {
    /** @return the first term's end, {@code start + 1 year} (exclusive) */
    public LocalDate firstTermEnd() {
      return start.plusYears(1);
    }

    /**
     * @param op one of {@link #ops()}
     * @return its date
     */
    public LocalDate dateOf(Op op) {
      return start.plusDays(op.offset());
    }

    @Override
    public String toString() {
      return "History[billingDay=" + billingDay + ", " + currency + ", cost=" + costMinor
          + ", markup=" + markupPercent + "%, created " + createdOn + ", ordered " + start + " seats="
          + seats + ", " + financing + ", ops=" + ops + "]";
    }
  }

  /** @return a billing day 1 to 31, ends of months more often */
  public static Gen<Integer> billingDays() {
    return Generate.frequency(
        org.quicktheories.api.Pair.of(3, Generate.range(1, 31)),
        org.quicktheories.api.Pair.of(1, Generate.range(28, 31)));
  }

  /** @return a bill currency with 2 (USD), 0 (JPY) or 3 (BHD) minor digits */
  public static Gen<CurrencyUnit> currencies() {
    return Generate.pick(List.of(MinorUnits.USD, MinorUnits.USD, MinorUnits.JPY, MinorUnits.BHD));
  }

  /** @return a unit cost in minor units, 1 to 500,000, mostly odd */
  public static Gen<Long> unitCosts() {
    return Generate.longRange(1, 500_000L);
  }

  /** @return a markup of 0 to 50 percent with up to two decimals */
  public static Gen<BigDecimal> markups() {
    return Generate.range(0, 5_000).map(bp -> BigDecimal.valueOf(bp, 2));
  }

  /** @return none, annual prepayment with a 0 to 10% discount, or 2 to 12 instalments */
  public static Gen<FinancingPlan> financingPlans() {
    return Generate.frequency(
        org.quicktheories.api.Pair.of(3, Generate.constant(FinancingPlan.none())),
        org.quicktheories.api.Pair.of(1, Generate.range(0, 1_000)
            .map(bp -> FinancingPlan.annualPrepayment(BigDecimal.valueOf(bp, 2)))),
        org.quicktheories.api.Pair.of(1, Generate.range(2, 12).map(FinancingPlan::instalments)));
  }

  /** @return either billing timing (BIL-7) */
  public static Gen<BillingTiming> timings() {
    return Generate.enumValues(BillingTiming.class);
  }

  /** @return one operation within about 14 months of the order */
  public static Gen<Op> ops() {
    Gen<OpKind> kinds = Generate.frequency(
        org.quicktheories.api.Pair.of(4, Generate.constant(OpKind.ADD_SEATS)),
        org.quicktheories.api.Pair.of(3, Generate.constant(OpKind.REMOVE_SEATS)),
        org.quicktheories.api.Pair.of(2, Generate.constant(OpKind.SUSPEND)),
        org.quicktheories.api.Pair.of(2, Generate.constant(OpKind.REACTIVATE)),
        org.quicktheories.api.Pair.of(1, Generate.constant(OpKind.CANCEL)),
        org.quicktheories.api.Pair.of(1, Generate.constant(OpKind.RENEWAL_OFF)));
    return kinds.zip(Generate.range(0, 430), Generate.range(1, 20), Op::new);
  }

  /**
   * @param maxOps the most operations
   * @return random histories: the order, then 0 to {@code maxOps} operations in date order
   */
  public static Gen<History> histories(int maxOps) {
    Gen<LocalDate> starts = PricingGen.dates(LocalDate.of(2019, 1, 1), LocalDate.of(2030, 12, 31));
    Gen<Integer> sizes = Generate.range(0, maxOps);
    Gen<Op> opGen = ops();
    Gen<Integer> lead = Generate.range(0, 45);
    Gen<Integer> seatGen = Generate.range(1, 50);
    Gen<History> gen = in -> {
      int billingDay = billingDays().generate(in);
      CurrencyUnit currency = currencies().generate(in);
      long cost = unitCosts().generate(in);
      BigDecimal markup = markups().generate(in);
      LocalDate start = starts.generate(in);
      LocalDate createdOn = start.minusDays(lead.generate(in));
      int seats = seatGen.generate(in);
      FinancingPlan plan = financingPlans().generate(in);
      int n = sizes.generate(in);
      List<Op> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(opGen.generate(in));
      }
      list.sort(Comparator.comparingInt(Op::offset));
      return new History(billingDay, currency, cost, markup, createdOn, start, seats, plan,
          List.copyOf(list));
    };
    return gen.describedAs(History::toString);
  }

  /** @return a bill total in minor units, credits included */
  public static Gen<Long> totals() {
    return Generate.longRange(-10_000_000_000L, 10_000_000_000L);
  }

  /** @return a number of instalments, 2 to 36 (BIL-3) */
  public static Gen<Integer> instalmentCounts() {
    return Generate.range(2, 36);
  }

  /** @return 1 to 12 weights, each -1000 to 100,000, not adding up to zero */
  public static Gen<long[]> weights() {
    Gen<Integer> sizes = Generate.range(1, 12);
    Gen<Long> w = Generate.longRange(-1_000, 100_000);
    Gen<long[]> gen = in -> {
      int n = sizes.generate(in);
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = w.generate(in);
      }
      return out;
    };
    return gen.assuming(a -> java.util.Arrays.stream(a).sum() != 0)
        .describedAs(java.util.Arrays::toString);
  }

  /**
   * A price source where every month's list is published long before: the unit cost of
   * {@link #SKU} on day D is {@code costMinor + (D's year − 2019) × 7} minor units, so renewed terms
   * take a new price (PRC-6, SUB-7).
   *
   * @param currency the list currency
   * @param costMinor the cost in 2019
   * @return the source
   */
  public static PriceSource prices(CurrencyUnit currency, long costMinor) {
    return new PriceSource() {
      @Override
      public PriceQuote quote(String sku, String market, CurrencyUnit cur, LocalDate day,
          LocalDate knownOn) {
        YearMonth month = YearMonth.from(day);
        long minor = costMinor + (day.getYear() - 2019L) * 7;
        PriceList list = PriceList.monthly(MARKET, currency, month, month.atDay(1).minusDays(60),
            Map.of(SKU, MinorUnits.toAmount(minor, currency)));
        return PriceQuote.published(sku, list, day, knownOn, month.atDay(1).minusDays(30));
      }

      @Override
      public boolean hasCurrency(String market, CurrencyUnit cur, LocalDate knownOn) {
        return cur.equals(currency);
      }
    };
  }
}
