package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.GdapRelationshipContract;
import io.github.cspkit.csp.repository.GdapRelationshipRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The GDAP relationship contract (GDA-1..4) over {@link PostgresStore} (schema V3), one fresh
 * database per test, through {@code Repositories.gdapRelationships()} as {@code CspPartner} uses
 * it; a reopened store reads what a fresh process would. The customers the contract names exist
 * first: a relationship refers to its customer (a foreign key).
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresGdapContractTest extends GdapRelationshipContract {
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final Map<Store, DataSource> sources = new IdentityHashMap<>();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  private static Store over(CspStore store) {
    return new Store() {
      @Override
      public <T> T inTransaction(Function<GdapRelationshipRepository, T> work) {
        return store.inTransaction(tx -> work.apply(tx.gdapRelationships()));
      }

      @Override
      public GdapRelationshipRepository read() {
        return store.read().gdapRelationships();
      }
    };
  }

  static Customer customer(String id, String partnerId) {
    return Customer.builder().id(id).partnerId(partnerId).market("US")
        .tenant(Tenant.of("tenant-" + id, TenantOrigin.NEW))
        .billing(BillingProfile.of(1, MinorUnits.USD)).createdOn(LocalDate.parse("2025-01-01"))
        .build();
  }

  private DataSource database() {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("gdap"), 10);
    pools.add(pool);
    PostgresStore.migrate(pool);
    return pool;
  }

  @Override
  protected Store newStore() {
    DataSource pool = database();
    PostgresStore store = new PostgresStore(pool);
    store.inTransaction(tx -> {
      tx.customers().save(customer("C1", "P1"), 0);
      tx.customers().save(customer("C2", "P2"), 0);
      return null;
    });
    Store s = over(store);
    sources.put(s, pool);
    return s;
  }

  @Override
  protected Store reopen(Store store) {
    return over(new PostgresStore(sources.get(store)));
  }

  @Test
  void a_relationship_needs_its_customer_and_a_partners_view_keeps_to_its_own() throws SQLException {
    DataSource pool = database();
    PostgresStore all = new PostgresStore(pool);
    all.forPartner("P1").inTransaction(tx -> tx.customers().save(customer("C1", "P1"), 0));
    Store p1 = over(all.forPartner("P1"));
    assertThatThrownBy(() -> p1.inTransaction(r -> r.save(requested("R1", "P1", "C9", "2025-01-10"), 0)))
        .isInstanceOf(PostgresStoreException.class);
    p1.inTransaction(r -> r.save(requested("R1", "P1", "C1", "2025-01-10"), 0));
    assertThatThrownBy(() -> p1.inTransaction(r -> r.save(requested("R2", "P2", "C1", "2025-01-10"), 0)))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-4"));
    assertThat(over(all.forPartner("P2")).read().find("R1")).isEmpty();
    assertThat(over(new PostgresStore(pool).forPartner("P1")).read().byCustomer("C1"))
        .extracting(v -> v.value().id() + "@" + v.version()).containsExactly("R1@1");
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      var rs = st.executeQuery("SELECT role, security_groups::text FROM gdap_role_assignment "
          + "WHERE partner_id = 'P1' AND relationship_id = 'R1' ORDER BY ordinal");
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2));
      }
      assertThat(rows).containsExactly("helpdesk-administrator {helpdesk,tier2}",
          "global-reader {}", "user-administrator {admins}");
    }
  }
}
