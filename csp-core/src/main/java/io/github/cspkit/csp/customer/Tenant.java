package io.github.cspkit.csp.customer;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer's tenant (CUS-1..3). A syndication tenant cannot take CSP subscriptions (CUS-2);
 * a direct trial can be converted once into a paid CSP subscription, and then ends (CUS-3).
 */
@Value.Immutable
public abstract class Tenant {
  Tenant() {} // only the generated implementation extends it

  /** @return the tenant id */
  @Value.Parameter
  public abstract String id();

  /** @return where the tenant came from */
  @Value.Parameter
  public abstract TenantOrigin origin();

  /** @return the day the direct trial ended, once converted (CUS-3) */
  public abstract Optional<LocalDate> trialEndedOn();

  /**
   * @param id the tenant id
   * @param origin its origin
   * @return the tenant
   */
  public static Tenant of(String id, TenantOrigin origin) {
    Checks.text("tenant id", id);
    return ImmutableTenant.of(id, origin);
  }

  /**
   * @param date a date
   * @return whether a direct trial is running on that date
   */
  public boolean hasDirectTrialOn(LocalDate date) {
    return origin() == TenantOrigin.DIRECT_TRIAL
        && trialEndedOn().map(end -> date.isBefore(end)).orElse(true);
  }

  /**
   * @param date a date
   * @return whether a direct trial, not yet converted, runs on that date and can be converted
   */
  public boolean canConvertTrialOn(LocalDate date) {
    return hasDirectTrialOn(date) && trialEndedOn().isEmpty();
  }

  /**
   * @throws RuleViolation CUS-2 if the tenant holds a syndication subscription
   */
  public void requireCspEligible() {
    Checks.rule(origin() != TenantOrigin.SYNDICATION, "CUS-2",
        "tenant %s holds a subscription acquired through syndication and cannot be used for CSP"
            + " subscriptions; use a new tenant for this customer", id());
  }

  /**
   * Ends the direct trial, as its conversion to a paid subscription starts (CUS-3).
   *
   * @param date the paid subscription's first day
   * @return the tenant with its trial ended on {@code date}
   * @throws RuleViolation CUS-3 if the tenant has no running direct trial on that day
   */
  public Tenant endTrial(LocalDate date) {
    Checks.rule(canConvertTrialOn(date), "CUS-3",
        "tenant %s has no running trial provisioned directly from the vendor on %s (%s); order a"
            + " subscription instead", id(), date,
        trialEndedOn().map(d -> "its trial ended on " + d).orElse("it holds no direct trial"));
    return ImmutableTenant.builder().from(this).trialEndedOn(date).build();
  }
}
