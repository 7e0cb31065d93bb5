package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.customer.Customer;
import java.util.List;
import java.util.Optional;

/** Stores customers with their tenant, delegated admin and billing profile (CUS-1..4, BIL-2). */
public interface CustomerRepository {
  /**
   * @param id a customer id
   * @return the customer and its version
   */
  Optional<Versioned<Customer>> find(String id);

  /**
   * @param customer the customer
   * @param expectedVersion the version read, 0 for a new customer
   * @return the stored value and its new version
   * @throws StaleVersionException if the stored version differs
   */
  Versioned<Customer> save(Customer customer, long expectedVersion);

  /** @return the ids of every customer, in creation order */
  List<String> ids();
}
