package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.AccessPolicy;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Shard;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.time.LocalDate;
import java.util.List;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;

/**
 * The partner's one entry point (DESIGN.md, io.github.cspkit.csp.partner). Every command takes a
 * {@link Request} (explicit actor, day, optional idempotency key) and, in one transaction of the
 * {@link CspStore}: replays a known key, checks the actor ({@link AccessPolicy}: ACC-1..5, SUB-6),
 * the agreement (AGR-1), the catalog and the rules, moves subscriptions through any term end
 * (SUB-7), applies the change, and stores it with its events and idempotency record. A refused call
 * throws a {@link io.github.cspkit.csp.CspException} ({@link RuleViolation} naming the rule, or
 * {@code UNKNOWN_ID}, {@code CONFLICT}, {@code OUT_OF_RANGE}) and changes nothing; names and ids
 * are checked here and by the values, the same on every store. Holds no state of its own: many
 * instances may share one store. Thread-safe.
 */
public final class CspPartner extends PartnerReads {
  private final Pipeline pipeline;
  private final AgreementCommands agreements;
  private final PriceCommands prices;
  private final CustomerCommands customers;
  private final TenantCommands tenants;
  private final SubscriptionCommands subscriptions;
  private final BillRun billRun;
  private final @Nullable NewCommerce newCommerce; // null without new-commerce policies

