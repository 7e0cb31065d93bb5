package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.agreement.Agreement;

/** The in-memory reseller agreement of a partner's part of {@link InMemoryStore} (AGR-1..5). */
final class InMemoryAgreements extends InMemoryHeldAgreement<Agreement> {
  InMemoryAgreements(Owner owner) {
    super("agreement", Agreement::partnerId, owner);
  }

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The agreement as one transaction sees it. */
  final class Tx extends View implements AgreementRepository {
    private Tx(boolean readOnly) {
      super(readOnly);
    }
  }
}
