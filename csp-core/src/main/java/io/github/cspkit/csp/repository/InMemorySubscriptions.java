package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.subscription.Subscription;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory subscriptions of a partner's part of {@link InMemoryStore} (SUB-1..7): a
 * versioned table and a {@link CustomerIndex}.
 */
final class InMemorySubscriptions {
  private final VersionedTable<Subscription> table = new VersionedTable<>("subscription", Subscription::id);
  private final CustomerIndex<Subscription> index = new CustomerIndex<>(table, Subscription::customerId);

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The subscriptions as one transaction sees them. */
  final class Tx extends InMemoryView implements SubscriptionRepository {
    private final VersionedTable<Subscription>.Overlay overlay = table.overlay();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<Versioned<Subscription>> find(String id) {
      return overlay.find(id);
    }

    @Override
    public Versioned<Subscription> save(Subscription subscription, long expectedVersion) {
      writable();
      requireNonNull(subscription, "subscription");
      index.requireSameCustomer(overlay, "subscription", subscription.id(), subscription);
      return overlay.save(subscription, expectedVersion);
    }

    @Override
    public List<Versioned<Subscription>> byCustomer(String customerId) {
      return index.byCustomer(overlay, customerId);
    }

    void commit() {
      index.commit(overlay);
    }
  }
}
