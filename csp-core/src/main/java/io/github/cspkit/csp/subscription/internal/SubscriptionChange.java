package io.github.cspkit.csp.subscription.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.util.List;

/**
 * The result of a subscription operation: the next value and the events that explain it
 * (one for a plain operation; renewals or ends first when time moved past a term's end).
 */
public final class SubscriptionChange {
  private final Subscription subscription;
  private final ImmutableList<SubscriptionEvent> events;

  private SubscriptionChange(Subscription subscription, ImmutableList<SubscriptionEvent> events) {
    this.subscription = subscription;
    this.events = events;
  }

  /**
   * @param subscription the next value
   * @param events what happened, in order
   * @return the change
   */
  public static SubscriptionChange of(Subscription subscription, List<SubscriptionEvent> events) {
    return new SubscriptionChange(requireNonNull(subscription, "subscription"),
        ImmutableList.copyOf(events));
  }

  /** @return the next value */
  public Subscription subscription() {
    return subscription;
  }

  /** @return the events, in order; may be empty when nothing happened */
  public List<SubscriptionEvent> events() {
    return events;
  }

  /** @return the last event */
  public SubscriptionEvent event() {
    return events.get(events.size() - 1);
  }

  @Override
  public String toString() {
    return subscription.id() + " " + events;
  }
}
