package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A customer's billing state (BIL-6, BIL-7): when its last bill was issued, which period comes
 * next, what has been billed of each subscription term, and which one-off services were billed.
 * Stored with each bill, so that the next bill charges exactly the difference.
 *
 * @param customerId the customer
 * @param lastIssuedOn the day at whose end the last bill was issued
 * @param nextPeriodStart the start of the next period to bill
 * @param billed what has been billed, per term key ({@code subscriptionId#termIndex}), in the
 *     order given
 * @param oneOffsBilled the one-off services already billed
 * @param financing the financing plan (BIL-3); {@link FinancingPlan#none()} unless given
 */
@Value.Builder
public record BillingAccount(String customerId, Optional<LocalDate> lastIssuedOn,
    LocalDate nextPeriodStart, Map<String, Billed> billed, Set<String> oneOffsBilled,
    FinancingPlan financing) {
  /**
   * Checks the components and keeps immutable copies of the collections (a copy of an
   * immutable collection is the collection itself).
   *
   * @param customerId the customer
   * @param lastIssuedOn the day at whose end the last bill was issued
   * @param nextPeriodStart the start of the next period to bill
   * @param billed what has been billed, per term key
   * @param oneOffsBilled the one-off services already billed
   * @param financing the financing plan
   */
  public BillingAccount {
    requireNonNull(customerId, "customerId");
    requireNonNull(lastIssuedOn, "lastIssuedOn");
    requireNonNull(nextPeriodStart, "nextPeriodStart");
    billed = ImmutableMap.copyOf(requireNonNull(billed, "billed"));
    oneOffsBilled = ImmutableSet.copyOf(requireNonNull(oneOffsBilled, "oneOffsBilled"));
    requireNonNull(financing, "financing");
  }

  /**
   * @param customerId the customer
   * @param firstPeriodStart the start of its first period
   * @return an account with nothing billed yet
   */
  public static BillingAccount open(String customerId, LocalDate firstPeriodStart) {
    return new BillingAccount(customerId, Optional.empty(), firstPeriodStart, Map.of(), Set.of(),
        FinancingPlan.none());
  }

  /**
   * @param plan a financing plan
   * @return this account under it
   */
  public BillingAccount withFinancing(FinancingPlan plan) {
    return new BillingAccount(customerId, lastIssuedOn, nextPeriodStart, billed, oneOffsBilled,
        plan);
  }

  /**
   * The account after a bill (BIL-6): a cheap copy that shares the collections it is given when
   * they are immutable (the bill run's path).
   *
   * @param issuedOn the bill's issue day
   * @param nextPeriodStart the next period's start
   * @param billed what is billed now, per term key
   * @param oneOffs the one-off services billed now
   * @return the account after the bill
   */
  public BillingAccount afterBill(LocalDate issuedOn, LocalDate nextPeriodStart,
      Map<String, Billed> billed, Set<String> oneOffs) {
    return new BillingAccount(customerId, Optional.of(issuedOn), nextPeriodStart, billed, oneOffs,
        financing);
  }

  /**
   * @param subscriptionId a subscription
   * @param termIndex its term's number
   * @return the key of that term in {@link #billed()}
   */
  public static String key(String subscriptionId, int termIndex) {
    return subscriptionId + "#" + termIndex;
  }

  /** @return a new builder, with no financing unless one is given */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BillingAccount}; a missing required component is a null argument. */
  public static final class Builder extends BillingAccountBuilder {
    /** A builder with no financing unless one is given. */
    public Builder() {
      financing(FinancingPlan.none());
    }
  }
}
