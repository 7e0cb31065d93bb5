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
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
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
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.Renewals;
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
  private final Context context;
  private final Pipeline pipeline;

  private CspPartner(Context context) {
    this.context = context;
    this.pipeline = new Pipeline(context);
    this.partner = context.partner();
    this.store = context.store();
    this.catalog = context.catalog();
    this.policies = context.policies();
    this.incidents = context.incidents();
    this.ops = context.ops();
    this.billing = context.billing();
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
      return new CspPartner(new Context(partner, s.forPartner(partner.id()), catalog, policies,
          incidents));
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
    return pipeline.run(r, Command.of("acceptAgreement", Arguments.of(), Operation.ACCEPT_AGREEMENT, null,
        AgreementNeed.NONE,
        (tx, out) -> {
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
                context.roll(tx, c, eve, out);
              }
            }
          }
          Agreement a = Agreement.accept(partner.id(), r.date(), policies.renewal());
          tx.agreements().save(a, before.map(Versioned::version).orElse(0L));
          out.event("agreement", partner.id(), "ACCEPTED", r.date(),
              "accepted; first term " + a.firstTerm());
          return a;
        }, Aggregate.AGREEMENT));
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
    return pipeline.run(r, Command.of("giveNotice", Arguments.of().choice(channel), Operation.GIVE_NOTICE,
        null, AgreementNeed.NONE, (tx, out) -> {
      Party party = r.actor() instanceof Actor.Vendor ? Party.VENDOR : Party.PARTNER;
      Notice notice = Notice.of(r.date(), party, channel);
      Agreement.requireWritten(notice); // the argument before the agreement's state (AGR-4)
      Versioned<Agreement> v = tx.agreements().find(partner.id()).orElseThrow(() -> RuleViolation.of(
          "AGR-1", "partner %s has not accepted the reseller agreement", partner.id()));
      Agreement next = v.value().withNotice(notice);
      tx.agreements().save(next, v.version());
      out.event("agreement", partner.id(), "NOTICE", r.date(), party + " gave written notice; the"
          + " agreement ends " + next.endDate().map(LocalDate::toString).orElse("never"));
      return next;
    }, Aggregate.AGREEMENT));
  }

  /** @return the agreement, if accepted */
  public Optional<Agreement> agreement() {
    return store.read().agreements().find(partner.id()).map(Versioned::value);
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
    return pipeline.run(r, Command.of("publishPriceList", Arguments.of().text(list.id()),
        Operation.PUBLISH_PRICE_LIST, null, AgreementNeed.NONE, (tx, out) -> {
      policies.priceLists().validate(list); // these policies (PRC-1, PRC-2), and the store's own
      tx.priceLists().add(list);
      out.event("price-list", list.id(), "PUBLISHED", r.date(), list.market() + " "
          + list.currency().getCurrencyCode() + " effective " + list.effectiveOn());
      return list;
    }, Aggregate.PRICE_LIST));
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
    return pipeline.run(r, Command.of("importPriceList", Arguments.of().text(seed.id()),
        Operation.IMPORT_PRICE_LIST, null,
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
        }, Aggregate.PRICE_LIST));
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
    return pipeline.run(r, Command.of("createCustomer", Arguments.of().value(spec),
        Operation.CREATE_CUSTOMER, null, AgreementNeed.IN_FORCE, (tx, out) -> {
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
    }, Aggregate.CUSTOMER));
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
    return pipeline.run(r, Command.of("setBillingProfile",
        Arguments.of().text(customerId).value(profile), Operation.SET_BILLING_PROFILE, customerId,
        AgreementNeed.IN_FORCE, (tx, out) -> {
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
    }, Aggregate.CUSTOMER));
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
    return pipeline.run(r, Command.of("setFinancing", Arguments.of().text(customerId).value(plan),
        Operation.SET_FINANCING, customerId, AgreementNeed.IN_FORCE, (tx, out) -> {
      Versioned<Customer> c = customer(tx, customerId);
      Versioned<BillingAccount> a = account(tx, c.value());
      BillingAccount next = a.value().withFinancing(plan);
      tx.bills().saveAccount(next, a.version());
      out.event("customer", customerId, "FINANCING", r.date(), plan.toString());
      return next;
    }, Aggregate.BILLING_ACCOUNT));
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
    return pipeline.run(r, Command.of("addService", Arguments.of().text(customerId).text(serviceId)
        .text(name).money(amount).choice(recurrence), Operation.ADD_SERVICE, customerId,
        AgreementNeed.IN_FORCE, (tx, out) -> {
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
    }, Aggregate.SERVICE));
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
    return pipeline.run(r, Command.of("removeDelegatedAdmin", Arguments.of().text(customerId),
        Operation.REMOVE_DELEGATED_ADMIN, customerId, AgreementNeed.NONE,
        (tx, out) -> {
          Versioned<Customer> v = customer(tx, customerId);
          Customer next = v.value().withDelegatedAdmin(false);
          tx.customers().save(next, v.version());
          out.event("customer", customerId, "DELEGATED_ADMIN_REMOVED", r.date(),
              "removed by " + r.actor().userId());
          return next;
        }, Aggregate.CUSTOMER));
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
    return pipeline.run(r, Command.of("administerTenant", Arguments.of().text(customerId).text(task),
        Operation.ADMINISTER_TENANT, customerId, AgreementNeed.NONE,
        (tx, out) -> {
          Customer c = customer(tx, customerId).value();
          out.event("tenant", c.tenant().id(), "ADMINISTERED", r.date(), task);
          return c;
        }, Aggregate.CUSTOMER));
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
    return pipeline.run(r, Command.of("configureService",
        Arguments.of().text(customerId).text(service).text(setting), Operation.CONFIGURE_SERVICE,
        customerId, AgreementNeed.NONE,
        (tx, out) -> {
          Customer c = customer(tx, customerId).value();
          out.event("tenant", c.tenant().id(), "CONFIGURED", r.date(), service + ": " + setting);
          return c;
        }, Aggregate.CUSTOMER));
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
    return pipeline.run(r, Command.of(name, Arguments.of().text(customerId).text(skuId)
        .number(seats).text(subscriptionId), op, customerId,
        AgreementNeed.IN_FORCE, () -> SubscriptionOperations.checkSeats(catalog.sku(skuId), seats),
        (tx, out) -> {
      Versioned<Customer> c = customer(tx, customerId);
      requireAfterLastBill(tx, c.value(), r.date());
      conflictIf(tx.subscriptions().find(subscriptionId).isPresent(), "subscription", subscriptionId);
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
    }, Aggregate.SUBSCRIPTION));
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
    return pipeline.run(r, Command.of("orderAddOn", Arguments.of().text(baseId).text(skuId)
        .number(seats).text(subscriptionId),
        Operation.ORDER_ADD_ON, customerId, AgreementNeed.IN_FORCE,
        () -> SubscriptionOperations.checkSeats(catalog.sku(skuId), seats), (tx, out) -> {
      Customer c = customer(tx, customerId).value();
      requireAfterLastBill(tx, c, r.date());
      conflictIf(tx.subscriptions().find(subscriptionId).isPresent(), "subscription", subscriptionId);
      Map<String, Versioned<Subscription>> rolled = roll(tx, c, r.date(), out);
      Subscription base = rolled.get(baseId).value();
      SubscriptionChange change = ops.orderAddOn(subscriptionId, base, c, catalog.sku(skuId), seats,
          r.date(), tx.priceLists());
      tx.subscriptions().save(change.subscription(), 0);
      out.changes(change);
      return change.subscription();
    }, Aggregate.SUBSCRIPTION));
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
    return change(r, "addSeats", Arguments.of().text(subscriptionId).number(seats), Operation.ADD_SEATS, subscriptionId, AgreementNeed.IN_FORCE,
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
    return change(r, "removeSeats", Arguments.of().text(subscriptionId).number(seats),
        Operation.REMOVE_SEATS, subscriptionId,
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
    return change(r, "suspend", Arguments.of().text(subscriptionId), Operation.SUSPEND,
        subscriptionId, AgreementNeed.ACCEPTED, Command.NO_CHECKS,
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
    return change(r, "reactivate", Arguments.of().text(subscriptionId), Operation.REACTIVATE,
        subscriptionId, AgreementNeed.IN_FORCE, Command.NO_CHECKS, (c, s, tx) -> ops.reactivate(s, r.date()));
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
    return pipeline.run(r, Command.of("cancel", Arguments.of().text(subscriptionId),
        Operation.CANCEL, customerId,
        AgreementNeed.ACCEPTED, (tx, out) -> {
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
    }, Aggregate.SUBSCRIPTION));
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
    return change(r, "autoRenew", Arguments.of().text(subscriptionId).flag(on), Operation.AUTO_RENEW,
        subscriptionId, on ? AgreementNeed.IN_FORCE : AgreementNeed.ACCEPTED, Command.NO_CHECKS,
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
      Subscription s = context.renew(read, c, r.date()).get(subscriptionId);
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
      return context.renew(read, c, asOf).get(id);
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
    List<Versioned<Subscription>> storedSubs = null;
    List<Subscription> subs = null;
    List<OwnService> services = null;
    java.util.function.Predicate<LocalDate> inForce = null;
    java.util.Set<String> moved = new java.util.HashSet<>(2);
    while (true) {
      LocalDate issueOn = billing.nextIssueDate(c.value(), a);
      if (issueOn.isAfter(r.date())) {
        break;
      }
      if (subs == null) {
        storedSubs = tx.subscriptions().byCustomer(customerId);
        subs = Context.values(storedSubs);
        services = tx.bills().services(customerId);
        inForce = context.agreementInForce(tx);
      }
      Renewals.Rolled rolled = context.renew(subs, c.value(), issueOn, tx, inForce);
      plan.out.changes(rolled.changes());
      moved.addAll(rolled.moved());
      subs = rolled.subscriptions(); // bases first
      IssuedBill ib = billing.issue(c.value(), a, subs, services);
      plan.bills.add(ib.bill());
      a = ib.account();
      plan.out.event("bill", ib.bill().id(), "ISSUED", issueOn, MinorUnits.format(
          ib.bill().totalMinor(), ib.bill().currency()) + " " + ib.bill().currency().getCurrencyCode());
    }
    plan.account = a;
    if (!moved.isEmpty()) {
      Map<String, Long> versions = new java.util.HashMap<>(storedSubs.size() * 2);
      storedSubs.forEach(v -> versions.put(v.value().id(), v.version()));
      for (Subscription s : subs) {
        if (moved.contains(s.id())) {
          plan.moved.add(new Versioned<>(s, versions.get(s.id()))); // read at that version
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
    private BillingAccount account;

    CustomerBills(long accountVersion, Outcome out) {
      this.accountVersion = accountVersion;
      this.out = out;
    }

    List<Bill> apply(Repositories tx) {
      for (Versioned<Subscription> v : moved) {
        tx.subscriptions().save(v.value(), v.version());
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

  private Result<Subscription> change(Request r, String name, Arguments args, Operation op,
      String subscriptionId, AgreementNeed need, Runnable argumentChecks, SubscriptionStep step) {
    String customerId = customerOf(subscriptionId);
    return pipeline.run(r, Command.of(name, args, op, customerId, need, argumentChecks,
        (tx, out) -> {
      Customer c = customer(tx, customerId).value();
      requireAfterLastBill(tx, c, r.date());
      Map<String, Versioned<Subscription>> rolled = roll(tx, c, r.date(), out);
      Versioned<Subscription> v = rolled.get(subscriptionId);
      SubscriptionChange change = step.apply(c, v.value(), tx);
      tx.subscriptions().save(change.subscription(), v.version());
      out.changes(change);
      return change.subscription();
    }, Aggregate.SUBSCRIPTION));
  }

  /** @return what the package's commands work with: lookups, rules, renewals (see {@link Context}) */
  Context context() {
    return context;
  }

  /** @return the command pipeline, for the package's other command classes */
  Pipeline pipeline() {
    return pipeline;
  }

  private String customerOf(String subscriptionId) {
    return context.customerOf(subscriptionId);
  }

  private Map<String, Versioned<Subscription>> roll(Repositories tx, Customer c, LocalDate date,
      Outcome out) {
    return context.roll(tx, c, date, out);
  }

  private Versioned<Customer> customer(Repositories tx, String customerId) {
    return context.customer(tx, customerId);
  }

  private Versioned<BillingAccount> account(Repositories tx, Customer c) {
    return context.account(tx, c);
  }

  private static UnknownIdException unknown(String kind, String id) {
    return Context.unknown(kind, id);
  }

  private static void conflictIf(boolean taken, String kind, String id) {
    Context.conflictIf(taken, kind, id);
  }

  private void requireAgreement(Repositories tx, LocalDate date, AgreementNeed need) {
    context.requireAgreement(tx, date, need);
  }

  private static void requireCurrency(Repositories tx, String market, CurrencyUnit currency,
      LocalDate date) {
    Context.requireCurrency(tx, market, currency, date);
  }

  private static void requireAfterLastBill(Repositories tx, Customer c, LocalDate date) {
    Context.requireAfterLastBill(tx, c, date);
  }

  private static <T> T retrying(boolean repeatable, java.util.function.Supplier<T> transaction) {
    return Pipeline.retrying(repeatable, transaction);
  }

  private static <T> T exact(java.util.function.Supplier<T> work) {
    return Pipeline.exact(work);
  }

  private String scoped(String key) {
    return context.scoped(key);
  }
}
