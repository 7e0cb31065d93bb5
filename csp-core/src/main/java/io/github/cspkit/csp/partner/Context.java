package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.agreement.PartnerAgreementPolicy;
import io.github.cspkit.csp.agreement.ProgramAgreement;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.NceOperations;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.NceRenewals;
import io.github.cspkit.csp.subscription.internal.Renewals;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * What every command of one partner works with: the partner, its view of the store
 * ({@link CspStore#forPartner}), the catalog, the policies and the operations built from them, and
 * the lookups and rules commands share: the customer (UNKNOWN_ID), the agreement need (AGR-1),
 * changes after the last bill (BIL-7), the bill currency (BIL-2), and rolling a customer's
 * subscriptions through their term ends (SUB-7, {@link Renewals}; new-commerce ones under
 * {@link CspPolicies#newCommerce()}, NCE-7, NCE-8, {@link NceRenewals}). The agreement AGR-1
 * checks is the Microsoft Partner Agreement under {@link CspPolicies#partnerAgreement()} (MPA-1),
 * else the reseller agreement. Any class of the package may use it; holds no mutable state.
 * Thread-safe.
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
  private final @Nullable NceOperations nceOps; // null without new-commerce policies
  private final @Nullable NceRenewals nceRenewals;

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
    this.nceOps = policies.newCommerce().map(n -> NceOperations.of(n.terms(), n.window(),
        policies.pricing(), policies.program())).orElse(null);
    this.nceRenewals = nceOps == null ? null : NceRenewals.of(nceOps);
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

  /**
   * A customer this partner manages (ACC-4): a store that serves one partner only (the default
   * {@link CspStore#forPartner}) may hold others' customers, which the partner's trusted reads and
   * bill runs treat as not there, as the partner's own view of a shared store does.
   *
   * @return the customer, if it exists and the partner manages it
   */
  Optional<Customer> managed(Repositories read, String customerId) {
    requireNonNull(customerId, "customerId");
    return read.customers().find(customerId).map(Versioned::value)
        .filter(c -> c.isManagedBy(partner.id()));
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

  /**
   * The agreement AGR-1 checks: the Microsoft Partner Agreement under
   * {@link CspPolicies#partnerAgreement()} (MPA-1), else the reseller agreement.
   */
  Optional<ProgramAgreement> programAgreement(Repositories tx) {
    return policies.partnerAgreement().isPresent()
        ? tx.partnerAgreements().find(partner.id()).map(Versioned::value)
        : tx.agreements().find(partner.id()).map(Versioned::value);
  }

  /** @return the partner-agreement policy (MPA-1); IllegalStateException if the policies have none */
  PartnerAgreementPolicy partnerAgreementPolicy() {
    return policies.partnerAgreement().orElseThrow(() -> new IllegalStateException(
        "no partner-agreement policy: build the partner with CspPolicies.currentProgram() or"
            + " policies with partnerAgreement(...)"));
  }

  /** Refuses the reseller agreement's commands under the Microsoft Partner Agreement (MPA-1). */
  void requireResellerProgram() {
    Checks.rule(policies.partnerAgreement().isEmpty(), "MPA-1", "under these policies partner %s"
        + " accepts the Microsoft Partner Agreement, which replaces the reseller agreement; use"
        + " acceptPartnerAgreement and terminatePartnerAgreement", partner.id());
  }

  /** Refuses what the command needs of the agreement on {@code date} (AGR-1, MPA-1). */
  void requireAgreement(Repositories tx, LocalDate date, AgreementNeed need) {
    if (need == AgreementNeed.NONE) {
      return;
    }
    ProgramAgreement a = programAgreement(tx).orElseThrow(() -> RuleViolation.of("AGR-1",
        "partner %s has not accepted the %s; it cannot transact", partner.id(),
        policies.partnerAgreement().isPresent() ? "Microsoft Partner Agreement (MPA-1)"
            : "reseller agreement"));
    if (need == AgreementNeed.IN_FORCE) {
      a.requireInForce(date);
    } else {
      a.requireAcceptedBy(date);
    }
  }

  /** Refuses a bill currency the customer's market has no price list in (BIL-2). */
  static void requireCurrency(Repositories tx, String market, CurrencyUnit currency,
      LocalDate date) {
    Checks.rule(tx.priceLists().book().hasCurrency(market, currency, date), "BIL-2",
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

  /**
   * @return whether the agreement AGR-1 checks ({@link #programAgreement}) is in force on a day;
   *     never without one (renewals, SUB-7, NCE-7)
   */
  Predicate<LocalDate> agreementInForce(Repositories tx) {
    Optional<ProgramAgreement> agreement = programAgreement(tx);
    if (agreement.isEmpty()) {
      return day -> false;
    }
    ProgramAgreement a = agreement.get();
    return a::isInForce;
  }

  /**
   * Rolls the given subscriptions of a customer to {@code date} (SUB-7), storing nothing.
   *
   * @param agreementInForce from {@link #agreementInForce}
   */
  Renewals.Rolled renew(List<Subscription> subscriptions, Customer c, LocalDate date,
      Repositories tx, Predicate<LocalDate> agreementInForce) {
    return renewals.rollTo(subscriptions, c, date, catalog, tx.priceLists().book(), agreementInForce);
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

  /** @return whether the partner sells new-commerce subscriptions ({@link CspPolicies#newCommerce()}) */
  boolean sellsNewCommerce() {
    return nceOps != null;
  }

  /** @return the new-commerce operations; IllegalStateException without new-commerce policies */
  NceOperations nceOps() {
    NceOperations n = nceOps;
    if (n == null) {
      throw new IllegalStateException("no new-commerce policies: build the partner with"
          + " CspPolicies.currentProgram() or policies with newCommerce(...)");
    }
    return n;
  }

  /** @return new-commerce prices from the store's lists: their rows, or each price as P1Y annual */
  static OfferPrices offerPrices(Repositories tx) {
    return OfferPrices.of(tx.priceLists().book(), PriceList::offerRows);
  }

  /**
   * Rolls the given new-commerce subscriptions of a customer to {@code date} (NCE-7, NCE-8),
   * storing nothing; none without new-commerce policies.
   *
   * @param agreementInForce from {@link #agreementInForce}
   */
  NceRenewals.Rolled renewNce(List<NceSubscription> subscriptions, Customer c, LocalDate date,
      OfferPrices prices, Predicate<LocalDate> agreementInForce) {
    NceRenewals n = nceRenewals;
    if (n == null || subscriptions.isEmpty()) {
      return new NceRenewals.Rolled(subscriptions, List.of(), List.of());
    }
    return n.rollTo(subscriptions, c, date, prices, agreementInForce);
  }

  /** @return one new-commerce subscription rolled to {@code date}, storing nothing */
  NceSubscription renewNce(NceSubscription s, Customer c, LocalDate date, OfferPrices prices,
      Predicate<LocalDate> agreementInForce) {
    NceRenewals n = nceRenewals;
    return n == null ? s : n.rollTo(s, c, date, prices, agreementInForce).subscription();
  }

  /**
   * Rolls every new-commerce subscription of the customer to {@code date} and stores those that
   * moved, with their events in {@code out}; nothing without new-commerce policies.
   *
   * @return every new-commerce subscription of the customer on that day, as stored now, in order
   */
  Map<String, Versioned<NceSubscription>> rollNce(Repositories tx, Customer c, LocalDate date,
      Outcome out) {
    Map<String, Versioned<NceSubscription>> result = new LinkedHashMap<>();
    if (nceRenewals == null) {
      return result;
    }
    List<Versioned<NceSubscription>> stored = tx.nceSubscriptions().byCustomer(c.id());
    List<NceSubscription> values = new ArrayList<>(stored.size());
    stored.forEach(v -> values.add(v.value()));
    NceRenewals.Rolled rolled = renewNce(values, c, date, offerPrices(tx), agreementInForce(tx));
    rolled.changes().forEach(out::nce);
    for (Versioned<NceSubscription> v : stored) {
      result.put(v.value().id(), v);
    }
    List<NceSubscription> next = rolled.subscriptions();
    for (int i = 0, n = next.size(); i < n; i++) {
      NceSubscription s = next.get(i);
      if (rolled.moved().contains(s.id())) {
        long version = requireNonNull(result.get(s.id()), s.id()).version();
        result.put(s.id(), tx.nceSubscriptions().save(s, version));
      }
    }
    return result;
  }

  /** Refuses an id taken by a subscription of either kind ({@code CONFLICT}, DUPLICATE_ID). */
  void requireFreeSubscriptionId(Repositories tx, String id) {
    requireFreeSubscriptionIds(tx, List.of(id));
  }

  /**
   * As {@link #requireFreeSubscriptionId} for several ids, looked up together: an id a seed
   * subscription has is refused first (the first such in the list), then, under new commerce, one
   * a new-commerce subscription has.
   */
  void requireFreeSubscriptionIds(Repositories tx, List<String> ids) {
    List<String> taken = tx.subscriptions().taken(ids);
    if (!taken.isEmpty()) {
      conflictIf(true, "subscription", taken.get(0));
    }
    if (sellsNewCommerce()) {
      for (String id : ids) {
        conflictIf(tx.nceSubscriptions().find(id).isPresent(), "subscription", id);
      }
    }
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
