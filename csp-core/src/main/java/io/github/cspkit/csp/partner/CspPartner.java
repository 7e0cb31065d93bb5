package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.AccessPolicy;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.access.ServiceIncident;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.agreement.PartnerAgreementPolicy;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.ProgramAgreement;
import io.github.cspkit.csp.agreement.TerminationNotice;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.billing.internal.NceAccrual;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.repository.BillingClaim;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Shard;
import io.github.cspkit.csp.repository.TransientStoreException;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.SuspensionBilling;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The partner's one entry point (DESIGN.md, io.github.cspkit.csp.partner). Every command takes a {@link Request}
 * (explicit actor, day, optional idempotency key) and, in one transaction of the {@link CspStore}:
 * replays a known key, checks the actor ({@link AccessPolicy}: ACC-1..5, SUB-6), the agreement
 * (AGR-1), the catalog and the rules, moves subscriptions through any term end (SUB-7), applies
 * the change, and stores it with its events and idempotency record. A refused call throws a
 * {@link io.github.cspkit.csp.CspException} ({@link RuleViolation} naming the rule, or
 * {@code UNKNOWN_ID}, {@code CONFLICT}, {@code OUT_OF_RANGE}) and changes nothing; names and ids
 * are checked here and by the values, the same on every store. Holds no state of its own: many
 * instances may share one store. Thread-safe.
 */
public final class CspPartner {
  private final Partner partner;
  private final CspStore store;
  private final Catalog catalog;
  private final CspPolicies policies;
  private final IncidentFeed incidents;
  private final SubscriptionOperations ops;
  private final BillingEngine billing;
  private final NewCommerce newCommerce; // null without new-commerce policies

  private CspPartner(Partner partner, CspStore store, Catalog catalog, CspPolicies policies,
      IncidentFeed incidents) {
    this.partner = requireNonNull(partner, "partner");
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    this.policies = requireNonNull(policies, "policies");
    this.incidents = requireNonNull(incidents, "incidents");
    this.ops = SubscriptionOperations.of(policies.dayCount(), Proration.of(policies.rounding()),
        policies.priceLock(), policies.pricing(), policies.lifecycle(), policies.program());
    this.billing = BillingEngine.of(policies.timing(), policies.rounding(), policies.dayCount());
    this.newCommerce = policies.newCommerce().map(n -> new NewCommerce(this, n)).orElse(null);
  }

  /**
   * @param partner the partner
   * @param catalog the vendor's SKUs
   * @return an entry point on a new in-memory store under the seed's policies
   */
  public static CspPartner inMemory(Partner partner, Catalog catalog) {
    return builder().partner(partner).catalog(catalog).build();
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CspPartner}; the store defaults to a new {@link InMemoryStore}. */
  public static final class Builder {
    private Partner partner;
    private CspStore store;
    private Catalog catalog = Catalog.empty();
    private CspPolicies policies = CspPolicies.seed();
    private IncidentFeed incidents = IncidentFeed.NONE;

    private Builder() {}

    /**
     * @param partner the partner whose operations these are
     * @return this builder
     */
    public Builder partner(Partner partner) {
      this.partner = requireNonNull(partner, "partner");
      return this;
    }

