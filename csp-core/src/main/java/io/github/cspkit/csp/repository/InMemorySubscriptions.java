package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.subscription.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory subscriptions of a partner's part of {@link InMemoryStore} (SUB-1..7): a
 * versioned table and an index by customer, published after the table.
 */
final class InMemorySubscriptions {
  private final VersionedTable<Subscription> table = new VersionedTable<>("subscription", Subscription::id);
  private final Map<String, ImmutableList<String>> idsByCustomer = new ConcurrentHashMap<>();

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
      return overlay.save(subscription, expectedVersion);
    }

    @Override
    public List<Versioned<Subscription>> byCustomer(String customerId) {
      requireNonNull(customerId, "customerId");
      ImmutableList<String> ids = idsByCustomer.getOrDefault(customerId, ImmutableList.of());
      List<Versioned<Subscription>> out = new ArrayList<>(ids.size());
      for (int i = 0, n = ids.size(); i < n; i++) { // index loop: no iterator per bill
        out.add(overlay.find(ids.get(i)).orElseThrow());
      }
      for (String id : overlay.newIds()) {
        Versioned<Subscription> v = overlay.find(id).orElseThrow();
        if (v.value().customerId().equals(customerId)) {
          out.add(v);
        }
      }
      return out;
    }

    void commit() {
      List<String> fresh = overlay.newIds();
      overlay.commit();
      for (String id : fresh) {
        Subscription s = table.find(id).orElseThrow().value();
        idsByCustomer.merge(s.customerId(), ImmutableList.of(id),
            (a, b) -> ImmutableList.<String>builder().addAll(a).addAll(b).build());
      }
    }
  }
}
