package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.subscription.NceSubscription;
import java.util.List;
import java.util.Optional;

/**
 * Stores new-commerce subscriptions (NCE-1..10) with their whole history of terms and events, from
 * which both the partner's bill and the vendor's charges are derived. Ids are scoped per partner,
 * like the seed's subscriptions; a new-commerce subscription's id may not be taken by a seed
 * subscription of the same partner (the partner's commands check it).
 */
public interface NceSubscriptionRepository {
  /**
   * @param id a subscription id
   * @return the subscription and its version
   */
  Optional<Versioned<NceSubscription>> find(String id);

  /**
   * @param subscription the subscription (a store may refuse one whose customer it does not hold)
   * @param expectedVersion the version read, 0 for a new subscription
   * @return the stored value and its new version
   * @throws StaleVersionException if the stored version differs (a new subscription whose id is
   *     taken has a stored version)
   * @throws io.github.cspkit.csp.ConflictException ({@code DUPLICATE_ID}) if it moves the stored
   *     subscription of that id to another customer
   */
  Versioned<NceSubscription> save(NceSubscription subscription, long expectedVersion);

  /**
   * @param customerId a customer
   * @return its new-commerce subscriptions, in order of creation
   */
  List<Versioned<NceSubscription>> byCustomer(String customerId);
}
