package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceOperations;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A partner's new-commerce subscriptions (NCE-1..10), obtained by {@link CspPartner#newCommerce()}
 * under policies with {@link CspPolicies#newCommerce()}. Every command runs the partner's command
 * pipeline, as {@link CspPartner}'s do: the actor first (ACC-1..5, SUB-6), then a replayed
 * idempotency key, the agreement (AGR-1: the Microsoft Partner Agreement under MPA-1), then, in one
 * transaction retried on a lost race, the customer's new-commerce subscriptions are moved through
 * their term ends up to the request's day (renewals with the scheduled changes, NCE-8; a
 * subscription suspended or not renewing at its term's end ends, NCE-7), and the change is applied
 * by {@link NceOperations} and stored with its events. A refusal names its rule (NCE-x, CAT-x,
 * SUB-1, AGR-1, PRC-3) and changes nothing. Reads are trusted (the integrator's back office) and
 * store nothing: they show the subscriptions rolled to the day asked. Thread-safe.
 * <p>
 * Commands are authorized as the seed's subscription operations of the same group: scheduling a
 * change for the renewal as {@link Operation#AUTO_RENEW}, an upgrade as {@link Operation#ORDER}.
 */
public final class NewCommerce {
  private final Pipeline pipeline;
  private final Context context;
  private final NewCommercePolicies policies;
  private final NceOperations ops;

  /** @param pipeline the partner's command path, whose policies have new-commerce ones */
  NewCommerce(Pipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.context = pipeline.context();
    this.policies = context.policies().newCommerce().orElseThrow();
    this.ops = context.nceOps();
  }

  /** @return the new-commerce policies */
  public NewCommercePolicies policies() {
    return policies;
  }

  // ---------------------------------------------------------------- commands

  /**
   * Orders a new-commerce subscription (NCE-1, NCE-3): its first term starts on the request's day,
   * at the price of the list in force that day for the SKU, term and plan, protected for the term.
   *
   * @param r the request
   * @param customerId the customer
   * @param skuId a base SKU
   * @param seats the seats
   * @param subscriptionId the new subscription's id
   * @param term the term length
   * @param plan the billing plan
   * @return the subscription
   * @throws io.github.cspkit.csp.RuleViolation NCE-1 for a term and plan not sold or not on the
   *     list; AGR-1, ACC-*, SUB-6, CAT-1/2/3/5, CUS-2, SUB-1, PRC-3, BIL-7
   */
  public Result<NceSubscription> order(Request r, String customerId, String skuId, int seats,
      String subscriptionId, TermLength term, BillingPlan plan) {
    requireNonNull(skuId, "skuId");
    requireNonNull(term, "term");
    requireNonNull(plan, "plan");
    Checks.word("subscription id", subscriptionId);
    return pipeline.run(r, Command.of("nce.order", Arguments.of().text(customerId).text(skuId)
        .number(seats).text(subscriptionId).choice(term).choice(plan), Operation.ORDER, customerId,
        AgreementNeed.IN_FORCE, () -> policies.terms().check(term, plan), (tx, out) -> {
          Customer c = context.customer(tx, customerId).value();
          Context.requireAfterLastBill(tx, c, r.date());
          context.requireFreeSubscriptionId(tx, subscriptionId); // of either kind
          context.rollNce(tx, c, r.date(), out);
          NceChange change = ops.order(subscriptionId, c, catalog().sku(skuId), seats, term, plan,
              r.date(), Context.offerPrices(tx));
          tx.nceSubscriptions().save(change.subscription(), 0);
          out.nce(change);
          return change.subscription();
        }, Aggregate.NCE_SUBSCRIPTION).creating(List.of(subscriptionId)));
  }

  /**
   * Adds seats (NCE-3, NCE-4): coterminous, at the term's protected price; the vendor charges them
   * to the end of the current charge cycle. Drops the scheduled changes (NCE-8).
   *
   * @param r the request; the seats count from its day
   * @param subscriptionId the subscription
   * @param seats seats to add, at least 1
   * @return the subscription
   */
  public Result<NceSubscription> addSeats(Request r, String subscriptionId, int seats) {
    return change(r, "nce.addSeats", arguments(subscriptionId).number(seats), Operation.ADD_SEATS, subscriptionId,
        AgreementNeed.IN_FORCE, false,
        (c, s, tx) -> ops.addSeats(s, catalog().sku(s.sku()), seats, r.date()));
  }

  /**
   * Removes seats added within the window (NCE-6), refunded minus the days used. Drops the
   * scheduled changes (NCE-8).
   *
   * @param r the request; the first day without the seats
   * @param subscriptionId the subscription
   * @param seats seats to remove
   * @return the subscription
   * @throws io.github.cspkit.csp.RuleViolation NCE-6 beyond the refundable quantity
   */
  public Result<NceSubscription> removeSeats(Request r, String subscriptionId, int seats) {
    return change(r, "nce.removeSeats", arguments(subscriptionId).number(seats),
        Operation.REMOVE_SEATS, subscriptionId,
        AgreementNeed.ACCEPTED, false,
        (c, s, tx) -> ops.removeSeats(s, seats, r.date()));
  }

  /**
   * Cancels within the cancellation window (NCE-5): the subscription ends on the request's day; the
   * vendor refunds the unused days, and the customer's next bill credits them (BIL-7).
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @return the subscription, ended
   * @throws io.github.cspkit.csp.RuleViolation NCE-5 outside the window
   */
  public Result<NceSubscription> cancel(Request r, String subscriptionId) {
    return change(r, "nce.cancel", arguments(subscriptionId), Operation.CANCEL, subscriptionId,
        AgreementNeed.ACCEPTED, false, (c, s, tx) -> ops.cancel(s, r.date()));
  }

  /**
   * Suspends (NCE-7): access stops, charges do not; a subscription still suspended when its term
   * ends does not renew.
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @return the subscription
   */
  public Result<NceSubscription> suspend(Request r, String subscriptionId) {
    return change(r, "nce.suspend", arguments(subscriptionId), Operation.SUSPEND, subscriptionId,
        AgreementNeed.ACCEPTED, false, (c, s, tx) -> ops.suspend(s, r.date()));
  }

  /**
   * Reactivates a suspended subscription (NCE-7).
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @return the subscription
   */
  public Result<NceSubscription> reactivate(Request r, String subscriptionId) {
    return change(r, "nce.reactivate", arguments(subscriptionId), Operation.REACTIVATE, subscriptionId,
        AgreementNeed.IN_FORCE, false, (c, s, tx) -> ops.reactivate(s, r.date()));
  }

  /**
   * Switches renewal at the term's end on or off; off is how a subscription stops outside the
   * cancellation window (NCE-5).
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @param on whether it renews
   * @return the subscription
   */
  public Result<NceSubscription> autoRenew(Request r, String subscriptionId, boolean on) {
    return change(r, "nce.autoRenew", arguments(subscriptionId).flag(on), Operation.AUTO_RENEW, subscriptionId,
        on ? AgreementNeed.IN_FORCE : AgreementNeed.ACCEPTED, false,
        (c, s, tx) -> ops.autoRenew(s, on));
  }

  /**
   * Schedules changes for the next term (NCE-8), replacing those scheduled before: they take effect
   * on the renewal day, at that day's price.
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @param change the changes
   * @return the subscription
   * @throws io.github.cspkit.csp.RuleViolation NCE-8, NCE-1, SUB-1, CAT-1..5
   */
  public Result<NceSubscription> schedule(Request r, String subscriptionId,
      ScheduledChange change) {
    requireNonNull(change, "change");
    return change(r, "nce.schedule", arguments(subscriptionId).value(change),
        Operation.AUTO_RENEW, subscriptionId,
        AgreementNeed.IN_FORCE, false,
        (c, s, tx) -> ops.schedule(s, change, c, catalog()));
  }

  /**
   * Upgrades every seat to a SKU on the catalog's upgrade path (NCE-9), at that SKU's price on the
   * request's day for the rest of the term. Drops the scheduled changes (NCE-8).
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @param toSku the SKU to move to
   * @return the subscription
   * @throws io.github.cspkit.csp.RuleViolation NCE-9 off the path (a downgrade included)
   */
  public Result<NceSubscription> upgrade(Request r, String subscriptionId, String toSku) {
    requireNonNull(toSku, "toSku");
    return change(r, "nce.upgrade", arguments(subscriptionId).text(toSku), Operation.ORDER,
        subscriptionId,
        AgreementNeed.IN_FORCE, false, (c, s, tx) -> ops.upgrade(s, c,
            catalog().sku(s.sku()), catalog().sku(toSku), catalog().upgradePaths(), r.date(),
            Context.offerPrices(tx)));
  }

  /**
   * Upgrades some seats (NCE-9): they move to a new subscription on a SKU on the upgrade path,
   * which keeps the parent's term end and cancellation window. Drops the parent's scheduled
   * changes (NCE-8).
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @param toSku the SKU to move to
   * @param seats the seats to move, fewer than held
   * @param newSubscriptionId the new subscription's id
   * @return the new subscription
   */
  public Result<NceSubscription> upgrade(Request r, String subscriptionId, String toSku,
      int seats, String newSubscriptionId) {
    requireNonNull(toSku, "toSku");
    Checks.word("subscription id", newSubscriptionId);
    return change(r, "nce.upgrade", arguments(subscriptionId).text(toSku).number(seats)
        .text(newSubscriptionId), Operation.ORDER, subscriptionId, AgreementNeed.IN_FORCE, true,
        (c, s, tx) -> {
          if (!newSubscriptionId.equals(s.id())) {
            context.requireFreeSubscriptionId(tx, newSubscriptionId);
          }
          return ops.upgradeSeats(s, c, catalog().sku(s.sku()), catalog().sku(toSku),
              catalog().upgradePaths(), seats, newSubscriptionId, r.date(),
              Context.offerPrices(tx));
        });
  }

  // ---------------------------------------------------------------- reads

  /**
   * A subscription as it stands on a day: moved through every term end on or before it (renewals
   * with the scheduled changes, NCE-8; ends, NCE-7), at the prices known now. Stores nothing.
   *
   * @param id a subscription id
   * @param asOf the day
   * @return the subscription on that day, if it exists and its customer is the partner's (ACC-4)
   */
  public Optional<NceSubscription> subscription(String id, LocalDate asOf) {
    requireNonNull(id, "id");
    requireNonNull(asOf, "asOf");
    Repositories read = context.store().read();
    Optional<Versioned<NceSubscription>> stored = read.nceSubscriptions().find(id);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    NceSubscription s = stored.get().value();
    return context.managed(read, s.customerId()).map(c -> Pipeline.exact(() ->
        context.renewNce(s, c, asOf, Context.offerPrices(read), context.agreementInForce(read))));
  }

  /**
   * @param customerId a customer
   * @param asOf the day
   * @return its new-commerce subscriptions as they stand on that day, in order of creation; none
   *     for a customer that does not exist or that another partner manages (ACC-4)
   */
  public List<NceSubscription> subscriptions(String customerId, LocalDate asOf) {
    requireNonNull(customerId, "customerId");
    requireNonNull(asOf, "asOf");
    Repositories read = context.store().read();
    Optional<Customer> c = context.managed(read, customerId);
    if (c.isEmpty()) {
      return List.of();
    }
    return Pipeline.exact(() -> {
      List<NceSubscription> out = new ArrayList<>();
      OfferPrices prices = Context.offerPrices(read);
      Predicate<LocalDate> inForce = context.agreementInForce(read);
      for (Versioned<NceSubscription> v : read.nceSubscriptions().byCustomer(customerId)) {
        out.add(context.renewNce(v.value(), c.get(), asOf, prices, inForce));
      }
      return List.copyOf(out);
    });
  }

  /**
   * The vendor's charges to the partner for one subscription (NCE-10) whose charge start falls in
   * the period, the subscription rolled to the period's last day.
   *
   * @param subscriptionId a subscription
   * @param period a period, for example a month
   * @return the charges, in date order within each term
   * @throws io.github.cspkit.csp.UnknownIdException for an unknown subscription, or one of a
   *     customer another partner manages (ACC-4)
   */
  public List<VendorCharge> vendorCharges(String subscriptionId, DateRange period) {
    requireNonNull(period, "period");
    NceSubscription s = subscription(subscriptionId, lastDay(period))
        .orElseThrow(() -> Context.unknown("subscription", subscriptionId));
    return Pipeline.exact(() -> ledger().charges(s, period));
  }

  /**
   * Every vendor charge to the partner (NCE-10) whose charge start falls in the period: the
   * partner's reconciliation file for the period (PCF-2), by customer and subscription.
   *
   * @param period a period, for example a month
   * @return the charges
   */
  public List<VendorCharge> vendorCharges(DateRange period) {
    requireNonNull(period, "period");
    Repositories read = context.store().read();
    LocalDate last = lastDay(period);
    return Pipeline.exact(() -> {
      OfferPrices prices = Context.offerPrices(read);
      Predicate<LocalDate> inForce = context.agreementInForce(read);
      List<VendorCharge> out = new ArrayList<>();
      for (String id : read.customers().ids()) {
        Optional<Customer> c = context.managed(read, id);
        if (c.isEmpty()) {
          continue;
        }
        for (Versioned<NceSubscription> v : read.nceSubscriptions().byCustomer(id)) {
          out.addAll(ledger().charges(context.renewNce(v.value(), c.get(), last, prices, inForce),
              period));
        }
      }
      return List.copyOf(out);
    });
  }

  // ---------------------------------------------------------------- machinery

  @FunctionalInterface
  private interface Step {
    NceChange apply(Customer customer, NceSubscription sub, Repositories tx);
  }

  /** @return a command's arguments, starting with the subscription's id */
  private static Arguments arguments(String subscriptionId) {
    return Arguments.of().text(requireNonNull(subscriptionId, "subscriptionId"));
  }

  /**
   * A command on one stored subscription: the customer's new-commerce subscriptions roll to the
   * request's day first (stored), then {@code step} changes this one.
   *
   * @param returnCreated whether the result is the subscription the change creates (NCE-9)
   */
  private Result<NceSubscription> change(Request r, String name, Arguments arguments,
      Operation op, String subscriptionId, AgreementNeed need, boolean returnCreated, Step step) {
    String customerId = customerOf(subscriptionId);
    return pipeline.run(r, Command.of(name, arguments, op, customerId, need, (tx, out) -> {
      Customer c = context.customer(tx, customerId).value();
      Context.requireAfterLastBill(tx, c, r.date());
      Versioned<NceSubscription> v = requireNonNull(
          context.rollNce(tx, c, r.date(), out).get(subscriptionId), subscriptionId);
      NceChange change = step.apply(c, v.value(), tx);
      tx.nceSubscriptions().save(change.subscription(), v.version());
      change.created().ifPresent(n -> tx.nceSubscriptions().save(n, 0));
      out.nce(change);
      return returnCreated ? change.created().orElseThrow() : change.subscription();
    }, Aggregate.NCE_SUBSCRIPTION));
  }

  private String customerOf(String subscriptionId) {
    requireNonNull(subscriptionId, "subscriptionId");
    return context.store().read().nceSubscriptions().find(subscriptionId)
        .orElseThrow(() -> Context.unknown("subscription", subscriptionId)).value()
        .customerId();
  }

  private Catalog catalog() {
    return context.catalog();
  }

  private VendorLedger ledger() {
    return policies.vendorLedger();
  }

  private static LocalDate lastDay(DateRange period) {
    Checks.range(!period.isEmpty(), "period %s is empty", period);
    return period.lastDay();
  }
}
