package io.github.cspkit.csp.repository;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.customer.Customer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory customers of a partner's part of {@link InMemoryStore} (CUS-1..4): a versioned
 * table and the ids in creation order, published after the table so that a reader never meets an
 * id it cannot find.
 */
final class InMemoryCustomers {
  private final VersionedTable<Customer> table = new VersionedTable<>("customer", Customer::id);
  private final AppendOnly<String> ids = new AppendOnly<>();
  private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
  private final Owner owner;

  InMemoryCustomers(Owner owner) {
    this.owner = owner;
  }

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The customers as one transaction sees them. */
  final class Tx extends InMemoryView implements CustomerRepository {
    private final VersionedTable<Customer>.Overlay overlay = table.overlay();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<Versioned<Customer>> find(String id) {
      return overlay.find(id);
    }

    @Override
    public Versioned<Customer> save(Customer customer, long expectedVersion) {
      writable();
      owner.check("customer", customer.id(), customer.partnerId());
      return overlay.save(customer, expectedVersion);
    }

    @Override
    public List<String> ids() {
      List<String> staged = overlay.newIds();
      List<String> committed = ids.snapshot();
      if (staged.isEmpty()) {
        return committed;
      }
      return ImmutableList.<String>builder().addAll(committed).addAll(staged).build();
    }

    /**
     * @param id a customer id
     * @return its place in {@link #ids()}: looked up, or searched for a customer of this transaction
     */
    int indexOf(String id) {
      Integer n = numbers.get(id);
      return n != null ? n : ids().indexOf(id);
    }

    void commit() {
      List<String> fresh = overlay.newIds();
      overlay.commit();
      for (String id : fresh) {
        numbers.put(id, ids.size());
        ids.add(id);
      }
    }
  }
}
