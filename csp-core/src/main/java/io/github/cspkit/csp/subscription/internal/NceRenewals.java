package io.github.cspkit.csp.subscription.internal;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceOperations;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Moves a customer's new-commerce subscriptions through every term end on or before a day, as a
 * pure function: renewals with their scheduled changes (NCE-8), an end for one suspended or not
 * renewing (NCE-7), none renewing on a day the partner's agreement is not in force (AGR-1). Stores
 * nothing: the caller stores what moved. Thread-safe.
 */
public final class NceRenewals {
  private final NceOperations ops;

  private NceRenewals(NceOperations ops) {
    this.ops = requireNonNull(ops, "ops");
  }

  /**
   * @param ops the operations whose {@link NceOperations#rollTo} moves one subscription
   * @return the renewals under their policies
   */
  public static NceRenewals of(NceOperations ops) {
    return new NceRenewals(ops);
  }

  /**
   * Rolls one subscription to a day.
   *
   * @param s the subscription
   * @param customer its customer
   * @param date the day to roll to
   * @param prices the new-commerce prices, as known on each renewal day (PRC-3)
   * @param agreementInForce whether the partner's agreement is in force on a day (AGR-1)
   * @return the change; without events when it has no term end to move through
   */
  public NceChange rollTo(NceSubscription s, Customer customer, LocalDate date, OfferPrices prices,
      Predicate<LocalDate> agreementInForce) {
    if (s.status() == SubscriptionStatus.ENDED || s.term().end().isAfter(date)) {
      return new NceChange(s, Optional.empty(), List.of(), Optional.empty());
    }
    return ops.rollTo(s, customer, date, prices, agreementInForce);
  }

  /**
   * Rolls a customer's subscriptions to a day.
   *
   * @param subscriptions the customer's subscriptions
   * @param customer the customer
   * @param date the day to roll to
   * @param prices the new-commerce prices
   * @param agreementInForce whether the partner's agreement is in force on a day (AGR-1)
   * @return the subscriptions on that day, which moved, and the changes, in order
   */
  public Rolled rollTo(List<NceSubscription> subscriptions, Customer customer, LocalDate date,
      OfferPrices prices, Predicate<LocalDate> agreementInForce) {
    requireNonNull(customer, "customer");
    requireNonNull(date, "date");
    int n = subscriptions.size();
    List<NceSubscription> rolled = new ArrayList<>(n);
    List<String> moved = new ArrayList<>(0);
    List<NceChange> changes = new ArrayList<>(0);
    for (int i = 0; i < n; i++) { // index loop: no iterator per bill
      NceSubscription s = subscriptions.get(i);
      NceChange ch = rollTo(s, customer, date, prices, agreementInForce);
      if (ch.events().isEmpty()) {
        rolled.add(s);
      } else {
        rolled.add(ch.subscription());
        moved.add(s.id());
        changes.add(ch);
      }
    }
    return new Rolled(Collections.unmodifiableList(rolled), Collections.unmodifiableList(moved),
        Collections.unmodifiableList(changes));
  }

  /**
   * A customer's new-commerce subscriptions rolled to a day.
   *
   * @param subscriptions every subscription on that day, in the order given
   * @param moved the ids of those that moved through a term end, in order
   * @param changes the changes of those that moved, in the same order
   */
  public record Rolled(List<NceSubscription> subscriptions, List<String> moved,
      List<NceChange> changes) {
    /**
     * @param subscriptions subscriptions
     * @param moved moved
     * @param changes changes
     */
    public Rolled {
      requireNonNull(subscriptions, "subscriptions");
      requireNonNull(moved, "moved");
      requireNonNull(changes, "changes");
    }
  }
}
