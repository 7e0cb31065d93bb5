package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.subscription.Subscription;
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
}
