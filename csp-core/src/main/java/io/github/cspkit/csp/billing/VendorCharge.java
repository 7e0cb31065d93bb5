package io.github.cspkit.csp.billing;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.immutables.value.Value;

/**
 * One charge the vendor invoices the partner for a new-commerce subscription (NCE-10), with the
 * figures of Partner Center's reconciliation file: {@code UnitPrice} is the instalment of one seat
 * for one charge cycle (NCE-2); {@code EffectiveUnitPrice} is the unit price for the line's share
 * of its cycle, rounded by the vendor's rounding (truncated by default); {@code Subtotal} is the
 * effective unit price × {@code Quantity}. A refund has a positive quantity and a negative effective
 * unit price and subtotal. {@code ChargeEndDate} is the charge's last day, included. Immutable.
 */
@Value.Immutable
public abstract class VendorCharge {
  VendorCharge() {} // only the generated implementation extends it

  /** @return the customer ({@code CustomerId}) */
  public abstract String customerId();

  /** @return the subscription ({@code SubscriptionId}) */
  public abstract String subscriptionId();

  /** @return the SKU charged ({@code SkuId}) */
  public abstract String skuId();

  /** @return what the charge is for ({@code ChargeType}) */
  public abstract ChargeType chargeType();

  /** @return the days charged or refunded, {@code [ChargeStartDate, ChargeEndDate + 1)} */
  public abstract DateRange span();

  /** @return the days of the charge cycle the line is a share of */
  public abstract long cycleDays();

  /** @return the term's length */
  public abstract TermLength term();

  /** @return the billing plan */
  public abstract BillingPlan plan();

  /** @return the currency */
  public abstract CurrencyUnit currency();

  /** @return the instalment of one seat for one cycle, minor units ({@code UnitPrice}) */
  public abstract long unitPriceMinor();

  /**
   * @return the unit price for the line's share of its cycle, rounded once, negative for a refund
   *     ({@code EffectiveUnitPrice}), minor units
   */
  public abstract long effectiveUnitPriceMinor();

  /** @return the seats charged or refunded, at least 1 ({@code Quantity}) */
  public abstract int quantity();

  @Value.Check
  void check() {
    Checks.range(quantity() >= 1, "quantity must be at least 1, found %s", quantity());
    Checks.range(!span().isEmpty(), "a charge covers at least one day");
    Checks.range(span().days() <= cycleDays(), "a charge of %s days is longer than its cycle of %s",
        span().days(), cycleDays());
    Checks.range(unitPriceMinor() >= 0, "unit price must not be negative");
    Checks.range(plan().fits(term()), "billing plan %s does not fit a %s term", plan(), term());
  }

  /** @return the first day charged ({@code ChargeStartDate}) */
  public LocalDate chargeStartDate() {
    return span().start();
  }

  /** @return the last day charged, included ({@code ChargeEndDate}) */
  public LocalDate chargeEndDate() {
    return span().lastDay();
  }

  /** @return the effective unit price × the quantity ({@code Subtotal}), minor units */
  @Value.Derived
  public long subtotalMinor() {
    return MinorUnits.multiply(effectiveUnitPriceMinor(), quantity());
  }

  /** @return whether the line gives money back (NCE-5, NCE-6, NCE-9's credit) */
  public boolean isRefund() {
    return effectiveUnitPriceMinor() < 0;
  }

  /** @return the term and billing plan, for example {@code "P1Y monthly"} ({@code TermAndBillingCycle}) */
  public String termAndBillingCycle() {
    return term().code() + " " + plan().code();
  }

  /** @return the unit price */
  public MonetaryAmount unitPrice() {
    return MinorUnits.toAmount(unitPriceMinor(), currency());
  }

  /** @return the effective unit price */
  public MonetaryAmount effectiveUnitPrice() {
    return MinorUnits.toAmount(effectiveUnitPriceMinor(), currency());
  }

  /** @return the subtotal */
  public MonetaryAmount subtotal() {
    return MinorUnits.toAmount(subtotalMinor(), currency());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VendorCharge}. */
  public static final class Builder extends ImmutableVendorCharge.Builder {}

  @Override
  public String toString() {
    return subscriptionId() + " " + chargeType().label() + " " + chargeStartDate() + ".."
        + chargeEndDate() + " " + quantity() + " × "
        + MinorUnits.format(effectiveUnitPriceMinor(), currency()) + " = "
        + MinorUnits.format(subtotalMinor(), currency()) + " " + currency().getCurrencyCode();
  }
}
