package io.github.cspkit.csp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one check that an operation is refused by a rule: every refusal names its rule id. */
public final class Refusals {
  private Refusals() {}

  /**
   * Asserts that {@code call} throws a {@link RuleViolation} naming exactly {@code rule}, with a
   * reason, and a message {@code "RULE: reason"}.
   *
   * @param rule the rule id expected, such as {@code "SUB-2"}
   * @param call the refused operation
   * @return the violation thrown, for further checks on its reason
   */
  public static RuleViolation refused(String rule, ThrowingCallable call) {
    RuleViolation[] got = new RuleViolation[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
      assertThat(v.rule()).as("rule of %s", v.getMessage()).isEqualTo(rule);
      assertThat(v.reason()).isNotBlank();
      assertThat(v.getMessage()).startsWith(rule + ": ");
      got[0] = v;
    });
    return got[0];
  }
}