    /**
     * @param store where data is kept
     * @return this builder
     */
    public Builder store(CspStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * @param catalog the vendor's SKUs
     * @return this builder
     */
    public Builder catalog(Catalog catalog) {
      this.catalog = requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * @param policies the policies
     * @return this builder
     */
    public Builder policies(CspPolicies policies) {
      this.policies = requireNonNull(policies, "policies");
      return this;
    }

    /**
     * @param incidents the integrator's service incident feed (ACC-4)
     * @return this builder
     */
    public Builder incidents(IncidentFeed incidents) {
      this.incidents = requireNonNull(incidents, "incidents");
      return this;
    }

    /** @return the entry point */
    public CspPartner build() {
      requireNonNull(partner, "partner");
      CspStore s = store != null ? store : InMemoryStore.create(policies.priceLists());
      return new CspPartner(partner, s.forPartner(partner.id()), catalog, policies, incidents);
    }
  }

  /** @return the partner */
  public Partner partner() {
    return partner;
  }

  /** @return the policies */
  public CspPolicies policies() {
    return policies;
  }

  /** @return the catalog */
  public Catalog catalog() {
    return catalog;
  }

  /** @return the store, as this partner sees it */
  CspStore store() {
    return store;
  }

  /**
   * The new-commerce subscriptions of this partner (NCE-1..10), under
   * {@link CspPolicies#newCommerce()}.
   *
   * @return their commands and reads
   * @throws IllegalStateException "no new-commerce policies" when the policies have none
   */
  public NewCommerce newCommerce() {
    NewCommerce n = newCommerce;
    if (n == null) {
      throw new IllegalStateException("no new-commerce policies: build the partner with"
          + " CspPolicies.currentProgram() or policies with newCommerce(...)");
    }
    return n;
  }

  // ---------------------------------------------------------------- agreement

  /**
   * Accepts the reseller agreement on the request's day (AGR-1, AGR-2): its first term starts
   * that day. A partner whose agreement has ended accepts a new one the same way; every
   * subscription is first moved through the term ends before that day under the agreement that
   * ended (SUB-7), so none renews on a day no agreement was in force.
   *
   * @param r the request; a partner user with own-tenant admin rights
   * @return the agreement
   * @throws RuleViolation AGR-1 while an agreement accepted before is in force or not yet ended
   */
  public Result<Agreement> acceptAgreement(Request r) {
    return command(r, sig(r, "acceptAgreement"), Operation.ACCEPT_AGREEMENT, null, false,
        (tx, out) -> {
          requireResellerProgram();
          Optional<Versioned<Agreement>> before = tx.agreements().find(partner.id());
          if (before.isPresent()) {
            Agreement old = before.get().value();
            Checks.rule(old.endDate().filter(r.date()::isAfter).isPresent(), "AGR-1",
                "partner %s already holds the agreement accepted on %s (%s); a new one can be"
                    + " accepted only after its last day in force", partner.id(), old.acceptedOn(),
                old.endDate().map(end -> "last day in force " + end).orElse("without notice"));
            LocalDate eve = r.date().minusDays(1);
            for (String id : tx.customers().ids()) {
              Customer c = tx.customers().find(id).orElseThrow().value();
              if (c.isManagedBy(partner.id())) {
                roll(tx, c, eve, out);
              }
            }
          }
          Agreement a = Agreement.accept(partner.id(), r.date(), policies.renewal());
          tx.agreements().save(a, before.map(Versioned::version).orElse(0L));
          out.event("agreement", partner.id(), "ACCEPTED", r.date(),
              "accepted; first term " + a.firstTerm());
          return a;
        }, this::reloadAgreement);
  }

  /**
   * Gives notice of intent not to renew (AGR-3), by the partner or the vendor; only written
   * notice counts (AGR-4).
   *
   * @param r the request
   * @param channel how the notice was given
   * @return the agreement with the notice
   * @throws RuleViolation AGR-4 for a channel other than written
   */
  public Result<Agreement> giveNotice(Request r, NoticeChannel channel) {
    requireNonNull(channel, "channel");
    return command(r, sig(r, "giveNotice", channel), Operation.GIVE_NOTICE, null, false, (tx, out) -> {
      Party party = r.actor() instanceof Actor.Vendor ? Party.VENDOR : Party.PARTNER;
      Notice notice = Notice.of(r.date(), party, channel);
      Agreement.requireWritten(notice); // the argument before the agreement's state (AGR-4)
      requireResellerProgram();
      Versioned<Agreement> v = tx.agreements().find(partner.id()).orElseThrow(() -> RuleViolation.of(
          "AGR-1", "partner %s has not accepted the reseller agreement", partner.id()));
      Agreement next = v.value().withNotice(notice);
      tx.agreements().save(next, v.version());
      out.event("agreement", partner.id(), "NOTICE", r.date(), party + " gave written notice; the"
          + " agreement ends " + next.endDate().map(LocalDate::toString).orElse("never"));
      return next;
    }, this::reloadAgreement);
  }

  /** @return the agreement, if accepted */
  public Optional<Agreement> agreement() {
    return store.read().agreements().find(partner.id()).map(Versioned::value);
  }

  private void requireResellerProgram() {
    Checks.rule(policies.partnerAgreement().isEmpty(), "MPA-1", "under these policies partner %s"
        + " accepts the Microsoft Partner Agreement, which replaces the reseller agreement; use"
        + " acceptPartnerAgreement and terminatePartnerAgreement", partner.id());
  }

  /**
   * Accepts the Microsoft Partner Agreement on the request's day (MPA-1): in force from that day,
   * with no term and no renewal, until a written notice of termination ends it. A partner whose
   * agreement has ended accepts a new one the same way; every subscription is first moved through
   * the term ends before that day under the agreement that ended, so none renews on a day no
   * agreement was in force (AGR-1).
   *
   * @param r the request; a partner user with own-tenant admin rights
   * @return the agreement
   * @throws RuleViolation MPA-1 while an agreement accepted before is in force or not yet ended
   * @throws IllegalStateException when the policies have no partner agreement
   *     ({@link CspPolicies#partnerAgreement()})
   */
  public Result<PartnerAgreement> acceptPartnerAgreement(Request r) {
    PartnerAgreementPolicy policy = partnerAgreementPolicy();
    return command(r, sig(r, "acceptPartnerAgreement"), Operation.ACCEPT_AGREEMENT, null, false,
        (tx, out) -> {
          Optional<Versioned<PartnerAgreement>> before = tx.partnerAgreements().find(partner.id());
          if (before.isPresent()) {
            PartnerAgreement old = before.get().value();
            Checks.rule(old.endDate().filter(r.date()::isAfter).isPresent(), "MPA-1",
                "partner %s already holds the Microsoft Partner Agreement accepted on %s (%s); a new"
                    + " one can be accepted only after its last day in force", partner.id(),
                old.acceptedOn(), old.endDate().map(end -> "last day in force " + end)
                    .orElse("without notice of termination"));
            LocalDate eve = r.date().minusDays(1);
            for (String id : tx.customers().ids()) {
              Customer c = tx.customers().find(id).orElseThrow().value();
              if (c.isManagedBy(partner.id())) {
                roll(tx, c, eve, out);
                if (newCommerce != null) {
                  newCommerce.rollStored(tx, c, eve, out);
                }
              }
            }
          }
          PartnerAgreement a = PartnerAgreement.accept(partner.id(), r.date(), policy);
          tx.partnerAgreements().save(a, before.map(Versioned::version).orElse(0L));
          out.event("partner-agreement", partner.id(), "ACCEPTED", r.date(),
              "Microsoft Partner Agreement accepted; in force until terminated");
          return a;
        }, (tx, id) -> tx.partnerAgreements().find(id).orElseThrow().value());
  }

  /**
   * Records a written notice of termination of the Microsoft Partner Agreement (MPA-1, AGR-4), by
   * the partner or the vendor (when the actor is the vendor): the agreement ends on
   * {@code effective}, its last day in force being the day before.
   *
   * @param r the request; the notice is given on its day
   * @param effective the date the notice names, at least the policy's notice (30 days) later
   * @return the agreement with the notice
   * @throws RuleViolation MPA-1 for a date too early, before acceptance or after the agreement
   *     ended, or when no agreement was accepted
   * @throws IllegalStateException when the policies have no partner agreement
   */
  public Result<PartnerAgreement> terminatePartnerAgreement(Request r, LocalDate effective) {
    requireNonNull(effective, "effective");
    partnerAgreementPolicy();
    return command(r, sig(r, "terminatePartnerAgreement", effective), Operation.GIVE_NOTICE, null,
        false, (tx, out) -> {
          Party party = r.actor() instanceof Actor.Vendor ? Party.VENDOR : Party.PARTNER;
          Versioned<PartnerAgreement> v = tx.partnerAgreements().find(partner.id())
              .orElseThrow(() -> RuleViolation.of("MPA-1", "partner %s has not accepted the"
                  + " Microsoft Partner Agreement; there is nothing to terminate", partner.id()));
          PartnerAgreement next = v.value().withTermination(
              TerminationNotice.written(r.date(), party, effective));
          tx.partnerAgreements().save(next, v.version());
          out.event("partner-agreement", partner.id(), "TERMINATION", r.date(), party
              + " gave written notice of termination; last day in force "
              + next.endDate().map(LocalDate::toString).orElse("none"));
          return next;
        }, (tx, id) -> tx.partnerAgreements().find(id).orElseThrow().value());
  }

  /** @return the Microsoft Partner Agreement (MPA-1), if accepted */
  public Optional<PartnerAgreement> partnerAgreement() {
    return store.read().partnerAgreements().find(partner.id()).map(Versioned::value);
  }

  private PartnerAgreementPolicy partnerAgreementPolicy() {
    return policies.partnerAgreement().orElseThrow(() -> new IllegalStateException(
        "no partner-agreement policy: build the partner with CspPolicies.currentProgram() or"
            + " policies with partnerAgreement(...)"));
  }

  /**
   * The agreement AGR-1 checks: the Microsoft Partner Agreement under
   * {@link CspPolicies#partnerAgreement()}, else the reseller agreement.
   */
  Optional<ProgramAgreement> programAgreement(Repositories tx) {
    return policies.partnerAgreement().isPresent()
        ? tx.partnerAgreements().find(partner.id()).map(Versioned::value)
        : tx.agreements().find(partner.id()).map(Versioned::value);
  }

  /** Whether the agreement AGR-1 checks is in force on a day (renewals, SUB-7, NCE-7). */
  java.util.function.Predicate<LocalDate> inForce(Repositories tx) {
    ProgramAgreement a = programAgreement(tx).orElse(null);
    return a == null ? day -> false : a::isInForce;
  }

  // ---------------------------------------------------------------- prices

  /**
   * Publishes a price list (PRC-1, PRC-2): the vendor only, on the list's publication day.
   *
   * @param r the request, dated on the list's publication day
   * @param list the list
   * @return the list
   * @throws RuleViolation PRC-1 or PRC-2 if the policy refuses the list
   */
  public Result<PriceList> publishPriceList(Request r, PriceList list) {
    requireNonNull(list, "list");
    Checks.range(list.publishedOn().equals(requireNonNull(r, "r").date()),
        "list %s is published on %s, not on the request's day %s", list.id(), list.publishedOn(), r.date());
    return command(r, sig(r, "publishPriceList", list.id()), Operation.PUBLISH_PRICE_LIST, null, false, (tx, out) -> {
      policies.priceLists().validate(list); // these policies (PRC-1, PRC-2), and the store's own
      tx.priceLists().add(list);
      out.event("price-list", list.id(), "PUBLISHED", r.date(), list.market() + " "
          + list.currency().getCurrencyCode() + " effective " + list.effectiveOn());
      return list;
    }, (tx, id) -> tx.priceLists().find(id).orElseThrow());
  }

  /**
   * Imports a price list read from Partner Center's price list file (PCF-1): the partner, on any
   * day on or after the publication day it states, so that history can be back-filled. The list's
   * seed prices ({@link ImportedPriceList#priceList()}: the one-year rows billed annually) are
   * stored as if the vendor had published them on that day: the notice (PRC-2) and the visibility
   * from the publication day on (PRC-3) still hold. Importing the same list again changes nothing.
   *
   * @param r the request; a partner user with own-tenant admin rights, on or after the list's
   *     publication day
   * @param list the imported list
   * @return the stored seed list
   * @throws RuleViolation PCF-1 if the request's day is before the publication day; PRC-1 or
   *     PRC-2 if the policy refuses the list
   * @throws ConflictException if another list with the same id but other prices is stored
   */
  public Result<PriceList> importPriceList(Request r, ImportedPriceList list) {
    requireNonNull(list, "list");
    PriceList seed = list.priceList();
    return command(r, sig(r, "importPriceList", seed.id()), Operation.IMPORT_PRICE_LIST, null,
        AgreementNeed.NONE, () -> Checks.rule(!r.date().isBefore(seed.publishedOn()), "PCF-1",
            "list %s is published on %s; it cannot be imported before, on %s", seed.id(),
            seed.publishedOn(), r.date()), (tx, out) -> {
          policies.priceLists().validate(seed);
          if (tx.priceLists().find(seed.id()).filter(seed::equals).isEmpty()) {
            tx.priceLists().add(seed);
          }
          out.event("price-list", seed.id(), "IMPORTED", r.date(), seed.market() + " "
              + seed.currency().getCurrencyCode() + " " + list.month() + " published "
              + seed.publishedOn() + ": " + list.rows().prices().size() + " rows, "
              + list.unmapped().size() + " products not mapped");
          return seed;
        }, (tx, id) -> tx.priceLists().find(id).orElseThrow());
  }

  /**
   * The list price (the partner's cost) of a SKU on a day, as known on the request's day
   * (PRC-3, PRC-4, DIS-1). Partners, the distributor and the vendor may ask.
   *
   * @param r the request; its day is the "known on" day
   * @param sku the SKU
   * @param market the market
   * @param currency the currency
   * @param day the day priced
   * @return the quote: a price, or "not yet published" with the day it can still be published
   */
  public PriceQuote priceQuote(Request r, String sku, String market, CurrencyUnit currency,
      LocalDate day) {
    requireNonNull(r, "r");
    policies.access().authorize(r.actor(), partner, Operation.QUOTE_PRICE, null);
    return exact(() -> store.read().priceLists().quote(sku, market, currency, day, r.date()));
  }

  // ---------------------------------------------------------------- customers

  /**
   * Creates a customer and its tenant (CUS-1), granting the partner delegated admin on it
   * (CUS-4, ACC-1).
   *
   * @param r the request
   * @param spec the customer
   * @return the customer
   * @throws RuleViolation BIL-2 if no price list of its market is in its currency
   */
  public Result<Customer> createCustomer(Request r, NewCustomer spec) {
    requireNonNull(spec, "spec");
    return command(r, sig(r, "createCustomer", spec), Operation.CREATE_CUSTOMER, null, true, (tx, out) -> {
      conflictIf(tx.customers().find(spec.id()).isPresent(), "customer", spec.id());
      requireCurrency(tx, spec.market(), spec.currency(), r.date());
      BillingProfile profile = BillingProfile.of(spec.billingDay(), spec.currency());
      Customer c = Customer.builder().id(spec.id()).name(spec.name()).partnerId(partner.id())
          .market(spec.market()).segment(spec.segment()).verified(spec.verified())
          .tenant(Tenant.of(spec.id() + "-tenant", spec.tenant())).billing(profile)
          .createdOn(r.date()).delegatedAdmin(true).build();
      tx.customers().save(c, 0);
      tx.bills().saveAccount(BillingAccount.open(c.id(), profile.firstPeriodFrom(r.date()).start()), 0);
      out.event("customer", c.id(), "CREATED", r.date(), "tenant " + c.tenant().id() + " ("
          + spec.tenant().name().toLowerCase(java.util.Locale.ROOT) + "), delegated admin granted to "
          + partner.id());
      return c;
    }, this::reloadCustomer);
  }

  /**
   * Changes a customer's billing day and currency (BIL-2); the next period follows the new day.
   *
   * @param r the request
   * @param customerId the customer
   * @param profile the new profile
   * @return the customer
   * @throws RuleViolation BIL-2 if no price list of its market is in that currency, or the
   *     customer has subscriptions in another currency
   */
  public Result<Customer> setBillingProfile(Request r, String customerId, BillingProfile profile) {
    requireNonNull(profile, "profile");
    return command(r, sig(r, "setBillingProfile", customerId, profile), Operation.SET_BILLING_PROFILE, customerId, true, (tx, out) -> {
      Versioned<Customer> v = customer(tx, customerId);
      requireCurrency(tx, v.value().market(), profile.currency(), r.date());
      for (Versioned<Subscription> s : tx.subscriptions().byCustomer(customerId)) {
        Checks.rule(s.value().currency().equals(profile.currency()), "BIL-2",
            "customer %s has subscription %s in %s; its bills stay in that currency",
            customerId, s.value().id(), s.value().currency().getCurrencyCode());
      }
      for (OwnService s : tx.bills().services(customerId)) {
        Checks.rule(s.currency().equals(profile.currency()), "BIL-2",
            "customer %s has service %s in %s; its bills stay in that currency",
            customerId, s.id(), s.currency().getCurrencyCode());
      }
      Customer next = v.value().withBilling(profile);
      tx.customers().save(next, v.version());
      Versioned<BillingAccount> a = account(tx, next);
      tx.bills().saveAccount(BillingAccount.builder().from(a.value())
          .nextPeriodStart(profile.firstPeriodFrom(a.value().nextPeriodStart()).start()).build(), a.version());
      out.event("customer", customerId, "BILLING_PROFILE", r.date(), "billing day "
          + profile.billingDay() + ", " + profile.currency().getCurrencyCode());
      return next;
    }, this::reloadCustomer);
  }

  /**
   * Sets a customer's financing (BIL-3): annual prepayment with a discount, or instalments.
   *
   * @param r the request
   * @param customerId the customer
   * @param plan the plan
   * @return the customer's billing account
   */
  public Result<BillingAccount> setFinancing(Request r, String customerId, FinancingPlan plan) {
    requireNonNull(plan, "plan");
    return command(r, sig(r, "setFinancing", customerId, plan), Operation.SET_FINANCING, customerId, true, (tx, out) -> {
      Versioned<Customer> c = customer(tx, customerId);
      Versioned<BillingAccount> a = account(tx, c.value());
      BillingAccount next = a.value().withFinancing(plan);
      tx.bills().saveAccount(next, a.version());
      out.event("customer", customerId, "FINANCING", r.date(), plan.toString());
      return next;
    }, (tx, id) -> tx.bills().account(id).orElseThrow().value());
  }

  /**
   * Adds one of the partner's own tools, products or services to a customer's bills (BIL-1).
   *
   * @param r the request; the service starts on its day
   * @param customerId the customer
   * @param serviceId the service's id (unique per customer)
   * @param name the partner's name for it
   * @param amount the amount, in the customer's bill currency
   * @param recurrence monthly or once
   * @return the service
   */
  public Result<OwnService> addService(Request r, String customerId, String serviceId, String name,
      MonetaryAmount amount, Recurrence recurrence) {
    Checks.name("service id", serviceId);
    Checks.name("service name", name);
    requireNonNull(amount, "amount");
    requireNonNull(recurrence, "recurrence");
    return command(r, sig(r, "addService", customerId, serviceId, name, amount, recurrence), Operation.ADD_SERVICE, customerId, true, (tx, out) -> {
      Customer c = customer(tx, customerId).value();
      requireAfterLastBill(tx, c, r.date());
      Checks.rule(amount.getCurrency().equals(c.billing().currency()), "BIL-2",
          "service %s is priced in %s but customer %s is billed in %s", serviceId,
          amount.getCurrency(), customerId, c.billing().currency());
      conflictIf(tx.bills().services(customerId).stream().anyMatch(s -> s.id().equals(serviceId)),
          "service", customerId + "/" + serviceId);
      OwnService s = OwnService.builder().id(serviceId).customerId(customerId).name(name)
          .amountMinor(MinorUnits.of(amount)).currency(amount.getCurrency()).recurrence(recurrence)
          .startsOn(r.date()).build();
      tx.bills().saveService(s);
      out.event("service", customerId + "/" + serviceId, "ADDED", r.date(), name + " "
          + MinorUnits.format(s.amountMinor(), s.currency()) + " " + recurrence);
      return s;
    }, (tx, id) -> {
      String[] parts = id.split("/", 2);
      return tx.bills().services(parts[0]).stream().filter(s -> s.id().equals(parts[1]))
          .findFirst().orElseThrow();
    });
  }

  /**
   * Removes the partner's delegated admin on a customer's tenant (ACC-2): refused under the
   * seed's policy, since the partner must provide support.
   *
   * @param r the request
   * @param customerId the customer
   * @return the customer without delegated admin
   * @throws RuleViolation ACC-2 unless the delegated admin policy lets the actor remove it
   */
  public Result<Customer> removeDelegatedAdmin(Request r, String customerId) {
    return command(r, sig(r, "removeDelegatedAdmin", customerId), Operation.REMOVE_DELEGATED_ADMIN, customerId, false,
        (tx, out) -> {
          Versioned<Customer> v = customer(tx, customerId);
          Customer next = v.value().withDelegatedAdmin(false);
          tx.customers().save(next, v.version());
          out.event("customer", customerId, "DELEGATED_ADMIN_REMOVED", r.date(),
              "removed by " + r.actor().userId());
          return next;
        }, this::reloadCustomer);
  }

  /**
   * A delegated-admin task on a customer's tenant, for technical support (ACC-1): allowed to every
   * partner, CSP or not, for the customers it manages while it holds delegated admin. Logged.
   *
   * @param r the request
   * @param customerId the customer
   * @param task what was done, for the log
   * @return the customer
   */
  public Result<Customer> administerTenant(Request r, String customerId, String task) {
    Checks.text("task", task);
    return command(r, sig(r, "administerTenant", customerId, task), Operation.ADMINISTER_TENANT, customerId, false,
        (tx, out) -> {
          Customer c = customer(tx, customerId).value();
          out.event("tenant", c.tenant().id(), "ADMINISTERED", r.date(), task);
          return c;
        }, this::reloadCustomer);
  }

  /**
   * A task on the partner's own tenant (ACC-3): it needs admin rights on that tenant, which are
   * separate from delegated-admin rights over customers. Logged.
   *
   * @param r the request
   * @param task what was done, for the log
   * @return the logged event
   */
  public DomainEvent administerOwnTenant(Request r, String task) {
    requireNonNull(r, "r");
    Checks.text("task", task);
    policies.access().authorize(r.actor(), partner, Operation.ADMINISTER_OWN_TENANT, null);
    return store.inTransaction(tx -> tx.events().append(new DomainEvent(0, "tenant",
        partner.id() + "-own-tenant", "ADMINISTERED", r.date(), scoped("auto-" + UUID.randomUUID()),
        task + " (by " + r.actor().userId() + ")")));
  }

  /**
   * Service configuration in the customer's own admin center (ACC-5): mail, sites, chat and the
   * like, as if bought directly. Logged.
   *
   * @param r the request, by the customer's admin (or the partner through delegated admin)
   * @param customerId the customer
   * @param service the service configured, for example {@code "mail"}
   * @param setting what was set
   * @return the customer
   */
  public Result<Customer> configureService(Request r, String customerId, String service,
      String setting) {
    Checks.text("service", service);
    Checks.text("setting", setting);
    return command(r, sig(r, "configureService", customerId, service, setting), Operation.CONFIGURE_SERVICE, customerId, false,
        (tx, out) -> {
          Customer c = customer(tx, customerId).value();
          out.event("tenant", c.tenant().id(), "CONFIGURED", r.date(), service + ": " + setting);
          return c;
        }, this::reloadCustomer);
  }

  /**
   * The service incidents of a customer the partner manages (ACC-4), open on the request's day.
   *
   * @param r the request
   * @param customerId the customer
   * @return its open incidents
   */
  public List<ServiceIncident> serviceIncidents(Request r, String customerId) {
    requireNonNull(r, "r");
    Customer c = store.read().customers().find(requireNonNull(customerId, "customerId"))
        .orElseThrow(() -> unknown("customer", customerId)).value();
    policies.access().authorize(r.actor(), partner, Operation.VIEW_SERVICE_HEALTH, c);
    return incidents.incidents(customerId).stream().filter(i -> i.isOpenOn(r.date())).toList();
  }

  /**
   * @param id a customer id
   * @return the customer, if it exists
   */
  public Optional<Customer> customer(String id) {
    return store.read().customers().find(id).map(Versioned::value);
  }

  // ---------------------------------------------------------------- subscriptions

  /**
   * Orders a subscription for a customer (SUB-1); its term starts on the request's day.
   *
   * @param r the request
   * @param customerId the customer
   * @param skuId the SKU
   * @param seats the seats
   * @param subscriptionId the new subscription's id
   * @return the subscription
   * @throws RuleViolation AGR-1, ACC-*, SUB-6, CAT-1/2/3/5, CUS-2, SUB-1, PRC-3
   */
  public Result<Subscription> order(Request r, String customerId, String skuId, int seats,
      String subscriptionId) {
    return newSubscription(r, "order", Operation.ORDER, customerId, skuId, seats, subscriptionId);
  }

  /**
   * Converts the customer's direct trial into a paid CSP subscription starting on the request's
   * day; the trial ends that day (CUS-3).
   *
   * @param r the request
   * @param customerId the customer
   * @param skuId the paid SKU
   * @param seats the seats
   * @param subscriptionId the new subscription's id
   * @return the subscription
   */
  public Result<Subscription> convertTrial(Request r, String customerId, String skuId, int seats,
      String subscriptionId) {
    return newSubscription(r, "convertTrial", Operation.CONVERT_TRIAL, customerId, skuId, seats,
        subscriptionId);
  }

  private Result<Subscription> newSubscription(Request r, String name, Operation op,
      String customerId, String skuId, int seats, String subscriptionId) {
    requireNonNull(skuId, "skuId");
    Checks.word("subscription id", subscriptionId);
    return command(r, sig(r, name, customerId, skuId, seats, subscriptionId), op, customerId,
        AgreementNeed.IN_FORCE, () -> SubscriptionOperations.checkSeats(catalog.sku(skuId), seats),
        (tx, out) -> {
      Versioned<Customer> c = customer(tx, customerId);
      requireAfterLastBill(tx, c.value(), r.date());
      conflictIf(tx.subscriptions().find(subscriptionId).isPresent() || (newCommerce != null
          && tx.nceSubscriptions().find(subscriptionId).isPresent()), "subscription", subscriptionId);
      Sku sku = catalog.sku(skuId);
      SubscriptionChange change;
      if (op == Operation.CONVERT_TRIAL) {
        change = ops.convertTrial(subscriptionId, c.value(), sku, seats, r.date(), tx.priceLists());
        Customer next = c.value().withTenant(c.value().tenant().endTrial(r.date()));
        tx.customers().save(next, c.version());
        out.event("customer", customerId, "TRIAL_ENDED", r.date(), "direct trial ended; converted to "
            + subscriptionId);
      } else {
        change = ops.order(subscriptionId, c.value(), sku, seats, r.date(), tx.priceLists());
      }
      tx.subscriptions().save(change.subscription(), 0);
      out.changes(change);
      return change.subscription();
    }, this::reloadSubscription);
  }

  /**
   * Orders an add-on on an active base subscription (CAT-3, SUB-3): coterminous with the base,
   * prorated over the base's term.
   *
   * @param r the request
   * @param baseId the base subscription
   * @param skuId the add-on SKU
   * @param seats the seats
   * @param subscriptionId the add-on's id
   * @return the add-on
   */
  public Result<Subscription> orderAddOn(Request r, String baseId, String skuId, int seats,
      String subscriptionId) {
    requireNonNull(skuId, "skuId");
    Checks.word("subscription id", subscriptionId);
    String customerId = customerOf(baseId);
    return command(r, sig(r, "orderAddOn", baseId, skuId, seats, subscriptionId),
        Operation.ORDER_ADD_ON, customerId, AgreementNeed.IN_FORCE,
        () -> SubscriptionOperations.checkSeats(catalog.sku(skuId), seats), (tx, out) -> {
      Customer c = customer(tx, customerId).value();
      requireAfterLastBill(tx, c, r.date());
      conflictIf(tx.subscriptions().find(subscriptionId).isPresent() || (newCommerce != null
          && tx.nceSubscriptions().find(subscriptionId).isPresent()), "subscription", subscriptionId);
      Map<String, Versioned<Subscription>> rolled = roll(tx, c, r.date(), out);
      Subscription base = rolled.get(baseId).value();
      SubscriptionChange change = ops.orderAddOn(subscriptionId, base, c, catalog.sku(skuId), seats,
          r.date(), tx.priceLists());
      tx.subscriptions().save(change.subscription(), 0);
      out.changes(change);
      return change.subscription();
    }, this::reloadSubscription);
  }

  /**
   * Adds seats (SUB-2): coterminous, prorated over the term.
   *
   * @param r the request; the seats count from its day
   * @param subscriptionId the subscription
   * @param seats seats to add
   * @return the subscription
   */
  public Result<Subscription> addSeats(Request r, String subscriptionId, int seats) {
    return change(r, "addSeats", seats, Operation.ADD_SEATS, subscriptionId, AgreementNeed.IN_FORCE,
        () -> SubscriptionOperations.checkSeatsToAdd(seats),
        (c, s, tx) -> ops.addSeats(s, c, catalog.sku(s.sku()), seats, r.date(), tx.priceLists()));
  }

  /**
   * Removes seats (SUB-7), credited prorated.
   *
   * @param r the request; the seats stop on its day
   * @param subscriptionId the subscription
   * @param seats seats to remove
   * @return the subscription
   */
  public Result<Subscription> removeSeats(Request r, String subscriptionId, int seats) {
    return change(r, "removeSeats", seats, Operation.REMOVE_SEATS, subscriptionId,
        AgreementNeed.ACCEPTED, () -> SubscriptionOperations.checkSeatsToRemove(seats),
        (c, s, tx) -> ops.removeSeats(s, c, catalog.sku(s.sku()), seats, r.date(), tx.priceLists()));
  }

  /**
   * Suspends one subscription (SUB-4, SUB-5); its add-ons are not suspended.
   *
   * @param r the request; charges stop on its day
   * @param subscriptionId the subscription
   * @return the subscription
   */
  public Result<Subscription> suspend(Request r, String subscriptionId) {
    return change(r, "suspend", "", Operation.SUSPEND, subscriptionId, AgreementNeed.ACCEPTED, null,
        (c, s, tx) -> ops.suspend(s, r.date()));
  }

  /**
   * Reactivates a suspended subscription (SUB-7).
   *
   * @param r the request; charges resume on its day
   * @param subscriptionId the subscription
   * @return the subscription
   */
  public Result<Subscription> reactivate(Request r, String subscriptionId) {
    return change(r, "reactivate", "", Operation.REACTIVATE, subscriptionId, AgreementNeed.IN_FORCE,
        null, (c, s, tx) -> ops.reactivate(s, r.date()));
  }

  /**
   * Cancels a subscription (SUB-5): charged up to the day before the request's day. A base's
   * add-ons end with it (CAT-3).
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @return the subscription, ended
   */
  public Result<Subscription> cancel(Request r, String subscriptionId) {
    String customerId = customerOf(subscriptionId);
    return command(r, sig(r, "cancel", subscriptionId), Operation.CANCEL, customerId,
        AgreementNeed.ACCEPTED, null, (tx, out) -> {
      Customer c = customer(tx, customerId).value();
      requireAfterLastBill(tx, c, r.date());
      Map<String, Versioned<Subscription>> rolled = roll(tx, c, r.date(), out);
      Versioned<Subscription> v = rolled.get(subscriptionId);
      SubscriptionChange change = ops.cancel(v.value(), r.date());
      tx.subscriptions().save(change.subscription(), v.version());
      out.changes(change);
      for (Versioned<Subscription> addOn : rolled.values()) {
        Subscription a = addOn.value();
        if (a.baseId().filter(subscriptionId::equals).isPresent() && a.status() != SubscriptionStatus.ENDED) {
          SubscriptionChange ended = ops.cancel(a, r.date());
          tx.subscriptions().save(ended.subscription(), addOn.version());
          out.changes(ended);
        }
      }
      return change.subscription();
    }, this::reloadSubscription);
  }

  /**
   * Switches renewal at the term's end on or off (SUB-7).
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @param on whether it renews
   * @return the subscription
   */
  public Result<Subscription> autoRenew(Request r, String subscriptionId, boolean on) {
    // turning renewal off winds down; turning it on is a renewal, which needs the agreement (AGR-1)
    return change(r, "autoRenew", on, Operation.AUTO_RENEW, subscriptionId,
        on ? AgreementNeed.IN_FORCE : AgreementNeed.ACCEPTED, null,
        (c, s, tx) -> ops.autoRenew(s, on, r.date()));
  }

  /**
   * What adding seats on the request's day would charge (SUB-2), at the sale price, for the rest
   * of the term. Runs the same code as {@link #addSeats} and stores nothing.
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @param seats seats to add
   * @return the event the change would cause, with its charge and formula
   */
  public SubscriptionEvent quoteAddSeats(Request r, String subscriptionId, int seats) {
    requireNonNull(r, "r");
    Repositories read = store.read();
    Versioned<Subscription> v = read.subscriptions().find(requireNonNull(subscriptionId, "subscriptionId"))
        .orElseThrow(() -> unknown("subscription", subscriptionId));
    Customer c = read.customers().find(v.value().customerId()).orElseThrow().value();
    policies.access().authorize(r.actor(), partner, Operation.QUOTE_CHANGE, c);
    SubscriptionOperations.checkSeatsToAdd(seats);
    requireAgreement(read, r.date(), AgreementNeed.IN_FORCE);
    return exact(() -> {
      Outcome scratch = new Outcome("quote");
      Map<String, Versioned<Subscription>> rolled = rollAll(read, c, r.date(), scratch, new java.util.HashSet<>());
      Subscription s = rolled.get(subscriptionId).value();
      return ops.addSeats(s, c, catalog.sku(s.sku()), seats, r.date(), read.priceLists()).event();
    });
  }

  /**
   * @param id a subscription id
   * @return the subscription as stored, if it exists
   */
  public Optional<Subscription> subscription(String id) {
    return store.read().subscriptions().find(id).map(Versioned::value);
  }

  /**
   * A subscription as it stands on a day (SUB-7): moved through any term end on or before it, at
   * the prices known that day. Stores nothing.
   *
   * @param id a subscription id
   * @param asOf the day
   * @return the subscription on that day, if it exists
   */
  public Optional<Subscription> subscription(String id, LocalDate asOf) {
    requireNonNull(asOf, "asOf");
    Repositories read = store.read();
    return read.subscriptions().find(requireNonNull(id, "id")).map(v -> exact(() -> {
      Customer c = read.customers().find(v.value().customerId()).orElseThrow().value();
      return rollAll(read, c, asOf, new Outcome("view"), new java.util.HashSet<>()).get(id).value();
    }));
  }

  /**
   * @param customerId a customer
   * @return its subscriptions as stored
   */
  public List<Subscription> subscriptions(String customerId) {
    return store.read().subscriptions().byCustomer(customerId).stream().map(Versioned::value).toList();
  }

  // ---------------------------------------------------------------- bills

  /**
   * Issues every bill due by the end of the request's day (BIL-1, BIL-7): {@link #runBills} over
   * every customer. Running it again issues nothing new (a bill is unique per customer and
   * period). A customer whose bills cannot be issued does not stop the others: every other
   * customer is billed, then a {@link BillRunException} reports the bills issued and the failures.
   *
   * @param r the request
   * @return the bills issued, in customer and date order
   * @throws BillRunException if some customers could not be billed
   */
  public List<Bill> issueBills(Request r) {
    BillRunReport report = runBills(r, Shard.ALL);
    if (!report.notBilled().isEmpty()) {
      throw new BillRunException(report.issued(), report.notBilled());
    }
    return report.issued();
  }

  /** How many customers a bill run claims and bills in one transaction. */
  private static final int BILL_RUN_BLOCK = 256;

  /**
   * Issues the bills due by the end of the request's day (BIL-1, BIL-7) for the customers of one
   * shard, a block of customers per transaction. Any number of instances may run it at once, on
   * the same shard or on others: each claims the customers it bills (a store shared by several
   * processes locks them), so no bill is issued twice, and a customer another instance billed
   * meanwhile simply has nothing due. A first pass passes over customers another transaction
   * holds; a second pass waits for those still due. A failing customer never stops the run: its
   * block is retried, then billed customer by customer, and the report names every customer that
   * could not be billed, with the reason.
   *
   * @param r the request
   * @param shard the customers to bill ({@link Shard#ALL} for every one)
   * @return the bills issued and the customers not billed
   */
  public BillRunReport runBills(Request r, Shard shard) {
    requireNonNull(r, "r");
    requireNonNull(shard, "shard");
    policies.access().authorize(r.actor(), partner, Operation.ISSUE_BILLS, null);
    List<Bill> issued = new ArrayList<>();
    Map<String, RuntimeException> failures = new LinkedHashMap<>();
    for (boolean skipLocked : new boolean[] {true, false}) {
      Optional<String> after = Optional.empty();
      while (true) {
        BillingClaim claim = new BillingClaim(after, r.date(), shard, BILL_RUN_BLOCK, skipLocked);
        List<String> claimed = new ArrayList<>();
        Map<String, RuntimeException> refused = new LinkedHashMap<>();
        List<Bill> bills;
        try {
          bills = retrying(true, () -> store.inTransaction(tx -> {
            claimed.clear();
            refused.clear();
            claimed.addAll(tx.claimForBilling(claim));
            List<CustomerBills> plans = new ArrayList<>(claimed.size());
            for (String id : claimed) {
              if (failures.containsKey(id) || !tx.customers().find(id)
                  .map(v -> v.value().isManagedBy(partner.id())).orElse(false)) {
                continue; // failed in the first pass (reported once), or another partner's
              }
              try {
                plans.add(planBills(tx, r, id));
              } catch (RuntimeException e) {
                refused.put(id, e); // nothing of it is written; bill the others
              }
            }
            List<Bill> out = new ArrayList<>();
            for (CustomerBills plan : plans) {
              out.addAll(plan.apply(tx));
            }
            return out;
          }));
          failures.putAll(refused);
        } catch (RuntimeException e) {
          if (claimed.isEmpty()) {
            throw e; // not even a claim went through: the store is unavailable
          }
          bills = new ArrayList<>();
          for (String id : claimed) { // isolate the failing customer
            if (!failures.containsKey(id)) {
              try {
                bills.addAll(issueBills(r, id));
              } catch (RuntimeException failure) {
                failures.put(id, failure);
              }
            }
          }
        }
        issued.addAll(bills);
        if (claimed.isEmpty()) {
          break;
        }
        after = Optional.of(claimed.get(claimed.size() - 1));
      }
    }
    return new BillRunReport(issued, failures);
  }

  /**
   * Issues one customer's bills due by the end of the request's day (BIL-1, BIL-7).
   *
   * @param r the request
   * @param customerId the customer
   * @return the bills issued, in date order
   */
  public List<Bill> issueBills(Request r, String customerId) {
    requireNonNull(r, "r");
    requireNonNull(customerId, "customerId");
    return retrying(true, () -> store.inTransaction(tx -> planBills(tx, r, customerId).apply(tx)));
  }

  /**
   * Works out a customer's bills due by the end of the request's day, reading only, so that a
   * failure leaves nothing to undo; {@link CustomerBills#apply} writes them.
   */
  private CustomerBills planBills(Repositories tx, Request r, String customerId) {
    Versioned<Customer> c = customer(tx, customerId);
    policies.access().authorize(r.actor(), partner, Operation.ISSUE_BILLS, c.value());
    Optional<Versioned<BillingAccount>> stored = tx.bills().account(customerId);
    BillingAccount a = stored.map(Versioned::value).orElseGet(() ->
        BillingAccount.open(customerId, c.value().billing().firstPeriodFrom(c.value().createdOn()).start()));
    CustomerBills plan = new CustomerBills(stored.map(Versioned::version).orElse(0L),
        new Outcome(scoped("bill-run-" + customerId + "-" + r.date())));
    List<Versioned<Subscription>> subs = null;
    List<OwnService> services = null;
    java.util.Set<String> moved = new java.util.HashSet<>(2);
    List<Versioned<NceSubscription>> nce = null; // the current program's, when sold
    java.util.Set<String> movedNce = new java.util.HashSet<>(0);
    while (true) {
      LocalDate issueOn = billing.nextIssueDate(c.value(), a);
      if (issueOn.isAfter(r.date())) {
        break;
      }
      if (subs == null) {
        subs = tx.subscriptions().byCustomer(customerId);
        services = tx.bills().services(customerId);
        nce = newCommerce == null ? List.of() : tx.nceSubscriptions().byCustomer(customerId);
      }
      Map<String, Versioned<Subscription>> rolled = rollAll(subs, tx, c.value(), issueOn, plan.out, moved);
      subs = new ArrayList<>(rolled.values());
      List<Subscription> values = new ArrayList<>(subs.size() + nce.size());
      subs.forEach(v -> values.add(v.value()));
      if (!nce.isEmpty()) { // billed as the seed bills (DOMAIN.md, "The current program")
        nce = new ArrayList<>(newCommerce.rollAll(nce, tx, c.value(), issueOn, plan.out, movedNce)
            .values());
        SuspensionBilling suspension = newCommerce.policies().suspension();
        nce.forEach(v -> values.add(NceAccrual.of(v.value(), suspension)));
      }
      IssuedBill ib = billing.issue(c.value(), a, values, services);
      plan.bills.add(ib.bill());
      a = ib.account();
      plan.out.event("bill", ib.bill().id(), "ISSUED", issueOn, MinorUnits.format(
          ib.bill().totalMinor(), ib.bill().currency()) + " " + ib.bill().currency().getCurrencyCode());
    }
    plan.account = a;
    if (subs != null) {
      for (Versioned<Subscription> v : subs) {
        if (moved.contains(v.value().id())) {
          plan.moved.add(v); // the rolled value, with the version it was read at
        }
      }
      for (Versioned<NceSubscription> v : nce) {
        if (movedNce.contains(v.value().id())) {
          plan.movedNce.add(v);
        }
      }
    }
    return plan;
  }

  /** One customer's bills, worked out by {@link #planBills}, to be written in its transaction. */
  private static final class CustomerBills {
    private final long accountVersion;
    private final Outcome out;
    private final List<Bill> bills = new ArrayList<>(1);
    private final List<Versioned<Subscription>> moved = new ArrayList<>(0);
    private final List<Versioned<NceSubscription>> movedNce = new ArrayList<>(0);
    private BillingAccount account;

    CustomerBills(long accountVersion, Outcome out) {
      this.accountVersion = accountVersion;
      this.out = out;
    }

    List<Bill> apply(Repositories tx) {
      for (Versioned<Subscription> v : moved) {
        tx.subscriptions().save(v.value(), v.version());
      }
      for (Versioned<NceSubscription> v : movedNce) {
        tx.nceSubscriptions().save(v.value(), v.version());
      }
      for (Bill b : bills) {
        tx.bills().add(b);
      }
      if (!bills.isEmpty() || accountVersion == 0) {
        tx.bills().saveAccount(account, accountVersion);
      }
      out.flush(tx);
      return bills;
    }
  }

  /**
   * A customer's bills, read by an actor (BIL-1): its partner's users with delegated admin, or the
   * customer's own users.
   *
   * @param r the request
   * @param customerId the customer
   * @return its bills, oldest first
   */
  public List<Bill> bills(Request r, String customerId) {
    requireNonNull(r, "r");
    Customer c = store.read().customers().find(requireNonNull(customerId, "customerId"))
        .orElseThrow(() -> unknown("customer", customerId)).value();
    policies.access().authorize(r.actor(), partner, Operation.VIEW_BILLS, c);
    return bills(customerId);
  }

  /**
   * A trusted read for the integrator's own back office: no actor is checked.
   *
   * @param customerId a customer
   * @return its bills, oldest first
   */
  public List<Bill> bills(String customerId) {
    return store.read().bills().bills(customerId);
  }

  /**
   * @param customerId a customer
   * @param month the month its period starts in
   * @return that bill, if issued
   */
  public Optional<Bill> bill(String customerId, YearMonth month) {
    return store.read().bills().find(customerId, month);
  }

  /**
   * The events a command appended, found by the idempotency key it was given. Keys are scoped to
   * this partner: two partners sharing a store may use the same key.
   *
   * @param idempotencyKey the key the command carried
   * @return its events, in order; empty if no command of this partner used the key
   */
  public List<DomainEvent> events(String idempotencyKey) {
    return store.read().events().byCommand(scoped(requireNonNull(idempotencyKey, "idempotencyKey")));
  }

  String scoped(String key) {
    return partner.id() + ":" + key;
  }

  /**
   * @param customerId a customer
   * @return the day at whose end its next bill is due (BIL-7), if the customer exists
   */
  public Optional<LocalDate> nextBillDue(String customerId) {
    Repositories read = store.read();
    return exact(() -> read.customers().find(requireNonNull(customerId, "customerId")).flatMap(c ->
        read.bills().account(customerId).map(a -> billing.nextIssueDate(c.value(), a.value()))));
  }

  /**
   * @param customerId a customer
   * @return its billing account
   */
  public Optional<BillingAccount> billingAccount(String customerId) {
    return store.read().bills().account(customerId).map(Versioned::value);
  }

  // ---------------------------------------------------------------- machinery

  @FunctionalInterface
  private interface SubscriptionStep {
    SubscriptionChange apply(Customer customer, Subscription sub, Repositories tx);
  }

  private Result<Subscription> change(Request r, String name, Object detail, Operation op,
      String subscriptionId, AgreementNeed need, Runnable argumentChecks, SubscriptionStep step) {
    String customerId = customerOf(subscriptionId);
    return command(r, sig(r, name, subscriptionId, detail), op, customerId, need, argumentChecks,
        (tx, out) -> {
      Customer c = customer(tx, customerId).value();
      requireAfterLastBill(tx, c, r.date());
      Map<String, Versioned<Subscription>> rolled = roll(tx, c, r.date(), out);
      Versioned<Subscription> v = rolled.get(subscriptionId);
      SubscriptionChange change = step.apply(c, v.value(), tx);
      tx.subscriptions().save(change.subscription(), v.version());
      out.changes(change);
      return change.subscription();
    }, this::reloadSubscription);
  }

  private String customerOf(String subscriptionId) {
    requireNonNull(subscriptionId, "subscriptionId");
    return store.read().subscriptions().find(subscriptionId)
        .orElseThrow(() -> unknown("subscription", subscriptionId)).value().customerId();
  }

  /** Rolls every subscription of the customer to {@code date}, stores those that moved. */
  private Map<String, Versioned<Subscription>> roll(Repositories tx, Customer c, LocalDate date,
      Outcome out) {
    java.util.Set<String> moved = new java.util.HashSet<>(2);
    Map<String, Versioned<Subscription>> rolled = rollAll(tx, c, date, out, moved);
    for (String id : moved) {
      Versioned<Subscription> v = rolled.get(id);
      rolled.put(id, tx.subscriptions().save(v.value(), v.version()));
    }
    return rolled;
  }

  /** Rolls in memory: bases first, then add-ons onto their rolled base (CAT-3, SUB-7). */
  private Map<String, Versioned<Subscription>> rollAll(Repositories tx, Customer c, LocalDate date,
      Outcome out, java.util.Set<String> moved) {
    return rollAll(tx.subscriptions().byCustomer(c.id()), tx, c, date, out, moved);
  }

  /** Rolls the given subscriptions of the customer. */
  private Map<String, Versioned<Subscription>> rollAll(List<Versioned<Subscription>> all,
      Repositories tx, Customer c, LocalDate date, Outcome out, java.util.Set<String> moved) {
    Map<String, Versioned<Subscription>> rolled = new LinkedHashMap<>();
    // no renewal on a day the agreement is not in force (AGR-1, SUB-7)
    java.util.function.Predicate<LocalDate> inForce = inForce(tx);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0, n = all.size(); i < n; i++) { // index loop: no iterator per bill
        Versioned<Subscription> v = all.get(i);
        Subscription s = v.value();
        if (s.isAddOn() != (pass == 1)) {
          continue;
        }
        if (s.status() == SubscriptionStatus.ENDED || s.term().end().isAfter(date)) {
          rolled.put(s.id(), v);
          continue;
        }
        Subscription base = s.baseId().map(id -> rolled.get(id).value()).orElse(null);
        SubscriptionChange ch = ops.rollTo(s, base, c, catalog.sku(s.sku()), date, tx.priceLists(),
            inForce);
        rolled.put(s.id(), new Versioned<>(ch.subscription(), v.version()));
        moved.add(s.id());
        out.changes(ch);
      }
    }
    return rolled;
  }

