package io.github.cspkit.csp.partner;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventPayload;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.SubscriptionPayload;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what one command did, under its (partner-scoped) idempotency key, to log it when the
 * command's body has run: the events, each with its typed payload, and the typed subscription
 * events with their charges; a new-commerce change's events as {@code nce-subscription} events.
 */
final class Outcome {
  private final String key;
  private final List<DomainEvent> events = new ArrayList<>(2);
  private final List<SubscriptionEvent> typed = new ArrayList<>(2);

  Outcome(String key) {
    this.key = key;
  }

  /** @return the scoped key the events carry */
  String key() {
    return key;
  }

  /** Adds an event on an aggregate: its payload names the aggregate's kind and the event's. */
  void event(String id, LocalDate date, String detail, EventPayload payload) {
    events.add(new DomainEvent(0, id, date, key, detail, payload));
  }

  /** Adds a subscription change's events, typed and logged. */
  void changes(SubscriptionChange change) {
    for (SubscriptionEvent e : change.events()) {
      typed.add(e);
      event(e.subscriptionId(), e.date(), e.toString(), new SubscriptionPayload.Changed(e));
    }
  }

  /** Adds several changes, in order. */
  void changes(List<SubscriptionChange> changes) {
    for (int i = 0, n = changes.size(); i < n; i++) {
      changes(changes.get(i));
    }
  }

  /**
   * Adds a new-commerce change's events (a partial upgrade's start on the subscription it
   * created), and the scheduled changes it dropped (NCE-8).
   */
  void nce(NceChange change) {
    String id = change.subscription().id();
    for (NceEvent e : change.events()) {
      boolean child = e instanceof NceEvent.Started st && st.how() == NceEvent.Start.UPGRADE
          && change.created().isPresent();
      event(child ? change.created().get().id() : id, e.date(), e.toString(),
          new SubscriptionPayload.Changed(e));
    }
    change.dropped().ifPresent(d -> event(id, change.events().isEmpty()
        ? change.subscription().term().latest() : change.events().get(0).date(),
        "scheduled changes dropped (NCE-8): " + d, new SubscriptionPayload.ScheduleDropped(d)));
  }

  /** @return the typed subscription events so far */
  List<SubscriptionEvent> typed() {
    return typed;
  }

  /** Appends the events to the log. @return them as logged */
  List<DomainEvent> flush(Repositories tx) {
    List<DomainEvent> logged = new ArrayList<>(events.size());
    for (DomainEvent e : events) {
      logged.add(tx.events().append(e));
    }
    return ImmutableList.copyOf(logged);
  }
}
