package io.github.cspkit.csp.subscription.internal;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.PriceSource;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Moves a customer's subscriptions through every term end on or before a day (SUB-7), as a pure
 * function: bases first, then each add-on onto its rolled base (CAT-3); none renews on a day the
 * partner's agreement is not in force (AGR-1). Stores nothing: the caller stores what moved.
 * Thread-safe.
 */
public final class Renewals {
  private final SubscriptionOperations ops;

  private Renewals(SubscriptionOperations ops) {
    this.ops = requireNonNull(ops, "ops");
  }

  /**
   * @param ops the operations whose {@link SubscriptionOperations#rollTo} moves one subscription
   * @return the renewals under their policies
   */
  public static Renewals of(SubscriptionOperations ops) {
    return new Renewals(ops);
  }

  /**
   * Rolls a customer's subscriptions to a day.
   *
   * @param subscriptions the customer's subscriptions (each add-on's base among them)
   * @param customer the customer
   * @param date the day to roll to
   * @param catalog the SKUs
   * @param prices the price book, as known on each renewal day (PRC-3)
   * @param agreementInForce whether the partner's agreement is in force on a day (AGR-1)
   * @return the subscriptions on that day, which moved, and the changes, in order
   */
  public Rolled rollTo(List<Subscription> subscriptions, Customer customer, LocalDate date,
      Catalog catalog, PriceSource prices, Predicate<LocalDate> agreementInForce) {
    requireNonNull(customer, "customer");
    requireNonNull(date, "date");
    int n = subscriptions.size();
    boolean due = false;
    boolean basesFirst = true;
    boolean addOnSeen = false;
    for (int i = 0; i < n; i++) { // index loops: no iterator per bill
      Subscription s = subscriptions.get(i);
      due |= isDue(s, date);
      basesFirst &= s.isAddOn() || !addOnSeen;
      addOnSeen |= s.isAddOn();
    }
    if (!due && basesFirst) { // the common case on a bill run: nothing to do
      return new Rolled(Collections.unmodifiableList(subscriptions), List.of(), List.of());
    }
    List<Subscription> rolled = new ArrayList<>(n);
    Map<String, Subscription> bases = new HashMap<>();
    List<String> moved = new ArrayList<>(2);
    List<SubscriptionChange> changes = new ArrayList<>(2);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        Subscription s = subscriptions.get(i);
        if (s.isAddOn() != (pass == 1)) {
          continue;
        }
        Subscription next = s;
        if (isDue(s, date)) {
          Subscription base = s.baseId().map(bases::get).orElse(null);
          SubscriptionChange ch = ops.rollTo(s, base, customer, catalog.sku(s.sku()), date, prices,
              agreementInForce);
          next = ch.subscription();
          moved.add(s.id());
          changes.add(ch);
        }
        rolled.add(next);
        if (pass == 0) {
          bases.put(next.id(), next);
        }
      }
    }
    return new Rolled(Collections.unmodifiableList(rolled), Collections.unmodifiableList(moved),
        Collections.unmodifiableList(changes));
  }

  /** Whether a subscription has a term end on or before {@code date} to move through. */
  private static boolean isDue(Subscription s, LocalDate date) {
    return s.status() != SubscriptionStatus.ENDED && !s.term().end().isAfter(date);
  }

  /**
   * A customer's subscriptions rolled to a day.
   *
   * @param subscriptions every subscription on that day: bases first, then add-ons, each group in
   *     the order given
   * @param moved the ids of those that moved through a term end, in the order they moved
   * @param changes the RENEW and END events of those that moved, in the same order
   */
  public record Rolled(List<Subscription> subscriptions, List<String> moved,
      List<SubscriptionChange> changes) {
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

    /**
     * @param id a subscription's id
     * @return it on the day
     * @throws IllegalArgumentException if it is not among them
     */
    public Subscription get(String id) {
      for (int i = 0, n = subscriptions.size(); i < n; i++) {
        Subscription s = subscriptions.get(i);
        if (s.id().equals(id)) {
          return s;
        }
      }
      throw new IllegalArgumentException("no subscription " + id + " among the rolled");
    }
  }
}
