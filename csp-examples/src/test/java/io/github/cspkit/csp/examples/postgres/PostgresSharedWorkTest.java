package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CREATED;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.partner.BillRunReport;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Shard;
import io.github.cspkit.csp.repository.TransientStoreException;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances sharing one PostgreSQL database (DESIGN.md, several instances): bill runs
 * claim their customers, transient failures are retried, a key presented on two instances at once
 * is a replay, and a stalled transaction holds up only its own customer.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresSharedWorkTest {
  private static final Actor ADMIN = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");
  private static final int CUSTOMERS = 40;
  private static final LocalDate RUN = LocalDate.parse("2025-02-01");

  private final List<HikariDataSource> pools = new ArrayList<>();
  private String database;

  @BeforeEach
  void database() {
    database = TestDatabases.newDatabase("shared");
    HikariDataSource setup = pool();
    PostgresStore.createSchema(setup);
    CspPartner p = partner(new PostgresStore(setup));
    populate(p);
  }

  @AfterEach
  void close() {
    pools.forEach(HikariDataSource::close);
  }

  private HikariDataSource pool() {
    HikariDataSource pool = TestDatabases.pool(database, 4);
    pools.add(pool);
    return pool;
  }

  private CspPartner instance() {
    return partner(new PostgresStore(pool()));
  }

  private static CspPartner partner(CspStore store) {
    return PartnerFixtures.bare(store);
  }

  private static void populate(CspPartner p) {
    PartnerFixtures.publishPriceLists(p);
    p.acceptAgreement(Request.of(ADMIN, PartnerFixtures.ACCEPTED));
    for (int i = 0; i < CUSTOMERS; i++) {
      String id = "c" + i;
      p.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer(id));
      p.order(Request.of(ADMIN, CREATED), id, E3, 1 + i % 7, id + "-s1");
      p.order(Request.of(ADMIN, CREATED), id, E3, 3, id + "-s2");
    }
  }

  private static List<Bill> expectedBills() {
    CspPartner p = partner(InMemoryStore.create());
    populate(p);
    return p.issueBills(Request.of(ADMIN, RUN));
  }

  @Test
  void BIL_1_two_instances_share_a_bill_run_and_issue_every_bill_exactly_once() throws Exception {
    CspPartner a = instance();
    CspPartner b = instance();
    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<BillRunReport> ra = CompletableFuture.supplyAsync(() -> {
      await(start);
      return a.runBills(Request.of(ADMIN, RUN), Shard.ALL);
    });
    CompletableFuture<BillRunReport> rb = CompletableFuture.supplyAsync(() -> {
      await(start);
      return b.runBills(Request.of(ADMIN, RUN), Shard.ALL);
    });
    start.countDown();
    BillRunReport first = ra.get(60, TimeUnit.SECONDS);
    BillRunReport second = rb.get(60, TimeUnit.SECONDS);
    assertThat(first.notBilled()).isEmpty();
    assertThat(second.notBilled()).isEmpty();
    List<Bill> all = new ArrayList<>(first.issued());
    all.addAll(second.issued());
    assertThat(all).containsExactlyInAnyOrderElementsOf(expectedBills());
    // run again: nothing is due, nothing fails
    BillRunReport again = a.runBills(Request.of(ADMIN, RUN), Shard.ALL);
    assertThat(again.issued()).isEmpty();
    assertThat(again.notBilled()).isEmpty();
  }

  @Test
  void BIL_1_workers_of_one_instance_share_a_bill_run_and_issue_every_bill_exactly_once() {
    CspPartner p = instance();
    BillRunReport r = p.runBills(Request.of(ADMIN, RUN), Shard.ALL, 3);
    assertThat(r.notBilled()).isEmpty();
    assertThat(r.issued()).containsExactlyInAnyOrderElementsOf(expectedBills());
    assertThat(r.issued()).extracting(Bill::customerId).isSorted();
    BillRunReport again = p.runBills(Request.of(ADMIN, RUN), Shard.ALL, 3);
    assertThat(again.issued()).isEmpty();
    assertThat(again.notBilled()).isEmpty();
  }

  @Test
  void BIL_1_shards_split_a_bill_run_between_instances() {
    BillRunReport even = instance().runBills(Request.of(ADMIN, RUN), Shard.of(0, 2));
    BillRunReport odd = instance().runBills(Request.of(ADMIN, RUN), Shard.of(1, 2));
    assertThat(even.issued()).isNotEmpty();
    assertThat(odd.issued()).isNotEmpty();
    Set<String> evenCustomers = new HashSet<>();
    even.issued().forEach(bill -> evenCustomers.add(bill.customerId()));
    assertThat(odd.issued()).allSatisfy(bill -> assertThat(evenCustomers).doesNotContain(bill.customerId()));
    List<Bill> all = new ArrayList<>(even.issued());
    all.addAll(odd.issued());
    assertThat(all).containsExactlyInAnyOrderElementsOf(expectedBills());
  }

  @Test
  void BIL_1_a_backend_terminated_at_commit_does_not_stop_the_bill_run() {
    KillingStore killing = new KillingStore(new PostgresStore(pool()).forPartner(PartnerFixtures.PARTNER), 2);
    BillRunReport report = partner(killing).runBills(Request.of(ADMIN, RUN), Shard.ALL);
    assertThat(killing.killed.get()).isEqualTo(1);
    assertThat(report.notBilled()).isEmpty();
    CspPartner check = instance();
    List<Bill> stored = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      stored.addAll(check.bills("c" + i));
    }
    assertThat(stored).containsExactlyInAnyOrderElementsOf(expectedBills());
  }

  @Test
  void SUB_2_a_lost_connection_while_committing_is_retried_for_a_keyed_command_only() {
    // the backends die just before the transaction's last round trip (its writes and its commit):
    // the outcome is unknown, so only a command with an idempotency key runs again (and replays
    // or applies once); one without reports it (CommitOutcomeTest shows one that did commit)
    CspPartner keyed = partner(new KillingStore(new PostgresStore(pool()).forPartner(PartnerFixtures.PARTNER), 1));
    Result<?> r = keyed.addSeats(Request.of(ADMIN, LocalDate.parse("2025-02-05")).withKey("k"), "c1-s1", 2);
    assertThat(instance().subscription("c1-s1").orElseThrow().seats()).isEqualTo(2 + 2);
    assertThat(r.value()).isEqualTo(instance().subscription("c1-s1").orElseThrow());

    CspPartner unkeyed = partner(new KillingStore(new PostgresStore(pool()).forPartner(PartnerFixtures.PARTNER), 1));
    assertThatThrownBy(() -> unkeyed.addSeats(Request.of(ADMIN, LocalDate.parse("2025-02-05")), "c2-s1", 2))
        .isInstanceOfSatisfying(TransientStoreException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    assertThat(instance().subscription("c2-s1").orElseThrow().seats()).isEqualTo(3);
    assertThat(PostgresStore.failure("committing", new SQLException("gone", "57P01"), true))
        .isInstanceOfSatisfying(TransientStoreException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    assertThat(PostgresStore.failure("reading", new SQLException("gone", "08006"), false))
        .isInstanceOfSatisfying(TransientStoreException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
    assertThat(PostgresStore.failure("writing", new SQLException("deadlock", "40P01"), true))
        .isInstanceOfSatisfying(TransientStoreException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
    assertThat(PostgresStore.failure("writing", new SQLException("check", "23514"), false))
        .isInstanceOf(PostgresStoreException.class);
  }

  @Test
  void BIL_1_the_same_key_on_two_instances_at_once_is_replayed_to_every_caller() throws Exception {
    List<CspPartner> instances = List.of(instance(), instance());
    int callers = 12;
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Result<OwnService>>> results = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      CspPartner p = instances.get(i % 2);
      results.add(threads.submit((Callable<Result<OwnService>>) () -> {
        start.await();
        return p.addService(Request.of(ADMIN, LocalDate.parse("2025-02-05")).withKey("svc-1"), "c3",
            "helpdesk", "Helpdesk", PartnerFixtures.usd("100.00"), Recurrence.MONTHLY);
      }));
    }
    start.countDown();
    int firsts = 0;
    for (Future<Result<OwnService>> f : results) {
      Result<OwnService> r = f.get(60, TimeUnit.SECONDS);
      assertThat(r.value().amountMinor()).isEqualTo(10000);
      firsts += r.replayed() ? 0 : 1;
    }
    threads.shutdown();
    assertThat(firsts).isEqualTo(1);
    assertThat(new PostgresStore(pool()).forPartner(PartnerFixtures.PARTNER).read().bills().services("c3")).hasSize(1);
  }

  @Test
  void SUB_2_a_stalled_transaction_holds_up_only_its_own_customer() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CspStore stalling = new StallingStore(new PostgresStore(pool()).forPartner(PartnerFixtures.PARTNER), held, release);
    CompletableFuture<?> stalled = CompletableFuture.runAsync(() -> partner(stalling)
        .addSeats(Request.of(ADMIN, LocalDate.parse("2025-02-05")), "c4-s1", 1));
    assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
    CspPartner other = partner(PostgresStore.builder(pool()).lockTimeout(Duration.ofSeconds(30)).build());
    long t0 = System.nanoTime();
    other.addSeats(Request.of(ADMIN, LocalDate.parse("2025-02-05")), "c5-s1", 1);
    other.order(Request.of(ADMIN, LocalDate.parse("2025-02-05")), "c6", E3, 1, "c6-s3");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    release.countDown();
    stalled.get(30, TimeUnit.SECONDS);
    assertThat(other.subscription("c4-s1").orElseThrow().seats()).isEqualTo(1 + 4 % 7 + 1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Terminates every backend of the database just before the commit of its n-th transaction. */
  private final class KillingStore implements CspStore {
    private final CspStore delegate;
    private final int n;
    private final AtomicInteger transactions = new AtomicInteger();
    final AtomicInteger killed = new AtomicInteger();

    KillingStore(CspStore delegate, int n) {
      this.delegate = delegate;
      this.n = n;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
      return delegate.inTransaction(tx -> {
        T result = work.apply(tx);
        if (transactions.incrementAndGet() == n) {
          killed.incrementAndGet();
          try (Connection c = TestDatabases.server().getPostgresDatabase().getConnection();
              PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) "
                  + "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            ps.executeQuery().close();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
        return result;
      });
    }

    @Override
    public Repositories read() {
      return delegate.read();
    }
  }

  /** Stops its first transaction before the commit until released. */
  private static final class StallingStore implements CspStore {
    private final CspStore delegate;
    private final CountDownLatch held;
    private final CountDownLatch release;

    StallingStore(CspStore delegate, CountDownLatch held, CountDownLatch release) {
      this.delegate = delegate;
      this.held = held;
      this.release = release;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
      return delegate.inTransaction(tx -> {
        T result = work.apply(tx);
        if (held.getCount() > 0) {
          held.countDown();
          await(release);
        }
        return result;
      });
    }

    @Override
    public Repositories read() {
      return delegate.read();
    }
  }
}
