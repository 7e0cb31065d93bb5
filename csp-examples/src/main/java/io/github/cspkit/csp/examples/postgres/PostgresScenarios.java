package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.examples.DemoCurrentYear;
import io.github.cspkit.csp.examples.DemoYear;
import io.github.cspkit.csp.examples.scenario.ScenarioRunner;
import io.github.cspkit.csp.partner.CspPolicies;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Replays scenario files (SCENARIOS.md), or the demo year, on a PostgreSQL database instead of in memory, so that an
 * integrator can replay a dispute against the real store: each file in a fresh schema of its own
 * ({@code csp_run_<time>_<random>_<n>}, created, migrated and kept for inspection), so that files never see
 * each other's data. The user and password come from the JDBC URL, else from {@code PGUSER} and
 * {@code PGPASSWORD}.
 */
public final class PostgresScenarios {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final String jdbcUrl;
  private final Map<String, String> env;
  private final String prefix = "csp_run_" + LocalDateTime.now().format(STAMP) + "_"
      + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x100000, 0xffffff)) + "_";
  private int files;

  /**
   * @param jdbcUrl the database, for example {@code jdbc:postgresql://localhost/csp?user=csp}
   * @param env the environment ({@code PGUSER}, {@code PGPASSWORD})
   */
  public PostgresScenarios(String jdbcUrl, Map<String, String> env) {
    this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl");
    this.env = requireNonNull(env, "env");
  }

  /**
   * Runs one file in a new schema.
   *
   * @param file the scenario
   * @param out where bills and the summary go
   * @param err where failures go
   * @return the exit status, as {@link ScenarioRunner#run(Path, PrintStream, PrintStream)}
   */
  public int run(Path file, PrintStream out, PrintStream err) {
    return inNewSchema(file.toString(), err, store -> ScenarioRunner.run(file, store, out, err));
  }

  /**
   * Replays a demo year ({@link DemoYear}, or {@link DemoCurrentYear} for the current program) in a
   * new schema; it prints exactly what it prints in memory.
   *
   * @param current whether the current program's year, else the seed's
   * @param out where the year goes
   * @param err where an unreachable database is reported
   * @return the exit status: 0, or 2 when the database cannot be reached
   */
  public int demo(boolean current, PrintStream out, PrintStream err) {
    return inNewSchema("demo", err, store -> {
      if (current) {
        DemoCurrentYear.run(out, store);
      } else {
        DemoYear.run(out, store);
      }
      return 0;
    });
  }

  /** Creates and migrates a schema of its own, then runs {@code work} on a store over it. */
  private int inNewSchema(String what, PrintStream err, ToIntFunction<PostgresStore> work) {
    String schema = prefix + (++files);
    try (HikariDataSource pool = pool(null)) {
      try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
    } catch (SQLException | RuntimeException e) {
      err.println(what + ": expected a reachable PostgreSQL database at " + jdbcUrl + ", found "
          + e.getMessage());
      return ScenarioRunner.BROKEN;
    }
    try (HikariDataSource pool = pool(schema)) {
      PostgresStore.migrate(pool);
      PostgresStore store = PostgresStore.builder(pool).policy(CspPolicies.seed().priceLists()).build();
      return work.applyAsInt(store);
    }
  }

  private HikariDataSource pool(String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (!jdbcUrl.contains("user=") && env.get("PGUSER") != null) {
      config.setUsername(env.get("PGUSER"));
    }
    if (!jdbcUrl.contains("password=") && env.get("PGPASSWORD") != null) {
      config.setPassword(env.get("PGPASSWORD"));
    }
    if (schema != null) {
      config.addDataSourceProperty("currentSchema", schema);
    }
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setPoolName(schema == null ? "csp-setup" : schema);
    return new HikariDataSource(config);
  }
}
