package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CREATED;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command on a customer its thread's last command kept skips its read round trip; what it took
 * as still true is checked with its writes ({@code csp_check_kept}), and when another instance
 * changed the customer in between, the command runs again, reading under the lock, with the
 * result it would have had run after that change. Instance {@code a} keeps customers for a
 * minute, so that nothing here depends on the machine's speed; {@code b} is another instance.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresKeptCustomerTest {
  private static final Actor ADMIN = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");

  private HikariDataSource pool;
  private PostgresStore keeping;
  private Runs runs;
  private CspPartner a;
  private CspPartner b;

  /** Instance a's view of its store, counting the transactions and the runs of their work. */
  private static final class Runs implements CspStore {
    final CspStore view;
    final AtomicInteger transactions = new AtomicInteger();
    final AtomicInteger works = new AtomicInteger();

    Runs(CspStore view) {
      this.view = view;
    }

    @Override
    public <T> T inTransaction(java.util.function.Function<io.github.cspkit.csp.repository.Repositories, T> work) {
      transactions.incrementAndGet();
      return view.inTransaction(r -> {
        works.incrementAndGet();
        return work.apply(r);
      });
    }

    @Override
    public io.github.cspkit.csp.repository.Repositories read() {
      return view.read();
    }

    /** Starts counting again. */
    void reset() {
      transactions.set(0);
      works.set(0);
    }

    /** Asserts that one transaction ran its work twice: on the kept customer, then reading. */
    void assertRanAgainAfterTheCheck() {
      assertThat(transactions.get()).as("transactions").isEqualTo(1);
      assertThat(works.get()).as("runs of its work").isEqualTo(2);
    }
  }

  @BeforeEach
  void twoInstances() {
    pool = TestDatabases.pool(TestDatabases.newDatabase("kept"), 4);
    PostgresStore.migrate(pool);
    keeping = PostgresStore.builder(pool).keptCommandWindow(Duration.ofMinutes(1)).build();
    runs = new Runs(keeping.forPartner(PartnerFixtures.PARTNER));
    a = PartnerFixtures.bare(runs);
    PartnerFixtures.publishPriceLists(a);
    a.acceptAgreement(Request.of(ADMIN, PartnerFixtures.ACCEPTED));
    b = PartnerFixtures.bare(new PostgresStore(pool));
    a.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer(CONTOSO));
    a.order(Request.of(ADMIN, CREATED), CONTOSO, E3, 10, "S1");
  }

  @AfterEach
  void close() {
    pool.close();
  }

  /**
   * Runs instance b's command on a thread of its own, as another instance would: a command of b on
   * a's thread would show a that its thread wrote since (its reserved numbers are then not used).
   */
  private static <T> T elsewhere(java.util.function.Supplier<T> command) {
    java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      return other.submit(command::get).get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    } finally {
      other.shutdownNow();
    }
  }

  private static Request on(String day) {
    return Request.of(ADMIN, LocalDate.parse(day));
  }

  @Test
  void BIL_7_a_kept_order_dated_on_a_bill_another_instance_issued_is_refused() {
    elsewhere(() -> b.issueBills(on("2025-02-01"), CONTOSO));
    // a's kept customer has no bill: the order passes on it, and its check finds the account
    // changed; run again under the lock, it is refused as when run after the bill
    runs.reset();
    assertThatThrownBy(() -> a.order(on("2025-02-01"), CONTOSO, E3, 1, "S2"))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("BIL-7"));
    runs.assertRanAgainAfterTheCheck();
    assertThat(a.subscriptions(CONTOSO)).extracting(Subscription::id).containsExactly("S1");
    // read again and kept: the next order, dated after the bill, goes through
    assertThat(a.order(on("2025-02-02"), CONTOSO, E3, 1, "S2").value().seats()).isEqualTo(1);
  }

  @Test
  void SUB_1_a_key_another_instance_recorded_since_is_replayed_by_a_kept_command() {
    Result<Subscription> first =
        elsewhere(() -> b.order(on("2025-01-21").withKey("k"), CONTOSO, E3, 2, "S2"));
    // a takes the key as free on its kept customer; the check finds it recorded (and the
    // customer changed): run again, the command replays b's result
    runs.reset();
    Result<Subscription> again = a.order(on("2025-01-21").withKey("k"), CONTOSO, E3, 2, "S2");
    runs.assertRanAgainAfterTheCheck();
    assertThat(again.replayed()).isTrue();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(a.subscriptions(CONTOSO)).extracting(Subscription::id).containsExactly("S1", "S2");
  }

  @Test
  void SUB_1_a_kept_order_of_an_id_another_instance_took_is_refused() {
    elsewhere(() -> b.createCustomer(on("2025-01-21"), PartnerFixtures.newCustomer("fabrikam")));
    elsewhere(() -> b.order(on("2025-01-21"), "fabrikam", E3, 1, "S2"));
    runs.reset();
    assertThatThrownBy(() -> a.order(on("2025-01-21"), CONTOSO, E3, 1, "S2"))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID));
    runs.assertRanAgainAfterTheCheck();
    assertThat(a.subscriptions(CONTOSO)).extracting(Subscription::id).containsExactly("S1");
  }

  @Test
  void events_of_one_customer_follow_their_commits_across_instances() {
    // b's command changes nothing the customer's signature sees; it raises its touched count
    DomainEvent administered = elsewhere(() -> b.administerTenant(on("2025-01-21"), CONTOSO,
        "reset a password")).events().get(0);
    // a's numbers, reserved before b's command, would come before b's event: its check finds the
    // customer touched, and run again under the lock it takes numbers after b's
    runs.reset();
    DomainEvent ordered = a.order(on("2025-01-21"), CONTOSO, E3, 1, "S2").events().get(0);
    runs.assertRanAgainAfterTheCheck();
    assertThat(ordered.sequence()).isGreaterThan(administered.sequence());
  }

  @Test
  void one_threads_events_follow_its_commits_through_two_stores() {
    PostgresStore other = PostgresStore.builder(pool).keptCommandWindow(Duration.ofMinutes(1))
        .build();
    CspPartner c = PartnerFixtures.bare(other);
    // a reserved numbers for its next command on contoso; this thread then commits through
    // another store, whose numbers come after them
    DomainEvent created = c.createCustomer(on("2025-01-21"), PartnerFixtures.newCustomer("fabrikam"))
        .events().get(0);
    // a's next command on contoso does not use them: its events come after fabrikam's
    DomainEvent ordered = a.order(on("2025-01-21"), CONTOSO, E3, 1, "S2").events().get(0);
    assertThat(ordered.sequence()).isGreaterThan(created.sequence());
  }

  @Test
  void SUB_2_seats_another_instance_added_while_a_kept_command_ran_are_seen_when_it_runs_again()
      throws Exception {
    CspStore store = keeping.forPartner(PartnerFixtures.PARTNER);
    CountDownLatch ranOnKept = new CountDownLatch(1);
    CountDownLatch changed = new CountDownLatch(1);
    AtomicInteger attempts = new AtomicInteger();
    // a transaction on a's thread, which just kept the customer: it runs without reading the
    // customer, waits while b changes it, then sends its writes
    CompletableFuture<Integer> seats = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        a.order(on("2025-01-21"), CONTOSO, E3, 1, "S0"); // keeps the customer for this thread
        seats.complete(store.inTransaction(r -> {
          Versioned<Subscription> s1 = r.subscriptions().find("S1").orElseThrow();
          r.customers().find(CONTOSO).orElseThrow();
          if (attempts.incrementAndGet() == 1) {
            ranOnKept.countDown();
            Latches.await(changed);
          }
          r.subscriptions().save(s1.value().withAutoRenewal(false), s1.version());
          return s1.value().seats();
        }));
      } catch (RuntimeException e) {
        seats.completeExceptionally(e);
      }
    });
    thread.start();
    assertThat(ranOnKept.await(20, TimeUnit.SECONDS)).isTrue();
    b.addSeats(on("2025-01-21"), "S1", 5); // 10 -> 15, committed while a's command waits
    changed.countDown();
    // the check failed and the work ran again on what b committed: 15 seats, not 10
    assertThat(seats.get(20, TimeUnit.SECONDS)).isEqualTo(15);
    assertThat(attempts.get()).isEqualTo(2);
    Subscription s1 = b.subscription("S1").orElseThrow();
    assertThat(s1.seats()).isEqualTo(15);
    assertThat(s1.autoRenew()).isFalse();
    thread.join();
  }

  @Test
  void a_negative_window_is_refused() {
    assertThatThrownBy(() -> PostgresStore.builder(pool).keptCommandWindow(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

}
