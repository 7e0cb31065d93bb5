package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.examples.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped scenario replayed on the embedded PostgreSQL server through the command line
 * ({@code run --jdbc-url URL FILE}) prints exactly what it prints in memory.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresScenariosTest {
  private static final Path DIR = Path.of("src/test/resources/scenarios");

  private static List<Path> scenarios() throws Exception {
    try (Stream<Path> files = Files.walk(DIR)) { // scenarios/pcf too
      return files.filter(f -> f.toString().endsWith(".csp")).sorted().toList();
    }
  }

  private record Run(int status, String out, String err) {}

  private static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @TestFactory
  Stream<DynamicTest> every_shipped_scenario_prints_the_same_on_postgresql() throws Exception {
    String url = TestDatabases.url(TestDatabases.newDatabase("scenarios"));
    return scenarios().stream().map(file -> DynamicTest.dynamicTest(
        DIR.relativize(file).toString(), () -> {
      Run inMemory = main("run", file.toString());
      Run onPostgres = main("run", "--jdbc-url", url, file.toString());
      assertThat(onPostgres).isEqualTo(inMemory);
      assertThat(onPostgres.status()).isZero();
    }));
  }

  @Test
  void files_run_together_each_in_a_schema_of_its_own() throws Exception {
    String url = TestDatabases.url(TestDatabases.newDatabase("scenarios"));
    List<String> args = new ArrayList<>(List.of("run", "--jdbc-url", url));
    Path first = scenarios().get(0);
    args.add(first.toString());
    args.add(first.toString()); // the same file twice: the second would fail on shared data
    Run twice = main(args.toArray(new String[0]));
    assertThat(twice.err()).isEmpty();
    assertThat(twice.status()).isZero();
    assertThat(twice.out()).contains("2 files: 2 passed, 0 failed, 0 broken");
  }

  @Test
  void an_unreachable_database_is_reported() {
    Run r = main("run", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2",
        DIR.resolve("01-scenarios-md-example.csp").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("expected a reachable PostgreSQL database");
  }
}
