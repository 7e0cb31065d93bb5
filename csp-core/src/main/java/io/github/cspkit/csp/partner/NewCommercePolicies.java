package io.github.cspkit.csp.partner;

import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.pricing.TermPolicy;
import io.github.cspkit.csp.subscription.ChangeWindow;
import io.github.cspkit.csp.subscription.SuspensionBilling;
import org.immutables.value.Value;

/**
 * The policies of new-commerce subscriptions (NCE-1..10), the part of {@link CspPolicies} that
 * turns them on ({@link CspPolicies#newCommerce()}): the terms and billing plans sold (NCE-1), the
 * cancellation and seat-reduction window (NCE-5, NCE-6), whether the partner's bill keeps
 * charging a suspended subscription (NCE-7) and the vendor's ledger with its rounding (NCE-10).
 * Upgrade paths (NCE-9) are the catalog's ({@link io.github.cspkit.csp.catalog.Catalog#upgradePaths()}).
 * Each part defaults to the current program's reading.
 */
@Value.Immutable
public abstract class NewCommercePolicies {
  NewCommercePolicies() {} // only the generated implementation extends it

  /** @return the terms and plans sold (NCE-1): P1M monthly; P1Y monthly or annual; P3Y any */
  @Value.Default
  public TermPolicy terms() {
    return TermPolicy.currentProgram();
  }

  /** @return the cancellation and seat-reduction window (NCE-5, NCE-6): 7 days */
  @Value.Default
  public ChangeWindow window() {
    return ChangeWindow.currentProgram();
  }

  /** @return whether the partner's bill charges a suspended subscription (NCE-7): it does */
  @Value.Default
  public SuspensionBilling suspension() {
    return SuspensionBilling.currentProgram();
  }

  /** @return the vendor's charges and their rounding (NCE-10): Partner Center's, truncated */
  @Value.Default
  public VendorLedger vendorLedger() {
    return VendorLedger.partnerCenter();
  }

  /** @return the current program's new-commerce policies */
  public static NewCommercePolicies currentProgram() {
    return builder().build();
  }

  /** @return a new builder, every policy at the current program's default */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NewCommercePolicies}. */
  public static final class Builder extends ImmutableNewCommercePolicies.Builder {}
}
