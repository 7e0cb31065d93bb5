package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.TransientStoreException;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The reference PostgreSQL {@link CspStore}: plain JDBC over the schema that {@link #migrate}
 * creates (Flyway migrations in {@code db/migration/csp}). Build it with {@link #builder}; it
 * refuses a database whose schema is missing, older or newer than {@link #SCHEMA_VERSION}.
 * <p>
 * <b>Partners.</b> Every row but the vendor's price lists carries a {@code partner_id}, first in
 * every key, and every query names one: {@link #forPartner} gives a partner's view (which
 * {@code CspPartner} always uses), so two partners may both have a customer {@code contoso} and
 * neither ever reads the other's rows. The store itself is the view of partner {@code ""}.
 * <p>
 * <b>Several instances.</b> Design choice: customer-scoped serialization by a row lock, not
 * SERIALIZABLE. In a transaction, reading a customer locks its row ({@code SELECT ... FOR UPDATE})
 * until commit; every partner command and every customer's bill transaction reads its customer
 * first, so one customer's commands and bills are serialized across every instance, and each sees
 * what the one before committed (READ COMMITTED: every statement takes a fresh snapshot once the
 * lock is granted); different customers never wait on each other. A bill run claims blocks of
 * customers with {@code FOR UPDATE SKIP LOCKED} ({@code Repositories.claimForBilling}). Each
 * transaction sets {@code lock_timeout}, {@code statement_timeout} and
 * {@code idle_in_transaction_session_timeout} ({@link Builder}).
 * <p>
 * <b>Round trips.</b> A transaction reads its customer with everything a command on it needs in one
 * round trip, and sends all its writes and its commit in one more ({@link Flush}: every check is
 * made by the statements themselves, so a refused write fails before the commit); a bill run does
 * the same for a block of customers. A command on a customer its thread's last command kept
 * ({@link Builder#keptCommandWindow}) sends its writes in one round trip after a check of what it
 * took as unchanged, and runs again, reading, when the check fails. A command costs 1 to 4 round
 * trips, commit included. A connection lost during that last round trip leaves the outcome
 * unknown.
 * <p>
 * <b>Events.</b> Sequence numbers come from a database sequence: appending locks nothing shared.
 * They increase within a transaction and, for any one customer and any one thread, in commit
 * order; a rolled-back transaction leaves a gap, and the events of different threads or
 * instances committed close together (concurrently, or less than the kept-command window apart)
 * may become visible out of sequence order. {@link #prune} removes old events and idempotency
 * records.
 * <p>
 * <b>Failures.</b> A serialization failure, a deadlock, a lost connection or a server shutting
 * down ({@code 40001}, {@code 40P01}, {@code 08xxx}, {@code 57P0x}) is thrown as a
 * {@link TransientStoreException}, which the entry point retries; any other database failure is a
 * {@link PostgresStoreException}.
 * <p>
 * <b>Caches.</b> Price lists (immutable) and committed subscriptions (by id and version: a
 * committed version never changes) are kept in memory, the subscriptions in a bounded cache that
 * evicts the least recently used; a bill run neither reads nor fills it (it reads each
 * subscription once a period, with its block's state, and would push out what commands use). This assumes rows change only through PostgresStore instances
 * (any number of them, in any process). Thread-safe; the data source should pool connections
 * (HikariCP).
 */
public final class PostgresStore implements CspStore, AutoCloseable {
  /**
   * How many write batches each thread sent, through any store of this class loader, whatever
   * their outcome (a lost connection may have committed one): numbers reserved for a kept
   * customer are used only if their thread sent nothing since.
   */
  private static final ThreadLocal<long[]> WRITES = ThreadLocal.withInitial(() -> new long[1]);

  /** The schema version this store reads and writes: the latest migration it ships. */
  public static final int SCHEMA_VERSION = 12;
  /** Where the migrations live on the classpath. */
  public static final String MIGRATIONS = "classpath:db/migration/csp";
  /** The table in which Flyway records the applied migrations. */
  public static final String HISTORY_TABLE = "csp_schema_history";

  private final Shared shared;
  private final String partner;

  /** What every partner's view of one store shares. */
  private static final class Shared {
    final DataSource dataSource;
    final PriceListPolicy policy;
    final String timeoutsSql;
    final Cache<PartnerKey, Versioned<Subscription>> subscriptions;
    /** Each customer's account, subscription ids and new-commerce subscriptions, as committed. */
    final Cache<PartnerKey, KnownCustomer> customers;
    final Map<String, PostgresStore> partners = new ConcurrentHashMap<>();
    volatile Prices prices;
    /** Each partner's agreements as last read, with their signature. */
    final Map<String, KnownAgreements> agreements = new ConcurrentHashMap<>();
    /** {@link Builder#keptCommandWindow}, in nanoseconds. */
    final long keptWindowNanos;
    volatile boolean closed;

    Shared(Builder b) {
      this.dataSource = b.dataSource;
      this.policy = b.policy;
      this.keptWindowNanos = b.keptWindow.toNanos();
      this.timeoutsSql = "SELECT set_config('lock_timeout', '" + b.lockTimeout.toMillis()
          + "ms', true), set_config('statement_timeout', '" + b.statementTimeout.toMillis()
          + "ms', true), set_config('idle_in_transaction_session_timeout', '"
          + b.idleTimeout.toMillis() + "ms', true), set_config('plan_cache_mode', "
          + "'force_generic_plan', true)"; // a prepared statement is not planned again
      this.subscriptions = CacheBuilder.newBuilder().maximumSize(b.cacheSize).build();
      this.customers = CacheBuilder.newBuilder().maximumWeight(b.cacheSize)
          .weigher((PartnerKey k, KnownCustomer v) -> v.weight()).build();
    }
  }

  /**
   * A customer's account, subscription ids with their versions and new-commerce subscriptions as
   * a committed transaction left them, with their signature ({@link Tx#SCOPE}): a command that
   * locks the customer reads the signature and uses these when it has not changed.
   */
  record KnownCustomer(String signature, Versioned<BillingAccount> account, List<String> subscriptionIds,
      Map<String, Long> subscriptionVersions, List<String> nceIds,
      Map<String, Versioned<NceSubscription>> nce, Kept kept) {
    /**
     * A customer with nothing yet: what a command that creates it expects ({@code ReadAhead}'s
     * customer id), checked after the lock like any kept customer; there can be no account nor
     * subscription without the customer's row (their foreign keys).
     */
    static final KnownCustomer NEW = new KnownCustomer(Tx.scope(0, 0, 0, 0, 0), null, List.of(),
        Map.of(), List.of(), Map.of(), null);

    int weight() {
      return 1 + subscriptionIds.size() + nceIds.size();
    }
  }

  /**
   * What lets the next command on a kept customer skip its read round trip
   * ({@code csp_check_kept}, schema version 12): the customer's row with its touched count, and
   * event numbers its last transaction reserved under the customer's lock, after its own.
   *
   * @param reservedAt when they were reserved ({@link System#nanoTime()}): numbers older than
   *     {@link Builder#keptCommandWindow} are not used, so that an event's number is never much
   *     older than its commit
   * @param thread the thread that reserved them, whose next command alone may use them
   * @param writes that thread's count of write batches sent ({@link #writeCount}) then: used only
   *     if it sent nothing since, so that one thread's events follow its commits
   */
  record Kept(Versioned<io.github.cspkit.csp.customer.Customer> customer, long touched,
      List<Long> reserved, long reservedAt, long thread, long writes) {}

  /** A partner's agreements as read at a signature ({@link Agreements#SIGNATURE}). */
  record KnownAgreements(long signature, Map<String, Versioned<Agreement>> byHolder) {}

  /** Every stored price list, in publication order, and the book that answers quotes from them. */
  record Prices(long count, List<PriceList> lists, Map<String, PriceList> byId, PriceBook book) {}

  /**
   * A store over a migrated schema, under the seed's price list policy and default timeouts.
   *
   * @param dataSource where the schema lives
   */
  public PostgresStore(DataSource dataSource) {
    this(builder(dataSource));
  }

  /**
   * @param dataSource where the schema lives
   * @param policy the price list policy that validates lists and answers quotes (PRC-1..3)
   */
  public PostgresStore(DataSource dataSource, PriceListPolicy policy) {
    this(builder(dataSource).policy(policy));
  }

  private PostgresStore(Builder b) {
    this(new Shared(b), "");
    checkSchema(b.dataSource);
  }

  private PostgresStore(Shared shared, String partner) {
    this.shared = shared;
    this.partner = partner;
  }

  /**
   * @param dataSource where the schema lives (a pool, such as HikariCP)
   * @return a builder of a store over it
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  /** Builds a {@link PostgresStore}: its policy, timeouts and cache size. */
  public static final class Builder {
    private final DataSource dataSource;
    private PriceListPolicy policy = PriceListPolicy.seed();
    private Duration lockTimeout = Duration.ofSeconds(10);
    private Duration statementTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private long cacheSize = 200_000;
    private Duration keptWindow = Duration.ofMillis(100);

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * @param policy the price list policy that validates lists and answers quotes (PRC-1..3)
     * @return this builder
     */
    public Builder policy(PriceListPolicy policy) {
      this.policy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * @param timeout how long a statement waits for a lock (a customer another transaction
     *     holds) before failing; {@code lock_timeout}, 10 s by default, zero for no limit
     * @return this builder
     */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * @param timeout how long one statement may run; {@code statement_timeout}, 60 s by default,
     *     zero for no limit
     * @return this builder
     */
    public Builder statementTimeout(Duration timeout) {
      this.statementTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * @param timeout how long a transaction may stay idle (its client stalled) before the server
     *     ends it and frees its locks; {@code idle_in_transaction_session_timeout}, 60 s by
     *     default, zero for no limit
     * @return this builder
     */
    public Builder idleInTransactionTimeout(Duration timeout) {
      this.idleTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * @param subscriptions how many committed subscriptions to keep in memory (least recently used
     *     go first), and how much of the customers kept as their last command left them (each
     *     weighs one more than its subscriptions); 200,000 by default
     * @return this builder
     */
    public Builder cacheSize(long subscriptions) {
      if (subscriptions < 0) {
        throw new IllegalArgumentException("a cache size cannot be negative: " + subscriptions);
      }
      this.cacheSize = subscriptions;
      return this;
    }

    /**
     * @param window how soon after a thread's command on a customer its next command on the same
     *     customer, with no other write of that thread in between, may skip its read round trip
     *     (it runs on the customer as kept, checked with its writes; {@code csp_check_kept}): its
     *     event numbers were then reserved by the command before, so the events of one customer
     *     and of one thread still follow their commits, and those of other threads or instances
     *     within this window may become visible out of sequence order. 100 ms by default; zero
     *     turns it off (every command reads under the customer's lock first)
     * @return this builder
     */
    public Builder keptCommandWindow(Duration window) {
      this.keptWindow = nonNegative(window);
      return this;
    }

    /**
     * @return the store
     * @throws IllegalStateException if the schema is missing, older or newer than this library's
     */
    public PostgresStore build() {
      return new PostgresStore(this);
    }

    private static Duration nonNegative(Duration d) {
      requireNonNull(d, "timeout");
      if (d.isNegative()) {
        throw new IllegalArgumentException("a duration cannot be negative: " + d);
      }
      return d;
    }
  }

  // ------------------------------------------------------------------------------------ schema

  /**
   * Creates the schema, or brings it up to {@link #SCHEMA_VERSION}, with Flyway (migrations in
   * {@value #MIGRATIONS}, history in {@value #HISTORY_TABLE}); safe to call again, also from
   * several instances at once (Flyway locks). Objects go to the connections' current schema.
   *
   * @param dataSource the database
   * @throws IllegalStateException if the database holds a newer schema than this library's
   */
  public static void migrate(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    int found = schemaVersion(dataSource);
    if (found > SCHEMA_VERSION) {
      throw newer(found);
    }
    Flyway.configure(PostgresStore.class.getClassLoader()).dataSource(dataSource)
        .locations(MIGRATIONS).table(HISTORY_TABLE).load().migrate();
  }

  /**
   * Same as {@link #migrate}.
   *
   * @param dataSource the database
   */
  public static void createSchema(DataSource dataSource) {
    migrate(dataSource);
  }

  /**
   * @param dataSource the database
   * @return the version of its csp schema, 0 when it has none
   */
  public static int schemaVersion(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, HISTORY_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return 0;
        }
      }
      int max = 0;
      try (PreparedStatement versions = c.prepareStatement(
              "SELECT version FROM " + HISTORY_TABLE + " WHERE success AND version IS NOT NULL");
          ResultSet rs = versions.executeQuery()) {
        while (rs.next()) {
          max = Math.max(max, Integer.parseInt(rs.getString(1).split("\\.")[0]));
        }
      }
      return max;
    } catch (SQLException e) {
      throw failure("reading the schema version", e, false);
    }
  }

  private static void checkSchema(DataSource dataSource) {
    int found = schemaVersion(dataSource);
    if (found > SCHEMA_VERSION) {
      throw newer(found);
    }
    if (found < SCHEMA_VERSION) {
      throw new IllegalStateException("the database's csp schema is at version " + found
          + " and this library needs " + SCHEMA_VERSION + ": call PostgresStore.migrate(dataSource)");
    }
  }

  private static IllegalStateException newer(int found) {
    return new IllegalStateException("the database's csp schema is at version " + found
        + ", newer than " + SCHEMA_VERSION + " which this library knows: run a newer library");
  }

  // ----------------------------------------------------------------------------------- partners

  /**
   * @param partnerId a partner
   * @return the store as that partner sees it: its rows only (ids and keys scoped per partner),
   *     the vendor's price lists; the same object on every call
   */
  @Override
  public PostgresStore forPartner(String partnerId) {
    requireNonNull(partnerId, "partnerId");
    if (partnerId.equals(partner)) {
      return this;
    }
    return shared.partners.computeIfAbsent(partnerId, p -> new PostgresStore(shared, p));
  }

  /** @return the partner whose view this is, {@code ""} for the store itself */
  public String partner() {
    return partner;
  }

  /** @return the price list policy */
  public PriceListPolicy policy() {
    return shared.policy;
  }

  // ------------------------------------------------------------------------------- transactions

  /**
   * {@inheritDoc}
   * <p>
   * {@code work} may run twice in one call: a command on a customer kept by its thread's last
   * command runs on what was kept ({@link Builder#keptCommandWindow}), and runs again, reading
   * under the customer's lock, when the check sent with its writes finds the customer changed;
   * only the second run's result or failure is returned. Work with side effects outside the
   * repositories should allow for that, as for the entry point's retries.
   */
  @Override
  public <T> T inTransaction(Function<Repositories, T> work) {
    requireNonNull(work, "work");
    requireOpen();
    try {
      return inTransaction(work, true);
    } catch (Tx.KeptChanged e) { // the kept customer changed: run again, reading under the lock
      forgetCustomer(partner, e.customerId);
      return inTransaction(work, false);
    }
  }

  /**
   * Runs a transaction.
   *
   * @param kept whether a command on a customer this store kept may skip its read round trip
   */
  private <T> T inTransaction(Function<Repositories, T> work, boolean kept) {
    Connection c;
    try {
      c = shared.dataSource.getConnection();
    } catch (SQLException e) {
      throw failure("opening a transaction", e, false);
    }
    Tx tx = null;
    boolean committed = false;
    try {
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        throw failure("starting a transaction", e, false);
      }
      tx = new Tx(this, partner, c, kept);
      T result;
      try {
        result = work.apply(tx);
      } catch (RuntimeException e) {
        try {
          tx.checkKept(); // a refusal made on a kept customer stands only if it had not changed
        } catch (RuntimeException checking) {
          if (!(checking instanceof Tx.KeptChanged)) {
            checking.addSuppressed(e);
          }
          throw checking;
        }
        throw e;
      }
      boolean written = tx.flush(); // the writes and the commit, in one round trip
      if (!written) {
        tx.checkKept();
      }
      tx.end();
      if (!written) {
        try {
          c.commit(); // a transaction that only read: ends its snapshot, if it took one
        } catch (SQLException e) {
          throw failure("committing", e, true);
        }
      }
      committed = true;
      tx.committed();
      return result;
    } finally {
      if (tx != null) {
        tx.end();
      }
      if (!committed) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is broken: the server drops the transaction with it
        }
      }
      try {
        c.setAutoCommit(true);
      } catch (SQLException ignored) {
        // a broken connection: closing it is all that is left
      }
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing is left to keep
      }
    }
  }

  @Override
  public Repositories read() {
    requireOpen();
    return new Tx(this, partner, null);
  }

  /** What {@link #prune} removed. */
  public record Pruned(long events, long idempotencyRecords) {}

  /**
   * Retention: removes this partner's events and idempotency records recorded before a moment.
   * A key removed here is no longer replayed: a command presented again with it runs again. Keep
   * them longer than any client may retry, and longer than event readers lag.
   *
   * @param recordedBefore the moment
   * @return how many of each were removed
   */
  public Pruned prune(Instant recordedBefore) {
    requireNonNull(recordedBefore, "recordedBefore");
    requireOpen();
    try (Connection c = shared.dataSource.getConnection()) {
      long events;
      long records;
      Timestamp before = Timestamp.from(recordedBefore);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM domain_event WHERE partner_id = ? AND recorded_at < ?")) {
        ps.setString(1, partner);
        ps.setTimestamp(2, before);
        events = ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM idempotency_record WHERE partner_id = ? AND recorded_at < ?")) {
        ps.setString(1, partner);
        ps.setTimestamp(2, before);
        records = ps.executeUpdate();
      }
      return new Pruned(events, records);
    } catch (SQLException e) {
      throw failure("pruning events and idempotency records", e, false);
    }
  }

  /**
   * Forgets the in-memory caches and refuses further use, in every partner's view. The data
   * source is the caller's: it is not closed.
   */
  @Override
  public void close() {
    shared.closed = true;
    shared.prices = null;
    shared.agreements.clear();
    shared.subscriptions.invalidateAll();
    shared.customers.invalidateAll();
  }

  @Override
  public String toString() {
    return "PostgresStore{partner=" + partner + ", " + shared.policy + (shared.closed ? ", closed" : "") + "}";
  }

  // ----------------------------------------------------------------------------------- internals

  void requireOpen() {
    if (shared.closed) {
      throw new IllegalStateException("this PostgresStore is closed");
    }
  }

  DataSource dataSource() {
    return shared.dataSource;
  }

  String timeoutsSql() {
    return shared.timeoutsSql;
  }

  Versioned<Subscription> cachedSubscription(String partnerId, String id, Long version) {
    if (version == null) {
      return null;
    }
    Versioned<Subscription> v = shared.subscriptions.getIfPresent(new PartnerKey(partnerId, id));
    return v != null && v.version() == version ? v : null;
  }

  void cacheSubscription(String partnerId, Versioned<Subscription> v) {
    shared.subscriptions.asMap().merge(new PartnerKey(partnerId, v.value().id()), v,
        (a, b) -> b.version() >= a.version() ? b : a);
  }

  /** An id within a partner: a cached subscription's or kept customer's key. */
  record PartnerKey(String partnerId, String id) {}

  /** @return the customer as a committed transaction of this store left it, or null */
  KnownCustomer knownCustomer(String partnerId, String customerId) {
    return shared.customers.getIfPresent(new PartnerKey(partnerId, customerId));
  }

  /** Keeps a customer as a committed transaction left it. */
  void keepCustomer(String partnerId, String customerId, KnownCustomer known) {
    shared.customers.put(new PartnerKey(partnerId, customerId), known);
  }

  /** @return the partner's agreements as last read, or null */
  KnownAgreements knownAgreements(String partnerId) {
    return shared.agreements.get(partnerId);
  }

  /** Keeps the partner's agreements as read at a signature. */
  void keepAgreements(String partnerId, long signature, Map<String, Versioned<Agreement>> read) {
    shared.agreements.put(partnerId, new KnownAgreements(signature, Map.copyOf(read)));
  }

  /** @return {@link Builder#keptCommandWindow}, in nanoseconds */
  long keptWindowNanos() {
    return shared.keptWindowNanos;
  }

  /** @return how many write batches the current thread sent ({@link #WRITES}) */
  static long writeCount() {
    return WRITES.get()[0];
  }

  /** Counts a write batch the current thread is about to send. */
  static void countWrite() {
    WRITES.get()[0]++;
  }

  /** Forgets a kept customer: the next command on it reads it under its lock. */
  void forgetCustomer(String partnerId, String customerId) {
    shared.customers.invalidate(new PartnerKey(partnerId, customerId));
  }

  /** @return the number of price lists this store holds as read, or -1 when it holds none */
  long knownPriceCount() {
    Prices p = shared.prices;
    return p == null ? -1 : p.count();
  }

  /** Drops the price lists read, after a transaction added some. */
  void forgetPrices() {
    shared.prices = null;
  }

  /** Reads the price lists again if the database holds another number of them. */
  void checkPrices(long count) {
    Prices p = shared.prices;
    if (p == null || p.count() != count) {
      shared.prices = null;
    }
  }

  /**
   * @return the stored price lists: those read before if this transaction has checked their count
   *     (or, outside a transaction, after checking it now), else read again
   */
  Prices prices(Tx tx) {
    Prices p = shared.prices;
    if (p != null && tx.inTransaction() && tx.pricesChecked) {
      return p;
    }
    return tx.sql("reading price lists", c -> {
      long count;
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM price_list");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        count = rs.getLong(1);
      }
      if (tx.inTransaction()) {
        tx.pricesChecked = true;
      }
      Prices known = shared.prices;
      if (known != null && known.count() == count) {
        return known;
      }
      Prices loaded = loadPrices(c);
      shared.prices = loaded;
      return loaded;
    });
  }

  private Prices loadPrices(Connection c) throws SQLException {
    Map<String, PriceList.Builder> lists = new LinkedHashMap<>();
    Map<String, String> offerRows = new java.util.HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.market, l.currency, "
        + "l.published_on, l.effective_on, i.sku, i.price, i.currency AS item_currency "
        + "FROM price_list l LEFT JOIN price_list_item i ON i.list_id = l.id ORDER BY l.seq, i.ordinal");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString("id");
        PriceList.Builder list = lists.get(id);
        if (list == null) {
          list = PriceList.builder().id(id).market(rs.getString("market"))
              .currency(Jdbc.currency(rs.getString("currency")))
              .publishedOn(Jdbc.date(rs, "published_on")).effectiveOn(Jdbc.date(rs, "effective_on"));
          lists.put(id, list);
        }
        String sku = rs.getString("sku");
        if (sku != null) {
          CurrencyUnit cur = Jdbc.currency(rs.getString("item_currency"));
          list.putPrices(sku, MinorUnits.toAmount(Jdbc.minor(rs.getBigDecimal("price"), cur), cur));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, offer_rows::text FROM price_list WHERE offer_rows IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        offerRows.put(rs.getString(1), rs.getString(2));
      }
    }
    List<PriceList> all = new ArrayList<>(lists.size());
    Map<String, PriceList> byId = new LinkedHashMap<>();
    PriceBook book = PriceBook.create(shared.policy);
    for (PriceList.Builder b : lists.values()) {
      PriceList l = b.build();
      String rows = offerRows.get(l.id());
      if (rows != null) {
        l = l.withOfferRows(PriceLists.rows(rows));
      }
      all.add(l);
      byId.put(l.id(), l);
      book.publish(l);
    }
    return new Prices(all.size(), List.copyOf(all), Map.copyOf(byId), book);
  }

  /**
   * @param what what was being done
   * @param e the driver's exception
   * @param atCommit whether it met the commit (the transaction may then have committed)
   * @return a {@link TransientStoreException} for a failure that may pass, else a
   *     {@link PostgresStoreException}
   */
  static RuntimeException failure(String what, SQLException e, boolean atCommit) {
    String state = e.getSQLState();
    boolean lost = state != null && (state.startsWith("08") || state.startsWith("57P0"));
    if (lost || "40001".equals(state) || "40P01".equals(state)) {
      return new TransientStoreException(what + ": " + e.getMessage() + " (SQLSTATE " + state + ")",
          e, lost && atCommit);
    }
    return new PostgresStoreException(what, e);
  }
}
