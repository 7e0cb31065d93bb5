package io.github.cspkit.csp.examples.postgres;

import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.AgreementRepository;
import io.github.cspkit.csp.repository.BillRepository;
import io.github.cspkit.csp.repository.BillingClaim;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.CustomerRepository;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventLog;
import io.github.cspkit.csp.repository.IdempotencyRecords;
import io.github.cspkit.csp.repository.PriceListRepository;
import io.github.cspkit.csp.repository.ReadAhead;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.StaleVersionException;
import io.github.cspkit.csp.repository.SubscriptionRepository;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repositories of one transaction of one partner ({@code c} with autocommit off), or of reads
 * outside one ({@code c == null}: each call takes its own connection and sees committed data).
 * <p>
 * In a transaction, reads are kept (a customer read once is not read again) and writes are staged
 * and sent in one round trip at commit ({@link Flush}), set by set. Reading a customer locks its
 * row and fetches, in the same round trip, everything a command on it reads: its billing account,
 * its subscriptions' versions, its services, the partner's agreements (or, when the store knows
 * them, only their signature), the price lists' count, a few event sequence numbers, and what the
 * command said it will look up ({@link ReadAhead}: its idempotency key, the ids it orders). A
 * customer whose last command went through this store is kept as that command left it
 * ({@link PostgresStore.KnownCustomer}): the round trip then reads only its signature, and reads
 * the account and subscriptions in one more round trip, still under the lock, when another
 * transaction changed them.
 * <p>
 * A command whose only customer is kept, with its row, no own service and event numbers its last
 * transaction reserved on the same thread less than {@code keptCommandWindow} ago, skips that
 * round trip: it runs on what is kept, takes it that its idempotency key and new ids are free, and its writes go
 * after {@code csp_check_kept}, which locks the row and fails the transaction unless all of that
 * still holds ({@link KeptChanged}: the store runs the command again, reading under the lock). A
 * read the kept state cannot answer, or a refusal, makes that check first.
 */
final class Tx implements Repositories {
  final PostgresStore store;
  final String partner;
  final Connection c;
  private boolean ended;
  private boolean configured;

  // committed state read by this transaction
  final Map<String, Versioned<Customer>> customers = new HashMap<>();
  final Set<String> prefetched = new HashSet<>();
  final Map<String, Versioned<BillingAccount>> accounts = new HashMap<>();
  final Map<String, List<String>> subscriptionIds = new HashMap<>();
  final Map<String, Long> subscriptionVersions = new HashMap<>();
  final Map<String, Versioned<Subscription>> subscriptionValues = new HashMap<>();
  final Map<String, List<OwnService>> services = new HashMap<>();
  Map<String, Versioned<Agreement>> agreements;
  /** Partner agreements and new-commerce subscriptions read, by id; null: read and absent. */
  final Map<String, Versioned<io.github.cspkit.csp.agreement.PartnerAgreement>> partnerAgreements =
      new HashMap<>();
  final Map<String, Versioned<io.github.cspkit.csp.subscription.NceSubscription>> nceValues =
      new HashMap<>();
  /** The new-commerce subscription ids of each prefetched customer, in order of creation. */
  final Map<String, List<String>> nceIds = new HashMap<>();
  boolean pricesChecked;
  /** Whether a bill run's block was read: its customers are not kept for later commands. */
  private boolean claimedBlocks;
  final ArrayDeque<Long> sequences = new ArrayDeque<>();
  /** What the command said it will look up: read with the next customer's prefetch. */
  private ReadAhead ahead = ReadAhead.NOTHING;
  /**
   * Idempotency keys this transaction looked up (ahead or not): the record, or null when absent.
   * A key found absent that another transaction records before this one commits makes the commit
   * stale ({@link Flush}), so the command runs again and replays.
   */
  final Map<String, CommandRecord> keysRead = new HashMap<>();
  /** Subscription ids this transaction looked up (ahead or not): whether each is taken. */
  final Map<String, Boolean> idsRead = new HashMap<>();
  /** Whether a command on a kept customer may skip its read round trip. */
  private final boolean keptAllowed;
  /** What a command on a kept customer took as still true, until checked; null: nothing. */
  private Assumed assumed;
  /** Each locked customer's touched count, as read or kept. */
  final Map<String, Long> touched = new HashMap<>();
  /** Event numbers reserved, under its lock, for the next command on the one customer locked. */
  final List<Long> reserved = new ArrayList<>();
  /** Customers whose touched count the writes raise. */
  final Set<String> touching = new HashSet<>();

