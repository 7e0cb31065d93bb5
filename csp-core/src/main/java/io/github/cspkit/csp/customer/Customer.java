package io.github.cspkit.csp.customer;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * A customer of a CSP partner (CUS-1..4): its tenant, market, segment and verification (CAT-2),
 * billing profile (BIL-2), and whether the partner holds delegated admin on its tenant (CUS-4,
 * ACC-1, ACC-2). Immutable; changes return new values.
 */
@Value.Immutable
public abstract class Customer {
  Customer() {} // only the generated implementation extends it

  /** @return the customer id */
  public abstract String id();

  /** @return a display name; the id when none is given */
  @Value.Default
  public String name() {
    return id();
  }

  /** @return the id of the partner that owns the customer relationship */
  public abstract String partnerId();

  /** @return the market, for example {@code US}; price lists are per market (PRC-1) */
  public abstract String market();

  /** @return the customer's segment (CAT-2) */
  @Value.Default
  public Segment segment() {
    return Segment.COMMERCIAL;
  }

  /** @return whether the customer is verified for its segment (CAT-2) */
  @Value.Default
  public boolean verified() {
    return false;
  }

  /** @return the customer's tenant (CUS-1) */
  public abstract Tenant tenant();

  /** @return the billing profile (BIL-2) */
  public abstract BillingProfile billing();

  /** @return the day the customer was created through the partner */
  public abstract LocalDate createdOn();

  /** @return whether the partner holds delegated admin privileges on the tenant (CUS-4) */
  @Value.Default
  public boolean delegatedAdmin() {
    return true;
  }

  @Value.Check
  void check() {
    Checks.word("customer id", id());
    Checks.name("customer name", name());
    Checks.name("market", market());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Customer}. */
  public static final class Builder extends ImmutableCustomer.Builder {}

  /**
   * @param profile a billing profile
   * @return this customer with it
   */
  public Customer withBilling(BillingProfile profile) {
    return builder().from(this).billing(profile).build();
  }

  /**
   * @param tenant the tenant
   * @return this customer with it
   */
  public Customer withTenant(Tenant tenant) {
    return builder().from(this).tenant(tenant).build();
  }

  /**
   * @param granted whether the partner holds delegated admin
   * @return this customer with that delegated admin state
   */
  public Customer withDelegatedAdmin(boolean granted) {
    return builder().from(this).delegatedAdmin(granted).build();
  }

  /**
   * @param partner a partner id
   * @return whether that partner manages this customer
   */
  public boolean isManagedBy(String partner) {
    return partnerId().equals(partner);
  }

  /**
   * @throws RuleViolation CUS-2 if the tenant cannot take CSP subscriptions
   */
  public void requireCspEligible() {
    tenant().requireCspEligible();
  }

}
