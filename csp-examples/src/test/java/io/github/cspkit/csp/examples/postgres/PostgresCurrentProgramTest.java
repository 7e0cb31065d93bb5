package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CurrentProgramContract;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.testkit.NcePartners;
import io.github.cspkit.csp.testkit.NceWorld;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The current program end to end through {@code CspPartner} on {@link PostgresStore} (MPA-1,
 * NCE-1..10): the contract's cases on a fresh database each, partner agreements, new-commerce
 * subscriptions and imported rows stored by migration V2.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresCurrentProgramTest extends CurrentProgramContract {
  private final List<HikariDataSource> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  private HikariDataSource last;

  @Override
  protected CspStore newStore() {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("nce"), 4);
    pools.add(pool);
    PostgresStore.migrate(pool);
    last = pool;
    return new PostgresStore(pool);
  }

  @Test
  void NCE_4_seats_added_at_once_by_two_instances_all_count() throws Exception {
    p.newCommerce().order(NcePartners.admin(p, LocalDate.parse("2025-01-10")), NcePartners.CONTOSO,
        NceWorld.BASIC, 10, "S1", TermLength.P1Y, BillingPlan.MONTHLY);
    // another instance: its own store object on the same database
    CspPartner other = NcePartners.bare(new PostgresStore(last), p.partner().id());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (CspPartner instance : List.of(p, other)) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            instance.newCommerce().addSeats(NcePartners.admin(instance,
                LocalDate.parse("2025-01-12")), "S1", 1);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(other.newCommerce().subscription("S1", LocalDate.parse("2025-01-12"))
        .orElseThrow().seats()).isEqualTo(30);
    assertThat(p.newCommerce().vendorCharges("S1", io.github.cspkit.csp.time.DateRange.of(
        LocalDate.parse("2025-01-12"), LocalDate.parse("2025-01-13")))).hasSize(20);
  }
}
