package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.subscription.Subscription;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.money.CurrencyUnit;

/**
 * The embedded, thread-safe default store. Transactions run one at a time; their writes are
 * staged and applied together on success, so a failed operation leaves nothing behind. Reads
 * outside a transaction see committed data. Each partner has its own part ({@link #forPartner}):
 * ids and keys are scoped per partner, and only the vendor's price lists are shared.
 */
public final class InMemoryStore implements CspStore {
  private final Shared shared;
  private final String partnerId;
  private final ReentrantLock lock;
  private final VersionedTable<Agreement> agreements = new VersionedTable<>("agreement", Agreement::partnerId);
  private final VersionedTable<PartnerAgreement> partnerAgreements =
      new VersionedTable<>("partner agreement", PartnerAgreement::partnerId);
  private final InMemoryNceSubscriptions nceSubscriptions = new InMemoryNceSubscriptions();
  private final VersionedTable<Customer> customers = new VersionedTable<>("customer", Customer::id);
  private final VersionedTable<Subscription> subscriptions = new VersionedTable<>("subscription", Subscription::id);
  private final VersionedTable<BillingAccount> accounts = new VersionedTable<>("billing account", BillingAccount::customerId);
  private final PriceBook priceBook;
  private final Map<String, PriceList> priceListsById;
  private final AppendOnly<String> customerIds = new AppendOnly<>();
  private final Map<String, Integer> customerNumbers = new ConcurrentHashMap<>();
  private final Map<String, ImmutableList<String>> subscriptionIds = new ConcurrentHashMap<>();
  private final Map<String, ImmutableList<Bill>> bills = new ConcurrentHashMap<>();
  private final Map<String, ImmutableList<OwnService>> services = new ConcurrentHashMap<>();
  private final AppendOnly<DomainEvent> events = new AppendOnly<>();
  private final Map<String, ImmutableList<DomainEvent>> eventsByCommand = new ConcurrentHashMap<>();
  private final Map<String, CommandRecord> commands = new ConcurrentHashMap<>();
  private final Repositories reader = new Tx(true);

  private InMemoryStore(Shared shared, String partnerId) {
    this.shared = shared;
    this.partnerId = partnerId;
    this.lock = shared.lock;
    this.priceBook = shared.priceBook;
    this.priceListsById = shared.priceListsById;
  }

  private InMemoryStore(PriceListPolicy policy) {
    this(new Shared(policy), "");
  }

  /** What the partners of one store share: the lock, and the vendor's price lists. */
  private static final class Shared {
    final ReentrantLock lock = new ReentrantLock();
    final PriceBook priceBook;
    final Map<String, PriceList> priceListsById = new ConcurrentHashMap<>();
    final Map<String, InMemoryStore> partners = new ConcurrentHashMap<>();

