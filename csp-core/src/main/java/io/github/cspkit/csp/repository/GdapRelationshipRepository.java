package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.access.GdapRelationship;
import java.util.List;
import java.util.Optional;

/**
 * Stores GDAP relationships with their whole lifecycle (GDA-1..4): roles and groups, duration,
 * approval, auto-extend settings and termination. A relationship's partner, customer and request
 * day never change from one version to the next.
 */
public interface GdapRelationshipRepository {
  /**
   * @param id a relationship id
   * @return the relationship and its version
   */
  Optional<Versioned<GdapRelationship>> find(String id);

  /**
   * @param relationship the relationship
   * @param expectedVersion the version read, 0 for a new relationship
   * @return the stored value and its new version
   * @throws StaleVersionException if the stored version differs
   * @throws io.github.cspkit.csp.ConflictException ({@code DUPLICATE_ID}) if it changes the
   *     partner, customer or request day of the stored relationship of that id: the id is taken
   */
  Versioned<GdapRelationship> save(GdapRelationship relationship, long expectedVersion);

  /**
   * @param customerId a customer
   * @return every partner's relationships with that customer, in the order they were first saved
   */
  List<Versioned<GdapRelationship>> byCustomer(String customerId);
}