  // writes, sent at commit
  final Map<String, Save<Agreement>> savedAgreements = new LinkedHashMap<>();
  final Map<String, Save<io.github.cspkit.csp.agreement.PartnerAgreement>> savedPartnerAgreements =
      new LinkedHashMap<>();
  final Map<String, Save<io.github.cspkit.csp.subscription.NceSubscription>> savedNce =
      new LinkedHashMap<>();
  final Map<String, Save<Customer>> savedCustomers = new LinkedHashMap<>();
  final Map<String, Save<BillingAccount>> savedAccounts = new LinkedHashMap<>();
  final Map<String, Save<Subscription>> savedSubscriptions = new LinkedHashMap<>();
  final Map<String, Save<io.github.cspkit.csp.access.GdapRelationship>> savedGdap =
      new LinkedHashMap<>();
  final List<PriceList> addedLists = new ArrayList<>();
  final Map<String, OwnService> savedServices = new LinkedHashMap<>();
  final List<Bill> addedBills = new ArrayList<>();
  final List<DomainEvent> appended = new ArrayList<>();
  final Map<String, CommandRecord> recorded = new LinkedHashMap<>();

  private final Customers customerRepo;
  private final Subscriptions subscriptionRepo;
  private final Bills billRepo;
  private final Events eventRepo;
  private final Idempotency idempotencyRepo;
  private final Agreements agreementRepo;
  private final PriceLists priceListRepo;
  private final PartnerAgreements partnerAgreementRepo;
  private final NceSubscriptions nceRepo;
  private final GdapRelationships gdapRepo;

  /** A staged save: the value, its new version, and the version stored (0: none). */
  static final class Save<T> {
    T value;
    long version;
    final long stored;

    Save(T value, long version, long stored) {
      this.value = value;
      this.version = version;
      this.stored = stored;
    }
  }

  /** How many event numbers a command on one customer reserves for the next. */
  static final int RESERVE = 16;

  /** What a command on a kept customer took as still true; {@code csp_check_kept}'s arguments. */
  private record Assumed(String customerId, long version, long touched, String signature,
      long agreements, long lists, String key, String[] ids) {}

  /** The kept customer a command ran on had changed: the command runs again, reading. */
  static final class KeptChanged extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String customerId;

