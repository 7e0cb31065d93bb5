package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

import io.github.cspkit.csp.pricing.SalePrice;
import java.time.LocalDate;

/**
 * One thing that happened in a new-commerce term (NCE-1..9), dated; a term's events are its whole
 * history, from which its seats, status and prices follow ({@link TermState}) and from which the
 * vendor's charges (NCE-10) and the partner's bill are derived. Immutable.
 */
public sealed interface NceEvent extends ChangeEvent {
  /** @return the day it happened, from which it applies */
  LocalDate date();

  /**
   * Calls the visitor's method for this kind of event.
   *
   * @param visitor what to do with each kind
   * @param <R> what the visitor returns
   * @return what the visitor returned
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * What to do with each kind of new-commerce event (NCE-1..10): one method per record of this
   * sealed type, so that a new kind of event fails compilation wherever one is told apart (the
   * term's state, TermState; the vendor's charges, NCE-10; the partner's bill; the event log).
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    /**
     * @param e a term's start (NCE-1, NCE-3, NCE-8, NCE-9)
     * @return the result
     */
    R started(Started e);

    /**
     * @param e seats added (NCE-3, NCE-4)
     * @return the result
     */
    R seatsAdded(SeatsAdded e);

    /**
     * @param e seats removed (NCE-6)
     * @return the result
     */
    R seatsRemoved(SeatsRemoved e);

    /**
     * @param e a suspension (NCE-7)
     * @return the result
     */
    R suspended(Suspended e);

    /**
     * @param e a reactivation (NCE-7)
     * @return the result
     */
    R reactivated(Reactivated e);

    /**
     * @param e a cancellation (NCE-5)
     * @return the result
     */
    R cancelled(Cancelled e);

    /**
     * @param e a full upgrade (NCE-9)
     * @return the result
     */
    R upgraded(Upgraded e);

    /**
     * @param e seats moved to a new subscription (NCE-9)
     * @return the result
     */
    R seatsMovedOut(SeatsMovedOut e);

