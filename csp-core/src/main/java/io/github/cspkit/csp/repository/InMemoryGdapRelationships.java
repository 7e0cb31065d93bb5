package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.access.GdapRelationship;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory GDAP relationships (GDA-1..4) of {@link InMemoryStore}: a versioned table and an
 * index by customer. Each transaction stages its writes in a {@link Tx}; {@link Tx#commit()}
 * publishes them, the table before the index, so a reader never meets an id it cannot find.
 * Commits are serialized by the store's transaction lock.
 */
final class InMemoryGdapRelationships {
  private final VersionedTable<GdapRelationship> table =
      new VersionedTable<>("GDAP relationship", GdapRelationship::id);
  private final CustomerIndex<GdapRelationship> index = new CustomerIndex<>(table, GdapRelationship::customerId);
  private final Owner owner;

  /** A store of one partner's relationships that never asks whose they are. */
  InMemoryGdapRelationships() {
    this(new Owner(""));
  }

  /** @param owner the partner whose part of the store this is (ACC-4) */
  InMemoryGdapRelationships(Owner owner) {
    this.owner = owner;
  }

  /**
   * @param readOnly whether writes are refused (reads outside a transaction)
   * @return the relationships as one transaction sees them
   */
  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The relationships of one transaction: committed ones plus its own staged writes. */
  final class Tx extends InMemoryView implements GdapRelationshipRepository {
    private final VersionedTable<GdapRelationship>.Overlay overlay = table.overlay();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<Versioned<GdapRelationship>> find(String id) {
      return overlay.find(id);
    }

    @Override
    public Versioned<GdapRelationship> save(GdapRelationship relationship, long expectedVersion) {
      writable();
      requireNonNull(relationship, "relationship");
      owner.check("GDAP relationship", relationship.id(), relationship.partnerId());
      overlay.find(relationship.id()).ifPresent(stored -> {
        GdapRelationship s = stored.value();
        if (!s.partnerId().equals(relationship.partnerId())
            || !s.customerId().equals(relationship.customerId())
            || !s.requestedOn().equals(relationship.requestedOn())) {
          throw new ConflictException(ConflictException.Reason.DUPLICATE_ID, "GDAP relationship "
              + s.id() + " is between " + s.partnerId() + " and " + s.customerId()
              + ", requested on " + s.requestedOn() + "; a save cannot change that");
        }
      });
      return overlay.save(relationship, expectedVersion);
    }

    @Override
    public List<Versioned<GdapRelationship>> byCustomer(String customerId) {
      return index.byCustomer(overlay, customerId);
    }

    /** Publishes the staged writes. */
    void commit() {
      index.commit(overlay);
    }
  }
}
