package io.github.cspkit.csp.partner;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.subscription.ChangeEvent;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects what one command did, under its (partner-scoped) idempotency key, to log it when the
 * command's body has run: the events, and the typed subscription events with their charges; a
 * new-commerce change's events as {@code nce-subscription} events.
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

  /** Adds an event on an aggregate. */
  void event(String aggregate, String id, String kind, LocalDate date, String detail) {
    events.add(new DomainEvent(0, aggregate, id, kind, date, key, detail));
  }

  /** Adds a subscription's event with its typed change. */
  private void event(String aggregate, String id, String kind, ChangeEvent change) {
    events.add(new DomainEvent(0, aggregate, id, kind, change.date(), key, change.toString(),
        Optional.of(change)));
  }

  /** Adds a subscription change's events, typed and logged. */
  void changes(SubscriptionChange change) {
    for (SubscriptionEvent e : change.events()) {
      typed.add(e);
      event("subscription", e.subscriptionId(), e.kind().name(), e);
    }
  }

  /** Adds several changes, in order. */
  void changes(List<SubscriptionChange> changes) {
    for (int i = 0, n = changes.size(); i < n; i++) {
      changes(changes.get(i));
    }
  }

  /** Adds a new-commerce change's events, and the scheduled changes it dropped (NCE-8). */
  void nce(NceChange change) {
    String id = change.subscription().id();
    for (NceEvent e : change.events()) {
      boolean child = e instanceof NceEvent.Started st && st.how() == NceEvent.Start.UPGRADE
          && change.created().isPresent();
      event("nce-subscription", child ? change.created().get().id() : id, kind(e), e);
    }
    change.dropped().ifPresent(d -> event("nce-subscription", id, "SCHEDULE_DROPPED",
        change.events().isEmpty() ? change.subscription().term().latest()
            : change.events().get(0).date(), "scheduled changes dropped (NCE-8): " + d));
  }

  private static String kind(NceEvent e) {
    if (e instanceof NceEvent.Started s) {
      return switch (s.how()) {
        case PURCHASE -> "ORDER";
        case RENEWAL -> "RENEW";
        case UPGRADE -> "ORDER_UPGRADE";
      };
    } else if (e instanceof NceEvent.SeatsAdded) {
      return "ADD_SEATS";
    } else if (e instanceof NceEvent.SeatsRemoved) {
      return "REMOVE_SEATS";
    } else if (e instanceof NceEvent.Suspended) {
      return "SUSPEND";
    } else if (e instanceof NceEvent.Reactivated) {
      return "REACTIVATE";
    } else if (e instanceof NceEvent.Cancelled) {
      return "CANCEL";
    } else if (e instanceof NceEvent.Upgraded) {
      return "UPGRADE";
    } else if (e instanceof NceEvent.SeatsMovedOut) {
      return "UPGRADE_SEATS";
    }
    return "END";
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
