package io.github.cspkit.csp.hardening;

import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything a store holds, as read through {@link CspStore#read()}: the agreement, price lists,
 * every customer, its subscriptions, billing account, bills and services, subscriptions found by
 * id (also ids no customer lists), the event log's size and contents, and the idempotency records
 * of the given keys. Two snapshots are equal when nothing changed. Cheap: the store hands out
 * immutable values.
 */
record StoreSnapshot(Optional<Versioned<Agreement>> agreement, List<PriceList> priceLists,
    List<String> customerIds, Map<String, Versioned<Customer>> customers,
    Map<String, List<Versioned<Subscription>>> subscriptionsByCustomer,
    Map<String, Optional<Versioned<Subscription>>> subscriptionsById,
    Map<String, Optional<Versioned<BillingAccount>>> accounts, Map<String, List<Bill>> bills,
    Map<String, List<OwnService>> services, long eventCount, List<DomainEvent> events,
    Map<String, Optional<CommandRecord>> idempotency) {

  static StoreSnapshot of(CspStore store, String partnerId, Collection<String> extraCustomerIds,
      Collection<String> subscriptionIds, Collection<String> keys) {
    Repositories r = store.read();
    List<String> ids = List.copyOf(r.customers().ids());
    TreeSet<String> all = new TreeSet<>(ids);
    all.addAll(extraCustomerIds);
    Map<String, Versioned<Customer>> customers = new LinkedHashMap<>();
    Map<String, List<Versioned<Subscription>>> subs = new LinkedHashMap<>();
    Map<String, Optional<Versioned<BillingAccount>>> accounts = new LinkedHashMap<>();
    Map<String, List<Bill>> bills = new LinkedHashMap<>();
    Map<String, List<OwnService>> services = new LinkedHashMap<>();
    for (String id : all) {
      r.customers().find(id).ifPresent(c -> customers.put(id, c));
      subs.put(id, List.copyOf(r.subscriptions().byCustomer(id)));
      accounts.put(id, r.bills().account(id));
      bills.put(id, List.copyOf(r.bills().bills(id)));
      services.put(id, List.copyOf(r.bills().services(id)));
    }
    Map<String, Optional<Versioned<Subscription>>> byId = new LinkedHashMap<>();
    for (String id : new TreeSet<>(subscriptionIds)) {
      byId.put(id, r.subscriptions().find(id));
    }
    Map<String, Optional<CommandRecord>> idem = new LinkedHashMap<>();
    for (String k : new TreeSet<>(keys)) {
      idem.put(k, r.idempotency().find(k));
    }
    long size = r.events().size();
    return new StoreSnapshot(r.agreements().find(partnerId), List.copyOf(r.priceLists().all()), ids,
        customers, subs, byId, accounts, bills, services, size,
        r.events().read(0, Integer.MAX_VALUE), idem);
  }

  /** @return the first component that differs from {@code other}, for a readable failure */
  String firstDifference(StoreSnapshot other) {
    if (!agreement.equals(other.agreement)) {
      return "agreement: " + agreement + " -> " + other.agreement;
    }
    if (!priceLists.equals(other.priceLists)) {
      return "price lists: " + priceLists.size() + " -> " + other.priceLists.size();
    }
    if (!customerIds.equals(other.customerIds)) {
      return "customer ids: " + customerIds + " -> " + other.customerIds;
    }
    if (!customers.equals(other.customers)) {
      return "customers: " + customers + " -> " + other.customers;
    }
    if (!subscriptionsByCustomer.equals(other.subscriptionsByCustomer)) {
      return "subscriptions: " + subscriptionsByCustomer + " -> " + other.subscriptionsByCustomer;
    }
    if (!subscriptionsById.equals(other.subscriptionsById)) {
      return "subscriptions by id: " + subscriptionsById + " -> " + other.subscriptionsById;
    }
    if (!accounts.equals(other.accounts)) {
      return "billing accounts: " + accounts + " -> " + other.accounts;
    }
    if (!bills.equals(other.bills)) {
      return "bills: " + bills + " -> " + other.bills;
    }
    if (!services.equals(other.services)) {
      return "services: " + services + " -> " + other.services;
    }
    if (eventCount != other.eventCount || !events.equals(other.events)) {
      return "events: " + eventCount + " -> " + other.eventCount + ", new "
          + other.events.subList(Math.min(events.size(), other.events.size()), other.events.size());
    }
    if (!idempotency.equals(other.idempotency)) {
      return "idempotency: " + idempotency + " -> " + other.idempotency;
    }
    return null;
  }
}
