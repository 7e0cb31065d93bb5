package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <b>Events.</b> Appending an event locks the single {@code event_counter} row until commit: event
 * sequences are gapless and become visible in order, so a reader that polls
 * {@code events().read(after, n)} never skips one. Event-writing transactions are serialized at
 * their first append; append a partner operation's events after its aggregate writes (as the
 * operations do), so that every transaction takes the counter lock last and two transactions never
 * wait on each other in a cycle. Should PostgreSQL still detect a deadlock, the transaction fails
 * with a {@link PostgresStoreException} whose {@linkplain PostgresStoreException#sqlState() state}
 * is {@code 40P01}, and may be retried.
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
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.policy = requireNonNull(policy, "policy");
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
      throw new PostgresStoreException("opening a transaction", e);
    }
    Session session = null;
    boolean committed = false;
    try {
      c.setAutoCommit(false);
      session = new Session(this, c);
      T result = work.apply(session);
      session.end();
      c.commit();
      committed = true;
      session.committed();
      return result;
    } catch (SQLException e) {
      throw new PostgresStoreException("committing", e);
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
