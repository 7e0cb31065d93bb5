package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import javax.money.MonetaryAmount;

/**
 * One row of a new-commerce price list (NCE-1, NCE-2): an offer (SKU, term, billing plan) and its
 * unit price, the price of one seat for the whole term (the partner's cost, PRC-5). The vendor
 * charges it in {@linkplain #instalment() equal instalments}, one per charge cycle.
 *
 * @param offer what the row prices
 * @param unitPrice the price of one seat for the whole term, not negative, no finer than the minor
 *     unit
 */
public record PriceRow(TermOffer offer, MonetaryAmount unitPrice) {
  /**
   * Checks the fields.
   * @param offer the SKU, term and billing plan
   * @param unitPrice the unit price of one seat for the whole term
   * @throws io.github.cspkit.csp.OutOfRangeException if the price is negative or finer than the minor unit
   */
  public PriceRow {
    requireNonNull(offer, "offer");
    requireNonNull(unitPrice, "unitPrice");
    Checks.range(!unitPrice.isNegative(), "price of %s is negative: %s", offer, unitPrice);
    BigDecimal value = unitPrice.getNumber().numberValue(BigDecimal.class);
    Checks.range(value.stripTrailingZeros().scale() <= MinorUnits.digits(unitPrice.getCurrency()),
        "price of %s (%s) is finer than the minor unit of %s", offer, unitPrice,
        unitPrice.getCurrency());
  }

  /**
   * @param offer what the row prices
   * @param unitPrice the price of one seat for the whole term
   * @return the row
   */
  public static PriceRow of(TermOffer offer, MonetaryAmount unitPrice) {
    return new PriceRow(offer, unitPrice);
  }

  /** @return the unit price in minor units */
  public long unitMinor() {
    return MinorUnits.of(unitPrice);
  }

  /** @return the instalment of one seat for one charge cycle: the price ÷ the cycles (NCE-2) */
  public Instalment instalment() {
    return Instalment.of(unitMinor(), offer.cycles(), unitPrice.getCurrency());
  }

  @Override
  public String toString() {
    return offer + "=" + MinorUnits.format(unitMinor(), unitPrice.getCurrency()) + " "
        + unitPrice.getCurrency().getCurrencyCode();
  }
}
