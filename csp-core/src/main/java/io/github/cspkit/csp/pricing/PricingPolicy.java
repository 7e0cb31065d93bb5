package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What the partner charges its customer for a unit whose cost the price list gives (PRC-5): the
 * partner's own decision, a policy. The default ({@link #atCost()}) sells at cost; others mark up,
 * discount, fix a price per SKU or choose per customer.
 * <p>
 * Computed exactly (in {@code long} minor units and {@link BigDecimal}), then rounded once to the
 * minor unit, HALF_UP: a markup of 20% on 240.00 is 288.00; of 10% on 0.05 is 0.06 (0.055 rounds up).
 * A negative sale price is refused with {@link io.github.cspkit.csp.OutOfRangeException}.
 * Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface PricingPolicy {
  /**
   * @param customerId the customer
   * @param sku the SKU id
   * @param costMinor the unit cost in minor units, not negative
   * @param currency the currency of cost and sale
   * @return the unit sale price in minor units, not negative
   * @throws io.github.cspkit.csp.OutOfRangeException if the cost or the result is negative
   */
  long saleMinor(String customerId, String sku, long costMinor, CurrencyUnit currency);

  /**
   * @param customerId the customer
   * @param sku the SKU id
   * @param cost the unit cost
   * @return the unit sale price, in the cost's currency
   */
  default MonetaryAmount salePrice(String customerId, String sku, MonetaryAmount cost) {
    return price(customerId, sku, cost).sale();
  }

  /**
   * @param customerId the customer
   * @param sku the SKU id
   * @param cost the unit cost
   * @return cost and sale price together, so margin can be reported (PRC-5)
   */
  default SalePrice price(String customerId, String sku, MonetaryAmount cost) {
    requireNonNull(cost, "cost");
    long costMinor = MinorUnits.of(cost);
    CurrencyUnit currency = cost.getCurrency();
    return SalePrice.of(costMinor, saleMinor(customerId, sku, costMinor, currency), currency);
  }

  /** @return the seed's default: the customer pays the partner's cost */
  static PricingPolicy atCost() {
    return PricingPolicies.AT_COST;
  }

  /**
   * @param percent the markup in percent, not negative: sale = cost × (1 + percent/100)
   * @return a markup policy; 20 on 240.00 gives 288.00
   */
  static PricingPolicy markup(BigDecimal percent) {
    requireNonNull(percent, "percent");
    Checks.range(percent.signum() >= 0, "markup percent must not be negative: %s", percent);
    return new PricingPolicies.Percent(percent, BigDecimal.valueOf(100).add(percent), "markup");
  }

  /**
   * @param percent the discount in percent, 0 to 100: sale = cost × (1 − percent/100)
   * @return a discount policy
   */
  static PricingPolicy discount(BigDecimal percent) {
    requireNonNull(percent, "percent");
    Checks.range(
        percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0,
        "discount percent must be between 0 and 100: %s", percent);
    return new PricingPolicies.Percent(percent, BigDecimal.valueOf(100).subtract(percent), "discount");
  }

  /**
   * A fixed sale price per SKU. A fixed price applies in its own currency; a SKU not named, or asked
   * in another currency, is priced by {@code fallback}.
   *
   * @param perSku SKU id → unit sale price, not negative, no finer than the minor unit
   * @param fallback the policy for everything else
   * @return the policy
   */
  static PricingPolicy fixed(Map<String, ? extends MonetaryAmount> perSku, PricingPolicy fallback) {
    requireNonNull(fallback, "fallback");
    ImmutableMap.Builder<String, SalePrice> fixed = ImmutableMap.builder();
    requireNonNull(perSku, "perSku").forEach((sku, amount) -> {
      long minor = MinorUnits.of(requireNonNull(amount, "fixed price of " + sku));
      Checks.range(minor >= 0, "fixed price of %s must not be negative: %s", sku, amount);
      fixed.put(sku, SalePrice.of(0, minor, amount.getCurrency()));
    });
    ImmutableMap<String, SalePrice> prices = fixed.build();
    return (customerId, sku, costMinor, currency) -> {
      PricingPolicies.checkCost(costMinor);
      SalePrice p = prices.get(sku);
      if (p != null && p.currency().equals(currency)) {
        return p.saleMinor();
      }
      return PricingPolicies.checked(fallback.saleMinor(customerId, sku, costMinor, currency));
    };
  }

  /**
   * A policy per customer.
   *
   * @param perCustomer customer id → its policy
   * @param fallback the policy of any other customer
   * @return the policy
   */
  static PricingPolicy perCustomer(
      Map<String, ? extends PricingPolicy> perCustomer, PricingPolicy fallback) {
    requireNonNull(fallback, "fallback");
    ImmutableMap<String, PricingPolicy> policies =
        ImmutableMap.copyOf(requireNonNull(perCustomer, "perCustomer"));
    return (customerId, sku, costMinor, currency) -> {
      PricingPolicies.checkCost(costMinor);
      PricingPolicy p = policies.getOrDefault(customerId, fallback);
      return PricingPolicies.checked(p.saleMinor(customerId, sku, costMinor, currency));
    };
  }
}
