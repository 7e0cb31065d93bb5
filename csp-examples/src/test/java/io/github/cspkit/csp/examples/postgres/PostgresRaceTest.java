package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.testkit.PartnerFixtures.ADD_ON;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CREATED;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three races of two instances sharing one PostgreSQL store, each forced deterministically:
 * instance A runs its command up to the commit and stops there (a latch); instance B then runs
 * its command against the same customer; A commits only once B waits on a lock (or has finished).
 * Serialized per customer, B always sees A's committed change, as if the two ran one after the
 * other.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresRaceTest {
  private static final Actor ADMIN = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");

  private final List<HikariDataSource> pools = new ArrayList<>();
  private String database;
  private CspPartner b;
  private GatedStore gate;
  private CspPartner a;

  @BeforeEach
  void twoInstances() {
    database = TestDatabases.newDatabase("race");
    HikariDataSource setup = pool();
    PostgresStore.createSchema(setup);
    CspPartner first = partner(new PostgresStore(setup));
    PartnerFixtures.publishPriceLists(first);
    first.acceptAgreement(Request.of(ADMIN, PartnerFixtures.ACCEPTED));
    first.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer(CONTOSO));
    first.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 10, "S1");
    gate = new GatedStore(new PostgresStore(pool()).forPartner(PartnerFixtures.PARTNER));
    a = partner(gate);
    b = partner(new PostgresStore(pool()));
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

  private static CspPartner partner(CspStore store) {
    return PartnerFixtures.bare(store);
  }

  private static Request on(String day) {
    return Request.of(ADMIN, LocalDate.parse(day));
  }

  @Test
  void BIL_7_a_seat_change_dated_on_the_day_a_bill_is_being_issued_waits_and_is_refused()
      throws Exception {
    Outcome<List<Bill>> billing = gate.runHeld(() -> a.issueBills(on("2025-02-01"), CONTOSO));
    Outcome<?> seats = whileHeld(() -> b.addSeats(on("2025-02-01"), "S1", 10));
    billing.get();
    assertThat(seats.failure()).isInstanceOfSatisfying(RuleViolation.class,
        v -> assertThat(v.rule()).isEqualTo("BIL-7"));
    assertThat(b.subscription("S1").orElseThrow().seats()).isEqualTo(10);
    // the change dated after the bill is charged by the next one, as when run one after the other
    b.addSeats(on("2025-02-02"), "S1", 10);
    b.issueBills(on("2025-03-01"), CONTOSO);
    CspPartner serial = serialRun(p -> {
      p.issueBills(on("2025-02-01"), CONTOSO);
      p.addSeats(on("2025-02-02"), "S1", 10);
      p.issueBills(on("2025-03-01"), CONTOSO);
      return null;
    });
    assertThat(b.bills(CONTOSO)).isEqualTo(serial.bills(CONTOSO));
    assertThat(b.bill(CONTOSO, YearMonth.of(2025, 3)).orElseThrow().totalMinor())
        .isGreaterThan(serial.bill(CONTOSO, YearMonth.of(2025, 2)).orElseThrow().totalMinor());
  }

  @Test
  void CAT_3_an_add_on_ordered_while_its_base_is_being_cancelled_is_refused() throws Exception {
    Outcome<Subscription> cancel = gate.runHeld(() -> a.cancel(on("2025-03-01"), "S1").value());
    Outcome<?> addOn = whileHeld(() -> b.orderAddOn(on("2025-03-01"), "S1", ADD_ON, 5, "A1"));
    assertThat(cancel.get().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(addOn.failure()).isInstanceOf(RuleViolation.class);
    assertThat(b.subscription("A1")).isEmpty();
    for (Subscription s : b.subscriptions(CONTOSO)) {
      assertThat(s.status()).as(s.id()).isEqualTo(SubscriptionStatus.ENDED);
    }
  }

  @Test
  void BIL_1_two_services_with_the_same_id_and_different_keys_keep_the_first() throws Exception {
    Outcome<?> first = gate.runHeld(() -> a.addService(on("2025-02-05").withKey("k1"), CONTOSO,
        "helpdesk", "Helpdesk", PartnerFixtures.usd("100.00"), Recurrence.MONTHLY));
    Outcome<?> second = whileHeld(() -> b.addService(on("2025-02-05").withKey("k2"), CONTOSO,
        "helpdesk", "Helpdesk", PartnerFixtures.usd("250.00"), Recurrence.MONTHLY));
    first.get();
    assertThat(second.failure()).isInstanceOf(io.github.cspkit.csp.ConflictException.class)
        .hasMessageContaining("helpdesk");
    Repositories read = new PostgresStore(pool()).forPartner(PartnerFixtures.PARTNER).read();
    assertThat(read.bills().services(CONTOSO)).singleElement()
        .satisfies(s -> assertThat(s.amountMinor()).isEqualTo(10000));
  }

  /** The same commands on an in-memory store, one after the other. */
  private static CspPartner serialRun(Function<CspPartner, Void> commands) {
    CspPartner p = partner(io.github.cspkit.csp.repository.InMemoryStore.create());
    PartnerFixtures.publishPriceLists(p);
    p.acceptAgreement(Request.of(ADMIN, PartnerFixtures.ACCEPTED));
    p.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer(CONTOSO));
    p.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 10, "S1");
    commands.apply(p);
    return p;
  }

  /**
   * Starts B's command while A is held before its commit; releases A once B waits on a lock in
   * the database or has finished, then waits for B.
   */
  private <T> Outcome<T> whileHeld(Supplier<T> command) throws Exception {
    Outcome<T> outcome = Outcome.start(command);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!outcome.done() && lockWaiters() == 0) {
      assertThat(System.nanoTime()).as("B neither waited nor finished").isLessThan(deadline);
      Thread.sleep(5);
    }
    gate.release();
    outcome.await();
    return outcome;
  }

  private int lockWaiters() throws SQLException {
    try (Connection c = TestDatabases.server().getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
            + database + "' AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** A command running in another thread: its value or its failure. */
  private static final class Outcome<T> {
    private final CompletableFuture<T> future;

    private Outcome(CompletableFuture<T> future) {
      this.future = future;
    }

    static <T> Outcome<T> start(Supplier<T> command) {
      return new Outcome<>(CompletableFuture.supplyAsync(command));
    }

    boolean done() {
      return future.isDone();
    }

    void await() throws InterruptedException {
      try {
        future.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        // kept for failure()
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the command did not finish", e);
      }
    }

    T get() throws Exception {
      try {
        return future.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError("the command failed", e.getCause());
      }
    }

    Throwable failure() throws InterruptedException {
      await();
      assertThat(future).as("the command should have been refused").isCompletedExceptionally();
      try {
        future.join();
        throw new AssertionError("unreachable");
      } catch (java.util.concurrent.CompletionException e) {
        return e.getCause();
      }
    }
  }

  /** A store whose first transaction stops before its commit until released. */
  private static final class GatedStore implements CspStore {
    private final CspStore delegate;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean armed;

    GatedStore(CspStore delegate) {
      this.delegate = delegate;
    }

    /** Runs the command in another thread and returns once its transaction is held. */
    <T> Outcome<T> runHeld(Supplier<T> command) throws Exception {
      armed = true;
      Outcome<T> outcome = Outcome.start(command);
      while (!reached.await(10, TimeUnit.MILLISECONDS)) {
        if (outcome.done()) {
          outcome.get();
          throw new AssertionError("the held command finished without reaching its commit");
        }
      }
      return outcome;
    }

    void release() {
      released.countDown();
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
      return delegate.inTransaction(tx -> {
        T result = work.apply(tx);
        if (armed) {
          armed = false;
          reached.countDown();
          try {
            released.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