  Versioned<Customer> customer(Repositories tx, String customerId) {
    requireNonNull(customerId, "customerId");
    return tx.customers().find(customerId).orElseThrow(() -> unknown("customer", customerId));
  }

  private Versioned<BillingAccount> account(Repositories tx, Customer c) {
    return tx.bills().account(c.id()).orElseGet(() -> tx.bills().saveAccount(
        BillingAccount.open(c.id(), c.billing().firstPeriodFrom(c.createdOn()).start()), 0));
  }

  static UnknownIdException unknown(String kind, String id) {
    return new UnknownIdException(kind, id);
  }

  static void conflictIf(boolean taken, String kind, String id) {
    if (taken) {
      throw ConflictException.duplicate(kind, id);
    }
  }

  /** What a command needs of the reseller agreement on its day (AGR-1). */
  enum AgreementNeed {
    /** Nothing: not a CSP transaction. */
    NONE,
    /** In force: ordering, adding seats or add-ons, reactivating, renewing. */
    IN_FORCE,
    /** Accepted, even if ended since: winding down (cancel, suspend, remove seats, no renewal). */
    ACCEPTED
  }

  private void requireAgreement(Repositories tx, LocalDate date, AgreementNeed need) {
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

  private static void requireCurrency(Repositories tx, String market, CurrencyUnit currency,
      LocalDate date) {
    Checks.rule(tx.priceLists().hasCurrency(market, currency, date), "BIL-2",
        "no price list of market %s is published in %s; bill the customer in a currency its"
            + " market has price lists in", market, currency.getCurrencyCode());
  }

  static void requireAfterLastBill(Repositories tx, Customer c, LocalDate date) {
    Checks.range(!date.isBefore(c.createdOn()), "date %s is before customer %s was created on %s",
        date, c.id(), c.createdOn());
    tx.bills().account(c.id()).flatMap(a -> a.value().lastIssuedOn()).ifPresent(last ->
        Checks.rule(date.isAfter(last), "BIL-7", "a bill of customer %s was issued at the"
            + " end of %s; changes must be dated after it, not on %s", c.id(), last, date));
  }

  /**
   * A command's signature, kept with its idempotency key: its name, arguments, day and actor. A
   * key presented again with another signature is refused, so a retry never silently returns the
   * result of a different request.
   */
  static String sig(Request r, String name, Object... args) {
    requireNonNull(r, "r");
    StringBuilder b = new StringBuilder(64).append(name).append('(');
    for (int i = 0; i < args.length; i++) {
      b.append(i == 0 ? "" : ", ").append(args[i]);
    }
    return b.append(") on ").append(r.date()).append(" by ").append(r.actor().userId()).toString();
  }

  private <T> Result<T> command(Request r, String name, Operation op, String customerId,
      boolean transacts, BiFunction<Repositories, Outcome, T> body,
      BiFunction<Repositories, String, T> reload) {
    return command(r, name, op, customerId, transacts ? AgreementNeed.IN_FORCE : AgreementNeed.NONE,
        null, body, reload);
  }

  /**
   * Runs a command: the actor first, then a replayed key, then the checks of the arguments alone
   * ({@code argumentChecks}, may be null), then the agreement (AGR-1), then the body with its
   * state and date rules. A refusal leaves nothing.
   */
  <T> Result<T> command(Request r, String name, Operation op, String customerId,
      AgreementNeed need, Runnable argumentChecks, BiFunction<Repositories, Outcome, T> body,
      BiFunction<Repositories, String, T> reload) {
    requireNonNull(r, "r");
    return retrying(r.key().isPresent(), () -> store.inTransaction(tx -> {
      // authorize first: a replayed key never lets another actor see or bypass anything
      Customer target = customerId == null ? null : customer(tx, customerId).value();
      policies.access().authorize(r.actor(), partner, op, target);
      Optional<String> key = r.key().map(this::scoped); // keys are per partner
      if (key.isPresent()) {
        Optional<CommandRecord> known = tx.idempotency().find(key.get());
        if (known.isPresent()) {
          CommandRecord rec = known.get();
          if (!rec.command().equals(name)) {
            throw new ConflictException(ConflictException.Reason.KEY_REUSED, String.format(
                "idempotency key %s was used for %s, not for %s", rec.key(), rec.command(), name));
          }
          return new Result<>(reload.apply(tx, rec.aggregateId()), tx.events().byCommand(rec.key()),
              List.of(), true);
        }
      }
      if (argumentChecks != null) {
        argumentChecks.run();
      }
      requireAgreement(tx, r.date(), need);
      Outcome out = new Outcome(key.orElseGet(() -> scoped("auto-" + UUID.randomUUID())));
      T value = body.apply(tx, out);
      List<DomainEvent> logged = out.flush(tx);
      tx.idempotency().record(new CommandRecord(out.key, name, aggregateOf(value), idOf(value)));
      return new Result<>(value, logged, out.typed, false);
    }));
  }

  /** How often a command is run again when another instance saved first. */
  private static final int ATTEMPTS = 10;

  /**
   * Runs a transaction again when a save meets a newer version (optimistic concurrency: another
   * instance sharing the store saved first) or the store fails transiently (a serialization
   * failure, a deadlock, a lost connection: {@link TransientStoreException}). A transient failure
   * that met the commit may have committed: the transaction then runs again only when it is
   * {@code repeatable} (a command with an idempotency key, which replays, or a bill run, which finds
   * its bills issued). Each attempt reads afresh; the last failure escapes, as does the
   * failure when the thread is interrupted while waiting to retry.
   */
  private static <T> T retrying(boolean repeatable, java.util.function.Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return exact(transaction);
      } catch (io.github.cspkit.csp.repository.StaleVersionException e) {
        if (attempt == ATTEMPTS || !backOff(attempt)) {
          throw e;
        }
      } catch (TransientStoreException e) {
        if (attempt == ATTEMPTS || (e.outcomeUnknown() && !repeatable) || !backOff(attempt)) {
          throw e;
        }
      }
    }
  }

  /**
   * Runs {@code work}, refusing an overflow or a date beyond {@link LocalDate#MAX} as
   * {@link OutOfRangeException}: exact arithmetic never gives a wrong amount (BIL-6).
   */
  static <T> T exact(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw new OutOfRangeException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
  }

  /**
   * Waits a random while, longer after each lost race, so that contenders stop colliding.
   *
   * @return false if the thread was interrupted (its flag is set again)
   */
  private static boolean backOff(int attempt) {
    long bound = 1L << Math.min(attempt, 7); // up to 128 ms
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Agreement reloadAgreement(Repositories tx, String id) {
    return tx.agreements().find(id).orElseThrow().value();
  }

  private Customer reloadCustomer(Repositories tx, String id) {
    return tx.customers().find(id).orElseThrow().value();
  }

  private Subscription reloadSubscription(Repositories tx, String id) {
    return tx.subscriptions().find(id).orElseThrow().value();
  }

  private static String aggregateOf(Object value) {
    if (value instanceof Agreement) {
      return "agreement";
    } else if (value instanceof Customer) {
      return "customer";
    } else if (value instanceof Subscription) {
      return "subscription";
    } else if (value instanceof PriceList) {
      return "price-list";
    } else if (value instanceof BillingAccount) {
      return "billing-account";
    } else if (value instanceof NceSubscription) {
      return "nce-subscription";
    } else if (value instanceof PartnerAgreement) {
      return "partner-agreement";
    }
    return "service";
  }

  private static String idOf(Object value) {
    if (value instanceof Agreement a) {
      return a.partnerId();
    } else if (value instanceof Customer c) {
      return c.id();
    } else if (value instanceof Subscription s) {
      return s.id();
    } else if (value instanceof PriceList l) {
      return l.id();
    } else if (value instanceof BillingAccount a) {
      return a.customerId();
    } else if (value instanceof OwnService s) {
      return s.customerId() + "/" + s.id();
    } else if (value instanceof NceSubscription s) {
      return s.id();
    } else if (value instanceof PartnerAgreement a) {
      return a.partnerId();
    }
    throw new IllegalStateException("no id for " + value);
  }

  /** Collects what one command did, to log it. */
  static final class Outcome {
    private final String key;
    private final List<DomainEvent> events = new ArrayList<>(2);
    private final List<SubscriptionEvent> typed = new ArrayList<>(2);

    Outcome(String key) {
      this.key = key;
    }

    void event(String aggregate, String id, String kind, LocalDate date, String detail) {
      events.add(new DomainEvent(0, aggregate, id, kind, date, key, detail));
    }

    void changes(SubscriptionChange change) {
      for (SubscriptionEvent e : change.events()) {
        typed.add(e);
        event("subscription", e.subscriptionId(), e.kind().name(), e.date(), e.toString());
      }
    }

    List<DomainEvent> flush(Repositories tx) {
      List<DomainEvent> logged = new ArrayList<>(events.size());
      for (DomainEvent e : events) {
        logged.add(tx.events().append(e));
      }
      return ImmutableList.copyOf(logged);
    }
  }
}
