package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.subscription.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores subscriptions with their whole term and seat history (SUB-1..7). */
public interface SubscriptionRepository {
  /**
   * @param id a subscription id
   * @return the subscription and its version
   */
  Optional<Versioned<Subscription>> find(String id);

  /**
   * @param subscription the subscription
   * @param expectedVersion the version read, 0 for a new subscription
   * @return the stored value and its new version
   * @throws StaleVersionException if the stored version differs
   */
  Versioned<Subscription> save(Subscription subscription, long expectedVersion);

  /**
   * @param customerId a customer
   * @return its subscriptions, in order of creation
   */
  List<Versioned<Subscription>> byCustomer(String customerId);

  /**
   * Which of these ids a subscription already has (SUB-1: the ids of an order's new
   * subscriptions must be free), as {@link #find} sees them: saves staged in this transaction
   * count. The default asks {@link #find} for each id; a store that can look them up at once
   * overrides it.
   *
   * @param ids subscription ids
   * @return the taken ones, in the order given
   */
  default List<String> taken(Collection<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      if (find(id).isPresent()) {
        out.add(id);
      }
    }
    return out;
  }
}
