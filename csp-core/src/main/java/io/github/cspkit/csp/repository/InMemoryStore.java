package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.pricing.PriceListPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The embedded, thread-safe default store. Transactions run one at a time; their writes are
 * staged and applied together on success, so a failed operation leaves nothing behind. Reads
 * outside a transaction see committed data. Each partner has its own part ({@link #forPartner}):
 * ids and keys are scoped per partner, and only the vendor's price lists are shared. Each
 * repository is a class of its own ({@code InMemoryCustomers}, {@code InMemoryBills}, ...).
 */
public final class InMemoryStore implements CspStore {
  private final Shared shared;
  private final String partnerId;
  private final ReentrantLock lock;
  private final InMemoryPriceLists priceLists;
  private final InMemoryAgreements agreements;
  private final InMemoryPartnerAgreements partnerAgreements;
  private final InMemoryNceSubscriptions nceSubscriptions = new InMemoryNceSubscriptions();
  private final InMemoryGdapRelationships gdap;
  private final InMemoryCustomers customers;
  private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
  private final InMemoryBills bills = new InMemoryBills();
  private final InMemoryEvents events = new InMemoryEvents();
  private final InMemoryIdempotency idempotency = new InMemoryIdempotency();
  private final Repositories reader;

  private InMemoryStore(Shared shared, String partnerId) {
    this.shared = shared;
    this.partnerId = partnerId;
    this.lock = shared.lock;
    this.priceLists = shared.priceLists;
    Owner owner = new Owner(partnerId);
    this.agreements = new InMemoryAgreements(owner);
    this.partnerAgreements = new InMemoryPartnerAgreements(owner);
    this.gdap = new InMemoryGdapRelationships(owner);
    this.customers = new InMemoryCustomers(owner);
    this.reader = new Tx(true); // after every repository it reads
  }

  private InMemoryStore(PriceListPolicy policy) {
    this(new Shared(policy), "");
  }

  /** What the partners of one store share: the lock, and the vendor's price lists. */
  private static final class Shared {
    final ReentrantLock lock = new ReentrantLock();
    final InMemoryPriceLists priceLists;
    final Map<String, InMemoryStore> partners = new ConcurrentHashMap<>();

    Shared(PriceListPolicy policy) {
      this.priceLists = new InMemoryPriceLists(policy);
    }
  }

  /**
   * A partner's part of this store: its own agreement, customers, subscriptions, bills, events and
   * idempotency records, so that ids and keys are scoped per partner and no read crosses partners;
   * price lists are the vendor's and shared. The store made by {@link #create} is a part of its
   * own, for code that serves one partner and never asks.
   *
   * @param partnerId the partner
   * @return its part, the same object on every call
   */
  @Override
  public InMemoryStore forPartner(String partnerId) {
    requireNonNull(partnerId, "partnerId");
    if (partnerId.equals(this.partnerId)) {
      return this;
    }
    return shared.partners.computeIfAbsent(partnerId, p -> new InMemoryStore(shared, p));
  }

  /** @return an empty store under the seed's price list policy */
  public static InMemoryStore create() {
    return new InMemoryStore(PriceListPolicy.seed());
  }

  /**
   * @param policy the price list policy its price book follows (PRC-1..3)
   * @return an empty store
   */
  public static InMemoryStore create(PriceListPolicy policy) {
    return new InMemoryStore(requireNonNull(policy, "policy"));
  }

  @Override
  public <T> T inTransaction(Function<Repositories, T> work) {
    requireNonNull(work, "work");
    lock.lock();
    try {
      Tx tx = new Tx(false);
      T result = work.apply(tx);
      tx.commit();
      return result;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Repositories read() {
    return reader;
  }

  /**
   * The repositories of one transaction, or the read-only view when {@code readOnly}: one view per
   * repository, committed together in an order where every index follows its table.
   */
  private final class Tx implements Repositories {
    private final InMemoryPriceLists.Tx priceListTx;
    private final InMemoryAgreements.Tx agreementTx;
    private final InMemoryPartnerAgreements.Tx partnerAgreementTx;
    private final InMemoryNceSubscriptions.Tx nceTx;
    private final InMemoryGdapRelationships.Tx gdapTx;
    private final InMemoryCustomers.Tx customerTx;
    private final InMemorySubscriptions.Tx subscriptionTx;
    private final InMemoryBills.Tx billTx;
    private final InMemoryEvents.Tx eventTx;
    private final InMemoryIdempotency.Tx idempotencyTx;

    Tx(boolean readOnly) {
      priceListTx = priceLists.transaction(readOnly);
      agreementTx = agreements.transaction(readOnly);
      partnerAgreementTx = partnerAgreements.transaction(readOnly);
      nceTx = nceSubscriptions.transaction(readOnly);
      gdapTx = gdap.transaction(readOnly);
      customerTx = customers.transaction(readOnly);
      subscriptionTx = subscriptions.transaction(readOnly);
      billTx = bills.transaction(readOnly);
      eventTx = events.transaction(readOnly);
      idempotencyTx = idempotency.transaction(readOnly);
    }

    void commit() {
      priceListTx.commit();
      agreementTx.commit();
      partnerAgreementTx.commit();
      nceTx.commit();
      gdapTx.commit();
      customerTx.commit();
      subscriptionTx.commit();
      billTx.commit();
      eventTx.commit();
      idempotencyTx.commit();
    }

    @Override
    public List<String> claimForBilling(BillingClaim claim) {
      List<String> ids = customerTx.ids(); // transactions run one at a time: nothing to lock
      int start = claim.after().map(a -> customerTx.indexOf(a) + 1).orElse(0);
      List<String> out = new ArrayList<>(Math.min(claim.limit(), 256));
      for (int i = start; i < ids.size() && out.size() < claim.limit(); i++) {
        String id = ids.get(i);
        if (claim.shard().contains(i) && billTx.account(id)
            .map(a -> !a.value().nextPeriodStart().isAfter(claim.day())).orElse(true)) {
          out.add(id);
        }
      }
      return out;
    }

    @Override
    public AgreementRepository agreements() {
      return agreementTx;
    }

    @Override
    public PartnerAgreementRepository partnerAgreements() {
      return partnerAgreementTx;
    }

    @Override
    public NceSubscriptionRepository nceSubscriptions() {
      return nceTx;
    }

    @Override
    public GdapRelationshipRepository gdapRelationships() {
      return gdapTx;
    }

    @Override
    public PriceListRepository priceLists() {
      return priceListTx;
    }

    @Override
    public CustomerRepository customers() {
      return customerTx;
    }

    @Override
    public SubscriptionRepository subscriptions() {
      return subscriptionTx;
    }

    @Override
    public BillRepository bills() {
      return billTx;
    }

    @Override
    public EventLog events() {
      return eventTx;
    }

    @Override
    public IdempotencyRecords idempotency() {
      return idempotencyTx;
    }
  }
}