    Shared(PriceListPolicy policy) {
      this.priceBook = PriceBook.create(policy);
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

  /** Refuses, in a partner's part, an aggregate that belongs to another partner. */
  private void requireOwn(String kind, String id, String owner) {
    if (!partnerId.isEmpty() && !partnerId.equals(owner)) {
      throw io.github.cspkit.csp.RuleViolation.of("ACC-4",
          "%s %s belongs to partner %s, not to %s whose data this store holds", kind, id, owner,
          partnerId);
    }
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

  /** The repositories of one transaction, or the read-only view when {@code readOnly}. */
  private final class Tx implements Repositories {
    private final boolean readOnly;
    private final VersionedTable<Agreement>.Overlay agreementTx = agreements.overlay();
    private final VersionedTable<PartnerAgreement>.Overlay partnerAgreementTx =
        partnerAgreements.overlay();
    private final InMemoryNceSubscriptions.Tx nceTx;
    private final VersionedTable<Customer>.Overlay customerTx = customers.overlay();
    private final VersionedTable<Subscription>.Overlay subscriptionTx = subscriptions.overlay();
    private final VersionedTable<BillingAccount>.Overlay accountTx = accounts.overlay();
    private final List<PriceList> newLists = new ArrayList<>();
    private final Map<String, List<Bill>> newBills = new HashMap<>();
    private final Map<String, Map<String, OwnService>> newServices = new HashMap<>();
    private final List<DomainEvent> newEvents = new ArrayList<>();
    private final Map<String, CommandRecord> newCommands = new LinkedHashMap<>();

    Tx(boolean readOnly) {
      this.readOnly = readOnly;
      this.nceTx = nceSubscriptions.transaction(readOnly);
    }

    private void writable() {
      if (readOnly) {
        throw new IllegalStateException("writes need a transaction: use CspStore.inTransaction");
      }
    }

    void commit() {
      for (PriceList l : newLists) {
        priceBook.publish(l);
        priceListsById.put(l.id(), l);
      }
      agreementTx.commit();
      partnerAgreementTx.commit();
      nceTx.commit();
      // tables first, then the id lists that point into them: a reader never meets an id it cannot find
      List<String> newCustomers = customerTx.newIds();
      List<String> newSubscriptions = subscriptionTx.newIds();
      customerTx.commit();
      subscriptionTx.commit();
      accountTx.commit();
      for (String id : newCustomers) {
        customerNumbers.put(id, customerIds.size());
        customerIds.add(id);
      }
      for (String id : newSubscriptions) {
        Subscription s = subscriptions.find(id).orElseThrow().value();
        subscriptionIds.merge(s.customerId(), ImmutableList.of(id),
            (a, b) -> ImmutableList.<String>builder().addAll(a).addAll(b).build());
      }
      newBills.forEach((c, list) -> bills.merge(c, ImmutableList.copyOf(list),
          (a, b) -> ImmutableList.<Bill>builder().addAll(a).addAll(b).build()));
      newServices.forEach((c, map) -> services.put(c, ImmutableList.copyOf(mergedServices(c, map).values())));
      if (!newEvents.isEmpty()) {
        Map<String, List<DomainEvent>> byKey = new LinkedHashMap<>();
        for (DomainEvent e : newEvents) {
          DomainEvent s = e.withSequence(events.size() + 1);
          events.add(s);
          byKey.computeIfAbsent(s.commandKey(), k -> new ArrayList<>()).add(s);
        }
        byKey.forEach((k, list) -> eventsByCommand.merge(k, ImmutableList.copyOf(list),
            (a, b) -> ImmutableList.<DomainEvent>builder().addAll(a).addAll(b).build()));
      }
      commands.putAll(newCommands);
    }

    private Map<String, OwnService> mergedServices(String customerId, Map<String, OwnService> staged) {
      Map<String, OwnService> merged = new LinkedHashMap<>();
      for (OwnService s : services.getOrDefault(customerId, ImmutableList.of())) {
        merged.put(s.id(), s);
      }
      merged.putAll(staged);
      return merged;
    }

    @Override
    public List<String> claimForBilling(BillingClaim claim) {
      List<String> ids = customers().ids(); // transactions run one at a time: nothing to lock
      int start = claim.after().map(a -> {
        Integer n = customerNumbers.get(a);
        return (n != null ? n : ids.indexOf(a)) + 1;
      }).orElse(0);
      List<String> out = new ArrayList<>(Math.min(claim.limit(), 256));
      for (int i = start; i < ids.size() && out.size() < claim.limit(); i++) {
        String id = ids.get(i);
        if (claim.shard().contains(i) && accountTx.find(id)
            .map(a -> !a.value().nextPeriodStart().isAfter(claim.day())).orElse(true)) {
          out.add(id);
        }
      }
      return out;
    }

    @Override
    public AgreementRepository agreements() {
      return new AgreementRepository() {
        @Override
        public Optional<Versioned<Agreement>> find(String partnerId) {
          return agreementTx.find(partnerId);
        }

        @Override
        public Versioned<Agreement> save(Agreement agreement, long expectedVersion) {
          writable();
          requireOwn("the agreement of", agreement.partnerId(), agreement.partnerId());
          return agreementTx.save(agreement, expectedVersion);
        }
      };
    }

    @Override
    public PartnerAgreementRepository partnerAgreements() {
      return new PartnerAgreementRepository() {
        @Override
        public Optional<Versioned<PartnerAgreement>> find(String partnerId) {
          return partnerAgreementTx.find(partnerId);
        }

        @Override
        public Versioned<PartnerAgreement> save(PartnerAgreement agreement, long expectedVersion) {
          writable();
          requireOwn("the partner agreement of", agreement.partnerId(), agreement.partnerId());
          return partnerAgreementTx.save(agreement, expectedVersion);
        }
      };
    }

    @Override
    public NceSubscriptionRepository nceSubscriptions() {
      return nceTx;
    }

    @Override
    public PriceListRepository priceLists() {
      return new PriceListRepository() {
        @Override
        public void add(PriceList list) {
          writable();
          requireNonNull(list, "list");
          priceBook.policy().validate(list); // the rules first (PRC-1, PRC-2), then the id
          if (find(list.id()).isPresent()) {
            throw ConflictException.duplicate("price list", list.id());
          }
          newLists.add(list);
        }

        @Override
        public Optional<PriceList> find(String id) {
          requireNonNull(id, "id");
          for (PriceList l : newLists) {
            if (l.id().equals(id)) {
              return Optional.of(l);
            }
          }
          return Optional.ofNullable(priceListsById.get(id));
        }

        @Override
        public List<PriceList> all() {
          return ImmutableList.<PriceList>builder().addAll(priceBook.lists()).addAll(newLists).build();
        }

        @Override
        public PriceQuote quote(String sku, String market, CurrencyUnit currency, LocalDate day,
            LocalDate knownOn) {
          return book().quote(sku, market, currency, day, knownOn);
        }

        @Override
        public boolean hasCurrency(String market, CurrencyUnit currency, LocalDate knownOn) {
          return book().hasCurrency(market, currency, knownOn);
        }

        /** The committed book, or (rarely: a transaction that publishes) one with its lists too. */
        private PriceBook book() {
          if (newLists.isEmpty()) {
            return priceBook;
          }
          PriceBook staged = PriceBook.create(priceBook.policy());
          priceBook.lists().forEach(staged::publish);
          newLists.forEach(staged::publish);
          return staged;
        }
      };
    }

    @Override
    public CustomerRepository customers() {
      return new CustomerRepository() {
        @Override
        public Optional<Versioned<Customer>> find(String id) {
          return customerTx.find(id);
        }

        @Override
        public Versioned<Customer> save(Customer customer, long expectedVersion) {
          writable();
          requireOwn("customer", customer.id(), customer.partnerId());
          return customerTx.save(customer, expectedVersion);
        }

        @Override
        public List<String> ids() {
          List<String> staged = customerTx.newIds();
          List<String> committed = customerIds.snapshot();
          if (staged.isEmpty()) {
            return committed;
          }
          return ImmutableList.<String>builder().addAll(committed).addAll(staged).build();
        }
      };
    }

    @Override
    public SubscriptionRepository subscriptions() {
      return new SubscriptionRepository() {
        @Override
        public Optional<Versioned<Subscription>> find(String id) {
          return subscriptionTx.find(id);
        }

        @Override
        public Versioned<Subscription> save(Subscription subscription, long expectedVersion) {
          writable();
          return subscriptionTx.save(subscription, expectedVersion);
        }

        @Override
        public List<Versioned<Subscription>> byCustomer(String customerId) {
          requireNonNull(customerId, "customerId");
          ImmutableList<String> ids = subscriptionIds.getOrDefault(customerId, ImmutableList.of());
          List<Versioned<Subscription>> out = new ArrayList<>(ids.size());
          for (int i = 0, n = ids.size(); i < n; i++) {
            out.add(subscriptionTx.find(ids.get(i)).orElseThrow());
          }
          for (String id : subscriptionTx.newIds()) {
            Versioned<Subscription> v = subscriptionTx.find(id).orElseThrow();
            if (v.value().customerId().equals(customerId)) {
              out.add(v);
            }
          }
          return out;
        }
      };
    }

    @Override
    public BillRepository bills() {
      return new BillRepository() {
        @Override
        public Optional<Versioned<BillingAccount>> account(String customerId) {
          return accountTx.find(customerId);
        }

        @Override
        public Versioned<BillingAccount> saveAccount(BillingAccount account, long expectedVersion) {
          writable();
          return accountTx.save(account, expectedVersion);
        }

        @Override
        public void add(Bill bill) {
          writable();
          requireNonNull(bill, "bill");
          if (find(bill.customerId(), bill.month()).isPresent()) {
            throw new ConflictException(ConflictException.Reason.DUPLICATE_ID, "customer "
                + bill.customerId() + " already has a bill for the period starting "
                + bill.period().start());
          }
          newBills.computeIfAbsent(bill.customerId(), c -> new ArrayList<>()).add(bill);
        }

        @Override
        public List<Bill> bills(String customerId) {
          requireNonNull(customerId, "customerId");
          return ImmutableList.<Bill>builder().addAll(bills.getOrDefault(customerId, ImmutableList.of()))
              .addAll(newBills.getOrDefault(customerId, List.of())).build();
        }

        @Override
        public Optional<Bill> find(String customerId, YearMonth month) {
          requireNonNull(month, "month");
          for (Bill b : bills(customerId)) {
            if (b.month().equals(month)) {
              return Optional.of(b);
            }
          }
          return Optional.empty();
        }

        @Override
        public void saveService(OwnService service) {
          writable();
          requireNonNull(service, "service");
          newServices.computeIfAbsent(service.customerId(), c -> new LinkedHashMap<>())
              .put(service.id(), service);
        }

        @Override
        public List<OwnService> services(String customerId) {
          requireNonNull(customerId, "customerId");
          Map<String, OwnService> staged = newServices.get(customerId);
          if (staged == null) {
            return services.getOrDefault(customerId, ImmutableList.of());
          }
          return ImmutableList.copyOf(mergedServices(customerId, staged).values());
        }
      };
    }

    @Override
    public EventLog events() {
      return new EventLog() {
        @Override
        public DomainEvent append(DomainEvent event) {
          writable();
          requireNonNull(event, "event");
          newEvents.add(event);
          return event.withSequence(events.size() + newEvents.size());
        }

        @Override
        public List<DomainEvent> read(long afterSequence, int limit) {
          List<DomainEvent> all = withStaged();
          int from = (int) Math.min(Math.max(0, afterSequence), all.size());
          int to = (int) Math.min(all.size(), (long) from + Math.max(0, limit));
          return ImmutableList.copyOf(all.subList(from, to));
        }

        @Override
        public List<DomainEvent> byCommand(String commandKey) {
          requireNonNull(commandKey, "commandKey");
          ImmutableList<DomainEvent> known = eventsByCommand.getOrDefault(commandKey, ImmutableList.of());
          if (newEvents.isEmpty()) {
            return known;
          }
          ImmutableList.Builder<DomainEvent> b = ImmutableList.<DomainEvent>builder().addAll(known);
          List<DomainEvent> all = withStaged();
          for (DomainEvent e : all.subList(all.size() - newEvents.size(), all.size())) {
            if (e.commandKey().equals(commandKey)) {
              b.add(e);
            }
          }
          return b.build();
        }

        private List<DomainEvent> withStaged() {
          List<DomainEvent> committed = events.snapshot();
          if (newEvents.isEmpty()) {
            return committed;
          }
          List<DomainEvent> all = new ArrayList<>(committed.size() + newEvents.size());
          all.addAll(committed);
          long seq = committed.size();
          for (DomainEvent e : newEvents) {
            all.add(e.withSequence(++seq));
          }
          return all;
        }

        @Override
        public long size() {
          return events.size() + newEvents.size();
        }
      };
    }

    @Override
    public IdempotencyRecords idempotency() {
      return new IdempotencyRecords() {
        @Override
        public Optional<CommandRecord> find(String key) {
          requireNonNull(key, "key");
          CommandRecord r = newCommands.get(key);
          return r != null ? Optional.of(r) : Optional.ofNullable(commands.get(key));
        }

        @Override
        public void record(CommandRecord record) {
          writable();
          requireNonNull(record, "record");
          if (find(record.key()).isPresent()) {
            throw new ConflictException(ConflictException.Reason.KEY_REUSED,
                "idempotency key " + record.key() + " is already recorded");
          }
          newCommands.put(record.key(), record);
        }
      };
    }
  }

  /**
   * An append-only list: appended under the transaction lock, read without it. A reader reads the
   * count first, then the array, so every element below the count it saw is published. Appends
   * are amortised O(1), and a snapshot is a view, not a copy.
   */
  private static final class AppendOnly<T> {
    private volatile Object[] items = new Object[1024];
    private volatile int count;

    int size() {
      return count;
    }

    void add(T e) {
      Object[] a = items;
      int n = count;
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
        a[n] = e;
        items = a;
      } else {
        a[n] = e;
      }
      count = n + 1;
    }

    @SuppressWarnings("unchecked")
    List<T> snapshot() {
      int n = count;
      Object[] a = items;
      return (List<T>) java.util.Collections.unmodifiableList(java.util.Arrays.asList(a).subList(0, n));
    }
  }
}
