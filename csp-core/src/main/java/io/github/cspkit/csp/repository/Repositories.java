package io.github.cspkit.csp.repository;

/** The repositories of one transaction (or of reads outside one). */
public interface Repositories {
  /** @return agreements */
  AgreementRepository agreements();

  /** @return price lists */
  PriceListRepository priceLists();

  /** @return customers */
  CustomerRepository customers();

  /** @return subscriptions */
  SubscriptionRepository subscriptions();

  /** @return bills, billing accounts and services */
  BillRepository bills();

  /** @return the event log */
  EventLog events();

  /** @return idempotency records */
  IdempotencyRecords idempotency();
}
