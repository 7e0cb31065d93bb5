package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.internal.Checks;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which customers a bill run (BIL-1) asks for next ({@link Repositories#claimForBilling}): those
 * after {@code after} in creation order, in {@code shard}, whose billing account's next period
 * starts on or before {@code day} (a bill is never issued before its period starts, BIL-7) or who
 * have no account yet; at most {@code limit} of them.
 *
 * @param after the last customer of the previous block, empty for the first block
 * @param day the run's day
 * @param shard the part of the customers this run bills
 * @param limit the most customers to claim
 * @param skipLocked whether a customer another transaction holds is passed over (true) or waited
 *     for (false)
 */
public record BillingClaim(Optional<String> after, LocalDate day, Shard shard, int limit,
    boolean skipLocked) {
  /**
   * @param after the last customer of the previous block
   * @param day the run's day
   * @param shard the shard
   * @param limit the most customers
   * @param skipLocked whether held customers are passed over
   */
  public BillingClaim {
    requireNonNull(after, "after");
    requireNonNull(day, "day");
    requireNonNull(shard, "shard");
    Checks.range(limit >= 1, "a claim's limit must be at least 1, found %s", limit);
  }
}
