package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.partner.Context.requireAfterLastBill;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.repository.CustomerPayload;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions' commands (SUB-1..7, CAT-3, CUS-3) and the quote of a change (SUB-2),
 * documented on {@link CspPartner}. Each first rolls the customer's subscriptions to its day.
 */
final class SubscriptionCommands {
  /** The most lines an order may have ({@link CspPartner#order(Request, String, List)}). */
  static final int MAX_ORDER_LINES = 100;

  private final Pipeline pipeline;
  private final Context context;
  private final SubscriptionOperations ops;
  private final Catalog catalog;

  SubscriptionCommands(Pipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.context = pipeline.context();
    this.ops = context.ops();
    this.catalog = context.catalog();
  }

  /** {@link CspPartner#order}. */
  Result<Subscription> order(Request r, String customerId, String skuId, int seats,
      String subscriptionId) {
    return newSubscription(r, "order", Operation.ORDER, customerId, skuId, seats,
        subscriptionId);
  }

  /** {@link CspPartner#order(Request, String, List)}: every line as {@link #order}, or none. */
  Result<List<Subscription>> order(Request r, String customerId, List<OrderLine> lines) {
    requireNonNull(customerId, "customerId");
    List<OrderLine> order = List.copyOf(lines); // null-free; the caller's list may change
    return pipeline.run(r, Command.of("orderLines", Arguments.of().text(customerId).lines(order),
        Operation.ORDER, customerId, AgreementNeed.IN_FORCE, () -> {
          Checks.range(!order.isEmpty() && order.size() <= MAX_ORDER_LINES,
              "an order has 1 to %s lines, found %s", MAX_ORDER_LINES, order.size());
          Set<String> ids = new HashSet<>();
          for (OrderLine l : order) {
            Context.conflictIf(!ids.add(l.subscriptionId()), "subscription", l.subscriptionId());
            SubscriptionOperations.checkSeats(catalog.sku(l.skuId()), l.seats());
          }
        }, (tx, out) -> {
          Versioned<Customer> c = context.customer(tx, customerId);
          requireAfterLastBill(tx, c.value(), r.date());
          context.requireFreeSubscriptionIds(tx, ids(order)); // of either kind
          List<Subscription> ordered = new ArrayList<>(order.size());
          for (OrderLine l : order) {
            SubscriptionChange change = ops.order(l.subscriptionId(), c.value(),
                catalog.sku(l.skuId()), l.seats(), r.date(), tx.priceLists().book());
            tx.subscriptions().save(change.subscription(), 0);
            out.changes(change);
            ordered.add(change.subscription());
          }
          return List.copyOf(ordered);
        }, Aggregate.ORDER)
        // an order of too many lines is refused by its argument checks: read nothing ahead for it
        .creating(order.size() <= MAX_ORDER_LINES ? ids(order) : List.of()));
  }

  private static List<String> ids(List<OrderLine> order) {
    List<String> ids = new ArrayList<>(order.size());
    for (OrderLine l : order) {
      ids.add(l.subscriptionId());
    }
    return ids;
  }

  /** {@link CspPartner#convertTrial}: the direct trial ends that day (CUS-3). */
  Result<Subscription> convertTrial(Request r, String customerId, String skuId, int seats,
      String subscriptionId) {
    return newSubscription(r, "convertTrial", Operation.CONVERT_TRIAL, customerId, skuId, seats,
        subscriptionId);
  }

