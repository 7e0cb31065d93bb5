package io.github.cspkit.csp.billing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A customer's billing state (BIL-6, BIL-7): when its last bill was issued, which period comes
 * next, what has been billed of each subscription term, and which one-off services were billed.
 * Stored with each bill, so that the next bill charges exactly the difference.
 */
@Value.Immutable
public abstract class BillingAccount {
  BillingAccount() {} // only the generated implementation extends it

  /** @return the customer */
  public abstract String customerId();

  /** @return the day at whose end the last bill was issued */
  public abstract Optional<LocalDate> lastIssuedOn();

  /** @return the start of the next period to bill */
  public abstract LocalDate nextPeriodStart();

  /** @return what has been billed, per term key ({@code subscriptionId#termIndex}) */
  public abstract Map<String, Billed> billed();

  /** @return the one-off services already billed */
  public abstract Set<String> oneOffsBilled();

  /** @return the financing plan (BIL-3) */
  @Value.Default
  public FinancingPlan financing() {
    return FinancingPlan.none();
  }

  /**
   * @param customerId the customer
   * @param firstPeriodStart the start of its first period
   * @return an account with nothing billed yet
   */
  public static BillingAccount open(String customerId, LocalDate firstPeriodStart) {
    return builder().customerId(customerId).nextPeriodStart(firstPeriodStart).build();
  }

  /**
   * @param plan a financing plan
   * @return this account under it
   */
  public BillingAccount withFinancing(FinancingPlan plan) {
    return builder().from(this).financing(plan).build();
  }

  /**
   * The account after a bill (BIL-6): a cheap copy that shares unchanged collections (the bill
   * run's path).
   *
   * @param issuedOn the bill's issue day
   * @param nextPeriodStart the next period's start
   * @param billed what is billed now, per term key
   * @param oneOffs the one-off services billed now
   * @return the account after the bill
   */
  public BillingAccount afterBill(LocalDate issuedOn, LocalDate nextPeriodStart, Map<String, Billed> billed,
      Set<String> oneOffs) {
    return ((ImmutableBillingAccount) ImmutableBillingAccount.copyOf(this)).withLastIssuedOn(issuedOn)
        .withNextPeriodStart(nextPeriodStart).withBilled(billed).withOneOffsBilled(oneOffs);
  }

  /**
   * @param subscriptionId a subscription
   * @param termIndex its term's number
   * @return the key of that term in {@link #billed()}
   */
  public static String key(String subscriptionId, int termIndex) {
    return subscriptionId + "#" + termIndex;
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BillingAccount}. */
  public static final class Builder extends ImmutableBillingAccount.Builder {}
}