    KeptChanged(String customerId) {
      super("customer " + customerId + " changed since this store kept it", null, false, false);
      this.customerId = customerId;
    }
  }

  Tx(PostgresStore store, String partner, Connection c) {
    this(store, partner, c, false);
  }

  Tx(PostgresStore store, String partner, Connection c, boolean keptAllowed) {
    this.keptAllowed = keptAllowed && c != null;
    this.store = store;
    this.partner = partner;
    this.c = c;
    this.customerRepo = new Customers(this);
    this.subscriptionRepo = new Subscriptions(this);
    this.billRepo = new Bills(this);
    this.eventRepo = new Events(this);
    this.idempotencyRepo = new Idempotency(this);
    this.agreementRepo = new Agreements(this);
    this.priceListRepo = new PriceLists(this);
    this.partnerAgreementRepo = new PartnerAgreements(this);
    this.nceRepo = new NceSubscriptions(this);
    this.gdapRepo = new GdapRelationships(this);
  }

  boolean inTransaction() {
    return c != null;
  }

  void end() {
    ended = true;
  }

  /** Work on a connection. */
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs work on the transaction's connection, or on one of its own outside a transaction. */
  <T> T sql(String what, SqlWork<T> work) {
    if (c != null) {
      if (ended) {
        throw new IllegalStateException(
            "the transaction has ended: use these repositories only inside CspStore.inTransaction");
      }
      checkKept();
      try {
        return work.run(c);
      } catch (SQLException e) {
        throw PostgresStore.failure(what, e, false);
      }
    }
    store.requireOpen();
    try (Connection own = store.dataSource().getConnection()) {
      return work.run(own);
    } catch (SQLException e) {
      throw PostgresStore.failure(what, e, false);
    }
  }

  /** Runs a batch; the first one of a transaction also sets its timeouts. */
  void run(Batch batch, Connection on) throws SQLException {
    if (on == c && !configured) {
      configured = true;
      Batch first = new Batch().add(store.timeoutsSql(), null);
      first.addAll(batch);
      first.run(on);
      return;
    }
    batch.run(on);
  }

  /**
   * Checks, with the customer's lock, what a command on a kept customer took as still true;
   * nothing when it took nothing or checked it already.
   *
   * @throws KeptChanged when something changed
   */
  void checkKept() {
    if (assumed == null) {
      return;
    }
    Batch b = new Batch();
    addCheck(b);
    try {
      run(b, c);
      pendingCheck = null;
    } catch (SQLException e) {
      throwIfKeptChanged(e);
      throw PostgresStore.failure("checking a kept customer", e, false);
    }
  }

  /** Adds {@code csp_check_kept} to a batch (the first statement of its transaction). */
  void addCheck(Batch b) {
    Assumed a = assumed;
    assumed = null;
    b.add("SELECT csp_check_kept(?, ?, ?, ?, ?, ?::numeric, ?, ?, ?::text[])", null, partner,
        a.customerId(), a.version(), a.touched(), a.signature(), a.agreements(), a.lists(),
        a.key() == null ? Batch.NULL_TEXT : a.key(), a.ids());
    pendingCheck = a.customerId();
  }

  /** The customer whose check is in the batch being sent, if any. */
  private String pendingCheck;

  /**
   * @param e a batch's failure
   * @throws KeptChanged if it is the failure of the kept customer's check the batch held
   */
  void throwIfKeptChanged(SQLException e) {
    String customer = pendingCheck;
    pendingCheck = null;
    if (customer != null && "CS006".equals(e.getSQLState())) {
      throw new KeptChanged(customer);
    }
  }

  /** @return whether a bill run's block was read */
  boolean claimedBlocks() {
    return claimedBlocks;
  }

  /** @return whether this transaction locked one customer (not a bill run's block) */
  boolean locksOneCustomer() {
    return !claimedBlocks && prefetched.size() == 1;
  }

  /** @return whether a command on a kept customer skipped its reads and is not checked yet */
  boolean assumes() {
    return assumed != null;
  }

  void writable() {
    if (c == null) {
      throw new IllegalStateException("writes need a transaction: use CspStore.inTransaction");
    }
  }

  /** Refuses, in a partner's view, an aggregate of another partner. */
  void requireOwn(String kind, String id, String owner) {
    if (!partner.isEmpty() && !partner.equals(owner)) {
      throw io.github.cspkit.csp.RuleViolation.of("ACC-4",
          "%s %s belongs to partner %s, not to %s whose view of the store this is", kind, id, owner,
          partner);
    }
  }

  /**
   * Stages a save after checking the version against what this transaction knows; an unknown
   * stored version is checked when the write is sent.
   */
  <T> Versioned<T> save(Map<String, Save<T>> staged, String kind, String id, T value, long expected,
      Long known) {
    if (expected < 0) {
      throw new StaleVersionException(kind + " " + id, expected, known == null ? 0 : known);
    }
    Save<T> s = staged.get(id);
    if (s != null) {
      if (expected != s.version) {
        throw new StaleVersionException(kind + " " + id, expected, s.version);
      }
      s.value = value;
      s.version++;
      return new Versioned<>(value, s.version);
    }
    if (known != null && known != expected) {
      throw new StaleVersionException(kind + " " + id, expected, known);
    }
    staged.put(id, new Save<>(value, expected + 1, expected));
    return new Versioned<>(value, expected + 1);
  }

  @Override
  public void readAhead(ReadAhead hint) {
    ahead = java.util.Objects.requireNonNull(hint, "hint");
  }

  // ------------------------------------------------------------------------ reads with a lock

  /**
   * Locks the customers' rows and reads, in one round trip, what commands and bills on them read;
   * then the subscriptions this store has not cached. A bill run's block ({@code claimed}: its
   * claim locked the rows) reads its subscriptions whole in that round trip instead, without the
   * cache: it reads each subscription once a period, and would only push out what commands use.
   */
  void prefetch(Collection<String> ids, boolean claimed) {
    List<String> todo = new ArrayList<>();
    for (String id : ids) {
      if (!prefetched.contains(id)) {
        todo.add(id);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    if (keptAllowed && !claimed && todo.size() == 1 && prefetched.isEmpty() && assume(todo.get(0))) {
      return; // checked with the writes
    }
    String[] keys = todo.toArray(new String[0]);
    Object key = Batch.keys(keys); // the one customer's id, or the block's as an array
    Map<String, Rows.AccountRow> accountRows = new HashMap<>();
    Batch b = new Batch();
    if (!claimed) {
      b.add(SqlText.of("SELECT " + Rows.CUSTOMER + ", c.touched FROM customer c "
          + "WHERE c.partner_id = ? AND ", Batch.match("c.id", keys), " ORDER BY c.id FOR UPDATE"), rs -> {
            while (rs.next()) {
              Versioned<Customer> v = Rows.customer(rs);
              customers.put(v.value().id(), v);
              touched.put(v.value().id(), rs.getLong("touched"));
            }
          }, partner, key);
    }
    // a customer this store keeps, or the one the command creates: its signature is read below
    // instead of these
    PostgresStore.KnownCustomer kept = null;
    if (!claimed && keys.length == 1) {
      kept = store.knownCustomer(partner, keys[0]);
      if (kept == null && ahead.customerId().filter(keys[0]::equals).isPresent()) {
        kept = PostgresStore.KnownCustomer.NEW;
      }
    }
    if (kept == null) {
      readScope(b, keys, accountRows, claimed);
    }
    if (claimed) { // a bill run's block: its subscriptions whole, in this round trip, not cached
      claimedBlocks = true;
      b.add(Rows.SUBSCRIPTIONS_OF_CUSTOMERS, rs -> {
        for (Versioned<Subscription> v : Rows.subscriptions(rs)) {
          String id = v.value().id();
          subscriptionIds.computeIfAbsent(v.value().customerId(), k -> new ArrayList<>()).add(id);
          subscriptionVersions.put(id, v.version());
          subscriptionValues.put(id, v);
        }
      }, partner, keys);
    }
    // the partner's agreements: read, or (known to the store) only their signature checked
    PostgresStore.KnownAgreements known = agreements == null ? store.knownAgreements(partner) : null;
    if (agreements == null && known == null) {
      b.add(Agreements.SELECT, rs -> agreements = new HashMap<>(Agreements.read(store, partner, rs)),
          partner);
    }
    long[] lists = {-1};
    long[] signature = {-1};
    String[] scope = {null};
    // after the lock, one statement of one row reads the rest: a few event numbers per customer,
    // and one per subscription the command said it orders (its event); the price lists' count,
    // once a transaction; the agreements' and the kept customer's signatures; the services; what
    // the command said it will look up
    int wanted = 2 + 2 * todo.size() + (claimed ? 0 : ahead.subscriptionIds().size());
    Batch.OneRow one = new Batch.OneRow().column("ARRAY(SELECT nextval('domain_event_sequence') "
        + "FROM generate_series(1, ?))", (rs, i) -> {
          sequences.clear(); // numbers left from another customer's lock: these come after them
          for (long n : (Long[]) rs.getArray(i).getArray()) {
            sequences.add(n);
          }
        }, wanted);
    if (!pricesChecked) {
      one.column("(SELECT count(*) FROM price_list)", (rs, i) -> lists[0] = rs.getLong(i));
    }
    if (known != null) {
      one.column(Agreements.SIGNATURE, (rs, i) -> signature[0] = rs.getLong(i), partner);
    }
    if (kept != null) {
      one.column(SCOPE, (rs, i) -> scope[0] = rs.getString(i),
          partner, keys[0], partner, keys[0], partner, keys[0]);
    }
    one.column(Rows.servicesOf(keys), (rs, i) -> {
      for (OwnService s : Rows.services((String[]) rs.getArray(i).getArray())) {
        services.computeIfAbsent(s.customerId(), k -> new ArrayList<>()).add(s);
      }
    }, partner, key);
    if (!claimed) {
      readAhead(one);
    }
    one.addTo(b);
    sql("reading customers " + (todo.size() == 1 ? todo.get(0) : todo.size() + ""), on -> {
      run(b, on);
      return null;
    });
    if (kept != null && kept.signature().equals(scope[0])) {
      takeKept(keys[0], kept);
    } else if (kept != null) { // another transaction changed it since: read it, still locked
      Batch again = readScope(new Batch(), keys, accountRows, false);
      sql("reading customer " + keys[0], on -> {
        run(again, on);
        return null;
      });
    }
    for (String id : todo) {
      prefetched.add(id);
      subscriptionIds.computeIfAbsent(id, k -> new ArrayList<>());
      nceIds.computeIfAbsent(id, k -> new ArrayList<>());
      services.computeIfAbsent(id, k -> new ArrayList<>());
      Rows.AccountRow row = accountRows.get(id);
      if (row != null) {
        accounts.put(id, new Versioned<>(row.builder.build(), row.version));
      }
    }
    if (lists[0] >= 0) {
      pricesChecked = true;
      store.checkPrices(lists[0]);
    }
    if (known != null && known.signature() == signature[0]) {
      agreements = new HashMap<>(known.byHolder());
    } // else Agreements.find reads them when asked
    if (claimed) {
      return;
    }
    List<String> missing = new ArrayList<>();
    for (String id : todo) {
      for (String sub : subscriptionIds.get(id)) {
        Versioned<Subscription> cached = store.cachedSubscription(partner, sub, subscriptionVersions.get(sub));
        if (cached != null) {
          subscriptionValues.put(sub, cached);
        } else {
          missing.add(sub);
        }
      }
    }
    loadSubscriptions(missing);
  }

  /**
   * Takes a kept customer as its last transaction left it, without reading it, when everything a
   * command on it reads is kept: its row, no own service, its subscriptions' values, the
   * agreements' signature, and enough event numbers reserved under its lock, recently. Its
   * idempotency key and new ids ({@link ReadAhead}) are taken as free. All of it is checked
   * ({@link #addCheck}) before anything is written, or before any other read.
   *
   * @return whether it was taken; if not, nothing changed
   */
  private boolean assume(String id) {
    PostgresStore.KnownCustomer known = store.knownCustomer(partner, id);
    PostgresStore.Kept kept = known == null ? null : known.kept();
    int wanted = 4 + ahead.subscriptionIds().size();
    if (kept == null || store.keptWindowNanos() == 0 || kept.reserved().size() < wanted
        || System.nanoTime() - kept.reservedAt() > store.keptWindowNanos()
        || kept.thread() != Thread.currentThread().getId()
        || kept.writes() != PostgresStore.writeCount() || !appended.isEmpty()) {
      return false; // an event appended before would have a number drawn after the reserved ones
    }
    PostgresStore.KnownAgreements knownAgreements =
        agreements == null ? store.knownAgreements(partner) : null;
    if (agreements == null && knownAgreements == null) {
      return false;
    }
    Map<String, Versioned<Subscription>> values = new HashMap<>();
    for (String sub : known.subscriptionIds()) {
      Long version = known.subscriptionVersions().get(sub);
      Versioned<Subscription> cached = store.cachedSubscription(partner, sub, version);
      if (cached == null) {
        return false;
      }
      values.put(sub, cached);
    }
    customers.put(id, kept.customer());
    touched.put(id, kept.touched());
    prefetched.add(id);
    takeKept(id, known);
    subscriptionValues.putAll(values);
    services.put(id, new ArrayList<>());
    sequences.clear(); // numbers drawn before the reserved ones would come after them
    sequences.addAll(kept.reserved());
    if (knownAgreements != null) {
      agreements = new HashMap<>(knownAgreements.byHolder());
    }
    long lists = -1;
    if (!pricesChecked) { // the lists the store holds, their count checked with the writes
      lists = store.knownPriceCount();
      pricesChecked = lists >= 0; // else read when asked, after the check
    }
    Unread unread = unreadAhead();
    String key = unread.key();
    if (key != null) {
      keysRead.put(key, null);
    }
    for (String sub : unread.ids()) {
      idsRead.put(sub, false);
      nceValues.putIfAbsent(sub, null); // found absent, as NceSubscriptions.find keeps it
    }
    assumed = new Assumed(id, kept.customer().version(), kept.touched(), known.signature(),
        knownAgreements != null ? knownAgreements.signature() : -1, lists, key,
        unread.ids().toArray(new String[0]));
    return true;
  }

  /** Takes a customer's account, subscription ids and versions, and new-commerce ones as kept. */
  private void takeKept(String id, PostgresStore.KnownCustomer known) {
    if (known.account() != null) {
      accounts.put(id, known.account());
    }
    subscriptionIds.put(id, new ArrayList<>(known.subscriptionIds()));
    subscriptionVersions.putAll(known.subscriptionVersions());
    nceIds.put(id, new ArrayList<>(known.nceIds()));
    known.nce().forEach(nceValues::putIfAbsent);
  }

  /**
   * A customer's signature, read after its lock: its account's version, and the number and sum
   * of versions of its subscriptions of both kinds. Versions only grow and no row is deleted or
   * moves to another customer, so any committed change since a {@link PostgresStore.KnownCustomer}
   * changes it ({@link #scope} writes the same text from what a commit keeps; V12's
   * {@code csp_check_kept} computes it the same way, a kept order's round trip count in
   * {@code PostgresRoundTripsTest} failing if they differ). Parameters: partner and customer,
   * three times.
   */
  static final String SCOPE = "coalesce((SELECT version FROM billing_account WHERE partner_id = ? "
      + "AND customer_id = ?), 0) || '/' || (SELECT count(*) || ':' || coalesce(sum(version), 0) "
      + "FROM subscription WHERE partner_id = ? AND customer_id = ?) || '/' || (SELECT count(*) "
      + "|| ':' || coalesce(sum(version), 0) FROM nce_subscription WHERE partner_id = ? "
      + "AND customer_id = ?)";

  /** @return {@link #SCOPE}'s text for those figures */
  static String scope(long accountVersion, int seedCount, long seedSum, int nceCount, long nceSum) {
    return accountVersion + "/" + seedCount + ":" + seedSum + "/" + nceCount + ":" + nceSum;
  }

  /**
   * Adds to a batch the reads of the customers' accounts, subscription ids with their versions
   * (not for a bill run's block, {@code claimed}, which reads its subscriptions whole) and
   * new-commerce subscriptions; each account is put in {@code accountRows}.
   */
  private Batch readScope(Batch b, String[] keys, Map<String, Rows.AccountRow> accountRows,
      boolean claimed) {
    Object key = Batch.keys(keys);
    b.add(SqlText.of("SELECT " + Rows.ACCOUNT + " FROM billing_account a WHERE a.partner_id = ? "
        + "AND ", Batch.match("a.customer_id", keys)), rs -> {
          while (rs.next()) {
            Rows.AccountRow row = Rows.account(rs);
            accountRows.put(rs.getString("customer_id"), row);
          }
        }, partner, key);
    if (!claimed) {
      b.add(SqlText.of("SELECT s.customer_id, s.id, s.version FROM subscription s "
          + "WHERE s.partner_id = ? AND ", Batch.match("s.customer_id", keys), " ORDER BY s.seq"), rs -> {
            while (rs.next()) {
              subscriptionIds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
              subscriptionVersions.put(rs.getString(2), rs.getLong(3));
            }
          }, partner, key);
    }
    b.add(SqlText.of("SELECT customer_id, value::text, version FROM nce_subscription "
        + "WHERE partner_id = ? AND ", Batch.match("customer_id", keys), " ORDER BY seq"), rs -> {
          while (rs.next()) {
            Versioned<io.github.cspkit.csp.subscription.NceSubscription> v =
                new Versioned<>(NceSubscriptions.read(rs.getString(2)), rs.getLong(3));
            nceIds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(v.value().id());
            nceValues.putIfAbsent(v.value().id(), v);
          }
        }, partner, key);
    return b;
  }

  /** What the command said it will look up and this transaction does not know yet. */
  private record Unread(String key, List<String> ids) {}

  /**
   * @return what the command said it will look up ({@link #readAhead(ReadAhead)}) that this
   *     transaction has neither read nor staged: its key (or null), its new ids; the hint is
   *     taken, once
   */
  private Unread unreadAhead() {
    ReadAhead hint = ahead;
    ahead = ReadAhead.NOTHING;
    String key = hint.idempotencyKey()
        .filter(k -> !keysRead.containsKey(k) && !recorded.containsKey(k)).orElse(null);
    List<String> ids = new ArrayList<>();
    for (String id : hint.subscriptionIds()) {
      if (!idsRead.containsKey(id)) {
        ids.add(id);
      }
    }
    return new Unread(key, ids);
  }

  /**
   * Adds the reads the command said it will make ({@link #readAhead(ReadAhead)}) to a prefetch's
   * statement, once: its idempotency key's record, and which of its new ids are taken by a
   * subscription of either kind (the order checks both), a new-commerce one with its value.
   */
  private void readAhead(Batch.OneRow row) {
    Unread unread = unreadAhead();
    String key = unread.key();
    List<String> ids = unread.ids();
    if (key != null) {
      row.column("(SELECT ARRAY[command, aggregate, aggregate_id] FROM idempotency_record "
          + "WHERE partner_id = ? AND key = ?)", (rs, i) -> {
            java.sql.Array found = rs.getArray(i);
            String[] r = found == null ? null : (String[]) found.getArray();
            keysRead.put(key, r == null ? null : new CommandRecord(key, r[0], r[1], r[2]));
          }, partner, key);
    }
    if (ids.isEmpty()) {
      return;
    }
    String[] asked = ids.toArray(new String[0]);
    row.column(SqlText.of("ARRAY(SELECT id FROM subscription WHERE partner_id = ? AND ",
        Batch.match("id", asked), ")"), (rs, i) -> {
          for (String id : (String[]) rs.getArray(i).getArray()) {
            idsRead.put(id, true);
          }
          for (String id : ids) {
            idsRead.putIfAbsent(id, false);
          }
        }, partner, Batch.keys(asked));
    // each found as its version, a space, then its value
    row.column(SqlText.of("ARRAY(SELECT version || ' ' || value::text FROM nce_subscription "
        + "WHERE partner_id = ? AND ", Batch.match("id", asked), ")"), (rs, i) -> {
          for (String found : (String[]) rs.getArray(i).getArray()) {
            int space = found.indexOf(' ');
            io.github.cspkit.csp.subscription.NceSubscription v =
                NceSubscriptions.read(found.substring(space + 1));
            nceValues.put(v.id(), new Versioned<>(v, Long.parseLong(found.substring(0, space))));
          }
          for (String id : ids) {
            nceValues.putIfAbsent(id, null); // found absent, as NceSubscriptions.find keeps it
          }
        }, partner, Batch.keys(asked));
  }

  /**
   * Before a command's first read that is not of a customer: prefetches the customer the command
   * said it creates ({@link ReadAhead#customerId()}), so that this read goes in that round trip.
   */
  void prefetchNewCustomer() {
    if (c != null && prefetched.isEmpty() && ahead.customerId().isPresent()) {
      prefetch(List.of(ahead.customerId().get()), false);
    }
  }

  /** Reads committed subscriptions in one query and caches them. */
  void loadSubscriptions(List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<Versioned<Subscription>> loaded = sql("reading " + ids.size() + " subscriptions", on -> {
      List<List<Versioned<Subscription>>> out = new ArrayList<>(1);
      run(new Batch().add(Rows.SUBSCRIPTIONS, rs -> out.add(Rows.subscriptions(rs)),
          partner, ids.toArray(new String[0])), on);
      return out.get(0);
    });
    for (Versioned<Subscription> v : loaded) {
      subscriptionValues.put(v.value().id(), v);
      subscriptionVersions.put(v.value().id(), v.version());
      store.cacheSubscription(partner, v);
    }
  }

  /** @return the next event sequence number, reserving more when none is left */
  long nextSequence() {
    if (sequences.isEmpty()) {
      sql("reserving event numbers", on -> {
        run(new Batch().add("SELECT nextval('domain_event_sequence') FROM generate_series(1, 16)",
            rs -> {
              while (rs.next()) {
                sequences.add(rs.getLong(1));
              }
            }), on);
        return null;
      });
    }
    return sequences.poll();
  }

  @Override
  public List<String> claimForBilling(BillingClaim claim) {
    writable();
    List<String> ids = new ArrayList<>();
    sql("claiming customers to bill", on -> {
      run(new Batch().add("SELECT " + Rows.CUSTOMER + " FROM customer c "
              + "LEFT JOIN billing_account a ON a.partner_id = c.partner_id AND a.customer_id = c.id "
              + "WHERE c.partner_id = ? AND c.seq > 0 " // the claim's partial index (V11)
              + "AND c.seq > coalesce((SELECT seq FROM customer "
              + "WHERE partner_id = ? AND id = ?), 0) AND mod(c.seq, ?) = ? "
              + "AND (a.customer_id IS NULL OR a.next_period_start <= ?) "
              + "ORDER BY c.seq LIMIT ? FOR UPDATE OF c" + (claim.skipLocked() ? " SKIP LOCKED" : ""),
          rs -> {
            while (rs.next()) {
              Versioned<Customer> v = Rows.customer(rs);
              customers.put(v.value().id(), v);
              ids.add(v.value().id());
            }
          }, partner, partner, claim.after().orElse(null), (long) claim.shard().count(),
          (long) claim.shard().index(), claim.day(), claim.limit()), on);
      return null;
    });
    prefetch(ids, true);
    return ids;
  }

  // ----------------------------------------------------------------------------- repositories

  @Override
  public AgreementRepository agreements() {
    return agreementRepo;
  }

  @Override
  public io.github.cspkit.csp.repository.PartnerAgreementRepository partnerAgreements() {
    return partnerAgreementRepo;
  }

  @Override
  public io.github.cspkit.csp.repository.NceSubscriptionRepository nceSubscriptions() {
    return nceRepo;
  }

  @Override
  public PriceListRepository priceLists() {
    return priceListRepo;
  }

  @Override
  public CustomerRepository customers() {
    return customerRepo;
  }

  @Override
  public SubscriptionRepository subscriptions() {
    return subscriptionRepo;
  }

  @Override
  public BillRepository bills() {
    return billRepo;
  }

  @Override
  public EventLog events() {
    return eventRepo;
  }

  @Override
  public IdempotencyRecords idempotency() {
    return idempotencyRepo;
  }

  @Override
  public io.github.cspkit.csp.repository.GdapRelationshipRepository gdapRelationships() {
    return gdapRepo;
  }

  // ------------------------------------------------------------------------------------ commit

  /**
   * Sends the staged writes and the commit in one round trip; throws if one of them met a newer
   * version or was refused. A lost connection here may have committed.
   *
   * @return whether anything was written and committed
   */
  boolean flush() {
    if (ended) {
      throw new IllegalStateException("the transaction has ended");
    }
    try {
      return new Flush(this).run(c);
    } catch (SQLException e) {
      throw PostgresStore.failure("writing and committing", e, true);
    }
  }

  /**
   * After commit: what this transaction wrote becomes the store's cached committed state, and each
   * customer it locked is kept as it left it (not a bill run's, which would push commands' out).
   */
  void committed() {
    for (Save<Subscription> s : savedSubscriptions.values()) {
      store.cacheSubscription(partner, new Versioned<>(s.value, s.version));
    }
    if (!addedLists.isEmpty()) {
      store.forgetPrices();
    }
    if (claimedBlocks || c == null) {
      return;
    }
    for (String id : prefetched) {
      PostgresStore.KnownCustomer left = leftAsCommitted(id);
      if (left != null) {
        store.keepCustomer(partner, id, left);
      }
    }
  }

  /**
   * @return a customer this transaction locked, as it committed it: what it read, with what it
   *     saved; null when a value is missing (the next command reads the customer again)
   */
  private PostgresStore.KnownCustomer leftAsCommitted(String id) {
    Save<BillingAccount> a = savedAccounts.get(id);
    Versioned<BillingAccount> account = a != null ? new Versioned<>(a.value, a.version) : accounts.get(id);
    List<String> seed = idsAfterCommit(subscriptionIds.get(id), savedSubscriptions,
        Subscription::customerId, id);
    Map<String, Long> versions = new HashMap<>();
    long seedSum = 0;
    for (String sub : seed) {
      Save<Subscription> s = savedSubscriptions.get(sub);
      Long version = s != null ? Long.valueOf(s.version) : subscriptionVersions.get(sub);
      if (version == null) {
        return null;
      }
      versions.put(sub, version);
      seedSum += version;
    }
    List<String> nce = idsAfterCommit(nceIds.get(id), savedNce,
        io.github.cspkit.csp.subscription.NceSubscription::customerId, id);
    Map<String, Versioned<io.github.cspkit.csp.subscription.NceSubscription>> nceKept =
        new HashMap<>();
    long nceSum = 0;
    for (String sub : nce) {
      Save<io.github.cspkit.csp.subscription.NceSubscription> s = savedNce.get(sub);
      Versioned<io.github.cspkit.csp.subscription.NceSubscription> v =
          s != null ? new Versioned<>(s.value, s.version) : nceValues.get(sub);
      if (v == null) {
        return null;
      }
      nceKept.put(sub, v);
      nceSum += v.version();
    }
    // counted from the lists, so that a list that went wrong cannot match the stored signature
    return new PostgresStore.KnownCustomer(
        scope(account == null ? 0 : account.version(), seed.size(), seedSum, nce.size(), nceSum),
        account, List.copyOf(seed), Map.copyOf(versions), List.copyOf(nce), Map.copyOf(nceKept),
        keptFor(id));
  }

  /**
   * @return what lets the next command on a customer this transaction locked skip its reads, or
   *     null: it has own services, or its row or touched count is not known, or no event numbers
   *     were reserved for it
   */
  private PostgresStore.Kept keptFor(String id) {
    Save<Customer> saved = savedCustomers.get(id);
    Versioned<Customer> row = saved != null ? new Versioned<>(saved.value, saved.version)
        : customers.get(id);
    Long count = touched.get(id);
    if (count == null && saved != null && saved.stored == 0) {
      count = 0L; // created by this transaction
    }
    if (row == null || count == null || reserved.isEmpty() // reserved only for one customer
        || !services.getOrDefault(id, List.of()).isEmpty()
        || savedServices.values().stream().anyMatch(o -> o.customerId().equals(id))) {
      return null;
    }
    return new PostgresStore.Kept(row, count + (touching.contains(id) ? 1 : 0),
        List.copyOf(reserved), System.nanoTime(), Thread.currentThread().getId(),
        PostgresStore.writeCount());
  }

  /**
   * @return the ids of a customer's subscriptions of one kind as this transaction commits them:
   *     those it read, in the order stored, then those it inserts, in the order it inserts them
   */
  private static <T> List<String> idsAfterCommit(List<String> read, Map<String, Save<T>> saved,
      java.util.function.Function<T, String> customerOf, String customerId) {
    List<String> ids = new ArrayList<>(read);
    Set<String> listed = new HashSet<>(read);
    for (Map.Entry<String, Save<T>> e : saved.entrySet()) {
      if (customerOf.apply(e.getValue().value).equals(customerId) && listed.add(e.getKey())) {
        ids.add(e.getKey());
      }
    }
    return ids;
  }
}
