package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The keyword clauses after a statement's leading words ({@code family …}, {@code seats N},
 * {@code as SUB}, {@code verified}, …), in any order, each at most once (SCENARIOS.md).
 */
final class Clauses {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private Clauses() {}

  /**
   * Reads every remaining word of the line as clauses.
   *
   * @param w the line
   * @param arity keyword → how many words follow it (0 for a flag such as {@code verified})
   * @param other receives words that contain {@code =} (such as {@code SKU=PRICE}); null if none
   *     are allowed
   * @return the clauses
   */
  static Clauses read(Words w, Map<String, Integer> arity, @Nullable Consumer<String> other) {
    Clauses c = new Clauses();
    while (w.hasNext()) {
      String word = w.next("a clause");
      if (other != null && word.indexOf('=') > 0) {
        other.accept(word);
        continue;
      }
      Integer n = arity.get(word);
      if (n == null) {
        throw expected("one of the clauses " + String.join(", ", arity.keySet())
            + (other != null ? " or SKU=PRICE" : ""), Words.show(word));
      }
      if (c.values.containsKey(word)) {
        throw expected("the clause '" + word + "' once", "it a second time");
      }
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(w.next("a value after '" + word + "'"));
      }
      c.values.put(word, args);
    }
    return c;
  }

  boolean has(String keyword) {
    return values.containsKey(keyword);
  }

  /**
   * @param keyword a clause with one value
   * @param form the clause as written in SCENARIOS.md, for the message
   * @return its value
   */
  String require(String keyword, String form) {
    List<String> v = values.get(keyword);
    if (v == null) {
      throw expected("a clause '" + form + "'", "end of line without it");
    }
    return v.get(0);
  }

  /**
   * @param keyword a clause with one value
   * @return its value, or null when absent
   */
  @Nullable String optional(String keyword) {
    List<String> v = values.get(keyword);
    return v == null ? null : v.get(0);
  }
}
