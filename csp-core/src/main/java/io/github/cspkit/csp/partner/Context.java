package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.Renewals;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * What every command of one partner works with: the partner, its view of the store
 * ({@link CspStore#forPartner}), the catalog, the policies and the operations built from them, and
 * the lookups and rules commands share: the customer (UNKNOWN_ID), the agreement need (AGR-1),
 * changes after the last bill (BIL-7), the bill currency (BIL-2), and rolling a customer's
 * subscriptions through their term ends (SUB-7, {@link Renewals}). Any class of the package may
 * use it; holds no mutable state. Thread-safe.
 */
final class Context {
  private final Partner partner;
  private final CspStore store;
  private final Catalog catalog;
  private final CspPolicies policies;
  private final IncidentFeed incidents;
  private final SubscriptionOperations ops;
  private final BillingEngine billing;
  private final Renewals renewals;

  /**
   * @param store the partner's view of the store
   */
  Context(Partner partner, CspStore store, Catalog catalog, CspPolicies policies,
      IncidentFeed incidents) {
    this.partner = requireNonNull(partner, "partner");
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    this.policies = requireNonNull(policies, "policies");
    this.incidents = requireNonNull(incidents, "incidents");
    this.ops = SubscriptionOperations.of(policies.dayCount(), Proration.of(policies.rounding()),
        policies.priceLock(), policies.pricing(), policies.lifecycle(), policies.program());
    this.billing = BillingEngine.of(policies.timing(), policies.rounding(), policies.dayCount());
    this.renewals = Renewals.of(ops);
  }

  Partner partner() {
    return partner;
  }

  /** @return the partner's view of the store */
  CspStore store() {
    return store;
  }

  Catalog catalog() {
    return catalog;
  }

  CspPolicies policies() {
    return policies;
  }

  IncidentFeed incidents() {
    return incidents;
  }

  SubscriptionOperations ops() {
    return ops;
  }

  BillingEngine billing() {
    return billing;
  }

  /** Checks the actor (ACC-1..5, SUB-6); throws {@link RuleViolation} if refused. */
  void authorize(Request r, Operation op, @Nullable Customer target) {
    policies.access().authorize(r.actor(), partner, op, target);
  }

  /** @return an idempotency key scoped to this partner: two partners may use the same key */
  String scoped(String key) {
    return partner.id() + ":" + key;
  }

  /** @return the customer in the transaction; {@code UNKNOWN_ID} if there is none */
  Versioned<Customer> customer(Repositories tx, String customerId) {
    requireNonNull(customerId, "customerId");
    return tx.customers().find(customerId).orElseThrow(() -> unknown("customer", customerId));
  }

  /** @return the customer of a stored subscription; {@code UNKNOWN_ID} if there is none */
  String customerOf(String subscriptionId) {
    requireNonNull(subscriptionId, "subscriptionId");
    return store.read().subscriptions().find(subscriptionId)
        .orElseThrow(() -> unknown("subscription", subscriptionId)).value().customerId();
  }

  /** @return the customer's billing account, opened (and saved) if it has none yet */
  Versioned<BillingAccount> account(Repositories tx, Customer c) {
    return tx.bills().account(c.id()).orElseGet(() -> tx.bills().saveAccount(
        BillingAccount.open(c.id(), c.billing().firstPeriodFrom(c.createdOn()).start()), 0));
  }

  /** Refuses what the command needs of the agreement on {@code date} (AGR-1). */
  void requireAgreement(Repositories tx, LocalDate date, AgreementNeed need) {
    if (need == AgreementNeed.NONE) {
      return;
    }
    Agreement a = tx.agreements().find(partner.id()).map(Versioned::value).orElseThrow(() ->
        RuleViolation.of("AGR-1", "partner %s has not accepted the reseller agreement; it cannot"
            + " transact", partner.id()));
    if (need == AgreementNeed.IN_FORCE) {
      a.requireInForce(date);
    } else {
      a.requireAcceptedBy(date);
    }
  }

  /** Refuses a bill currency the customer's market has no price list in (BIL-2). */
  static void requireCurrency(Repositories tx, String market, CurrencyUnit currency,
      LocalDate date) {
    Checks.rule(tx.priceLists().hasCurrency(market, currency, date), "BIL-2",
        "no price list of market %s is published in %s; bill the customer in a currency its"
            + " market has price lists in", market, currency.getCurrencyCode());
  }

  /**
   * Refuses a change dated before the customer exists (OUT_OF_RANGE) or on or before its last
   * bill (BIL-7).
   */
  static void requireAfterLastBill(Repositories tx, Customer c, LocalDate date) {
    Checks.range(!date.isBefore(c.createdOn()), "date %s is before customer %s was created on %s",
        date, c.id(), c.createdOn());
    tx.bills().account(c.id()).flatMap(a -> a.value().lastIssuedOn()).ifPresent(last ->
        Checks.rule(date.isAfter(last), "BIL-7", "a bill of customer %s was issued at the"
            + " end of %s; changes must be dated after it, not on %s", c.id(), last, date));
  }

  /** @return whether the partner's agreement is in force on a day; never without one (AGR-1) */
  Predicate<LocalDate> agreementInForce(Repositories tx) {
    Agreement agreement = tx.agreements().find(partner.id()).map(Versioned::value).orElse(null);
    return agreement == null ? day -> false : agreement::isInForce;
  }

  /**
   * Rolls the given subscriptions of a customer to {@code date} (SUB-7), storing nothing.
   *
   * @param agreementInForce from {@link #agreementInForce}
   */
  Renewals.Rolled renew(List<Subscription> subscriptions, Customer c, LocalDate date,
      Repositories tx, Predicate<LocalDate> agreementInForce) {
    return renewals.rollTo(subscriptions, c, date, catalog, tx.priceLists(), agreementInForce);
  }

  /** Rolls every subscription of the customer to {@code date}, storing nothing. */
  Renewals.Rolled renew(Repositories tx, Customer c, LocalDate date) {
    List<Versioned<Subscription>> stored = tx.subscriptions().byCustomer(c.id());
    return renew(values(stored), c, date, tx, agreementInForce(tx));
  }

  /**
   * Rolls every subscription of the customer to {@code date} and stores those that moved, with
   * their RENEW/END events in {@code out}.
   *
   * @return every subscription of the customer on that day, as stored now: bases first
   */
  Map<String, Versioned<Subscription>> roll(Repositories tx, Customer c, LocalDate date,
      Outcome out) {
    List<Versioned<Subscription>> stored = tx.subscriptions().byCustomer(c.id());
    Renewals.Rolled rolled = renew(values(stored), c, date, tx, agreementInForce(tx));
    out.changes(rolled.changes());
    Map<String, Versioned<Subscription>> byId = new HashMap<>(stored.size() * 2);
    for (Versioned<Subscription> v : stored) {
      byId.put(v.value().id(), v);
    }
    for (String id : rolled.moved()) {
      long version = requireNonNull(byId.get(id), id).version();
      byId.put(id, tx.subscriptions().save(rolled.get(id), version));
    }
    Map<String, Versioned<Subscription>> result = new LinkedHashMap<>();
    for (Subscription s : rolled.subscriptions()) {
      result.put(s.id(), requireNonNull(byId.get(s.id()), s.id()));
    }
    return result;
  }

  /** @return the values of stored subscriptions, in order */
  static List<Subscription> values(List<Versioned<Subscription>> stored) {
    List<Subscription> values = new ArrayList<>(stored.size());
    for (int i = 0, n = stored.size(); i < n; i++) {
      values.add(stored.get(i).value());
    }
    return values;
  }

  static UnknownIdException unknown(String kind, String id) {
    return new UnknownIdException(kind, id);
  }

  /** Refuses a taken id ({@code CONFLICT}, {@code DUPLICATE_ID}). */
  static void conflictIf(boolean taken, String kind, String id) {
    if (taken) {
      throw ConflictException.duplicate(kind, id);
    }
  }
}
