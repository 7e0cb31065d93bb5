package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CREATED;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.OrderLine;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.NcePartners;
import io.github.cspkit.csp.testkit.NceWorld;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A command costs at most 4 round trips to the database, commit included (the target is 6); an
 * order costs 2 ({@link io.github.cspkit.csp.repository.ReadAhead}), and 1 when the same thread
 * just committed a command on the customer ({@code csp_check_kept}). The stores whose round trips
 * are counted keep a customer for a minute ({@code keptCommandWindow}), so that the counts do not
 * depend on the machine's speed.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresRoundTripsTest {
  /** An order's round trips: its reads (key and new ids ahead), then its writes and commit. */
  private static final int ORDER_TRIPS = 2;
  /** An order's on a customer kept by the thread's last commit: its check, writes and commit. */
  private static final int KEPT_ORDER_TRIPS = 1;
  /** A new-commerce order's: as an order's, and the partner agreement's read (MPA-1). */
  private static final int NCE_ORDER_TRIPS = 3;
  private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeBatch", "commit", "rollback");

  /** Counts the calls that wait for the server: statement executions, commits and rollbacks. */
  private static final class Counting implements DataSource {
    final DataSource target;
    final AtomicInteger trips = new AtomicInteger();
    /** Statements prepared: a round trip's statements are one text, separated by ";\n". */
    final AtomicInteger statements = new AtomicInteger();

    Counting(DataSource target) {
      this.target = target;
    }

    private <T> T count(Class<T> type, T real) {
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
        if (ROUND_TRIPS.contains(m.getName())) {
          trips.incrementAndGet();
        }
        if (m.getName().equals("prepareStatement") && a[0] instanceof String sql) {
          statements.addAndGet(sql.split(";\n").length);
        }
        try {
          Object result = m.invoke(real, a);
          if (result instanceof java.sql.PreparedStatement ps) {
            return count(java.sql.PreparedStatement.class, ps);
          }
          if (result instanceof java.sql.Statement st && !(result instanceof java.sql.PreparedStatement)) {
            return count(java.sql.Statement.class, st);
          }
          return result;
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }));
    }

    @Override
    public Connection getConnection() throws SQLException {
      return count(Connection.class, target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return count(Connection.class, target.getConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return target.isWrapperFor(iface);
    }
  }

  @Test
  void SUB_2_a_command_costs_at_most_four_round_trips() {
    try (HikariDataSource pool = migrated("trips")) {
      Counting counting = new Counting(pool);
      CspPartner p = ready(PartnerFixtures.bare(kept(counting)));
      Actor admin = ADMIN;
      p.createCustomer(Request.of(admin, CREATED), PartnerFixtures.newCustomer("warm-up"));
      p.order(Request.of(admin, CREATED), "warm-up", E3, 1, "W1");

      int[] trips = new int[6];
      trips[0] = trips(counting, () -> p.createCustomer(Request.of(admin, CREATED).withKey("c"),
          PartnerFixtures.newCustomer(CONTOSO)));
      trips[1] = trips(counting, () -> p.order(Request.of(admin, CREATED).withKey("o"), CONTOSO, E3, 10, "S1"));
      trips[2] = trips(counting, () -> p.addSeats(Request.of(admin, LocalDate.parse("2025-02-05"))
          .withKey("a"), "S1", 2));
      trips[3] = trips(counting, () -> p.addService(Request.of(admin, LocalDate.parse("2025-02-05")),
          CONTOSO, "helpdesk", "Helpdesk", PartnerFixtures.usd("10.00"), Recurrence.MONTHLY));
      trips[4] = trips(counting, () -> p.issueBills(Request.of(admin, LocalDate.parse("2025-03-01")), CONTOSO));
      List<OrderLine> lines = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        lines.add(OrderLine.of(E3, 1 + i, "L" + i));
      }
      trips[5] = trips(counting, () -> p.order(Request.of(admin, LocalDate.parse("2025-03-02"))
          .withKey("lines"), CONTOSO, lines));
      String[] commands = {"createCustomer", "order", "addSeats", "addService", "issueBills",
          "an order of 10 lines"};
      for (int i = 0; i < trips.length; i++) { // the target is 6
        assertThat(trips[i]).as("round trips of %s", commands[i]).isBetween(1, 4);
      }
      // just after the customer's creation on this thread: the check, the writes and the commit
      // in one round trip, the key and the new id taken as free and checked with the customer
      assertThat(trips[1]).as("round trips of a kept order").isEqualTo(KEPT_ORDER_TRIPS);
      // its subscription looked up by id, then the check, the writes and the commit
      assertThat(trips[2]).as("round trips of kept addSeats").isEqualTo(2);
      assertThat(trips[3]).as("round trips of kept addService").isEqualTo(1);
      // a customer with an own service is not kept: an order reads its key and its new ids ahead
      // with the customer, one round trip for its reads, one for its writes and the commit
      assertThat(trips[5]).as("round trips of an order of 10 lines").isEqualTo(ORDER_TRIPS);
      // a new customer's key and agreements are read with its (absent) row, its state expected
      // empty and checked by its signature: one round trip for the reads, one for the writes
      assertThat(trips[0]).as("round trips of createCustomer").isEqualTo(2);
      // when it exists, a store that did not keep it reads its state again under the lock, and
      // the creation is refused
      CspPartner other = PartnerFixtures.bare(new PostgresStore(counting));
      other.createCustomer(Request.of(admin, CREATED), PartnerFixtures.newCustomer("other"));
      int before = counting.trips.get();
      assertThatThrownBy(() -> other.createCustomer(Request.of(admin, CREATED),
          PartnerFixtures.newCustomer(CONTOSO))).isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID));
      assertThat(counting.trips.get() - before)
          .as("reads, its state again, its subscriptions (not cached by this store), the rollback")
          .isEqualTo(4);
      assertThat(other.subscriptions(CONTOSO)).extracting(Subscription::id).contains("S1", "L0");
    }
  }

  @Test
  void SUB_1_a_store_with_a_kept_command_window_of_zero_reads_every_customer_under_its_lock() {
    try (HikariDataSource pool = migrated("windowzero")) {
      Counting counting = new Counting(pool);
      CspPartner p = ready(PartnerFixtures.bare(PostgresStore.builder(counting)
          .keptCommandWindow(java.time.Duration.ZERO).build()));
      p.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer(CONTOSO));
      int statements = counting.statements.get();
      assertThat(trips(counting, () -> p.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 1, "S1")))
          .isEqualTo(ORDER_TRIPS);
      // the timeouts, the lock, one statement after it; the writes, the commit: no event numbers
      // reserved for a next command
      assertThat(counting.statements.get() - statements).isEqualTo(5);
    }
  }

  @Test
  void NCE_1_a_new_commerce_order_reads_its_new_id_of_either_kind_ahead() {
    try (HikariDataSource pool = migrated("ncetrips")) {
      Counting counting = new Counting(pool);
      CspStore store = NcePartners.publish(kept(counting), YearMonth.of(2023, 12),
          YearMonth.of(2027, 6)); // as the current program's contract publishes them
      CspPartner p = NcePartners.partner(store, "Northwind");
      LocalDate day = LocalDate.parse("2025-01-10");
      p.newCommerce().order(NcePartners.admin(p, day), NcePartners.CONTOSO, NceWorld.BASIC, 1,
          "W1", TermLength.P1Y, BillingPlan.MONTHLY);
      int before = counting.trips.get();
      p.newCommerce().order(NcePartners.admin(p, day).withKey("n1"), NcePartners.CONTOSO,
          NceWorld.BASIC, 10, "N1", TermLength.P1Y, BillingPlan.MONTHLY);
      int order = counting.trips.get() - before;
      assertThat(order).as("round trips of a new-commerce order").isEqualTo(NCE_ORDER_TRIPS);
      // the id of either kind is refused, as before
      assertThatThrownBy(() -> p.newCommerce().order(NcePartners.admin(p, day), NcePartners.CONTOSO,
          NceWorld.BASIC, 1, "N1", TermLength.P1Y, BillingPlan.MONTHLY))
          .isInstanceOf(io.github.cspkit.csp.ConflictException.class);
    }
  }

  @Test
  void AGR_1_an_agreement_another_instance_changed_is_read_again() {
    withTwoInstances("agreementsig", (counting, a, b) -> {
      Actor admin = ADMIN;
      // kept by a's store, agreements included: only their signature is checked, with the writes
      assertThat(trips(counting, () -> a.order(Request.of(admin, CREATED), CONTOSO, E3, 1, "S2")))
          .isEqualTo(KEPT_ORDER_TRIPS);
      // b gives notice: the agreement ends on 2025-08-31 (AGR-2, AGR-3); on a thread of its own,
      // as another instance would (a's thread has written nothing since its last order)
      CompletableFuture.runAsync(() -> b.giveNotice(Request.of(admin, LocalDate.parse("2025-03-02")),
          io.github.cspkit.csp.agreement.NoticeChannel.WRITTEN)).join();
      // the signature changed: the kept order's check fails and it is rolled back (2 round trips);
      // run again, a reads the customer and the agreement again, and refuses (reads, the
      // agreement, the rollback)
      int before = counting.trips.get();
      assertThatThrownBy(() -> a.order(Request.of(admin, LocalDate.parse("2025-09-01")), CONTOSO,
          E3, 1, "S3")).isInstanceOfSatisfying(io.github.cspkit.csp.RuleViolation.class,
              e -> assertThat(e.rule()).isEqualTo("AGR-1"));
      assertThat(counting.trips.get() - before).as("the check, its rollback; reads, the agreement, "
          + "the rollback").isEqualTo(5);
      assertThat(a.subscriptions(CONTOSO)).hasSize(2);
      // no longer kept after the failed check: read again, under the lock, and kept again
      assertThat(trips(counting, () -> a.order(Request.of(admin, LocalDate.parse("2025-08-31")),
          CONTOSO, E3, 1, "S4"))).isEqualTo(ORDER_TRIPS);
      assertThat(trips(counting, () -> a.order(Request.of(admin, LocalDate.parse("2025-08-31")),
          CONTOSO, E3, 1, "S5"))).isEqualTo(KEPT_ORDER_TRIPS);
    });
  }

  @Test
  void CAT_3_a_customer_another_instance_changed_is_read_again() {
    withTwoInstances("keptcustomer", (counting, a, b) -> {
      // kept by a's store as its last command left the customer: nothing is read before the
      // writes, which go after the customer's check
      int keptStatements = counting.statements.get();
      assertThat(trips(counting, () -> a.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 1, "S0")))
          .isEqualTo(KEPT_ORDER_TRIPS);
      keptStatements = counting.statements.get() - keptStatements;
      // the timeouts, the check, the writes, the next command's event numbers, the commit
      assertThat(keptStatements).as("statements of a kept order").isEqualTo(5);
      int cancelTrips = trips(counting, () -> a.cancel(Request.of(ADMIN, CREATED), "S0"));
      // S0 looked up by id, then the check, the writes and the commit
      assertThat(cancelTrips).isEqualTo(2);
      // b orders an add-on on S1 and adds seats to S1
      b.orderAddOn(Request.of(ADMIN, CREATED), "S1", PartnerFixtures.ADD_ON, 2, "A1");
      b.addSeats(Request.of(ADMIN, CREATED), "S1", 2);
      // S1 looked up by id has a version a's cache does not hold (b wrote it): the customer is not
      // taken as kept, and a reads it under its lock, so the cancellation ends the add-on a did not
      // know of: S1 looked up, its value, the reads (a signature that changed), the account and
      // subscriptions again, A1's value, the writes
      int before = counting.trips.get();
      Subscription s1 = a.cancel(Request.of(ADMIN, LocalDate.parse("2025-02-10")), "S1").value();
      assertThat(counting.trips.get() - before).isEqualTo(6);
      assertThat(s1.status()).isEqualTo(SubscriptionStatus.ENDED);
      assertThat(s1.seats()).isEqualTo(3);
      assertThat(a.subscriptions(CONTOSO)).extracting(Subscription::id, Subscription::status)
          .containsExactly(tuple("S1", SubscriptionStatus.ENDED), tuple("S0", SubscriptionStatus.ENDED),
              tuple("A1", SubscriptionStatus.ENDED));
      // kept again: the next command reads nothing before its writes
      before = counting.statements.get();
      assertThat(trips(counting, () -> a.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 1, "S2")))
          .isEqualTo(KEPT_ORDER_TRIPS);
      assertThat(counting.statements.get() - before).isEqualTo(keptStatements);
      // a store that does not know the customer: the timeouts, the lock, one statement after it,
      // its account and subscriptions of both kinds (3), the subscriptions' values, which its
      // cache does not hold (1); the writes, the next command's event numbers, the commit
      CspPartner c = PartnerFixtures.bare(new PostgresStore(counting));
      c.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer("other"));
      before = counting.statements.get();
      c.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 1, "S3");
      assertThat(counting.statements.get() - before).isEqualTo(10);
    });
  }

  private static final Actor ADMIN = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");

  /** Publishes the fixtures' price lists and accepts the agreement through {@code p}. */
  private static CspPartner ready(CspPartner p) {
    PartnerFixtures.publishPriceLists(p);
    p.acceptAgreement(Request.of(ADMIN, PartnerFixtures.ACCEPTED));
    return p;
  }

  /** A test of two instances: {@code a}, whose round trips are counted, and {@code b}. */
  @FunctionalInterface
  private interface TwoInstances {
    void run(Counting counting, CspPartner a, CspPartner b);
  }

  /**
   * Runs {@code test} on two instances on a new database, each with its own store, after {@code
   * a} created CONTOSO and ordered S1 for it.
   */
  private static void withTwoInstances(String database, TwoInstances test) {
    try (HikariDataSource pool = migrated(database)) {
      Counting counting = new Counting(pool);
      CspPartner a = ready(PartnerFixtures.bare(kept(counting)));
      CspPartner b = PartnerFixtures.bare(new PostgresStore(pool));
      a.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer(CONTOSO));
      a.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 1, "S1");
      test.run(counting, a, b);
    }
  }

  /** A store that keeps a customer for a minute after its thread's command on it. */
  private static PostgresStore kept(DataSource counting) {
    return PostgresStore.builder(counting).keptCommandWindow(java.time.Duration.ofMinutes(1)).build();
  }

  /** A pool on a new database, migrated. */
  private static HikariDataSource migrated(String name) {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase(name), 2);
    PostgresStore.migrate(pool);
    return pool;
  }

  private static int trips(Counting counting, Runnable command) {
    int before = counting.trips.get();
    command.run();
    return counting.trips.get() - before;
  }
}
