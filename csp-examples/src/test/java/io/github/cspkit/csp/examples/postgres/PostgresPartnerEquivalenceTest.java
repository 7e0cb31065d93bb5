package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.HistoryOp;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The whole library on the PostgreSQL store: generated histories (io.github.cspkit.csp.testkit) replayed through the
 * partner entry point give exactly the same customers, subscriptions, bills and accounts as on the
 * in-memory store (BIL-6 exact money survives the round trip through {@code numeric}).
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresPartnerEquivalenceTest {
  @Test
  void BIL_6_generated_histories_bill_the_same_on_postgres_and_in_memory() throws SQLException {
    for (int i = 0; i < 12; i++) {
      List<HistoryOp> history = CspGenerators.of(new SplittableRandom(1000 + i)).history(3, 25);
      HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("equiv"), 4);
      try {
        PostgresStore.createSchema(pool);
        CspStore onPostgres = keeping(pool);
        CspStore inMemory = InMemoryStore.create();
        CspGenerators.replay(history, partner(onPostgres));
        CspGenerators.replay(history, partner(inMemory));
        // a fresh store on the same database: everything is read back from the tables
        assertThat(snapshot(new PostgresStore(pool).read())).as("history %s", i)
            .isEqualTo(snapshot(inMemory.read()));
      } finally {
        pool.close();
      }
    }
  }

  /**
   * Two instances on one database, each with its own store (and its own kept customers), take
   * turns at random through a history: each finds customers the other changed since it kept them,
   * and its commands on them fail their check and run again, reading.
   */
  @Test
  void BIL_6_generated_histories_through_two_instances_bill_the_same_as_in_memory() {
    for (int i = 0; i < 8; i++) {
      List<HistoryOp> history = CspGenerators.of(new SplittableRandom(3000 + i)).history(3, 25);
      HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("equiv2"), 4);
      try {
        PostgresStore.createSchema(pool);
        CspPartner first = partner(keeping(pool));
        CspPartner second = partner(keeping(pool));
        SplittableRandom turns = new SplittableRandom(4000 + i);
        // each instance on a thread of its own, as two processes: a command of one does not end
        // what the other kept (a thread's own writes through another store would)
        java.util.concurrent.ExecutorService onFirst = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService onSecond = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
          for (HistoryOp op : CspGenerators.withBillRuns(history)) {
            boolean one = turns.nextBoolean();
            (one ? onFirst : onSecond).submit(() -> op.applyTo(one ? first : second)).get();
          }
        } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
          throw new IllegalStateException(e);
        } finally {
          onFirst.shutdownNow();
          onSecond.shutdownNow();
        }
        CspStore inMemory = InMemoryStore.create();
        CspGenerators.replay(history, partner(inMemory));
        assertThat(snapshot(new PostgresStore(pool).read())).as("history %s", i)
            .isEqualTo(snapshot(inMemory.read()));
      } finally {
        pool.close();
      }
    }
  }

  /**
   * A store that keeps a customer for a minute after its thread's command on it: each command on
   * a customer the same instance changed last runs on what it kept, checked with its writes.
   */
  private static PostgresStore keeping(javax.sql.DataSource pool) {
    return PostgresStore.builder(pool).keptCommandWindow(java.time.Duration.ofMinutes(1)).build();
  }

  private static CspPartner partner(CspStore store) {
    return CspPartner.builder().partner(Partner.csp(CspGenerators.PARTNER_ID))
        .catalog(CspGenerators.CATALOG).policies(CspPolicies.seed()).store(store).build();
  }

  private static Map<String, Object> snapshot(Repositories r) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("agreement", r.agreements().find(CspGenerators.PARTNER_ID).map(v -> v.value()));
    parts.put("customers", r.customers().ids());
    for (String id : r.customers().ids()) {
      parts.put("customer " + id, r.customers().find(id).orElseThrow().value());
      parts.put("subscriptions " + id, r.subscriptions().byCustomer(id).stream().map(v -> v.value()).toList());
      parts.put("account " + id, r.bills().account(id).orElseThrow().value());
      parts.put("bills " + id, r.bills().bills(id));
      parts.put("services " + id, r.bills().services(id));
    }
    parts.put("events", r.events().size());
    return parts;
  }

  @Test
  void SUB_2_concurrent_seat_changes_through_the_entry_point_on_postgres_all_land() throws Exception {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("concurrent"), 8);
    try {
      PostgresStore.createSchema(pool);
      PostgresStore store = new PostgresStore(pool);
      List<HistoryOp> setup = CspGenerators.of(new SplittableRandom(7)).history(1, 0);
      CspPartner first = partner(store);
      CspGenerators.replay(setup, first);
      java.time.LocalDate day = setup.get(setup.size() - 1).date();
      first.order(io.github.cspkit.csp.partner.Request.of(HistoryOp.ADMIN, day), "c0", "O365_E3", 1, "HOT");
      int threads = 4;
      int each = 20;
      java.util.concurrent.ExecutorService pool4 = java.util.concurrent.Executors.newFixedThreadPool(threads);
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        CspPartner instance = partner(new PostgresStore(pool)); // one instance per "server"
        done.add(pool4.submit(() -> {
          for (int k = 0; k < each; k++) {
            instance.addSeats(io.github.cspkit.csp.partner.Request.of(HistoryOp.ADMIN, day)
                .withKey("t" + thread + "-" + k), "HOT", 1);
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(); // a stale version is retried inside the entry point: every call lands
      }
      pool4.shutdown();
      assertThat(partner(new PostgresStore(pool)).subscription("HOT").orElseThrow().seats())
          .isEqualTo(1 + threads * each);
    } finally {
      pool.close();
    }
  }
}
