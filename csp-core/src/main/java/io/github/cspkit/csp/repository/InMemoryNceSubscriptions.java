package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.subscription.NceSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory new-commerce subscriptions (NCE-1..10) of one partner's part of
 * {@link InMemoryStore}: a versioned table and an index by customer. Each transaction stages its
 * writes in a {@link Tx}; {@link Tx#commit()} publishes them, the table before the index, so a
 * reader never meets an id it cannot find. Commits are serialized by the store's transaction lock.
 */
final class InMemoryNceSubscriptions {
  private final VersionedTable<NceSubscription> table =
      new VersionedTable<>("new-commerce subscription", NceSubscription::id);
  private final Map<String, ImmutableList<String>> idsByCustomer = new ConcurrentHashMap<>();

  /**
   * @param readOnly whether writes are refused (reads outside a transaction)
   * @return the subscriptions as one transaction sees them
   */
  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The subscriptions of one transaction: committed ones plus its own staged writes. */
  final class Tx implements NceSubscriptionRepository {
    private final boolean readOnly;
    private final VersionedTable<NceSubscription>.Overlay overlay = table.overlay();

    private Tx(boolean readOnly) {
      this.readOnly = readOnly;
    }

    @Override
    public Optional<Versioned<NceSubscription>> find(String id) {
      return overlay.find(id);
    }

    @Override
    public Versioned<NceSubscription> save(NceSubscription subscription, long expectedVersion) {
      if (readOnly) {
        throw new IllegalStateException("writes need a transaction: use CspStore.inTransaction");
      }
      requireNonNull(subscription, "subscription");
      overlay.find(subscription.id()).ifPresent(stored -> {
        if (!stored.value().customerId().equals(subscription.customerId())) {
          throw new ConflictException(ConflictException.Reason.DUPLICATE_ID, "new-commerce"
              + " subscription " + subscription.id() + " belongs to customer "
              + stored.value().customerId() + "; a save cannot move it to "
              + subscription.customerId());
        }
      });
      return overlay.save(subscription, expectedVersion);
    }

    @Override
    public List<Versioned<NceSubscription>> byCustomer(String customerId) {
      requireNonNull(customerId, "customerId");
      ImmutableList<String> ids = idsByCustomer.getOrDefault(customerId, ImmutableList.of());
      List<Versioned<NceSubscription>> out = new ArrayList<>(ids.size());
      for (String id : ids) {
        out.add(overlay.find(id).orElseThrow());
      }
      for (String id : overlay.newIds()) {
        Versioned<NceSubscription> v = overlay.find(id).orElseThrow();
        if (v.value().customerId().equals(customerId)) {
          out.add(v);
        }
      }
      return out;
    }

    /** Publishes the staged writes. */
    void commit() {
      List<String> fresh = overlay.newIds();
      overlay.commit();
      for (String id : fresh) {
        String customerId = table.find(id).orElseThrow().value().customerId();
        idsByCustomer.merge(customerId, ImmutableList.of(id),
            (a, b) -> ImmutableList.<String>builder().addAll(a).addAll(b).build());
      }
    }
  }
}
