package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.subscription.ChangeEvent;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.subscription.SubscriptionEvent;

/**
 * The event log's entries about subscriptions: a change, as the subscription group's own typed
 * value (a seed {@link SubscriptionEvent} with its charge and formula, SUB-1..7; a new-commerce
 * {@link NceEvent}, NCE-1..9), and a new-commerce subscription's scheduled changes dropped by an
 * immediate change (NCE-8). Aggregate {@code "subscription"} for the seed's,
 * {@code "nce-subscription"} for new commerce's; the entry's id the subscription's.
 */
public sealed interface SubscriptionPayload extends EventPayload
    permits SubscriptionPayload.Changed, SubscriptionPayload.ScheduleDropped {
  /** The aggregate kind of a seed subscription's entries. */
  String SUBSCRIPTION = "subscription";
  /** The aggregate kind of a new-commerce subscription's entries. */
  String NCE_SUBSCRIPTION = "nce-subscription";

  /**
   * A subscription's change. The kind is the seed event's {@code ChangeKind} name, or for a
   * new-commerce event: {@code ORDER}, {@code RENEW} or {@code ORDER_UPGRADE} for a term started
   * by a purchase, a renewal or a partial upgrade (NCE-1, NCE-8, NCE-9); {@code ADD_SEATS},
   * {@code REMOVE_SEATS}, {@code SUSPEND}, {@code REACTIVATE}, {@code CANCEL}, {@code UPGRADE},
   * {@code UPGRADE_SEATS} (seats moved out), {@code END}.
   *
   * @param change the change, typed
   */
  record Changed(ChangeEvent change) implements SubscriptionPayload {
    /** The kind of a new-commerce event's entry. */
    private static final NceEvent.Visitor<String> NCE_KIND = new NceEvent.Visitor<>() {
      @Override
      public String started(NceEvent.Started s) {
        return switch (s.how()) {
          case PURCHASE -> "ORDER";
          case RENEWAL -> "RENEW";
          case UPGRADE -> "ORDER_UPGRADE";
        };
      }

      @Override
      public String seatsAdded(NceEvent.SeatsAdded e) {
        return "ADD_SEATS";
      }

      @Override
      public String seatsRemoved(NceEvent.SeatsRemoved e) {
        return "REMOVE_SEATS";
      }

      @Override
      public String suspended(NceEvent.Suspended e) {
        return "SUSPEND";
      }

      @Override
      public String reactivated(NceEvent.Reactivated e) {
        return "REACTIVATE";
      }

      @Override
      public String cancelled(NceEvent.Cancelled e) {
        return "CANCEL";
      }

      @Override
      public String upgraded(NceEvent.Upgraded e) {
        return "UPGRADE";
      }

      @Override
      public String seatsMovedOut(NceEvent.SeatsMovedOut e) {
        return "UPGRADE_SEATS";
      }

      @Override
      public String ended(NceEvent.Ended e) {
        return "END";
      }
    };

    /** @param change change */
    public Changed {
      requireNonNull(change, "change");
    }

    @Override
    public String aggregate() {
      return change instanceof SubscriptionEvent ? SUBSCRIPTION : NCE_SUBSCRIPTION;
    }

    @Override
    public String kind() {
      if (change instanceof SubscriptionEvent e) {
        return e.kind().name();
      }
      return ((NceEvent) change).accept(NCE_KIND);
    }
  }

  /**
   * A new-commerce subscription's scheduled changes dropped by an immediate change (NCE-8). Kind
   * {@code SCHEDULE_DROPPED}.
   *
   * @param dropped the changes that were scheduled for the next term
   */
  record ScheduleDropped(ScheduledChange dropped) implements SubscriptionPayload {
    /** @param dropped dropped changes */
    public ScheduleDropped {
      requireNonNull(dropped, "dropped");
    }

    @Override
    public String aggregate() {
      return NCE_SUBSCRIPTION;
    }

    @Override
    public String kind() {
      return "SCHEDULE_DROPPED";
    }
  }
}
