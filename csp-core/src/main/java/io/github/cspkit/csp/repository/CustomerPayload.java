package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.internal.Checks;
import javax.money.CurrencyUnit;

/**
 * The event log's entries about a customer (aggregate {@code "customer"}, the entry's id the
 * customer's): created with its tenant (CUS-1, CUS-4), its billing profile set (BIL-2), its direct
 * trial converted (CUS-3). A customer's financing is a {@link BillingPayload.FinancingSet}, the
 * removal of delegated admin an {@link AccessPayload.DelegatedAdminRemoved}.
 */
public sealed interface CustomerPayload extends EventPayload permits CustomerPayload.Created,
    CustomerPayload.BillingProfileSet, CustomerPayload.TrialEnded {
  /** The aggregate kind of a customer's entries. */
  String CUSTOMER = "customer";

  @Override
  default String aggregate() {
    return CUSTOMER;
  }

  /**
   * A customer created with its tenant (CUS-1). Kind {@code CREATED}.
   *
   * @param tenantId the tenant's id
   * @param origin how the tenant came to be: new, or the customer's direct trial (CUS-2, CUS-3)
   * @param delegatedAdmin whether the partner got delegated admin with it (CUS-4; under GDAP,
   *     GDA-1, it does not: access comes through relationships only)
   */
  record Created(String tenantId, TenantOrigin origin, boolean delegatedAdmin)
      implements CustomerPayload {
    /**
     * @param tenantId tenant id
     * @param origin tenant origin
     * @param delegatedAdmin delegated admin granted
     */
    public Created {
      requireNonNull(tenantId, "tenantId");
      requireNonNull(origin, "origin");
    }

    @Override
    public String kind() {
      return "CREATED";
    }
  }

  /**
   * The customer's billing profile set (BIL-2): the billing day and the bill currency. Kind
   * {@code BILLING_PROFILE}.
   *
   * @param billingDay the day of the month its periods start on, 1 to 31
   * @param currency the currency of its bills
   */
  record BillingProfileSet(int billingDay, CurrencyUnit currency) implements CustomerPayload {
    /**
     * @param billingDay billing day, 1 to 31
     * @param currency bill currency
     */
    public BillingProfileSet {
      Checks.range(billingDay >= 1 && billingDay <= 31, "billing day must be 1 to 31, found %s",
          billingDay);
      requireNonNull(currency, "currency");
    }

    @Override
    public String kind() {
      return "BILLING_PROFILE";
    }
  }

  /**
   * The customer's direct trial ended: converted to a paid subscription (CUS-3). Kind
   * {@code TRIAL_ENDED}.
   *
   * @param subscriptionId the subscription it was converted to
   */
  record TrialEnded(String subscriptionId) implements CustomerPayload {
    /** @param subscriptionId the paid subscription */
    public TrialEnded {
      requireNonNull(subscriptionId, "subscriptionId");
    }

    @Override
    public String kind() {
      return "TRIAL_ENDED";
    }
  }
}
