package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The result of a new-commerce operation (NCE-1..9): the next value of the subscription, the
 * subscription a partial upgrade created (NCE-9), the events the operation appended, and the
 * scheduled changes it dropped (NCE-8: an immediate change drops them, and the result says so).
 *
 * @param subscription the next value
 * @param created the new subscription of a partial upgrade, if any
 * @param events the events appended to {@code subscription} (and the first event of
 *     {@code created}), in order; empty when nothing was dated
 * @param dropped the scheduled changes dropped by this change, if any
 */
public record NceChange(NceSubscription subscription, Optional<NceSubscription> created,
    List<NceEvent> events, Optional<ScheduledChange> dropped) {
  /**
   * Checks the fields.
   * @param subscription the next value
   * @param created the subscription a partial upgrade creates, if any
   * @param events the events of the change
   * @param dropped the scheduled change it dropped, if any
   */
  public NceChange {
    requireNonNull(subscription, "subscription");
    requireNonNull(created, "created");
    requireNonNull(dropped, "dropped");
    events = List.copyOf(events);
  }

  /**
   * @param subscription the next value
   * @param events the events appended
   * @return a change that created nothing and dropped nothing
   */
  static NceChange of(NceSubscription subscription, List<NceEvent> events) {
    return new NceChange(subscription, Optional.empty(), events, Optional.empty());
  }
}
