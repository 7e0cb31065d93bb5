package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.examples.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo year on the embedded PostgreSQL server ({@code demo --jdbc-url URL}) prints what it prints in memory. */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresDemoTest {
  private record Run(int status, String out, String err) {}

  private static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void the_demo_prints_the_same_year_on_postgresql_as_in_memory() {
    String url = TestDatabases.url(TestDatabases.newDatabase("demo"));
    Run inMemory = main("demo");
    Run onPostgres = main("demo", "--jdbc-url", url);
    assertThat(onPostgres.status()).isZero();
    assertThat(onPostgres.err()).isEmpty();
    assertThat(onPostgres.out()).isEqualTo(inMemory.out()).contains("The year in sums");
  }

  @Test
  void the_current_programs_demo_prints_the_same_year_on_postgresql_as_in_memory() {
    String url = TestDatabases.url(TestDatabases.newDatabase("demo"));
    Run inMemory = main("demo", "--program", "current");
    Run onPostgres = main("demo", "--jdbc-url", url, "--program", "current");
    assertThat(onPostgres.status()).isZero();
    assertThat(onPostgres.err()).isEmpty();
    assertThat(onPostgres.out()).isEqualTo(inMemory.out()).contains("vendor");
  }

  @Test
  void an_unreachable_database_is_reported_with_exit_2() {
    Run r = main("demo", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("demo: expected a reachable PostgreSQL database");
  }

  @Test
  void demo_takes_a_url_or_nothing() {
    assertThat(main("demo", "--jdbc-url").status()).isEqualTo(2);
    assertThat(main("demo", "extra").status()).isEqualTo(2);
    assertThat(main("demo", "--program", "future").status()).isEqualTo(2);
    assertThat(main("demo", "--jdbc-url", "a", "--jdbc-url", "b").status()).isEqualTo(2);
  }
}
