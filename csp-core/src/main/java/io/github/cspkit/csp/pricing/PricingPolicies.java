package io.github.cspkit.csp.pricing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.github.cspkit.csp.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/** The standard {@link PricingPolicy} implementations. */
final class PricingPolicies {
  static final PricingPolicy AT_COST = new PricingPolicy() {
    @Override
    public long saleMinor(String customerId, String sku, long costMinor, CurrencyUnit currency) {
      checkCost(costMinor);
      return costMinor;
    }

    @Override
    public String toString() {
      return "PricingPolicy.atCost()";
    }
  };

  private PricingPolicies() {}

  static void checkCost(long costMinor) {
    Checks.range(costMinor >= 0, "cost must not be negative, found %s minor units", costMinor);
  }

  static long checked(long saleMinor) {
    Checks.range(saleMinor >= 0, "sale price must not be negative, found %s minor units", saleMinor);
    return saleMinor;
  }

  /** A fixed sale price per SKU in its currency, else the fallback (PRC-5). */
  static final class Fixed implements PricingPolicy {
    private final ImmutableMap<String, SalePrice> prices;
    private final PricingPolicy fallback;

    Fixed(ImmutableMap<String, SalePrice> prices, PricingPolicy fallback) {
      this.prices = prices;
      this.fallback = fallback;
    }

    @Override
    public long saleMinor(String customerId, String sku, long costMinor, CurrencyUnit currency) {
      return sale(null, customerId, sku, costMinor, currency);
    }

    @Override
    public long saleMinor(LocalDate termStart, String customerId, String sku, long costMinor,
        CurrencyUnit currency) {
      return sale(termStart, customerId, sku, costMinor, currency);
    }

    /** The fixed price, else the fallback's: on {@code termStart}'s terms, or without a day. */
    private long sale(@Nullable LocalDate termStart, String customerId, String sku, long costMinor,
        CurrencyUnit currency) {
      checkCost(costMinor);
      SalePrice p = prices.get(sku);
      if (p != null && p.currency().equals(currency)) {
        return p.saleMinor();
      }
      return checked(termStart == null ? fallback.saleMinor(customerId, sku, costMinor, currency)
          : fallback.saleMinor(termStart, customerId, sku, costMinor, currency));
    }
  }

  /** A policy per customer, else the fallback (PRC-5). */
  static final class PerCustomer implements PricingPolicy {
    private final ImmutableMap<String, PricingPolicy> policies;
    private final PricingPolicy fallback;

    PerCustomer(ImmutableMap<String, PricingPolicy> policies, PricingPolicy fallback) {
      this.policies = policies;
      this.fallback = fallback;
    }

    @Override
    public long saleMinor(String customerId, String sku, long costMinor, CurrencyUnit currency) {
      checkCost(costMinor);
      return checked(policies.getOrDefault(customerId, fallback)
          .saleMinor(customerId, sku, costMinor, currency));
    }

    @Override
    public long saleMinor(LocalDate termStart, String customerId, String sku, long costMinor,
        CurrencyUnit currency) {
      checkCost(costMinor);
      return checked(policies.getOrDefault(customerId, fallback)
          .saleMinor(termStart, customerId, sku, costMinor, currency));
    }
  }

  /** One policy for terms that start before a day, another from that day on (PRC-5). */
  static final class Changing implements PricingPolicy {
    private final PricingPolicy before;
    private final LocalDate firstDay;
    private final PricingPolicy after;

    Changing(PricingPolicy before, LocalDate firstDay, PricingPolicy after) {
      this.before = before;
      this.firstDay = firstDay;
      this.after = after;
    }

    @Override
    public long saleMinor(String customerId, String sku, long costMinor, CurrencyUnit currency) {
      return after.saleMinor(customerId, sku, costMinor, currency);
    }

    @Override
    public long saleMinor(LocalDate termStart, String customerId, String sku, long costMinor,
        CurrencyUnit currency) {
      return (termStart.isBefore(firstDay) ? before : after)
          .saleMinor(termStart, customerId, sku, costMinor, currency);
    }

    @Override
    public String toString() {
      return before + " until " + firstDay.minusDays(1) + ", then " + after;
    }
  }

  /** sale = round_HALF_UP(cost × factor / 100), exactly once. */
  static final class Percent implements PricingPolicy {
    private final BigDecimal percent;
    private final BigDecimal factor;
    private final long factorLong;
    private final String name;

    Percent(BigDecimal percent, BigDecimal factor, String name) {
      this.percent = percent;
      this.factor = factor;
      this.name = name;
      long f = -1;
      try {
        if (factor.scale() <= 0) {
          f = factor.longValueExact();
        }
      } catch (ArithmeticException e) {
        f = -1;
      }
      this.factorLong = f;
    }

    @Override
    public long saleMinor(String customerId, String sku, long costMinor, CurrencyUnit currency) {
      checkCost(costMinor);
      if (factorLong >= 0 && factorLong < Integer.MAX_VALUE && costMinor < Integer.MAX_VALUE) {
        // whole percent: exact in long, HALF_UP for non-negative values
        long n = costMinor * factorLong;
        return checked(n / 100 + ((n % 100) * 2 >= 100 ? 1 : 0));
      }
      BigDecimal sale = BigDecimal.valueOf(costMinor).multiply(factor).movePointLeft(2)
          .setScale(0, RoundingMode.HALF_UP);
      Checks.range(sale.unscaledValue().bitLength() < 64, // sale has scale 0
          "arithmetic overflow: a sale price of %s minor units does not fit 64 bits", sale);
      return checked(sale.longValueExact());
    }

    @Override
    public String toString() {
      return "PricingPolicy." + name + "(" + percent.toPlainString() + ")";
    }
  }
}
