package io.github.cspkit.csp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps DESIGN.md's layers pointing one way: money/time ← agreement, pricing, catalog ← customer ←
 * subscription ← billing ← repository ← partner; access is consulted only by partner (repository
 * stores its GDAP relationships, never its policies). A group's
 * non-exported {@code .internal} sub-package sits in its group's layer; the root's
 * {@code internal} package (the style and the checks) sits below them all. Reads the sources'
 * imports (and fully qualified references), so it needs no extra dependency.
 */
class LayeringTest {
  private static final Map<String, Integer> RANK = Map.ofEntries(
      Map.entry("internal", 0), Map.entry("money", 1), Map.entry("time", 1),
      Map.entry("agreement", 2), Map.entry("pricing", 2), Map.entry("catalog", 2),
      Map.entry("customer", 3), Map.entry("subscription", 4), Map.entry("billing", 5),
      Map.entry("access", 5), Map.entry("repository", 6), Map.entry("partner", 7));
  private static final Pattern REF = Pattern.compile("\\bcsp\\.([a-z]+)(?:\\.[a-z]+)*\\.([A-Z]\\w*)");

  @Test
  void lower_packages_never_use_higher_ones_and_only_partner_consults_access() throws IOException {
    Path root = Paths.get("src/main/java/io/github/cspkit/csp");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Path rel = root.relativize(f);
        if (rel.getNameCount() < 2) {
          continue; // the root package (the CspException family) is usable by all
        }
        String pkg = rel.getName(0).toString();
        Integer own = RANK.get(pkg);
        assertThat(own).as("package csp.%s has a rank in DESIGN.md", pkg).isNotNull();
        Matcher m = REF.matcher(Files.readString(f));
        while (m.find()) {
          String used = m.group(1);
          Integer rank = RANK.get(used);
          if (rank == null || used.equals(pkg)) {
            continue;
          }
          // repository stores access's GDAP relationships (values); only partner consults policies
          boolean ok = rank < own && (!used.equals("access") || pkg.equals("partner")
              || pkg.equals("repository") && !m.group(2).endsWith("Policy"));
          if (!ok) {
            violations.add("csp." + pkg + " (" + rel + ") uses csp." + used);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
