package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventPayload;
import io.github.cspkit.csp.repository.SubscriptionPayload;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.time.DateRange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema defends itself: Flyway migrations checked at start-up, foreign keys and CHECKs that
 * refuse bad direct writes, and the retention call.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresSchemaTest {
  private final List<HikariDataSource> pools = new ArrayList<>();

  @AfterEach
  void close() {
    pools.forEach(HikariDataSource::close);
  }

  private HikariDataSource database() {
    HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("schema"), 2);
    pools.add(pool);
    return pool;
  }

  /** @return a new database migrated up to a version of the schema, not beyond */
  private HikariDataSource databaseAt(String version) {
    HikariDataSource db = database();
    org.flywaydb.core.Flyway.configure(PostgresStore.class.getClassLoader()).dataSource(db)
        .locations(PostgresStore.MIGRATIONS).table(PostgresStore.HISTORY_TABLE).target(version).load()
        .migrate();
    return db;
  }

  private static void sql(HikariDataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void the_schema_version_is_checked_at_start_up_and_a_newer_one_is_refused() throws SQLException {
    HikariDataSource db = database();
    assertThat(PostgresStore.schemaVersion(db)).isZero();
    assertThatThrownBy(() -> new PostgresStore(db)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 0").hasMessageContaining("PostgresStore.migrate");
    PostgresStore.migrate(db);
    PostgresStore.migrate(db); // nothing to do the second time
    assertThat(PostgresStore.schemaVersion(db)).isEqualTo(PostgresStore.SCHEMA_VERSION);
    new PostgresStore(db).close();

    sql(db, "INSERT INTO csp_schema_history (installed_rank, version, description, type, script, "
        + "checksum, installed_by, execution_time, success) VALUES (99, '" + (PostgresStore.SCHEMA_VERSION + 1)
        + "', 'from the future', 'SQL', 'V2__future.sql', 0, 'test', 0, true)");
    assertThatThrownBy(() -> new PostgresStore(db)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("newer");
    assertThatThrownBy(() -> PostgresStore.migrate(db)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void bad_direct_writes_are_refused_by_the_schema() throws SQLException {
    HikariDataSource db = database();
    PostgresStore.migrate(db);
    sql(db, "INSERT INTO customer (partner_id, id, managed_by, name, market, segment, verified, "
        + "tenant_id, tenant_origin, billing_day, bill_currency, created_on, delegated_admin, version) "
        + "VALUES ('P', 'c', 'P', '', 'US', 'COMMERCIAL', false, 't', 'NEW', 1, 'USD', '2025-01-01', true, 1)");
    String step = "{\"on\": \"2025-01-01\", \"kind\": \"ORDER\", \"seats\": 1, \"status\": \"ACTIVE\", "
        + "\"sale_rate\": 28800, \"cost_rate\": 24000}";
    String term = "{\"index\": 0, \"start\": \"2025-01-01\", \"end\": \"2026-01-01\", \"days\": 365, "
        + "\"sale_unit\": 28800, \"cost_unit\": 24000, \"steps\": [" + step + "]}";
    String subscription = "INSERT INTO subscription (partner_id, id, customer_id, sku, base_id, currency, "
        + "auto_renew, version, terms) VALUES ";
    sql(db, subscription + "('P', 's', 'c', 'E3', null, 'USD', true, 1, '[" + term + "]')");
    sql(db, "INSERT INTO billing_account (partner_id, customer_id, next_period_start, financing_kind, "
        + "financing_discount_bp, financing_instalments, billed_key, billed_sale, billed_cost, "
        + "billed_through, one_off, version) VALUES ('P', 'c', '2025-02-01', 'NONE', 0, 0, '{}', '{}', "
        + "'{}', '{}', '{}', 1)");
    String bill = "INSERT INTO bill (partner_id, customer_id, period_start, period_month, period_end, "
        + "issued_on, currency, total, cost, lines, dues) VALUES ";
    String line = "{\"kind\": \"SERVICE\", \"subscription_id\": null, \"item\": \"x\", "
        + "\"description\": \"\", \"span_start\": \"2025-02-01\", \"span_end\": \"2025-03-01\", "
        + "\"seats\": 0, \"unit_price\": 0, \"days_in_term\": 0, \"cost\": 0, \"currency\": \"USD\", ";
    sql(db, bill + "('P', 'c', '2025-02-01', '2025-02-01', '2025-03-01', '2025-02-01', 'USD', 10.00, "
        + "8.00, '[" + line + "\"amount\": 10.00}]', '[{\"due_on\": \"2025-02-01\", \"amount\": 10.00}]')");
    String terms = "UPDATE subscription SET terms = ";
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("subscription of an unknown customer", subscription
        + "('P', 's2', 'nobody', 'E3', null, 'USD', true, 1, '[" + term + "]')");
    bad.put("subscription of another partner's customer", subscription
        + "('Q', 's2', 'c', 'E3', null, 'USD', true, 1, '[" + term + "]')");
    bad.put("add-on of an unknown base", subscription
        + "('P', 'a', 'c', 'ATP', 'nope', 'USD', true, 1, '[" + term + "]')");
    bad.put("subscription without terms", subscription + "('P', 's3', 'c', 'E3', null, 'USD', true, 1, '[]')");
    bad.put("negative seats", terms + "'[" + term.replace("\"seats\": 1", "\"seats\": -1") + "]'");
    bad.put("unknown status", terms + "'[" + term.replace("ACTIVE", "PAUSED") + "]'");
    bad.put("rate finer than cents", terms + "'[" + term.replace("28800,", "28800.5,") + "]'");
    bad.put("term without steps", terms + "'[" + term.replace("[" + step + "]", "[]") + "]'");
    bad.put("term ending before it starts", terms + "'[" + term.replace("2026-01-01", "2024-01-01") + "]'");
    bad.put("term ending on a day that does not exist", terms + "'["
        + term.replace("2026-01-01", "2026-02-30") + "]'");
    bad.put("days as text", terms + "'[" + term.replace("365", "\"365\"") + "]'");
    bad.put("status as a number", terms + "'[" + term.replace("\"ACTIVE\"", "5") + "]'");
    bad.put("index wrapped in an array", terms + "'[" + term.replace("\"index\": 0", "\"index\": [1, -1]")
        + "]'");
    bad.put("a term inside an array", terms + "'[" + term + ", [" + term + "]]'");
    bad.put("seats beyond an int", terms + "'[" + term.replace("\"seats\": 1", "\"seats\": 1e12") + "]'");
    String billed = "UPDATE billing_account SET billed_key = '{s#0}', billed_sale = '{5}', "
        + "billed_cost = '{0}', billed_through = '{2025-02-01}'";
    bad.put("billed numerator that is not a number", billed.replace("'{5}'", "'{five}'"));
    bad.put("billed arrays of different lengths", billed.replace("'{0}'", "'{0,1}'"));
    bad.put("billed key NULL", billed.replace("'{s#0}'", "'{NULL}'"));
    bad.put("billed numerator NaN", billed.replace("'{5}'", "'{NaN}'"));
    bad.put("billed through a day that does not exist", billed.replace("2025-02-01", "2025-02-30"));
    bad.put("billed through infinity", billed.replace("2025-02-01", "infinity"));
    bad.put("billed through a day before the common era", billed.replace("2025-02-01", "2025-02-01 BC"));
    bad.put("billed keys in two dimensions", billed.replace("'{s#0}'", "'{{s#0}}'"));
    bad.put("billed keys indexed from 0", billed.replace("'{s#0}'", "'[0:0]={s#0}'"));
    bad.put("one-off service NULL", "UPDATE billing_account SET one_off = '{x,NULL}'");
    bad.put("lower-case currency code", "INSERT INTO price_list (id, market, currency, published_on, "
        + "effective_on, period_start) VALUES ('l', 'US', 'usd', '2025-01-01', '2025-03-01', '2025-03-01')");
    bad.put("yen with decimals", bill + "('P', 'c', '2025-03-01', '2025-03-01', '2025-04-01', "
        + "'2025-03-01', 'JPY', 10.5, 0, '[]', '[]')");
    bad.put("bill period ending before it starts", bill + "('P', 'c', '2025-04-01', '2025-04-01', "
        + "'2025-03-01', '2025-04-01', 'USD', 0, 0, '[]', '[]')");
    bad.put("lines that are not a list", bill + "('P', 'c', '2025-07-01', '2025-07-01', '2025-08-01', "
        + "'2025-07-01', 'USD', 0, 0, '{}', '[]')");
    bad.put("billing day 0", "INSERT INTO customer (partner_id, id, managed_by, name, market, segment, "
        + "verified, tenant_id, tenant_origin, billing_day, bill_currency, created_on, delegated_admin, "
        + "version) VALUES ('P', 'd', 'P', '', 'US', 'COMMERCIAL', false, 't', 'NEW', 0, 'USD', '2025-01-01', true, 1)");
    bad.put("customer managed by another partner", "INSERT INTO customer (partner_id, id, managed_by, name, "
        + "market, segment, verified, tenant_id, tenant_origin, billing_day, bill_currency, created_on, "
        + "delegated_admin, version) VALUES ('P', 'e', 'Q', '', 'US', 'COMMERCIAL', false, 't', 'NEW', 1, "
        + "'USD', '2025-01-01', true, 1)");
    bad.put("account of an unknown customer", "INSERT INTO billing_account (partner_id, customer_id, "
        + "next_period_start, financing_kind, financing_discount_bp, financing_instalments, billed_key, "
        + "billed_sale, billed_cost, billed_through, one_off, version) VALUES ('P', 'nobody', "
        + "'2025-02-01', 'NONE', 0, 0, '{}', '{}', '{}', '{}', '{}', 1)");
    bad.put("billed numerator with a fraction", billed.replace("'{5}'", "'{1.5}'"));
    bad.put("billed numerator with a scale", billed.replace("'{5}'", "'{5.00}'"));
    bad.put("service ending before it starts", "INSERT INTO own_service (partner_id, customer_id, id, "
        + "name, amount, currency, recurrence, starts_on, ends_on) VALUES ('P', 'c', 'x', '', 1.00, "
        + "'USD', 'MONTHLY', '2025-03-01', '2025-02-01')");
    bad.put("unknown recurrence", "INSERT INTO own_service (partner_id, customer_id, id, name, amount, "
        + "currency, recurrence, starts_on) VALUES ('P', 'c', 'y', '', 1.00, 'USD', 'WEEKLY', '2025-03-01')");
    bad.put("version 0", "UPDATE customer SET version = 0 WHERE id = 'c'");
    List<String> accepted = new ArrayList<>();
    for (Map.Entry<String, String> e : bad.entrySet()) {
      try {
        sql(db, e.getValue());
        accepted.add(e.getKey());
      } catch (SQLException refused) {
        // a check or key (23), or a value its type refuses (22: a number, a date)
        assertThat(refused.getSQLState()).as(e.getKey()).matches("2[23].*");
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(bad).hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void subscriptions_stored_before_version_8_keep_their_terms_and_steps() throws SQLException {
    HikariDataSource db = databaseAt("7");
    sql(db, "INSERT INTO customer (partner_id, id, managed_by, name, market, segment, verified, "
        + "tenant_id, tenant_origin, billing_day, bill_currency, created_on, delegated_admin, version) "
        + "VALUES ('P', 'c', 'P', 'Contoso', 'JP', 'COMMERCIAL', false, 't', 'NEW', 1, 'JPY', '2024-02-29', true, 1)");
    sql(db, "INSERT INTO subscription (partner_id, id, customer_id, sku, currency, auto_renew, version) "
        + "VALUES ('P', 's', 'c', 'E3', 'USD', true, 3), ('P', 'y', 'c', 'E3', 'JPY', false, 1)");
    String term = "INSERT INTO subscription_term (partner_id, subscription_id, ordinal, term_index, "
        + "start_on, end_on, days_in_term, sale_unit, cost_unit, currency) VALUES ";
    sql(db, term + "('P', 's', 0, 0, '2024-02-29', '2025-02-28', 365, 288.00, 240.01, 'USD'), "
        + "('P', 's', 1, 1, '2025-02-28', '2026-02-28', 365, 300.00, 250.00, 'USD'), "
        + "('P', 'y', 0, 0, '2024-02-29', '2025-02-28', 365, 3000, 2500, 'JPY')");
    String step = "INSERT INTO subscription_step (partner_id, subscription_id, term_ordinal, ordinal, "
        + "step_on, kind, seats, status, sale_rate, cost_rate, currency) VALUES ";
    sql(db, step + "('P', 's', 0, 0, '2024-02-29', 'ORDER', 10, 'ACTIVE', 2880.00, 2400.10, 'USD'), "
        + "('P', 's', 0, 1, '2024-06-01', 'SUSPEND', 10, 'SUSPENDED', 2880.00, 2400.10, 'USD'), "
        + "('P', 's', 1, 0, '2025-02-28', 'RENEW', 10, 'ACTIVE', 3000.00, 2500.00, 'USD'), "
        + "('P', 'y', 0, 0, '2024-02-29', 'ORDER', 2, 'ACTIVE', 6000, 5000, 'JPY')");

    PostgresStore.migrate(db);

    assertThat(PostgresStore.schemaVersion(db)).isEqualTo(PostgresStore.SCHEMA_VERSION);
    PostgresStore store = new PostgresStore(db);
    List<Versioned<Subscription>> read = store.forPartner("P")
        .inTransaction(tx -> tx.subscriptions().byCustomer("c"));
    store.close();
    CurrencyUnit usd = Monetary.getCurrency("USD");
    Subscription expected = Subscription.builder().id("s").customerId("c").sku("E3").currency(usd)
        .autoRenew(true)
        .addTerms(Term.of(0, DateRange.of(LocalDate.parse("2024-02-29"), LocalDate.parse("2025-02-28")),
            365, 28800, 24001, List.of(
                Step.of(LocalDate.parse("2024-02-29"), ChangeKind.ORDER, 10, SubscriptionStatus.ACTIVE,
                    288000, 240010),
                Step.of(LocalDate.parse("2024-06-01"), ChangeKind.SUSPEND, 10,
                    SubscriptionStatus.SUSPENDED, 288000, 240010))))
        .addTerms(Term.of(1, DateRange.of(LocalDate.parse("2025-02-28"), LocalDate.parse("2026-02-28")),
            365, 30000, 25000, List.of(Step.of(LocalDate.parse("2025-02-28"), ChangeKind.RENEW, 10,
                SubscriptionStatus.ACTIVE, 300000, 250000))))
        .build();
    Subscription yen = Subscription.builder().id("y").customerId("c").sku("E3")
        .currency(Monetary.getCurrency("JPY")).autoRenew(false)
        .addTerms(Term.of(0, DateRange.of(LocalDate.parse("2024-02-29"), LocalDate.parse("2025-02-28")),
            365, 3000, 2500, List.of(Step.of(LocalDate.parse("2024-02-29"), ChangeKind.ORDER, 2,
                SubscriptionStatus.ACTIVE, 6000, 5000))))
        .build();
    assertThat(read).containsExactly(new Versioned<>(expected, 3), new Versioned<>(yen, 1));
  }

  @Test
  void accounts_stored_before_version_9_keep_what_they_billed() throws SQLException {
    HikariDataSource db = databaseAt("8");
    sql(db, "INSERT INTO customer (partner_id, id, managed_by, name, market, segment, verified, "
        + "tenant_id, tenant_origin, billing_day, bill_currency, created_on, delegated_admin, version) "
        + "VALUES ('P', 'c', 'P', 'Contoso', 'US', 'COMMERCIAL', false, 't', 'NEW', 1, 'USD', '2024-02-29', "
        + "true, 1), ('P', 'd', 'P', 'Fabrikam', 'US', 'COMMERCIAL', false, 't', 'NEW', 1, 'USD', "
        + "'2024-02-29', true, 1)");
    sql(db, "INSERT INTO billing_account (partner_id, customer_id, last_issued_on, next_period_start, "
        + "financing_kind, financing_discount_bp, financing_instalments, billed, one_offs, version) "
        + "VALUES ('P', 'c', '2025-02-01', '2025-03-01', 'NONE', 0, 0, '[{\"key\": \"s,1 \\\"q\\\"#0\", "
        + "\"sale\": 10512000, \"cost\": 123456789012345678901234567890, \"through\": \"2024-02-29\"}, "
        + "{\"key\": \"t#1\", \"sale\": -5, \"cost\": 0, \"through\": \"2025-03-01\"}]', "
        + "'[\"X1\", \"a b\", \"X1\"]', 4), ('P', 'd', NULL, '2025-03-01', 'NONE', 0, 0, "
        + "'[{\"key\": \"u#0\", \"sale\": 1e3, \"cost\": 1.0, \"through\": \"+10000-01-01\"}]', '[]', 1)");

    PostgresStore.migrate(db);

    PostgresStore store = new PostgresStore(db);
    Versioned<BillingAccount> c = store.forPartner("P").inTransaction(tx -> tx.bills().account("c"))
        .orElseThrow();
    Versioned<BillingAccount> d = store.forPartner("P").inTransaction(tx -> tx.bills().account("d"))
        .orElseThrow();
    store.close();
    assertThat(c.version()).isEqualTo(4);
    assertThat(c.value().billed().keySet()).containsExactly("s,1 \"q\"#0", "t#1");
    assertThat(c.value().billed().get("s,1 \"q\"#0")).isEqualTo(new Billed(Numerator.of(10512000),
        Numerator.of(new java.math.BigInteger("123456789012345678901234567890")),
        LocalDate.parse("2024-02-29")));
    assertThat(c.value().billed().get("t#1")).isEqualTo(new Billed(Numerator.of(-5),
        Numerator.of(0), LocalDate.parse("2025-03-01")));
    assertThat(c.value().oneOffsBilled()).containsExactly("X1", "a b");
    assertThat(d.value().billed()).containsExactly(Map.entry("u#0", new Billed(Numerator.of(1000),
        Numerator.of(1), LocalDate.of(10000, 1, 1))));
    assertThat(d.value().oneOffsBilled()).isEmpty();
  }

  @Test
  void an_account_billed_through_a_day_before_year_1_stops_version_9_with_its_name()
      throws SQLException {
    HikariDataSource db = databaseAt("8");
    sql(db, "INSERT INTO customer (partner_id, id, managed_by, name, market, segment, verified, "
        + "tenant_id, tenant_origin, billing_day, bill_currency, created_on, delegated_admin, version) "
        + "VALUES ('P', 'old', 'P', 'Old', 'US', 'COMMERCIAL', false, 't', 'NEW', 1, 'USD', '2024-02-29', "
        + "true, 1)");
    sql(db, "INSERT INTO billing_account (partner_id, customer_id, next_period_start, financing_kind, "
        + "financing_discount_bp, financing_instalments, billed, one_offs, version) VALUES ('P', 'old', "
        + "'2025-03-01', 'NONE', 0, 0, '[{\"key\": \"s#0\", \"sale\": 1, \"cost\": 1, "
        + "\"through\": \"-0001-01-01\"}]', '[]', 1)");
    assertThatThrownBy(() -> PostgresStore.migrate(db)).hasStackTraceContaining("P old")
        .hasStackTraceContaining("before year 1");
  }

  @Test
  void array_literals_read_back_as_postgresql_prints_them() throws SQLException {
    HikariDataSource db = database();
    List<List<String>> samples = new ArrayList<>();
    org.quicktheories.QuickTheory.qt().withExamples(300).forAll(org.quicktheories.generators.SourceDSL
        .lists().of(org.quicktheories.generators.SourceDSL.strings().betweenCodePoints(1, 0x2FF)
            .ofLengthBetween(0, 8)).ofSizeBetween(0, 5)).checkAssert(samples::add);
    samples.add(List.of("NULL", "null", "", " ", "a,b", "{x}", "\"", "\\", "x y"));
    try (Connection c = db.getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("SELECT ?::text[]::text")) {
      for (List<String> elements : samples) {
        ps.setString(1, ArrayLiteral.write(elements));
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(ArrayLiteral.read(rs.getString(1))).as(rs.getString(1)).isEqualTo(elements);
        }
      }
    }
  }

  /**
   * On a new schema (no statistics yet) a customer's lookup by its key, as a foreign key's check
   * and a command's lock send it, takes the primary key, and the bill run's claim and the list of
   * ids in creation order take the claim index;
   * the plans are generic, as the store's sessions make them, and kept for the session's life.
   */
  @Test
  void a_customer_looked_up_by_its_key_on_a_new_schema_uses_the_primary_key() throws SQLException {
    HikariDataSource db = database();
    PostgresStore.migrate(db);
    sql(db, "INSERT INTO customer (partner_id, id, managed_by, name, market, segment, verified, "
        + "tenant_id, tenant_origin, billing_day, bill_currency, created_on, delegated_admin, version) "
        + "SELECT 'P', 'c' || g, 'P', 'n', 'US', 'COMMERCIAL', true, 't' || g, 'NEW', 1, 'USD', "
        + "'2025-01-01', false, 1 FROM generate_series(1, 3) g");
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("SET plan_cache_mode = force_generic_plan");
      st.execute("PREPARE fk(text, text) AS SELECT 1 FROM ONLY customer x WHERE partner_id "
          + "OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2 FOR KEY SHARE OF x");
      st.execute("PREPARE lock(text, text) AS SELECT c.id FROM customer c "
          + "WHERE c.partner_id = $1 AND c.id = $2 ORDER BY c.id FOR UPDATE");
      st.execute("PREPARE claim(text, bigint) AS SELECT c.id FROM customer c "
          + "WHERE c.partner_id = $1 AND c.seq > 0 AND c.seq > $2 ORDER BY c.seq LIMIT 256 "
          + "FOR UPDATE OF c SKIP LOCKED");
      assertThat(plan(st, "EXPLAIN EXECUTE fk('P', 'c2')"))
          .contains("Index Scan using customer_pkey").doesNotContain("customer_by_partner_seq");
      assertThat(plan(st, "EXPLAIN EXECUTE lock('P', 'c2')"))
          .contains("Index Scan using customer_pkey").doesNotContain("customer_by_partner_seq");
      st.execute("PREPARE ids(text) AS SELECT id FROM customer WHERE partner_id = $1 AND seq > 0 "
          + "ORDER BY seq");
      assertThat(plan(st, "EXPLAIN EXECUTE claim('P', 0)"))
          .contains("Index Scan using customer_by_partner_seq").doesNotContain("Sort");
      assertThat(plan(st, "EXPLAIN EXECUTE ids('P')"))
          .contains("Index Scan using customer_by_partner_seq").doesNotContain("Sort");
    }
  }

  private static String plan(Statement st, String explain) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (java.sql.ResultSet rs = st.executeQuery(explain)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  @Test
  void retention_removes_old_events_and_keys_of_one_partner() {
    HikariDataSource db = database();
    PostgresStore.migrate(db);
    PostgresStore store = new PostgresStore(db);
    for (String partner : List.of("P", "Q")) {
      store.forPartner(partner).inTransaction(tx -> {
        tx.events().append(new DomainEvent(0, "customer", "c", "CREATED", LocalDate.parse("2025-01-01"), "k", ""));
        tx.idempotency().record(new CommandRecord("k", "createCustomer", "customer", "c"));
        return null;
      });
    }
    assertThat(store.forPartner("P").prune(Instant.now().minusSeconds(3600)))
        .isEqualTo(new PostgresStore.Pruned(0, 0));
    assertThat(store.forPartner("P").prune(Instant.now().plusSeconds(1)))
        .isEqualTo(new PostgresStore.Pruned(1, 1));
    assertThat(store.forPartner("P").read().events().size()).isZero();
    assertThat(store.forPartner("P").read().idempotency().find("k")).isEmpty();
    assertThat(store.forPartner("Q").read().events().size()).isEqualTo(1);
    assertThat(store.forPartner("Q").read().idempotency().find("k")).isPresent();
  }

  @Test
  void entries_written_before_version_6_read_as_their_change_or_as_unstructured_text()
      throws SQLException {
    HikariDataSource db = databaseAt("5");
    assertThat(PostgresStore.schemaVersion(db)).isEqualTo(5);
    SubscriptionEvent seed = SubscriptionEvent.builder().subscriptionId("S1").customerId("c")
        .sku("O365_E3").kind(ChangeKind.ADD_SEATS).date(LocalDate.parse("2024-02-29"))
        .seatsBefore(10).seatsAfter(15).status(SubscriptionStatus.ACTIVE).currency(MinorUnits.USD)
        .proration(new Formula(28_800, 5, 224, 366)).chargeMinor(88_131).costMinor(73_443).build();
    NceEvent nce = new NceEvent.SeatsAdded(LocalDate.parse("2025-03-10"), 4,
        LocalDate.parse("2025-03-16"));
    String row = "INSERT INTO domain_event (partner_id, sequence, aggregate, aggregate_id, kind, "
        + "event_on, command_key, detail, change) VALUES ('P', ";
    // as version 5 wrote them: a customer's entry as text, subscriptions' changes in "change"
    sql(db, row + "1, 'customer', 'c', 'CREATED', '2025-01-20', 'k1', 'tenant c-tenant (new)', "
        + "NULL)");
    sql(db, row + "2, 'subscription', 'S1', 'ADD_SEATS', '2024-02-29', 'k2', '+5 seats', '"
        + NceSubscriptions.JSON.createObjectNode().set("subscriptionEvent",
            NceSubscriptions.JSON.valueToTree(seed)) + "')");
    sql(db, row + "3, 'nce-subscription', 'N1', 'ADD_SEATS', '2025-03-10', 'k3', '+4 seats', '"
        + NceSubscriptions.JSON.createObjectNode().set("nceEvent",
            NceSubscriptions.JSON.valueToTree(nce)) + "')");
    // an entry an integrator appended through the SPI with a change under its own aggregate
    sql(db, row + "4, 'custom', 'X1', 'SEATS_NOTED', '2025-03-11', 'k4', 'noted', '"
        + NceSubscriptions.JSON.createObjectNode().set("nceEvent",
            NceSubscriptions.JSON.valueToTree(nce)) + "')");
    assertThatThrownBy(() -> new PostgresStore(db)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 5");

    PostgresStore.migrate(db);
    try (PostgresStore store = new PostgresStore(db)) {
      assertThat(store.forPartner("P").read().events().read(0, 10)).containsExactly(
          new DomainEvent(1, "customer", "c", "CREATED", LocalDate.parse("2025-01-20"), "k1",
              "tenant c-tenant (new)"),
          new DomainEvent(2, "S1", seed.date(), "k2", "+5 seats",
              new SubscriptionPayload.Changed(seed)),
          new DomainEvent(3, "N1", nce.date(), "k3", "+4 seats",
              new SubscriptionPayload.Changed(nce)),
          new DomainEvent(4, "custom", "X1", "SEATS_NOTED", LocalDate.parse("2025-03-11"), "k4",
              "noted")); // not csp's own subscription entry: kept as text, and still readable
      assertThat(store.forPartner("P").read().events().read(0, 10).get(0).payload())
          .isEqualTo(new EventPayload.Unstructured("customer", "CREATED"));
    }
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns "
            + "WHERE table_name = 'domain_event' AND column_name = 'change'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the change column is folded into payload").isZero();
    }
    // the schema refuses a payload that is not a typed document
    for (String bad : List.of("'[]'", "'{\"kind\": \"X\"}'", "'{\"type\": \"Unstructured\"}'")) {
      assertThatThrownBy(() -> sql(db, "INSERT INTO domain_event (partner_id, sequence, aggregate, "
          + "aggregate_id, kind, event_on, command_key, detail, payload) VALUES ('P', 9, 'customer', "
          + "'c', 'CREATED', '2025-01-20', 'k9', '', " + bad + ")"))
          .as(bad).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
    }
  }
}