  private Result<Subscription> newSubscription(Request r, String name, Operation op,
      String customerId, String skuId, int seats, String subscriptionId) {
    requireNonNull(skuId, "skuId");
    Checks.word("subscription id", subscriptionId);
    return pipeline.run(r, Command.of(name, Arguments.of().text(customerId).text(skuId)
        .number(seats).text(subscriptionId), op, customerId, AgreementNeed.IN_FORCE,
        () -> SubscriptionOperations.checkSeats(catalog.sku(skuId), seats), (tx, out) -> {
          Versioned<Customer> c = context.customer(tx, customerId);
          requireAfterLastBill(tx, c.value(), r.date());
          context.requireFreeSubscriptionId(tx, subscriptionId); // of either kind
          Sku sku = catalog.sku(skuId);
          SubscriptionChange change;
          if (op == Operation.CONVERT_TRIAL) {
            change = ops.convertTrial(subscriptionId, c.value(), sku, seats, r.date(),
                tx.priceLists().book());
            Customer next = c.value().withTenant(c.value().tenant().endTrial(r.date()));
            tx.customers().save(next, c.version());
            out.event(customerId, r.date(), "direct trial ended; converted to " + subscriptionId,
                new CustomerPayload.TrialEnded(subscriptionId));
          } else {
            change = ops.order(subscriptionId, c.value(), sku, seats, r.date(), tx.priceLists().book());
          }
          tx.subscriptions().save(change.subscription(), 0);
          out.changes(change);
          return change.subscription();
        }, Aggregate.SUBSCRIPTION).creating(List.of(subscriptionId)));
  }

  /** {@link CspPartner#orderAddOn}. */
  Result<Subscription> orderAddOn(Request r, String baseId, String skuId, int seats,
      String subscriptionId) {
    requireNonNull(skuId, "skuId");
    Checks.word("subscription id", subscriptionId);
    String customerId = context.customerOf(baseId);
    return pipeline.run(r, Command.of("orderAddOn", Arguments.of().text(baseId).text(skuId)
        .number(seats).text(subscriptionId), Operation.ORDER_ADD_ON, customerId,
        AgreementNeed.IN_FORCE, () -> SubscriptionOperations.checkSeats(catalog.sku(skuId), seats),
        (tx, out) -> {
          Customer c = context.customer(tx, customerId).value();
          requireAfterLastBill(tx, c, r.date());
          context.requireFreeSubscriptionId(tx, subscriptionId); // of either kind
          Map<String, Versioned<Subscription>> rolled = context.roll(tx, c, r.date(), out);
          Subscription base = requireNonNull(rolled.get(baseId), baseId).value();
          SubscriptionChange change = ops.orderAddOn(subscriptionId, base, c, catalog.sku(skuId),
              seats, r.date(), tx.priceLists().book());
          tx.subscriptions().save(change.subscription(), 0);
          out.changes(change);
          return change.subscription();
        }, Aggregate.SUBSCRIPTION).creating(List.of(subscriptionId)));
  }

  /** {@link CspPartner#addSeats}. */
  Result<Subscription> addSeats(Request r, String subscriptionId, int seats) {
    return change(r, "addSeats", Arguments.of().text(subscriptionId).number(seats),
        Operation.ADD_SEATS, subscriptionId, AgreementNeed.IN_FORCE,
        () -> SubscriptionOperations.checkSeatsToAdd(seats), (c, s, tx) ->
            ops.addSeats(s, c, catalog.sku(s.sku()), seats, r.date(), tx.priceLists().book()));
  }

  /** {@link CspPartner#removeSeats}. */
  Result<Subscription> removeSeats(Request r, String subscriptionId, int seats) {
    return change(r, "removeSeats", Arguments.of().text(subscriptionId).number(seats),
        Operation.REMOVE_SEATS, subscriptionId, AgreementNeed.ACCEPTED,
        () -> SubscriptionOperations.checkSeatsToRemove(seats), (c, s, tx) ->
            ops.removeSeats(s, c, catalog.sku(s.sku()), seats, r.date(), tx.priceLists().book()));
  }

  /** {@link CspPartner#suspend}. */
  Result<Subscription> suspend(Request r, String subscriptionId) {
    return change(r, "suspend", Arguments.of().text(subscriptionId), Operation.SUSPEND,
        subscriptionId, AgreementNeed.ACCEPTED, Command.NO_CHECKS,
        (c, s, tx) -> ops.suspend(s, r.date()));
  }

  /** {@link CspPartner#reactivate}. */
  Result<Subscription> reactivate(Request r, String subscriptionId) {
    return change(r, "reactivate", Arguments.of().text(subscriptionId), Operation.REACTIVATE,
        subscriptionId, AgreementNeed.IN_FORCE, Command.NO_CHECKS,
        (c, s, tx) -> ops.reactivate(s, r.date()));
  }

