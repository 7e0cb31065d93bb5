package io.github.cspkit.csp.examples.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.partner.CurrentProgramContract;
import io.github.cspkit.csp.repository.CspStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

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

  @Override
  protected CspStore newStore() {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("nce"), 4);
    pools.add(pool);
    PostgresStore.migrate(pool);
    return new PostgresStore(pool);
  }
}
