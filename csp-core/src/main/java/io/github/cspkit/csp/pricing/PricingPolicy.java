package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * <p>
 * A sale price is locked with the cost on a term's first day (PRC-6), so a change of pricing policy
 * applies to terms that start after it, renewals included, and never to the rest of a running
 * term (PRC-5). Terms are priced when they start, but a renewal may be computed later (when the
 * subscription is next touched): {@link #changingOn} dates a change, so that every term is priced
 * by the policy in force on its first day, whenever it is computed.
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
   * The unit sale price of a term that starts on {@code termStart} (PRC-5, PRC-6). A policy that
   * changes over time ({@link #changingOn}) answers with the policy in force on that day; the
   * others ignore the day.
   *
   * @param termStart the first day of the term priced
   * @param customerId the customer
   * @param sku the SKU id
   * @param costMinor the unit cost in minor units, not negative
   * @param currency the currency of cost and sale
   * @return the unit sale price in minor units, not negative
   */
  default long saleMinor(LocalDate termStart, String customerId, String sku, long costMinor,
      CurrencyUnit currency) {
    return saleMinor(customerId, sku, costMinor, currency);
  }

  /**
   * This policy for terms that start before {@code firstDay}, {@code later} for terms that start on
   * or after it, renewals included (PRC-5). Asked without a day, it answers as {@code later}, the
   * policy in force after the change.
   *
   * @param firstDay the first day of the first term priced by {@code later}
   * @param later the policy from then on
   * @return the changing policy
   */
  default PricingPolicy changingOn(LocalDate firstDay, PricingPolicy later) {
    return new PricingPolicies.Changing(this, requireNonNull(firstDay, "firstDay"),
        requireNonNull(later, "later"));
  }

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
    return new PricingPolicies.Fixed(fixed.build(), fallback);
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
    return new PricingPolicies.PerCustomer(
        ImmutableMap.copyOf(requireNonNull(perCustomer, "perCustomer")), fallback);
  }
}
