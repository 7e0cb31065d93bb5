package io.github.cspkit.csp;

import static java.util.Objects.requireNonNull;

/**
 * An operation that a rule of DOMAIN.md refuses: the member of the {@link CspException} family
 * whose code is the rule's id.
 * <p>
 * It names the rule that refused (for example {@code "PRC-2"}) and a reason a person can act on.
 * The message is {@code "RULE: reason"}. A refused operation changes nothing. A value outside its
 * range (a negative count) is not a rule violation but an {@link OutOfRangeException}; a null
 * argument is a {@link NullPointerException} naming the parameter.
 */
public final class RuleViolation extends CspException {
  private static final long serialVersionUID = 1L;

  /** The rule id, for example {@code "SUB-2"}. */
  private final String rule;
  /** The reason, without the rule id. */
  private final String reason;

  private RuleViolation(String rule, String reason) {
    super(rule + ": " + reason, null, false);
    this.rule = rule;
    this.reason = reason;
  }

  /**
   * Creates a violation of {@code rule}; the reason is formatted with {@link String#format}.
   *
   * @param rule the rule id, such as {@code "SUB-2"}
   * @param reason the reason, a {@code String.format} template
   * @param args the template's arguments
   * @return the violation, to be thrown
   * @throws OutOfRangeException if {@code rule} does not look like a rule id ({@code ABC-1})
   */
  public static RuleViolation of(String rule, String reason, Object... args) {
    requireNonNull(rule, "rule");
    requireNonNull(reason, "reason");
    if (!rule.matches("[A-Z]{3}-[0-9]+")) {
      throw new OutOfRangeException("rule must look like ABC-1: " + rule);
    }
    return new RuleViolation(rule, args.length == 0 ? reason : String.format(reason, args));
  }

  /** @return the rule id, the same as {@link #rule()} */
  @Override
  public String code() {
    return rule;
  }

  /** @return the rule id, for example {@code "AGR-4"} */
  public String rule() {
    return rule;
  }

  /** @return the reason, without the rule id */
  public String reason() {
    return reason;
  }
}
