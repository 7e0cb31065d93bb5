package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.subscription.NceSubscription;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory new-commerce subscriptions (NCE-1..10) of one partner's part of
 * {@link InMemoryStore}: a versioned table and a {@link CustomerIndex}. Each transaction stages its
 * writes in a {@link Tx}; {@link Tx#commit()} publishes them, the table before the index, so a
 * reader never meets an id it cannot find. Commits are serialized by the store's transaction lock.
 */
final class InMemoryNceSubscriptions {
  private final VersionedTable<NceSubscription> table =
      new VersionedTable<>("new-commerce subscription", NceSubscription::id);
  private final CustomerIndex<NceSubscription> index = new CustomerIndex<>(table, NceSubscription::customerId);

  /**
   * @param readOnly whether writes are refused (reads outside a transaction)
   * @return the subscriptions as one transaction sees them
   */
  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The subscriptions of one transaction: committed ones plus its own staged writes. */
  final class Tx extends InMemoryView implements NceSubscriptionRepository {
    private final VersionedTable<NceSubscription>.Overlay overlay = table.overlay();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<Versioned<NceSubscription>> find(String id) {
      return overlay.find(id);
    }

    @Override
    public Versioned<NceSubscription> save(NceSubscription subscription, long expectedVersion) {
      writable();
      requireNonNull(subscription, "subscription");
      index.requireSameCustomer(overlay, "new-commerce subscription", subscription.id(),
          subscription);
      return overlay.save(subscription, expectedVersion);
    }

    @Override
    public List<Versioned<NceSubscription>> byCustomer(String customerId) {
      return index.byCustomer(overlay, customerId);
    }

    /** Publishes the staged writes. */
    void commit() {
      index.commit(overlay);
    }
  }
}
