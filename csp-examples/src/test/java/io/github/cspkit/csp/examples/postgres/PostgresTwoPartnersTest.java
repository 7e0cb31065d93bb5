package io.github.cspkit.csp.examples.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.TwoPartnersContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Two partners in one PostgreSQL database: rows and keys scoped by {@code partner_id}. */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresTwoPartnersTest extends TwoPartnersContract {
  private final List<HikariDataSource> pools = new ArrayList<>();

  @Override
  protected CspStore newStore() {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("partners"), 4);
    pools.add(pool);
    PostgresStore.migrate(pool);
    return new PostgresStore(pool);
  }

  @AfterEach
  void close() {
    pools.forEach(HikariDataSource::close);
  }
}
