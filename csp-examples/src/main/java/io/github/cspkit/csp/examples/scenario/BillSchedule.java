package io.github.cspkit.csp.examples.scenario;

import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.partner.CspPartner;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The partner's customers filed under the day their next bill is due, as the library says
 * ({@link CspPartner#nextBillDue}, BIL-1, BIL-7): the runner issues bills customer by customer in
 * that order, and a day with no bill due touches no customer. It decides nothing: every day comes
 * from the library, and it is refiled after each bill run.
 */
final class BillSchedule {
  private final TreeMap<LocalDate, ArrayDeque<String>> due = new TreeMap<>();
  private boolean stale = true;

  /** @return whether it must be rebuilt (from every customer) before use */
  boolean isStale() {
    return stale;
  }

  /** Forgets every customer: the partner was rebuilt, so due days may have moved. */
  void invalidate() {
    due.clear();
    stale = true;
  }

  /**
   * Rebuilds it from every customer of the store.
   *
   * @param p the partner
   * @param customerIds every customer id of the store
   */
  void rebuild(CspPartner p, Iterable<String> customerIds) {
    due.clear();
    for (String id : customerIds) {
      track(p, id);
    }
    stale = false;
  }

  /**
   * Files a customer of this partner under the day at whose end its next bill is due.
   *
   * @param p the partner
   * @param id a customer id
   */
  void track(CspPartner p, String id) {
    Optional<Customer> c = p.customer(id);
    if (c.isEmpty() || !c.get().isManagedBy(p.partner().id())) {
      return;
    }
    p.nextBillDue(id).ifPresent(next -> due.computeIfAbsent(next, k -> new ArrayDeque<>()).add(id));
  }

  /**
   * Takes the next customer whose bill is due by the end of {@code day}, earliest due first.
   *
   * @param day the last day
   * @return the customer, no longer filed; empty when none is due
   */
  Optional<String> nextDueBy(LocalDate day) {
    while (!due.isEmpty() && !due.firstKey().isAfter(day)) {
      ArrayDeque<String> ids = due.firstEntry().getValue();
      String id = ids.pollFirst();
      if (ids.isEmpty()) {
        due.pollFirstEntry();
      }
      if (id != null) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }
}
