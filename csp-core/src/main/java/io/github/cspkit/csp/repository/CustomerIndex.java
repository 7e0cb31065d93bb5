package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The ids of a {@link VersionedTable}'s aggregates by customer, for the in-memory repositories
 * that list a customer's subscriptions or relationships. {@link #commit} publishes a transaction's
 * writes, the table before the index, so a reader never meets an id it cannot find. Commits are
 * serialized by the store's transaction lock.
 */
final class CustomerIndex<V> {
  private final VersionedTable<V> table;
  private final Function<V, String> customerOf;
  private final Map<String, ImmutableList<String>> ids = new ConcurrentHashMap<>();

  CustomerIndex(VersionedTable<V> table, Function<V, String> customerOf) {
    this.table = table;
    this.customerOf = customerOf;
  }

  /**
   * @param overlay a transaction's view of the table
   * @param customerId the customer
   * @return the customer's aggregates as the transaction sees them, oldest first
   */
  List<Versioned<V>> byCustomer(VersionedTable<V>.Overlay overlay, String customerId) {
    requireNonNull(customerId, "customerId");
    ImmutableList<String> known = ids.getOrDefault(customerId, ImmutableList.of());
    List<Versioned<V>> out = new ArrayList<>(known.size());
    for (int i = 0, n = known.size(); i < n; i++) { // index loop: no iterator per bill
      out.add(overlay.find(known.get(i)).orElseThrow());
    }
    for (String id : overlay.newIds()) {
      Versioned<V> v = overlay.find(id).orElseThrow();
      if (customerOf.apply(v.value()).equals(customerId)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Refuses a save that would move a stored aggregate to another customer: the index keeps each
   * id under the customer it was created for.
   *
   * @param overlay a transaction's view of the table
   * @param kind what the aggregate is, for the message
   * @param id its id
   * @param value the aggregate to save
   * @throws ConflictException {@code DUPLICATE_ID} if the id is stored for another customer
   */
  void requireSameCustomer(VersionedTable<V>.Overlay overlay, String kind, String id, V value) {
    String customerId = customerOf.apply(value);
    overlay.find(id).ifPresent(stored -> {
      String owner = customerOf.apply(stored.value());
      if (!owner.equals(customerId)) {
        throw new ConflictException(ConflictException.Reason.DUPLICATE_ID, kind + " " + id
            + " belongs to customer " + owner + "; a save cannot move it to " + customerId);
      }
    });
  }

  /**
   * Publishes a transaction's writes: the table, then the new ids in the index.
   *
   * @param overlay the transaction's view of the table
   */
  void commit(VersionedTable<V>.Overlay overlay) {
    List<String> fresh = overlay.newIds();
    overlay.commit();
    for (String id : fresh) {
      String customerId = customerOf.apply(table.find(id).orElseThrow().value());
      ids.merge(customerId, ImmutableList.of(id),
          (a, b) -> ImmutableList.<String>builder().addAll(a).addAll(b).build());
    }
  }
}
