package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a command is about to look up, told to the store before its first read
 * ({@link Repositories#readAhead}): the idempotency key it will find (a replay, or
 * {@code KEY_REUSED}), the ids of the subscriptions it orders (SUB-1) and the id of the customer
 * it creates, which must be free ({@code DUPLICATE_ID}). A store that pays per round trip may read
 * them together with that first read. A hint never changes what a read returns.
 *
 * @param idempotencyKey the key {@link IdempotencyRecords#find} will be asked for, if any
 * @param subscriptionIds the ids {@link SubscriptionRepository#taken} will be asked about
 * @param customerId the id {@link CustomerRepository#find} will be asked for by a command that
 *     creates that customer, if any
 */
public record ReadAhead(Optional<String> idempotencyKey, List<String> subscriptionIds,
    Optional<String> customerId) {
  /** Nothing to read ahead. */
  public static final ReadAhead NOTHING = new ReadAhead(Optional.empty(), List.of());

  /**
   * @param idempotencyKey the key, if any
   * @param subscriptionIds the ids, copied
   * @param customerId the new customer's id, if any
   */
  public ReadAhead {
    requireNonNull(idempotencyKey, "idempotencyKey");
    subscriptionIds = List.copyOf(requireNonNull(subscriptionIds, "subscriptionIds"));
    requireNonNull(customerId, "customerId");
  }

  /**
   * A hint that names no new customer.
   *
   * @param idempotencyKey the key, if any
   * @param subscriptionIds the ids, copied
   */
  public ReadAhead(Optional<String> idempotencyKey, List<String> subscriptionIds) {
    this(idempotencyKey, subscriptionIds, Optional.empty());
  }
}
