package io.github.cspkit.csp.testkit;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A deliberately invalid operation, after a valid history that sets it up, labelled with the rule
 * of DOMAIN.md that must refuse it.
 *
 * @param setup a valid history; it replays without refusal
 * @param op the invalid operation
 * @param rule the rule id that must refuse it, for example {@code "SUB-6"}
 */
public record LabelledOp(List<HistoryOp> setup, HistoryOp op, String rule) {
  /**
   * @param setup setup
   * @param op op
   * @param rule rule
   */
  public LabelledOp {
    setup = List.copyOf(setup);
    requireNonNull(op, "op");
    requireNonNull(rule, "rule");
  }

  @Override
  public String toString() {
    return rule + " ← " + op + " after " + setup.size() + " operations";
  }
}
