package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.MinorUnits;
import java.time.LocalDate;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.immutables.value.Value;

/**
 * What one operation did to a subscription, and what it costs (SUB-2, SUB-5, SUB-7, BIL-5): seats
 * before and after, the day, and the prorated charge (negative for a credit) with its formula
 * {@code unit × seats × days/daysInTerm}, rounded once. Immutable.
 */
@Value.Immutable
public abstract non-sealed class SubscriptionEvent implements ChangeEvent {
  SubscriptionEvent() {} // only the generated implementation extends it

  /** @return the subscription */
  public abstract String subscriptionId();

  /** @return its customer */
  public abstract String customerId();

  /** @return its SKU */
  public abstract String sku();

  /** @return what happened */
  public abstract ChangeKind kind();

  /** @return the day it applies from */
  public abstract LocalDate date();

  /** @return seats before */
  public abstract int seatsBefore();

  /** @return seats after */
  public abstract int seatsAfter();

  /** @return status after */
  public abstract SubscriptionStatus status();

  /** @return the currency */
  public abstract CurrencyUnit currency();

  /** @return the sale unit price used, minor units */
  public abstract long unitMinor();

  /** @return the seats charged (negative for a credit) */
  public abstract long seatsCharged();

  /** @return the days charged, from the change's day to the term's end */
  public abstract long days();

  /** @return the term's day count */
  public abstract long daysInTerm();

  /** @return the sale charge over the rest of the term, minor units (negative: a credit) */
  public abstract long chargeMinor();

  /** @return the partner's cost of the same change, minor units */
  public abstract long costMinor();

  /** @return the sale charge */
  public MonetaryAmount charge() {
    return MinorUnits.toAmount(chargeMinor(), currency());
  }

  /** @return the partner's cost of the change */
  public MonetaryAmount cost() {
    return MinorUnits.toAmount(costMinor(), currency());
  }

  /**
   * @return the formula of the charge, {@code unit × seats × days/daysInTerm} with the days
   *     counted by the day count policy: it reproduces {@link #chargeMinor()} under the rounding
   *     policy (seats 0: a change that charges nothing, showing the unit price)
   */
  public Formula proration() {
    return new Formula(unitMinor(), seatsCharged(), days(), daysInTerm());
  }

  /** @return the formula's text, for example {@code 288.00 × 5 × 224/365} */
  public String formula() {
    return proration().format(currency());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SubscriptionEvent}. */
  public static final class Builder extends ImmutableSubscriptionEvent.Builder {
    /**
     * Sets the unit price, seats charged, days and day count from a formula.
     *
     * @param formula the charge's formula
     * @return this builder
     */
    public Builder proration(Formula formula) {
      unitMinor(formula.unitMinor());
      seatsCharged(formula.seats());
      days(formula.days());
      daysInTerm(formula.daysInTerm());
      return this;
    }
  }

  @Override
  public String toString() {
    return date() + " " + kind() + " " + subscriptionId() + " " + seatsBefore() + "→" + seatsAfter()
        + " " + MinorUnits.format(chargeMinor(), currency()) + " " + currency().getCurrencyCode()
        + " (" + formula() + ")";
  }
}
