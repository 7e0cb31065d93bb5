package io.github.cspkit.csp.access;

import java.util.List;

/** Where service incidents come from: the integrator's feed (ACC-4). */
@FunctionalInterface
public interface IncidentFeed {
  /** A feed without incidents. */
  IncidentFeed NONE = customerId -> List.of();

  /**
   * @param customerId a customer
   * @return the incidents touching its tenant
   */
  List<ServiceIncident> incidents(String customerId);
}
