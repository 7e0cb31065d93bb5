package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement texts shared by shape are the texts that would have been built. */
class SqlTextTest {
  @Test
  void a_shared_text_is_the_text_built_from_its_parts() {
    qt().withExamples(200).forAll(lists().of(strings().allPossible().ofLengthBetween(0, 6))
        .ofSizeBetween(0, 6), strings().allPossible().ofLengthBetween(0, 3))
        .checkAssert((parts, delimiter) -> {
          String[] array = parts.toArray(new String[0]);
          assertThat(SqlText.of(array)).isEqualTo(String.join("", parts));
          assertThat(SqlText.join(delimiter, parts)).isEqualTo(String.join(delimiter, parts));
          String template = String.join("%s", parts);
          assertThat(SqlText.replace(template, "%s", delimiter))
              .isEqualTo(template.replace("%s", delimiter));
        });
  }

  @Test
  void equal_parts_give_the_same_instance_and_different_splits_the_same_text() {
    String a = SqlText.of("SELECT id FROM ", new String("customer"), " WHERE partner_id = ?");
    String b = SqlText.of("SELECT id FROM ", "customer", " WHERE partner_id = ?");
    assertThat(b).isSameAs(a);
    assertThat(SqlText.of("SELECT id FROM customer", " WHERE partner_id = ?")).isEqualTo(a);
    List<String> ctes = new ArrayList<>(List.of("m0 AS (x)", "m1 AS (y)"));
    assertThat(SqlText.join(", ", ctes)).isSameAs(SqlText.join(", ", List.copyOf(ctes)))
        .isEqualTo("m0 AS (x), m1 AS (y)");
    assertThat(SqlText.join(",", ctes)).isEqualTo("m0 AS (x),m1 AS (y)");
  }
}
