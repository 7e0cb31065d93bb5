package io.github.cspkit.csp.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every scenario file of src/test/resources/scenarios and its subfolders (gdap; pcf: the
 * Partner Center files, beside their fixture files): each must pass (exit 0).
 */
class ScenarioFilesTest {
  /** The subfolders of shipped scenarios: {@code gdap} (GDA-1..4). */
  static final List<String> SUBFOLDERS = List.of("gdap");

  static List<Path> scenarios() throws IOException, URISyntaxException {
    Path dir = Path.of(ScenarioFilesTest.class.getResource("/scenarios").toURI());
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".csp")).sorted().toList();
    }
  }

  @Test
  void there_are_at_least_eight_scenarios_covering_every_rule_group() throws Exception {
    List<Path> files = scenarios();
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    StringBuilder all = new StringBuilder();
    for (Path f : files) {
      all.append(Files.readString(f));
    }
    for (String group : List.of("AGR-", "PRC-", "CAT-", "CUS-", "SUB-", "BIL-", "ACC-", "DIS-",
        "GDA-1", "GDA-2", "GDA-3", "GDA-4", "MPA-", "NCE-", "PCF-")) {
      assertThat(all.toString()).as("a scenario covers %s", group).contains(group);
    }
  }

  @TestFactory
  Stream<DynamicTest> every_scenario_file_passes() throws Exception {
    Path dir = Path.of(ScenarioFilesTest.class.getResource("/scenarios").toURI());
    return scenarios().stream().map(file -> DynamicTest.dynamicTest(
        dir.relativize(file).toString(), () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = ScenarioRunner.run(file, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(err.toString(StandardCharsets.UTF_8)).as("problems of %s", file).isEmpty();
      assertThat(status).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains(": passed (exit 0)");
    }));
  }
}
