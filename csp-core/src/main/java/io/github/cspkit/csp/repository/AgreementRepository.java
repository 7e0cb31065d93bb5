package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.agreement.Agreement;
import java.util.Optional;

/** Stores each partner's reseller agreement (AGR-1..5). */
public interface AgreementRepository {
  /**
   * @param partnerId a partner
   * @return its agreement and version, if accepted
   */
  Optional<Versioned<Agreement>> find(String partnerId);

  /**
   * @param agreement the agreement
   * @param expectedVersion the version read, 0 for a new agreement
   * @return the stored value and its new version
   * @throws StaleVersionException if the stored version differs
   */
  Versioned<Agreement> save(Agreement agreement, long expectedVersion);
}