  private CspPartner(Context context) {
    super(context);
    this.pipeline = new Pipeline(context);
    this.agreements = new AgreementCommands(pipeline);
    this.prices = new PriceCommands(pipeline);
    this.customers = new CustomerCommands(pipeline);
    this.tenants = new TenantCommands(pipeline);
    this.subscriptions = new SubscriptionCommands(pipeline);
    this.billRun = new BillRun(context);
    this.newCommerce = context.sellsNewCommerce() ? new NewCommerce(pipeline) : null;
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
    private @Nullable Partner partner;
    private @Nullable CspStore store;
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
      Partner p = requireNonNull(partner, "partner");
      CspStore s = store != null ? store : InMemoryStore.create(policies.priceLists());
      return new CspPartner(new Context(p, s.forPartner(p.id()), catalog, policies, incidents));
    }
  }

  /** @return the partner */
  public Partner partner() {
    return context().partner();
  }

  /** @return the policies */
  public CspPolicies policies() {
    return context().policies();
  }

  /** @return the catalog */
  public Catalog catalog() {
    return context().catalog();
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

  /**
   * Granular delegated admin (GDA-1..4): the partner's GDAP relationships with its customers.
   *
   * @return the relationship commands and reads of this partner
   * @throws IllegalStateException if the policies have no GDAP part ({@link CspPolicies#gdap()})
   */
  public DelegatedAdmin gdap() {
    return new DelegatedAdmin(pipeline, policies().gdap()
        .orElseThrow(() -> new IllegalStateException("no GDAP policies: set CspPolicies.gdap")));
  }

  /**
   * Accepts the reseller agreement on the request's day (AGR-1, AGR-2): its first term starts that
   * day. A partner whose agreement has ended accepts a new one the same way; every subscription is
   * first moved through the term ends before that day under the agreement that ended (SUB-7), so
   * none renews on a day no agreement was in force.
   *
   * @param r the request; a partner user with own-tenant admin rights
   * @return the agreement
   * @throws RuleViolation AGR-1 while an agreement accepted before is in force or not yet ended
   */
  public Result<Agreement> acceptAgreement(Request r) {
    return agreements.accept(r);
  }

  /**
   * Gives notice of intent not to renew (AGR-3), by the partner or the vendor; only written notice
   * counts (AGR-4).
   *
   * @param r the request
   * @param channel how the notice was given
   * @return the agreement with the notice
   * @throws RuleViolation AGR-4 for a channel other than written
   */
  public Result<Agreement> giveNotice(Request r, NoticeChannel channel) {
    return agreements.giveNotice(r, channel);
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
    return agreements.acceptPartnerAgreement(r);
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
    return agreements.terminatePartnerAgreement(r, effective);
  }

  /**
   * Publishes a price list (PRC-1, PRC-2): the vendor only, on the list's publication day.
   *
   * @param r the request, dated on the list's publication day
   * @param list the list
   * @return the list
   * @throws RuleViolation PRC-1 or PRC-2 if the policy refuses the list
   */
  public Result<PriceList> publishPriceList(Request r, PriceList list) {
    return prices.publish(r, list);
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
    return prices.importList(r, list);
  }

  /**
   * Creates a customer and its tenant (CUS-1), granting the partner delegated admin on it (CUS-4,
   * ACC-1).
   *
   * @param r the request
   * @param spec the customer
   * @return the customer
   * @throws RuleViolation BIL-2 if no price list of its market is in its currency
   */
  public Result<Customer> createCustomer(Request r, NewCustomer spec) {
    return customers.create(r, spec);
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
    return customers.setBillingProfile(r, customerId, profile);
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
    return customers.setFinancing(r, customerId, plan);
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
    return customers.addService(r, customerId, serviceId, name, amount, recurrence);
  }

  /**
   * Removes the partner's delegated admin on a customer's tenant (ACC-2): refused under the seed's
   * policy, since the partner must provide support.
   *
   * @param r the request
   * @param customerId the customer
   * @return the customer without delegated admin
   * @throws RuleViolation ACC-2 unless the delegated admin policy lets the actor remove it
   */
  public Result<Customer> removeDelegatedAdmin(Request r, String customerId) {
    return tenants.removeDelegatedAdmin(r, customerId);
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
    return tenants.administerTenant(r, customerId, task);
  }

  /**
   * A task on the partner's own tenant (ACC-3): it needs admin rights on that tenant, which are
   * separate from delegated-admin rights over customers. Logged.
   *
   * @param r the request
   * @param task what was done, for the log
   * @return the logged event, its payload an {@code AccessPayload.OwnTenantAdministered}
   */
  public DomainEvent administerOwnTenant(Request r, String task) {
    return tenants.administerOwnTenant(r, task);
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
    return tenants.configureService(r, customerId, service, setting);
  }

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
    return subscriptions.order(r, customerId, skuId, seats, subscriptionId);
  }

  /**
   * Orders several subscriptions for a customer at once, as Partner Center's orders of several
   * line items: each line is checked and ordered as {@link #order(Request, String, String, int,
   * String)} orders one (SUB-1, CAT-1..3, CAT-5, CUS-2, PRC-3, BIL-7), all in one transaction, in
   * the lines' order, with one event per subscription and one idempotency record. The first
   * refusal refuses the whole order and nothing is ordered. An order has 1 to 100 lines
   * ({@code OUT_OF_RANGE} otherwise), and an id given twice is refused {@code CONFLICT} as an id
   * already taken. A replay of the request's key returns the order's subscriptions as stored now.
   *
   * @param r the request
   * @param customerId the customer
   * @param lines the lines: SKU, seats and new subscription id of each
   * @return the new subscriptions, in the lines' order
   * @throws RuleViolation AGR-1, ACC-*, SUB-6, CAT-1/2/3/5, CUS-2, SUB-1, PRC-3, BIL-7, for the
   *     first line refused
   */
  public Result<List<Subscription>> order(Request r, String customerId, List<OrderLine> lines) {
    return subscriptions.order(r, customerId, lines);
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
    return subscriptions.convertTrial(r, customerId, skuId, seats, subscriptionId);
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
    return subscriptions.orderAddOn(r, baseId, skuId, seats, subscriptionId);
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
    return subscriptions.addSeats(r, subscriptionId, seats);
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
    return subscriptions.removeSeats(r, subscriptionId, seats);
  }

  /**
   * Suspends one subscription (SUB-4, SUB-5); its add-ons are not suspended.
   *
   * @param r the request; charges stop on its day
   * @param subscriptionId the subscription
   * @return the subscription
   */
  public Result<Subscription> suspend(Request r, String subscriptionId) {
    return subscriptions.suspend(r, subscriptionId);
  }

  /**
   * Reactivates a suspended subscription (SUB-7).
   *
   * @param r the request; charges resume on its day
   * @param subscriptionId the subscription
   * @return the subscription
   */
  public Result<Subscription> reactivate(Request r, String subscriptionId) {
    return subscriptions.reactivate(r, subscriptionId);
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
    return subscriptions.cancel(r, subscriptionId);
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
    return subscriptions.autoRenew(r, subscriptionId, on);
  }

  /**
   * What adding seats on the request's day would charge (SUB-2), at the sale price, for the rest of
   * the term. Runs the same code as {@link #addSeats} and stores nothing.
   *
   * @param r the request
   * @param subscriptionId the subscription
   * @param seats seats to add
   * @return the event the change would cause, with its charge and formula
   */
  public SubscriptionEvent quoteAddSeats(Request r, String subscriptionId, int seats) {
    return subscriptions.quoteAddSeats(r, subscriptionId, seats);
  }

  /**
   * Issues every bill due by the end of the request's day (BIL-1, BIL-7): {@link #runBills} over
   * every customer. Running it again issues nothing new (a bill is unique per customer and period).
   * A customer whose bills cannot be issued does not stop the others: every other customer is
   * billed, then a {@link BillRunException} reports the bills issued and the failures.
   *
   * @param r the request
   * @return the bills issued, in customer and date order
   * @throws BillRunException if some customers could not be billed
   */
  public List<Bill> issueBills(Request r) {
    return billRun.issueAll(r);
  }

  /**
   * Issues the bills due by the end of the request's day (BIL-1, BIL-7) for the customers of one
   * shard, a block of customers per transaction. Any number of instances may run it at once, on the
   * same shard or on others: each claims the customers it bills (a store shared by several
   * processes locks them), so no bill is issued twice, and a customer another instance billed
   * meanwhile simply has nothing due. A first pass passes over customers another transaction holds;
   * a second pass waits for those still due. A failing customer never stops the run: its block is
   * retried, then billed customer by customer, and the report names every customer that could not
   * be billed, with the reason.
   *
   * @param r the request
   * @param shard the customers to bill ({@link Shard#ALL} for every one)
   * @return the bills issued and the customers not billed
   */
  public BillRunReport runBills(Request r, Shard shard) {
    return billRun.run(r, shard);
  }

  /**
   * Issues the bills due by the end of the request's day (BIL-1, BIL-7) as
   * {@link #runBills(Request, Shard)} does, from {@code workers} threads of this instance at once:
   * this thread and {@code workers - 1} new ones; the call returns when every worker has ended.
   * The workers share the run as instances do, each claiming its blocks of customers, so on a
   * store that runs transactions side by side (PostgreSQL: one pooled connection per worker, so
   * give the pool at least {@code workers}) one instance uses more than one core; the in-memory
   * store runs its transactions one at a time, so there more workers gain nothing. This thread's
   * own share runs as {@link #runBills(Request, Shard)} would; its wait for the other workers is
   * not interrupted (the interrupt flag is set again afterwards). A worker that fails as a whole
   * (the store unavailable) makes the call throw, once every worker has ended, with the others'
   * failures suppressed in it; the bills already issued stay issued and a new run finds them done.
   * A run has 1 to 64 workers ({@code OUT_OF_RANGE} otherwise).
   *
   * @param r the request
   * @param shard the customers to bill ({@link Shard#ALL} for every one)
   * @param workers how many threads bill
   * @return the bills issued, by customer id and then date, and the customers not billed (a
   *     customer one worker could not bill but another billed counts as billed)
   */
  public BillRunReport runBills(Request r, Shard shard, int workers) {
    return BillRunWorkers.run(billRun, context(), r, shard, workers);
  }

  /**
   * Issues one customer's bills due by the end of the request's day (BIL-1, BIL-7).
   *
   * @param r the request
   * @param customerId the customer
   * @return the bills issued, in date order
   */
  public List<Bill> issueBills(Request r, String customerId) {
    return billRun.issue(r, customerId);
  }

  /** @return the command pipeline, for the package's other command classes */
  Pipeline pipeline() {
    return pipeline;
  }
}
