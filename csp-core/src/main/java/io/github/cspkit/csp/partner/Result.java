package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.util.List;
import java.util.Optional;

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

  /**
   * The command's own subscription event, with its charge and formula (SUB-2): not a renewal or
   * end that the command's day brought first (those come earlier in {@link #changes()}).
   *
   * @return that event; empty on a replay, or for a command that changes no subscription
   */
  public Optional<SubscriptionEvent> change() {
    for (SubscriptionEvent e : changes) {
      boolean own = !(value instanceof Subscription s) || s.id().equals(e.subscriptionId());
      if (own && e.kind() != ChangeKind.RENEW && e.kind() != ChangeKind.END) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
