package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kind of aggregate a command returns, as its idempotency record keeps it: the kind's name,
 * how to name one aggregate's id, and how to read it back by that id when the key is replayed.
 *
 * @param kind the kind, for example {@code "subscription"}
 * @param id the aggregate's id
 * @param reload the aggregate as stored now, by id, inside the replaying transaction
 * @param <T> the aggregate's type
 */
record Aggregate<T>(String kind, Function<T, String> id,
    BiFunction<Repositories, String, T> reload) {
  static final Aggregate<Agreement> AGREEMENT = new Aggregate<>("agreement", Agreement::partnerId,
      (tx, id) -> tx.agreements().find(id).orElseThrow().value());
  static final Aggregate<Customer> CUSTOMER = new Aggregate<>("customer", Customer::id,
      (tx, id) -> tx.customers().find(id).orElseThrow().value());
  static final Aggregate<Subscription> SUBSCRIPTION = new Aggregate<>("subscription",
      Subscription::id, (tx, id) -> tx.subscriptions().find(id).orElseThrow().value());
  static final Aggregate<PriceList> PRICE_LIST = new Aggregate<>("price-list", PriceList::id,
      (tx, id) -> tx.priceLists().find(id).orElseThrow());
  static final Aggregate<BillingAccount> BILLING_ACCOUNT = new Aggregate<>("billing-account",
      BillingAccount::customerId, (tx, id) -> tx.bills().account(id).orElseThrow().value());
  /**
   * The subscriptions of one order ({@link CspPartner#order(Request, String, List)}), by their ids
   * in the order's order, separated by a space (ids are words).
   */
  static final Aggregate<List<Subscription>> ORDER = new Aggregate<>("order",
      subs -> subs.stream().map(Subscription::id).collect(Collectors.joining(" ")),
      (tx, ids) -> Arrays.stream(ids.split(" "))
          .map(id -> tx.subscriptions().find(id).orElseThrow().value()).toList());
  /** A service, by {@code customerId/serviceId}. */
  static final Aggregate<OwnService> SERVICE = new Aggregate<>("service",
      s -> s.customerId() + "/" + s.id(), (tx, id) -> {
        String[] parts = id.split("/", 2);
        return tx.bills().services(parts[0]).stream().filter(s -> s.id().equals(parts[1]))
            .findFirst().orElseThrow();
      });

  /** The Microsoft Partner Agreement (MPA-1), by partner id. */
  static final Aggregate<PartnerAgreement> PARTNER_AGREEMENT = new Aggregate<>(
      "partner-agreement", PartnerAgreement::partnerId,
      (tx, id) -> tx.partnerAgreements().find(id).orElseThrow().value());
  static final Aggregate<NceSubscription> NCE_SUBSCRIPTION = new Aggregate<>("nce-subscription",
      NceSubscription::id, (tx, id) -> tx.nceSubscriptions().find(id).orElseThrow().value());
  static final Aggregate<GdapRelationship> GDAP_RELATIONSHIP = new Aggregate<>(
      "gdap-relationship", GdapRelationship::id,
      (tx, id) -> tx.gdapRelationships().find(id).orElseThrow().value());

  Aggregate {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    requireNonNull(reload, "reload");
  }
}
