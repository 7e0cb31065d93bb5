package io.github.cspkit.csp.repository;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** The repositories of one transaction (or of reads outside one). */
public interface Repositories {
  /** @return agreements */
  AgreementRepository agreements();

  /** @return Microsoft Partner Agreements (MPA-1), kept apart from the reseller agreements */
  PartnerAgreementRepository partnerAgreements();

  /** @return price lists */
  PriceListRepository priceLists();

  /** @return customers */
  CustomerRepository customers();

  /** @return subscriptions */
  SubscriptionRepository subscriptions();

  /** @return new-commerce subscriptions (NCE-1..10) */
  NceSubscriptionRepository nceSubscriptions();

  /** @return bills, billing accounts and services */
  BillRepository bills();

  /** @return the event log */
  EventLog events();

  /** @return idempotency records */
  IdempotencyRecords idempotency();

  /** @return GDAP relationships (GDA-1..4) */
  GdapRelationshipRepository gdapRelationships();

  /**
   * Tells the store, before this transaction's first read, what it will look up next. A store
   * that pays per round trip may read it together with that first read; what any read returns
   * stays the same. This default ignores the hint.
   *
   * @param hint the key and ids the transaction will look up
   */
  default void readAhead(ReadAhead hint) {
    java.util.Objects.requireNonNull(hint, "hint");
  }

  /**
   * Claims the next customers a bill run (BIL-1) should look at, as {@code claim} describes. A
   * store shared by several processes locks the claimed customers until the transaction ends (so
   * that no command or other run changes them meanwhile) and, with {@link BillingClaim#skipLocked},
   * passes over those another transaction holds. This default walks {@link
   * CustomerRepository#ids()} and suits stores whose transactions run one at a time.
   *
   * @param claim which customers
   * @return their ids, in creation order
   */
  default List<String> claimForBilling(BillingClaim claim) {
    List<String> ids = customers().ids();
    int start = claim.after().map(a -> ids.indexOf(a) + 1).orElse(0);
    ImmutableList.Builder<String> out = ImmutableList.builder();
    int n = 0;
    for (int i = start; i < ids.size() && n < claim.limit(); i++) {
      String id = ids.get(i);
      if (claim.shard().contains(i) && bills().account(id)
          .map(a -> !a.value().nextPeriodStart().isAfter(claim.day())).orElse(true)) {
        out.add(id);
        n++;
      }
    }
    return out.build();
  }
}
