package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.ServiceIncident;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * The reads of {@link CspPartner}, its package-private superclass (as {@code AbstractStringBuilder}
 * is {@code StringBuilder}'s): every read goes through the partner's view of the store
 * ({@link io.github.cspkit.csp.repository.CspStore#forPartner}) and is written once, as a trusted
 * read for the integrator's back office; a read by an actor first checks it ({@link #authorized})
 * and then runs the trusted one. A trusted read shows only the partner's own customers (ACC-4):
 * on a store that serves every partner through one view (the default {@code forPartner}), a
 * customer another partner manages, and its subscriptions, bills and billing account, read as not
 * there, as on the partner's own view of a shared store. Stores nothing. Thread-safe.
 */
abstract class PartnerReads {
  private final Context context;

  PartnerReads(Context context) {
    this.context = requireNonNull(context, "context");
  }

  /** @return what the package's commands and reads work with: lookups, rules, renewals */
  Context context() {
    return context;
  }

  private Repositories read() {
    return context.store().read();
  }

  /**
   * The actor check of a read about one customer (ACC-*, BIL-1).
   *
   * @return the customer; {@code UNKNOWN_ID} if there is none
   */
  private Customer authorized(Request r, Operation op, String customerId) {
    requireNonNull(r, "r");
    Customer c = read().customers().find(requireNonNull(customerId, "customerId"))
        .orElseThrow(() -> Context.unknown("customer", customerId)).value();
    context.authorize(r, op, c);
    return c;
  }

  /** @return the agreement, if accepted */
  public Optional<Agreement> agreement() {
    return read().agreements().find(context.partner().id()).map(Versioned::value);
  }

  /** @return the Microsoft Partner Agreement (MPA-1), if accepted */
  public Optional<PartnerAgreement> partnerAgreement() {
    return read().partnerAgreements().find(context.partner().id()).map(Versioned::value);
  }

  /**
   * The list price (the partner's cost) of a SKU on a day, as known on the request's day (PRC-3,
   * PRC-4, DIS-1). Partners, the distributor and the vendor may ask.
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
    context.authorize(r, Operation.QUOTE_PRICE, null);
    return Pipeline.exact(() -> read().priceLists().book().quote(sku, market, currency, day, r.date()));
  }

  /**
   * The service incidents of a customer the partner manages (ACC-4), open on the request's day.
   *
   * @param r the request
   * @param customerId the customer
   * @return its open incidents
   */
  public List<ServiceIncident> serviceIncidents(Request r, String customerId) {
    Customer c = authorized(r, Operation.VIEW_SERVICE_HEALTH, customerId);
    DelegatedAdmin.requireAccess(context, read(), r, Operation.VIEW_SERVICE_HEALTH,
        Optional.empty(), c); // GDA-2
    return context.incidents().incidents(customerId).stream().filter(i -> i.isOpenOn(r.date()))
        .toList();
  }

  /**
   * @param id a customer id
   * @return the customer, if it exists and the partner manages it (ACC-4)
   */
  public Optional<Customer> customer(String id) {
    return context.managed(read(), requireNonNull(id, "id"));
  }

  /**
   * @param id a subscription id
   * @return the subscription as stored, if it exists and its customer is the partner's (ACC-4)
   */
  public Optional<Subscription> subscription(String id) {
    Repositories read = read();
    return read.subscriptions().find(requireNonNull(id, "id")).map(Versioned::value)
        .filter(s -> context.managed(read, s.customerId()).isPresent());
  }

  /**
   * A subscription as it stands on a day (SUB-7): moved through any term end on or before it, at
   * the prices known that day. Stores nothing.
   *
   * @param id a subscription id
   * @param asOf the day
   * @return the subscription on that day, if it exists and its customer is the partner's (ACC-4)
   */
  public Optional<Subscription> subscription(String id, LocalDate asOf) {
    requireNonNull(asOf, "asOf");
    Repositories read = read();
    return read.subscriptions().find(requireNonNull(id, "id"))
        .flatMap(v -> context.managed(read, v.value().customerId()))
        .map(c -> Pipeline.exact(() -> context.renew(read, c, asOf).get(id)));
  }

  /**
   * @param customerId a customer
   * @return its subscriptions as stored; none for a customer that does not exist or that another
   *     partner manages (ACC-4)
   */
  public List<Subscription> subscriptions(String customerId) {
    Repositories read = read();
    if (context.managed(read, customerId).isEmpty()) {
      return List.of();
    }
    return read.subscriptions().byCustomer(customerId).stream().map(Versioned::value).toList();
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
    authorized(r, Operation.VIEW_BILLS, customerId);
    return bills(customerId);
  }

  /**
   * A trusted read for the integrator's own back office: no actor is checked.
   *
   * @param customerId a customer
   * @return its bills, oldest first; none for a customer that does not exist or that another
   *     partner manages (ACC-4)
   */
  public List<Bill> bills(String customerId) {
    Repositories read = read();
    if (context.managed(read, customerId).isEmpty()) {
      return List.of();
    }
    return read.bills().bills(customerId);
  }

  /**
   * @param customerId a customer
   * @param month the month its period starts in
   * @return that bill, if issued and the partner manages the customer (ACC-4)
   */
  public Optional<Bill> bill(String customerId, YearMonth month) {
    requireNonNull(month, "month");
    Repositories read = read();
    if (context.managed(read, customerId).isEmpty()) {
      return Optional.empty();
    }
    return read.bills().find(customerId, month);
  }

  /**
   * The events a command appended, found by the idempotency key it was given. Keys are scoped to
   * this partner: two partners sharing a store may use the same key.
   *
   * @param idempotencyKey the key the command carried
   * @return its events, in order; empty if no command of this partner used the key
   */
  public List<DomainEvent> events(String idempotencyKey) {
    return read().events().byCommand(context.scoped(
        requireNonNull(idempotencyKey, "idempotencyKey")));
  }

  /**
   * @param customerId a customer
   * @return the day at whose end its next bill is due (BIL-7), if the customer exists, has a
   *     billing account and the partner manages it (ACC-4)
   */
  public Optional<LocalDate> nextBillDue(String customerId) {
    Repositories read = read();
    return Pipeline.exact(() -> context.managed(read, customerId)
        .flatMap(c -> read.bills().account(customerId)
            .map(a -> context.billing().nextIssueDate(c, a.value()))));
  }

  /**
   * @param customerId a customer
   * @return its billing account, if it has one and the partner manages it (ACC-4)
   */
  public Optional<BillingAccount> billingAccount(String customerId) {
    Repositories read = read();
    if (context.managed(read, customerId).isEmpty()) {
      return Optional.empty();
    }
    return read.bills().account(customerId).map(Versioned::value);
  }
}
