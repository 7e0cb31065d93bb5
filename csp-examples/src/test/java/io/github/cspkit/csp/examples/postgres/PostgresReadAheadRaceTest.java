package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.ReadAhead;
import io.github.cspkit.csp.repository.StaleVersionException;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A key read ahead with the customer and found absent, then recorded by another transaction
 * before this one commits: the commit fails as stale, so the command runs again and replays (or
 * is refused {@code KEY_REUSED}), as when the key was looked up on its own. The interleaving is
 * forced with latches.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresReadAheadRaceTest {
  @Test
  void SUB_1_a_key_recorded_after_it_was_read_ahead_makes_the_commit_stale() throws Exception {
    try (HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("ahead"), 4)) {
      PostgresStore.migrate(pool);
      CspStore store = new PostgresStore(pool).forPartner(PartnerFixtures.PARTNER);
      CspPartner p = PartnerFixtures.bare(store);
      Actor admin = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");
      PartnerFixtures.publishPriceLists(p);
      p.acceptAgreement(Request.of(admin, PartnerFixtures.ACCEPTED));
      p.createCustomer(Request.of(admin, CREATED), PartnerFixtures.newCustomer("a"));
      p.createCustomer(Request.of(admin, CREATED), PartnerFixtures.newCustomer("b"));

      CountDownLatch readAhead = new CountDownLatch(1);
      CountDownLatch recorded = new CountDownLatch(1);
      CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> store.inTransaction(r -> {
        r.readAhead(new ReadAhead(Optional.of("k"), List.of()));
        r.customers().find("a"); // reads the key ahead: absent
        readAhead.countDown();
        Latches.await(recorded);
        assertThat(r.idempotency().find("k")).isEmpty(); // as read ahead
        r.idempotency().record(new CommandRecord("k", "first", "customer", "a"));
        return null;
      }));
      assertThat(readAhead.await(20, TimeUnit.SECONDS)).isTrue();
      CommandRecord second = new CommandRecord("k", "second", "customer", "b");
      store.inTransaction(r -> { // another customer: no lock in common
        r.customers().find("b");
        r.idempotency().record(second);
        return null;
      });
      recorded.countDown();

      Throwable failure = catchThrowable(() -> first.get(20, TimeUnit.SECONDS));
      assertThat(failure).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StaleVersionException.class);
      assertThat(store.read().idempotency().find("k")).contains(second);
    }
  }
}