    /**
     * @param e the term's end without renewal (NCE-7, AGR-1)
     * @return the result
     */
    R ended(Ended e);
  }

  /** How a term started. */
  enum Start {
    /** A purchase: the subscription's first term (NCE-1). */
    PURCHASE,
    /** A renewal at the end of the previous term, with the scheduled changes (NCE-8). */
    RENEWAL,
    /** A partial upgrade: seats moved here from the parent subscription (NCE-9). */
    UPGRADE
  }

  /**
   * The first event of every term (NCE-1, NCE-3, NCE-8, NCE-9).
   *
   * @param date the term's first day (for a partial upgrade, the upgrade day)
   * @param how purchase, renewal or upgrade
   * @param sku the SKU id
   * @param seats the seats, at least 1
   * @param price the protected price of one seat for the whole term: cost and sale (NCE-3)
   * @param refundableThrough the last day these seats can be removed (NCE-6)
   */
  record Started(LocalDate date, Start how, String sku, int seats, SalePrice price,
      LocalDate refundableThrough) implements NceEvent {
    /**
     * Checks the fields.
     * @param date the day it happens
     * @param how how it happened
     * @param sku the SKU id
     * @param seats the number of seats
     * @param price the unit price
     * @param refundableThrough the last day its seats can be removed (NCE-6)
     */
    public Started {
      requireNonNull(date, "date");
      requireNonNull(how, "how");
      requireNonNull(sku, "sku");
      requireNonNull(price, "price");
      requireNonNull(refundableThrough, "refundableThrough");
      Checks.range(seats >= 1, "seats must be at least 1, found %s", seats);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.started(this);
    }
  }

  /**
   * Seats added during the term, coterminous, at the protected price (NCE-3, NCE-4).
   *
   * @param date the first day of the added seats
   * @param seats the seats added, at least 1
   * @param refundableThrough the last day they can be removed (NCE-6)
   */
  record SeatsAdded(LocalDate date, int seats, LocalDate refundableThrough) implements NceEvent {
    /**
     * Checks the fields.
     * @param date the day it happens
     * @param seats the number of seats
     * @param refundableThrough the last day its seats can be removed (NCE-6)
     */
    public SeatsAdded {
      requireNonNull(date, "date");
      requireNonNull(refundableThrough, "refundableThrough");
      Checks.range(seats >= 1, "seats must be at least 1, found %s", seats);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.seatsAdded(this);
    }
  }

  /**
   * Seats removed within their window, refunded for the days not used (NCE-6).
   *
   * @param date the first day without them
   * @param seats the seats removed, at least 1
   */
  record SeatsRemoved(LocalDate date, int seats) implements NceEvent {
    /**
     * Checks the fields.
     * @param date the day it happens
     * @param seats the number of seats
     */
    public SeatsRemoved {
      requireNonNull(date, "date");
      Checks.range(seats >= 1, "seats must be at least 1, found %s", seats);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.seatsRemoved(this);
    }
  }

  /**
   * Suspended: the customer loses access, the vendor keeps charging (NCE-7).
   *
   * @param date the first day suspended
   */
  record Suspended(LocalDate date) implements NceEvent {
    /**
     * Checks the field.
     * @param date the day it happens
     */
    public Suspended {
      requireNonNull(date, "date");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.suspended(this);
    }
  }

  /**
   * Reactivated after a suspension (NCE-7).
   *
   * @param date the first day active again
   */
  record Reactivated(LocalDate date) implements NceEvent {
    /**
     * Checks the field.
     * @param date the day it happens
     */
    public Reactivated {
      requireNonNull(date, "date");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.reactivated(this);
    }
  }

  /**
   * Cancelled within the cancellation window; the subscription ends on that day (NCE-5).
   *
   * @param date the first day without the subscription
   */
  record Cancelled(LocalDate date) implements NceEvent {
    /**
     * Checks the field.
     * @param date the day it happens
     */
    public Cancelled {
      requireNonNull(date, "date");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.cancelled(this);
    }
  }

  /**
   * A full upgrade: every seat moves to a SKU on the upgrade path, at that SKU's price on the
   * upgrade day, which is protected for the rest of the term (NCE-9).
   *
   * @param date the first day on the new SKU
   * @param toSku the new SKU id
   * @param price the new protected price of one seat for the whole term
   */
  record Upgraded(LocalDate date, String toSku, SalePrice price) implements NceEvent {
    /**
     * Checks the fields.
     * @param date the day it happens
     * @param toSku the SKU moved to
     * @param price the unit price
     */
    public Upgraded {
      requireNonNull(date, "date");
      requireNonNull(toSku, "toSku");
      requireNonNull(price, "price");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.upgraded(this);
    }
  }

  /**
   * A partial upgrade: some seats leave for a new subscription on a SKU on the upgrade path (NCE-9).
   *
   * @param date the first day without them
   * @param seats the seats moved, at least 1
   * @param toSku the new subscription's SKU id
   * @param toSubscriptionId the new subscription's id
   */
  record SeatsMovedOut(LocalDate date, int seats, String toSku, String toSubscriptionId)
      implements NceEvent {
    /**
     * Checks the fields.
     * @param date the day it happens
     * @param seats the number of seats
     * @param toSku the SKU moved to
     * @param toSubscriptionId the subscription created for the moved seats
     */
    public SeatsMovedOut {
      requireNonNull(date, "date");
      requireNonNull(toSku, "toSku");
      requireNonNull(toSubscriptionId, "toSubscriptionId");
      Checks.range(seats >= 1, "seats must be at least 1, found %s", seats);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.seatsMovedOut(this);
    }
  }

  /**
   * The term ended without renewal: auto-renewal off, suspended at the end (NCE-7), the agreement no
   * longer in force (AGR-1), or no price for the renewal.
   *
   * @param date the first day after the term
   */
  record Ended(LocalDate date) implements NceEvent {
    /**
     * Checks the field.
     * @param date the day it happens
     */
    public Ended {
      requireNonNull(date, "date");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.ended(this);
    }
  }
}
