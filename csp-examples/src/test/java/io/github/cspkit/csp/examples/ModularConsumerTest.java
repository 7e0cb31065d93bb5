package io.github.cspkit.csp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.partner.CspPartner;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * csp-core as a Java module, as an integrator's modular application uses it: a consumer with
 * {@code requires io.github.cspkit.csp;} compiles with {@code javac -Xlint:all -Werror} on the
 * module path (csp-core and the modules it requires, as a build tool would resolve them) and runs
 * with {@code java --module-path … -m consumer/consumer.Main} and no other flag: it orders seats,
 * issues the bills and prints a total. A consumer that imports an internal package does not
 * compile. The consumers' sources are in {@code src/test/resources/modular-consumer}.
 */
class ModularConsumerTest {
  private static final String CORE = "io.github.cspkit.csp";

  @TempDir
  Path work;

  @Test
  void a_modular_consumer_compiles_without_warnings_and_runs_with_no_extra_flags() throws Exception {
    List<Path> modulePath = modulePath();
    Path out = work.resolve("consumer");
    String diagnostics = compile(source("consumer"), modulePath, out);
    assertThat(diagnostics).as("javac -Xlint:all -Werror output").isEmpty();

    List<String> command = new ArrayList<>(List.of(javaLauncher(), "--module-path",
        join(out, modulePath), "-m", "consumer/consumer.Main"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = readAll(p.getInputStream());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the consumer ends").isTrue();
    assertThat(p.exitValue()).as("exit status of %s; output:%n%s", command, output).isZero();
    // 10 seats of O365_E3 at 240.00 from Feb 10: 19 days of February and all of March, in advance
    assertThat(output).contains("Bill contoso/2025-03-01").contains("total USD 328.77");
  }

  @Test
  void a_consumer_cannot_compile_against_an_internal_package() throws Exception {
    String diagnostics = compile(source("intruder"), modulePath(), work.resolve("intruder"));
    assertThat(diagnostics).contains("package io.github.cspkit.csp.billing.internal is declared in"
        + " module io.github.cspkit.csp, which does not export it");
  }

  @Test
  void the_module_exports_the_api_packages_and_no_internal_one() throws Exception {
    ModuleDescriptor core = descriptor(coreLocation()).orElseThrow();
    assertThat(core.isAutomatic()).isFalse();
    assertThat(core.exports()).allSatisfy(e -> {
      assertThat(e.source()).doesNotContain("internal");
      assertThat(e.isQualified()).isFalse();
    });
    assertThat(core.packages()).contains(CORE + ".billing.internal", CORE + ".subscription.internal",
        CORE + ".internal");
    assertThat(core.requires()).anySatisfy(r -> {
      assertThat(r.name()).isEqualTo("java.money");
      assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    });
  }

  /** Compiles one module's sources; returns javac's diagnostics, empty when it compiled cleanly. */
  private static String compile(Path sources, List<Path> modulePath, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    Path nothing = Files.createDirectories(out.resolveSibling(out.getFileName() + "-empty"));
    List<String> args = new ArrayList<>(List.of("-Xlint:all", "-Werror", "--release", "17",
        "--module-path", join(null, modulePath), "--class-path", nothing.toString(), // not ours
        "-d", out.toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status = javac.run(null, output, output, args.toArray(String[]::new));
    String text = output.toString(StandardCharsets.UTF_8);
    assertThat(status == 0).as("javac status %s; output:%n%s", status, text).isEqualTo(text.isEmpty());
    return text;
  }

  /**
   * csp-core and the modules it needs at run time, from this test's class path: the closure of
   * its non-static {@code requires}, as a build tool puts them on a consumer's module path.
   */
  private static List<Path> modulePath() throws URISyntaxException {
    Map<String, Path> byName = new LinkedHashMap<>();
    byName.put(CORE, coreLocation());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      descriptor(p).ifPresent(d -> byName.putIfAbsent(d.name(), p));
    }
    ModuleFinder jdk = ModuleFinder.ofSystem();
    List<Path> path = new ArrayList<>();
    Deque<String> todo = new ArrayDeque<>(List.of(CORE));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!seen.add(name) || jdk.find(name).isPresent()) {
        continue;
      }
      Path p = byName.get(name);
      if (p == null) {
        continue; // not on the class path: the run will say which module is missing
      }
      path.add(p);
      for (ModuleDescriptor.Requires r : descriptor(p).orElseThrow().requires()) {
        if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          todo.add(r.name());
        }
      }
    }
    return path;
  }

  private static Path coreLocation() throws URISyntaxException {
    return Path.of(CspPartner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Optional<ModuleDescriptor> descriptor(Path p) {
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    try {
      return ModuleFinder.of(p).findAll().stream().findFirst().map(ModuleReference::descriptor);
    } catch (FindException e) {
      return Optional.empty(); // not usable as a module (no valid automatic name)
    }
  }

  private static Path source(String module) throws URISyntaxException {
    return Path.of(ModularConsumerTest.class.getResource("/modular-consumer/" + module).toURI());
  }

  private static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String join(Path first, List<Path> rest) {
    List<String> parts = new ArrayList<>();
    if (first != null) {
      parts.add(first.toString());
    }
    rest.forEach(p -> parts.add(p.toString()));
    return String.join(File.pathSeparator, parts);
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
