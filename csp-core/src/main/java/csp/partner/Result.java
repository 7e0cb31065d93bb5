package csp.partner;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import csp.repository.DomainEvent;
import csp.subscription.SubscriptionEvent;
import java.util.List;

/**
 * What a call of {@link CspPartner} returned: the aggregate after it, the events it appended,
 * and, on a first run, the typed subscription events with their charges (SUB-2). A replay of an
 * idempotency key returns the aggregate as stored now, the first run's events, and
 * {@link #replayed()} true.
 *
 * @param value the aggregate
 * @param events the logged events
 * @param changes the typed subscription events (empty on a replay)
 * @param replayed whether the key had been used before
 * @param <T> the aggregate's type
 */
public record Result<T>(T value, List<DomainEvent> events, List<SubscriptionEvent> changes,
    boolean replayed) {
  /**
   * @param value value
   * @param events events
   * @param changes changes
   * @param replayed replayed
   */
  public Result {
    requireNonNull(value, "value");
    events = ImmutableList.copyOf(events);
    changes = ImmutableList.copyOf(changes);
  }
}
