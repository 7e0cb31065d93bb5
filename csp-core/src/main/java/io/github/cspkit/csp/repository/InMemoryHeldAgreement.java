package io.github.cspkit.csp.repository;

import java.util.Optional;
import java.util.function.Function;

/**
 * An agreement a partner holds at most one of, by the partner's id, in a partner's part of
 * {@link InMemoryStore}: the reseller agreement (AGR-1..5, {@link InMemoryAgreements}) and the
 * Microsoft Partner Agreement (MPA-1, {@link InMemoryPartnerAgreements}). A part refuses another
 * partner's agreement (ACC-4).
 *
 * @param <A> the agreement
 */
abstract class InMemoryHeldAgreement<A> {
  private final String kind;
  private final Function<A, String> holder;
  private final VersionedTable<A> table;
  private final Owner owner;

  /**
   * @param kind what the agreement is called in messages, for example {@code "agreement"}
   * @param holder the id of the partner that holds an agreement
   * @param owner the partner whose part this is
   */
  InMemoryHeldAgreement(String kind, Function<A, String> holder, Owner owner) {
    this.kind = kind;
    this.holder = holder;
    this.table = new VersionedTable<>(kind, holder);
    this.owner = owner;
  }

  /** The agreement as one transaction sees it. */
  abstract class View extends InMemoryView {
    private final VersionedTable<A>.Overlay overlay = table.overlay();

    View(boolean readOnly) {
      super(readOnly);
    }

    /**
     * @param partnerId the partner
     * @return its agreement, if accepted
     */
    public Optional<Versioned<A>> find(String partnerId) {
      return overlay.find(partnerId);
    }

    /**
     * @param agreement the agreement, held by this part's partner
     * @param expectedVersion the version it was read at, 0 for a new one
     * @return it, versioned
     */
    public Versioned<A> save(A agreement, long expectedVersion) {
      writable();
      String partnerId = holder.apply(agreement);
      owner.check("the " + kind + " of", partnerId, partnerId);
      return overlay.save(agreement, expectedVersion);
    }

    void commit() {
      overlay.commit();
    }
  }
}
