package io.github.cspkit.csp.examples.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.CurrentProgramStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The current program's store contract over {@link PostgresStore} (MPA-1, NCE-1..10): tables
 * {@code partner_agreement} and {@code nce_subscription} of migration V2, one fresh database per
 * test.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresCurrentProgramStoreTest extends CurrentProgramStoreContract {
  private final List<HikariDataSource> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  @Override
  protected CspStore newStore() {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("ncestore"), 4);
    pools.add(pool);
    PostgresStore.migrate(pool);
    return new PostgresStore(pool);
  }
}
