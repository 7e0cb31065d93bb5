package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.agreement.PartnerAgreement;
import java.util.Optional;

/** The in-memory Microsoft Partner Agreement of a partner's part of {@link InMemoryStore} (MPA-1). */
final class InMemoryPartnerAgreements {
  private final VersionedTable<PartnerAgreement> table = new VersionedTable<>("partner agreement", PartnerAgreement::partnerId);
  private final Owner owner;

  InMemoryPartnerAgreements(Owner owner) {
    this.owner = owner;
  }

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The agreement as one transaction sees it. */
  final class Tx extends InMemoryView implements PartnerAgreementRepository {
    private final VersionedTable<PartnerAgreement>.Overlay overlay = table.overlay();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<Versioned<PartnerAgreement>> find(String partnerId) {
      return overlay.find(partnerId);
    }

    @Override
    public Versioned<PartnerAgreement> save(PartnerAgreement agreement, long expectedVersion) {
      writable();
      owner.check("the partner agreement of", agreement.partnerId(), agreement.partnerId());
      return overlay.save(agreement, expectedVersion);
    }

    void commit() {
      overlay.commit();
    }
  }
}
