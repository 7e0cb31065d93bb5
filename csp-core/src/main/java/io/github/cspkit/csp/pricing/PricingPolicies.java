package io.github.cspkit.csp.pricing;

import io.github.cspkit.csp.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.CurrencyUnit;

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
