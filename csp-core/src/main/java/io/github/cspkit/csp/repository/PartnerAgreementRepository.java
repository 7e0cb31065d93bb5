package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.agreement.PartnerAgreement;
import java.util.Optional;

/** Stores each partner's Microsoft Partner Agreement (MPA-1) with its notices of termination. */
public interface PartnerAgreementRepository {
  /**
   * @param partnerId a partner
   * @return its partner agreement and version, if accepted
   */
  Optional<Versioned<PartnerAgreement>> find(String partnerId);

  /**
   * @param agreement the agreement
   * @param expectedVersion the version read, 0 for a partner that never accepted one
   * @return the stored value and its new version
   * @throws StaleVersionException if the stored version differs
   */
  Versioned<PartnerAgreement> save(PartnerAgreement agreement, long expectedVersion);
}
