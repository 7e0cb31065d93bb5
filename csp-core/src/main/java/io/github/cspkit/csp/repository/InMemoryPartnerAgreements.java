package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.agreement.PartnerAgreement;

/** The in-memory Microsoft Partner Agreement of a partner's part of {@link InMemoryStore} (MPA-1). */
final class InMemoryPartnerAgreements extends InMemoryHeldAgreement<PartnerAgreement> {
  InMemoryPartnerAgreements(Owner owner) {
    super("partner agreement", PartnerAgreement::partnerId, owner);
  }

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The agreement as one transaction sees it. */
  final class Tx extends View implements PartnerAgreementRepository {
    private Tx(boolean readOnly) {
      super(readOnly);
    }
  }
}
