package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.repository.CustomerRepository;
import io.github.cspkit.csp.repository.Versioned;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Customers of one partner. In a transaction, {@link #find} locks the customer's row until commit
 * ({@code SELECT ... FOR UPDATE}): every command reads its customer first, so one customer's
 * commands and bills are serialized across every instance (DESIGN.md, several instances).
 */
final class Customers implements CustomerRepository {
  private final Tx tx;

  Customers(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Versioned<Customer>> find(String id) {
    requireNonNull(id, "id");
    Tx.Save<Customer> staged = tx.savedCustomers.get(id);
    if (staged != null) {
      return Optional.of(new Versioned<>(staged.value, staged.version));
    }
    if (tx.inTransaction()) {
      tx.prefetch(List.of(id), false);
      return Optional.ofNullable(tx.customers.get(id));
    }
    return tx.sql("reading customer " + id, c -> {
      List<Versioned<Customer>> out = new ArrayList<>(1);
      tx.run(new Batch().add("SELECT " + Rows.CUSTOMER + " FROM customer c WHERE c.partner_id = ? "
          + "AND c.id = ?", rs -> {
            if (rs.next()) {
              out.add(Rows.customer(rs));
            }
          }, tx.partner, id), c);
      return out.stream().findFirst();
    });
  }

  @Override
  public Versioned<Customer> save(Customer customer, long expectedVersion) {
    tx.writable();
    requireNonNull(customer, "customer");
    tx.requireOwn("customer", customer.id(), customer.partnerId());
    Long known = null;
    if (tx.prefetched.contains(customer.id())) {
      Versioned<Customer> v = tx.customers.get(customer.id());
      known = v == null ? 0L : v.version();
    }
    return tx.save(tx.savedCustomers, "customer", customer.id(), customer, expectedVersion, known);
  }

  @Override
  public List<String> ids() {
    Set<String> ids = new LinkedHashSet<>(tx.sql("reading customer ids", c -> {
      List<String> out = new ArrayList<>();
      tx.run(new Batch().add("SELECT id FROM customer WHERE partner_id = ? AND seq > 0 " // V11's index
          + "ORDER BY seq", rs -> {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }, tx.partner), c);
      return out;
    }));
    for (Tx.Save<Customer> s : tx.savedCustomers.values()) {
      if (s.stored == 0) {
        ids.add(s.value.id());
      }
    }
    return List.copyOf(ids);
  }
}
