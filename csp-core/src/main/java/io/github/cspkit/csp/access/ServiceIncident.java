package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A service incident that the integrator feeds in (ACC-4): which customer's tenant it touches,
 * which service, what happened, and when it started and was resolved.
 *
 * @param id the incident id
 * @param customerId the affected customer
 * @param service the service, for example {@code "Exchange Online"}
 * @param title what happened
 * @param startedOn the first day
 * @param resolvedOn the day it was resolved, if it was
 */
public record ServiceIncident(String id, String customerId, String service, String title,
    LocalDate startedOn, Optional<LocalDate> resolvedOn) {
  /**
   * @param id id
   * @param customerId customer
   * @param service service
   * @param title title
   * @param startedOn start
   * @param resolvedOn resolution
   */
  public ServiceIncident {
    requireNonNull(id, "id");
    requireNonNull(customerId, "customerId");
    requireNonNull(service, "service");
    requireNonNull(title, "title");
    requireNonNull(startedOn, "startedOn");
    requireNonNull(resolvedOn, "resolvedOn");
  }

  /**
   * @param date a date
   * @return whether the incident is open on that day
   */
  public boolean isOpenOn(LocalDate date) {
    return !date.isBefore(startedOn) && resolvedOn.map(date::isBefore).orElse(true);
  }
}
