package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.TransientStoreException;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The reference PostgreSQL {@link CspStore}: plain JDBC over the schema in
 * {@value #SCHEMA_RESOURCE} (create it with {@link #createSchema(DataSource)}).
 * <p>
 * <b>Transactions.</b> {@link #inTransaction} takes one connection from the data source, turns
 * autocommit off, runs the work and commits; on any exception it rolls back and rethrows, so the
 * writes of a partner operation (aggregates, events, idempotency record) are kept together or not
 * at all. Reads through {@link #read()} run in autocommit mode, one connection per call, and each
 * aggregate is read by one statement, so it is never a mix of two versions.
 * <p>
 * <b>Versions.</b> Every aggregate row has a version. A save with version 0 inserts; a save with
 * version v runs {@code UPDATE ... SET version = v + 1 WHERE id = ? AND version = v}; when no row
 * matches, nothing is written and {@link io.github.cspkit.csp.repository.StaleVersionException} names the aggregate,
 * the version carried and the stored one.
 * <p>
 * <b>Several instances.</b> In a transaction, reading a customer locks its row
 * ({@code SELECT ... FOR UPDATE}) until commit. Every partner command and every customer's bill
 * transaction reads its customer first, so one customer's commands and bills are serialized across
 * every instance, and each sees what the one before committed; different customers never wait on
 * each other. A bill run claims its customers with {@code FOR UPDATE SKIP LOCKED}
 * ({@link #claimForBilling}). Each transaction sets {@code lock_timeout}, {@code statement_timeout}
 * and {@code idle_in_transaction_session_timeout} ({@link Builder}).
 * <p>
 * <b>Events.</b> Sequence numbers come from an identity column: appending locks nothing shared.
 * They increase within a transaction and, for any one customer, in commit order; events of two
 * customers committed at the same time may become visible out of sequence order, and a rolled
 * back transaction leaves a gap.
 * <p>
 * <b>Failures.</b> A serialization failure, a deadlock, a lost connection or a server shutting
 * down ({@code 40001}, {@code 40P01}, {@code 08xxx}, {@code 57P0x}) is thrown as a
 * {@link TransientStoreException}, which the entry point retries; any other database failure is a
 * {@link PostgresStoreException}.
 * <p>
 * <b>Caches.</b> Price lists (immutable) and the latest committed value of each subscription (keyed
 * by id and version: a committed version never changes) are kept in memory, so that seat changes
 * on a long-lived subscription append one step row instead of rewriting its history. This assumes
 * rows are changed only through PostgresStore instances (any number of them, in any process).
 * <p>
 * Thread-safe. The data source should pool connections.
 */
public final class PostgresStore implements CspStore, AutoCloseable {
  /** The classpath resource holding the schema. */
  public static final String SCHEMA_RESOURCE = "/db/csp-schema-v1.sql";
  /** The schema version this store reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  private static final long SCHEMA_LOCK = 0x637370_5F736368L; // "csp_sch"
  private static final int SUBSCRIPTION_CACHE_LIMIT = 10_000;

  private final DataSource dataSource;
  private final PriceListPolicy policy;
  private final Duration lockTimeout;
  private final Duration statementTimeout;
  private final Duration idleTimeout;
  private final Map<String, PriceList> priceLists = new ConcurrentHashMap<>();
  private final Map<String, Versioned<Subscription>> subscriptions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * A store under the seed's price list policy.
   *
   * @param dataSource where the schema lives
   */
  public PostgresStore(DataSource dataSource) {
    this(dataSource, PriceListPolicy.seed());
  }

  /**
   * @param dataSource where the schema lives
   * @param policy the price list policy that validates lists and answers quotes (PRC-1..3)
   */
  public PostgresStore(DataSource dataSource, PriceListPolicy policy) {
    this(builder(dataSource).policy(policy));
  }

  private PostgresStore(Builder b) {
    this.dataSource = b.dataSource;
    this.policy = b.policy;
    this.lockTimeout = b.lockTimeout;
    this.statementTimeout = b.statementTimeout;
    this.idleTimeout = b.idleTimeout;
  }

  /**
   * @param dataSource where the schema lives (a pool, such as HikariCP)
   * @return a builder of a store over it
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  /** Builds a {@link PostgresStore}: policy and the timeouts each transaction sets. */
  public static final class Builder {
    private final DataSource dataSource;
    private PriceListPolicy policy = PriceListPolicy.seed();
    private Duration lockTimeout = Duration.ofSeconds(10);
    private Duration statementTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofSeconds(60);

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

    /** @return the store */
    public PostgresStore build() {
      return new PostgresStore(this);
    }

    private static Duration nonNegative(Duration d) {
      requireNonNull(d, "timeout");
      if (d.isNegative()) {
        throw new IllegalArgumentException("a timeout cannot be negative: " + d);
      }
      return d;
    }
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

  /**
   * Creates the schema if it is missing; safe to call again, also concurrently.
   *
   * @param dataSource the database
   * @throws PostgresStoreException if the database refuses
   */
  public static void createSchema(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    String sql = schemaSql();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
        st.execute(sql);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(c, e);
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new PostgresStoreException("creating the csp schema", e);
    }
  }

  /** @return the text of the schema, {@value #SCHEMA_RESOURCE} */
  public static String schemaSql() {
    try (InputStream in = PostgresStore.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + SCHEMA_RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the price list policy */
  public PriceListPolicy policy() {
    return policy;
  }

  @Override
  public <T> T inTransaction(Function<Repositories, T> work) {
    requireNonNull(work, "work");
    requireOpen();
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw failure("opening a transaction", e, false);
    }
    Session session = null;
    boolean committed = false;
    try {
      try {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, true), "
            + "set_config('statement_timeout', ?, true), "
            + "set_config('idle_in_transaction_session_timeout', ?, true)")) {
          ps.setString(1, lockTimeout.toMillis() + "ms");
          ps.setString(2, statementTimeout.toMillis() + "ms");
          ps.setString(3, idleTimeout.toMillis() + "ms");
          ps.executeQuery().close();
        }
      } catch (SQLException e) {
        throw failure("starting a transaction", e, false);
      }
      session = new Session(this, c);
      T result = work.apply(session);
      session.end();
      try {
        c.commit();
      } catch (SQLException e) {
        throw failure("committing", e, true);
      }
      committed = true;
      session.committed();
      return result;
    } finally {
      if (session != null) {
        session.end();
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
    return new Session(this, null);
  }

  /**
   * Forgets the in-memory caches and refuses further use. The data source is the caller's: it is
   * not closed.
   */
  @Override
  public void close() {
    closed = true;
    priceLists.clear();
    subscriptions.clear();
  }

  @Override
  public String toString() {
    return "PostgresStore{" + policy + (closed ? ", closed" : "") + "}";
  }

  void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this PostgresStore is closed");
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** @return a committed price list, if cached */
  PriceList cachedList(String id) {
    return priceLists.get(id);
  }

  void cacheList(PriceList list) {
    priceLists.putIfAbsent(list.id(), list);
  }

  /** @return the committed value of a subscription at that version, if cached */
  Versioned<Subscription> cachedSubscription(String id, long version) {
    Versioned<Subscription> v = subscriptions.get(id);
    return v != null && v.version() == version ? v : null;
  }

  void cacheSubscription(Versioned<Subscription> v) {
    if (subscriptions.size() >= SUBSCRIPTION_CACHE_LIMIT) {
      subscriptions.clear();
    }
    subscriptions.merge(v.value().id(), v, (a, b) -> b.version() >= a.version() ? b : a);
  }

  private static void rollback(Connection c, Throwable failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
