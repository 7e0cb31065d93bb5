package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.agreement.Agreement;
import java.util.Optional;

/** The in-memory reseller agreement of a partner's part of {@link InMemoryStore} (AGR-1..5). */
final class InMemoryAgreements {
  private final VersionedTable<Agreement> table = new VersionedTable<>("agreement", Agreement::partnerId);
  private final Owner owner;

  InMemoryAgreements(Owner owner) {
    this.owner = owner;
  }

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The agreement as one transaction sees it. */
  final class Tx extends InMemoryView implements AgreementRepository {
    private final VersionedTable<Agreement>.Overlay overlay = table.overlay();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<Versioned<Agreement>> find(String partnerId) {
      return overlay.find(partnerId);
    }

    @Override
    public Versioned<Agreement> save(Agreement agreement, long expectedVersion) {
      writable();
      owner.check("the agreement of", agreement.partnerId(), agreement.partnerId());
      return overlay.save(agreement, expectedVersion);
    }

    void commit() {
      overlay.commit();
    }
  }
}