  /** {@link CspPartner#autoRenew}. */
  Result<Subscription> autoRenew(Request r, String subscriptionId, boolean on) {
    // turning renewal off winds down; turning it on is a renewal, which needs the agreement (AGR-1)
    return change(r, "autoRenew", Arguments.of().text(subscriptionId).flag(on),
        Operation.AUTO_RENEW, subscriptionId, on ? AgreementNeed.IN_FORCE : AgreementNeed.ACCEPTED,
        Command.NO_CHECKS, (c, s, tx) -> ops.autoRenew(s, on, r.date()));
  }

  /** {@link CspPartner#cancel}: a base's add-ons end with it (CAT-3). */
  Result<Subscription> cancel(Request r, String subscriptionId) {
    String customerId = context.customerOf(subscriptionId);
    return pipeline.run(r, Command.of("cancel", Arguments.of().text(subscriptionId),
        Operation.CANCEL, customerId, AgreementNeed.ACCEPTED, (tx, out) -> {
          Customer c = context.customer(tx, customerId).value();
          requireAfterLastBill(tx, c, r.date());
          Map<String, Versioned<Subscription>> rolled = context.roll(tx, c, r.date(), out);
          Versioned<Subscription> v = requireNonNull(rolled.get(subscriptionId), subscriptionId);
          SubscriptionChange change = ops.cancel(v.value(), r.date());
          tx.subscriptions().save(change.subscription(), v.version());
          out.changes(change);
          for (Versioned<Subscription> addOn : rolled.values()) {
            Subscription a = addOn.value();
            if (a.baseId().filter(subscriptionId::equals).isPresent()
                && a.status() != SubscriptionStatus.ENDED) {
              SubscriptionChange ended = ops.cancel(a, r.date());
              tx.subscriptions().save(ended.subscription(), addOn.version());
              out.changes(ended);
            }
          }
          return change.subscription();
        }, Aggregate.SUBSCRIPTION));
  }

  /** {@link CspPartner#quoteAddSeats}: the same code as {@link #addSeats}, storing nothing. */
  SubscriptionEvent quoteAddSeats(Request r, String subscriptionId, int seats) {
    requireNonNull(r, "r");
    Repositories read = context.store().read();
    Versioned<Subscription> v = read.subscriptions()
        .find(requireNonNull(subscriptionId, "subscriptionId"))
        .orElseThrow(() -> Context.unknown("subscription", subscriptionId));
    Customer c = read.customers().find(v.value().customerId()).orElseThrow().value();
    context.authorize(r, Operation.QUOTE_CHANGE, c);
    SubscriptionOperations.checkSeatsToAdd(seats);
    context.requireAgreement(read, r.date(), AgreementNeed.IN_FORCE);
    return Pipeline.exact(() -> {
      Subscription s = context.renew(read, c, r.date()).get(subscriptionId);
      return ops.addSeats(s, c, catalog.sku(s.sku()), seats, r.date(), read.priceLists().book()).event();
    });
  }

  /** One subscription's change, after rolling the customer's subscriptions to the day. */
  @FunctionalInterface
  private interface Step {
    SubscriptionChange apply(Customer customer, Subscription sub, Repositories tx);
  }

  private Result<Subscription> change(Request r, String name, Arguments args, Operation op,
      String subscriptionId, AgreementNeed need, Runnable argumentChecks, Step step) {
    String customerId = context.customerOf(subscriptionId);
    return pipeline.run(r, Command.of(name, args, op, customerId, need, argumentChecks,
        (tx, out) -> {
          Customer c = context.customer(tx, customerId).value();
          requireAfterLastBill(tx, c, r.date());
          Map<String, Versioned<Subscription>> rolled = context.roll(tx, c, r.date(), out);
          Versioned<Subscription> v = requireNonNull(rolled.get(subscriptionId), subscriptionId);
          SubscriptionChange change = step.apply(c, v.value(), tx);
          tx.subscriptions().save(change.subscription(), v.version());
          out.changes(change);
          return change.subscription();
        }, Aggregate.SUBSCRIPTION));
  }
}
