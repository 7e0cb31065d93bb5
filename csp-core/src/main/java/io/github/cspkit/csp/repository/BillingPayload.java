package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.time.DateRange;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The event log's entries about billing: a customer's financing set (BIL-3), one of the partner's
 * own services added to its bills (BIL-1), a bill issued (BIL-1, BIL-7). Amounts are minor units
 * of their currency, exact (BIL-6).
 */
public sealed interface BillingPayload extends EventPayload permits BillingPayload.FinancingSet,
    BillingPayload.ServiceAdded, BillingPayload.BillIssued {
  /**
   * The partner's own financing for the customer set (BIL-3). Aggregate {@code "customer"} (the
   * entry's id the customer's), kind {@code FINANCING}.
   *
   * @param plan the plan from the entry's day
   */
  record FinancingSet(FinancingPlan plan) implements BillingPayload {
    /** @param plan plan */
    public FinancingSet {
      requireNonNull(plan, "plan");
    }

    @Override
    public String aggregate() {
      return CustomerPayload.CUSTOMER;
    }

    @Override
    public String kind() {
      return "FINANCING";
    }
  }

  /**
   * One of the partner's own services added to a customer's bills from the entry's day (BIL-1).
   * Aggregate {@code "service"} (the entry's id {@code customerId/serviceId}), kind {@code ADDED}.
   *
   * @param customerId the customer
   * @param serviceId the service's id
   * @param name its name on the bill
   * @param amountMinor its price in minor units of {@code currency}
   * @param currency the customer's bill currency (BIL-2)
   * @param recurrence every month, or once
   */
  record ServiceAdded(String customerId, String serviceId, String name, long amountMinor,
      CurrencyUnit currency, Recurrence recurrence) implements BillingPayload {
    /**
     * @param customerId customer
     * @param serviceId service id
     * @param name name
     * @param amountMinor price in minor units
     * @param currency currency
     * @param recurrence recurrence
     */
    public ServiceAdded {
      requireNonNull(customerId, "customerId");
      requireNonNull(serviceId, "serviceId");
      requireNonNull(name, "name");
      requireNonNull(currency, "currency");
      requireNonNull(recurrence, "recurrence");
    }

    /** @return the price as an amount */
    public MonetaryAmount amount() {
      return MinorUnits.toAmount(amountMinor, currency);
    }

    @Override
    public String aggregate() {
      return "service";
    }

    @Override
    public String kind() {
      return "ADDED";
    }
  }

  /**
   * A bill issued on the entry's day (BIL-1, BIL-7) with its total and the partner's cost (BIL-4).
   * Aggregate {@code "bill"} (the entry's id the bill's), kind {@code ISSUED}.
   *
   * @param customerId the customer billed
   * @param period the billing period, half-open
   * @param totalMinor the total in minor units of {@code currency}
   * @param costMinor the partner's cost in minor units of {@code currency}
   * @param currency the bill's currency
   */
  record BillIssued(String customerId, DateRange period, long totalMinor, long costMinor,
      CurrencyUnit currency) implements BillingPayload {
    /**
     * @param customerId customer
     * @param period period
     * @param totalMinor total in minor units
     * @param costMinor cost in minor units
     * @param currency currency
     */
    public BillIssued {
      requireNonNull(customerId, "customerId");
      requireNonNull(period, "period");
      requireNonNull(currency, "currency");
    }

    /** @return the total as an amount */
    public MonetaryAmount total() {
      return MinorUnits.toAmount(totalMinor, currency);
    }

    /** @return the partner's cost as an amount */
    public MonetaryAmount cost() {
      return MinorUnits.toAmount(costMinor, currency);
    }

    @Override
    public String aggregate() {
      return "bill";
    }

    @Override
    public String kind() {
      return "ISSUED";
    }
  }
}
