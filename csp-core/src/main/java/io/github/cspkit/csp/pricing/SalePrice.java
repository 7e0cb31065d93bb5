package io.github.cspkit.csp.pricing;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.immutables.value.Value;

/**
 * A unit price as the partner sees it (PRC-5): its cost from the price list and its sale price to
 * the customer, both kept so the margin can be reported. Minor units of one currency. Immutable.
 */
@Value.Immutable
public abstract class SalePrice {
  SalePrice() {} // only the generated implementation extends it

  /** @return the partner's cost, in minor units */
  @Value.Parameter
  public abstract long costMinor();

  /** @return the price the customer pays, in minor units */
  @Value.Parameter
  public abstract long saleMinor();

  /** @return the currency of both */
  @Value.Parameter
  public abstract CurrencyUnit currency();

  /** @return the cost */
  public MonetaryAmount cost() {
    return MinorUnits.toAmount(costMinor(), currency());
  }

  /** @return the sale price */
  public MonetaryAmount sale() {
    return MinorUnits.toAmount(saleMinor(), currency());
  }

  /** @return sale minus cost, in minor units; negative when sold below cost */
  public long marginMinor() {
    return Math.subtractExact(saleMinor(), costMinor());
  }

  /** @return sale minus cost */
  public MonetaryAmount margin() {
    return MinorUnits.toAmount(marginMinor(), currency());
  }

  @Value.Check
  void check() {
    Checks.range(costMinor() >= 0, "cost must not be negative, found %s", costMinor());
    Checks.range(saleMinor() >= 0, "sale price must not be negative, found %s", saleMinor());
  }

  /**
   * @param costMinor the cost in minor units, not negative
   * @param saleMinor the sale price in minor units, not negative
   * @param currency the currency
   * @return the pair
   */
  public static SalePrice of(long costMinor, long saleMinor, CurrencyUnit currency) {
    return ImmutableSalePrice.of(costMinor, saleMinor, currency);
  }

  /**
   * @param cost the cost
   * @param sale the sale price, in the same currency
   * @return the pair
   */
  public static SalePrice of(MonetaryAmount cost, MonetaryAmount sale) {
    if (!cost.getCurrency().equals(sale.getCurrency())) {
      throw new io.github.cspkit.csp.OutOfRangeException(
          "cost " + cost + " and sale " + sale + " are in different currencies");
    }
    return of(MinorUnits.of(cost), MinorUnits.of(sale), cost.getCurrency());
  }

  @Override
  public String toString() {
    return "SalePrice{cost=" + MinorUnits.format(costMinor(), currency())
        + ", sale=" + MinorUnits.format(saleMinor(), currency())
        + " " + currency().getCurrencyCode() + "}";
  }
}
