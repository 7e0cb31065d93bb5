package io.github.cspkit.csp.partner;

import io.github.cspkit.csp.access.AccessPolicy;
import io.github.cspkit.csp.access.DelegatedAdminPolicy;
import io.github.cspkit.csp.access.GdapPolicy;
import io.github.cspkit.csp.access.SecurityGroups;
import io.github.cspkit.csp.agreement.RenewalPolicy;
import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.LifecyclePolicy;
import io.github.cspkit.csp.time.DayCount;
import org.immutables.value.Value;

/**
 * Every interpretation of DOMAIN.md as a swappable policy. {@link #seed()} follows the seed;
 * replace one with {@code CspPolicies.builder().from(CspPolicies.seed()).pricing(...).build()}
 * without touching the others.
 */
@Value.Immutable
public abstract class CspPolicies {
  CspPolicies() {} // only the generated implementation extends it

  /** @return renewal date and notice period of the agreement (AGR-2, AGR-3): Aug 31, 30 days */
  @Value.Default
  public RenewalPolicy renewal() {
    return RenewalPolicy.seed();
  }

  /** @return price list notice and cadence (PRC-1..3): monthly, 30 days */
  @Value.Default
  public PriceListPolicy priceLists() {
    return PriceListPolicy.seed();
  }

  /**
   * @return the partner's sale prices (PRC-5): at cost. The percent policies round the sale unit
   *     price HALF_UP to the minor unit once, as SCENARIOS.md specifies, whatever {@link #rounding()}
   *     says about charges
   */
  @Value.Default
  public PricingPolicy pricing() {
    return PricingPolicy.atCost();
  }

  /** @return which day's price a term or change pays (PRC-6): the term's first day */
  @Value.Default
  public PriceLock priceLock() {
    return PriceLock.TERM_START;
  }

  /** @return how days are counted (SUB-2): actual days */
  @Value.Default
  public DayCount dayCount() {
    return DayCount.ACTUAL;
  }

  /** @return how charges round (BIL-6): HALF_UP to the minor unit */
  @Value.Default
  public Rounding rounding() {
    return Rounding.HALF_UP;
  }

  /** @return seat removal, reactivation and renewal (SUB-7): all on */
  @Value.Default
  public LifecyclePolicy lifecycle() {
    return LifecyclePolicy.seed();
  }

  /** @return the families the program sells (CAT-1): Office 365 */
  @Value.Default
  public ProgramPolicy program() {
    return ProgramPolicy.seed();
  }

  /** @return when bills are issued (BIL-7): in advance */
  @Value.Default
  public BillingTiming timing() {
    return BillingTiming.IN_ADVANCE;
  }

  /** @return who may remove delegated admin (ACC-2): nobody */
  @Value.Default
  public DelegatedAdminPolicy delegatedAdmin() {
    return DelegatedAdminPolicy.NOBODY;
  }

  /**
   * @return granular delegated admin (GDA-1..4), if the partner works under it: durations, approval
   *     window, auto-extension and roles ({@code GdapPolicy.currentProgram()}). Empty under the
   *     seed, where delegated admin is granted at customer creation (CUS-4, ACC-1, ACC-2). When set,
   *     {@link CspPartner#gdap()} manages relationships, and the delegated-administration tasks
   *     need a relationship active on the request's day (GDA-2)
   */
  public abstract java.util.Optional<GdapPolicy> gdap();

  /**
   * @return the partner's security groups (GDA-2), which GDAP relationships grant roles to: none
   *     by default. Used only with {@link #gdap()}
   */
  @Value.Default
  public SecurityGroups securityGroups() {
    return SecurityGroups.none();
  }

  /**
   * @return an access policy that replaces the seed's rules whole, if one is set
   */
  public abstract java.util.Optional<AccessPolicy> customAccess();

  /**
   * @return who may do what (ACC-1..5, SUB-6): {@link #customAccess()} when set, else the seed's
   *     rules with {@link #delegatedAdmin()} (derived, so changing {@code delegatedAdmin} on a copy
   *     of these policies takes effect), under GDAP when {@link #gdap()} is set
   *     ({@link AccessPolicy#underGdap})
   */
  @Value.Lazy
  public AccessPolicy access() {
    return customAccess().orElseGet(() -> gdap().isPresent()
        ? AccessPolicy.underGdap(delegatedAdmin()) : AccessPolicy.seed(delegatedAdmin()));
  }

  /**
   * @return the Microsoft Partner Agreement's policy (MPA-1), if partners accept that agreement
   *     instead of the seed's reseller agreement (AGR-2, AGR-3); then AGR-1 checks it. Absent in
   *     the seed
   */
  public abstract java.util.Optional<io.github.cspkit.csp.agreement.PartnerAgreementPolicy> partnerAgreement();

  /**
   * @return the new-commerce policies (NCE-1..10), if the partner sells new-commerce
   *     subscriptions ({@code CspPartner.newCommerce()}). Absent in the seed
   */
  public abstract java.util.Optional<NewCommercePolicies> newCommerce();

  /**
   * The current program (DOMAIN.md, "The current program"): the seed's policies with the Microsoft
   * Partner Agreement (MPA-1, 30 days of termination notice) and new-commerce subscriptions
   * (NCE-1..10: every term and plan, a 7-day window, suspended subscriptions still charged, the
   * vendor's charges truncated) and granular delegated admin (GDA-1..4: delegated administration
   * only through relationships the customer approved). Each part is an ordinary policy: mix them with the seed's through
   * {@code builder().from(currentProgram())}.
   *
   * @return the current program's policies
   */
  public static CspPolicies currentProgram() {
    return builder()
        .partnerAgreement(io.github.cspkit.csp.agreement.PartnerAgreementPolicy.currentProgram())
        .newCommerce(NewCommercePolicies.currentProgram())
        .gdap(GdapPolicy.currentProgram())
        .build();
  }

  /** @return the policies that follow the seed */
  public static CspPolicies seed() {
    return builder().build();
  }

  /** @return a new builder, every policy at its seed default */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CspPolicies}. */
  public static final class Builder extends ImmutableCspPolicies.Builder {}
}
