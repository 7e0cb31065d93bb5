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

  private final String rule;
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

  /**
   * Throws a violation of {@code rule} unless {@code condition} holds.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template
   * @param args the template's arguments
   */
  public static void check(boolean condition, String rule, String reason, Object... args) {
    if (!condition) {
      throw of(rule, reason, args);
    }
  }

  /**
   * As {@link #check(boolean, String, String, Object...)}, for a reason without arguments.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason
   */
  public static void check(boolean condition, String rule, String reason) {
    if (!condition) {
      throw of(rule, reason);
    }
  }

  /**
   * As {@link #check(boolean, String, String, Object...)}, without an array when the check holds.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template
   * @param a the template's argument
   */
  public static void check(boolean condition, String rule, String reason, Object a) {
    if (!condition) {
      throw of(rule, reason, a);
    }
  }

  /**
   * As {@link #check(boolean, String, String, Object...)}, without an array when the check holds.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template
   * @param a the first argument
   * @param b the second argument
   */
  public static void check(boolean condition, String rule, String reason, Object a, Object b) {
    if (!condition) {
      throw of(rule, reason, a, b);
    }
  }

  /**
   * As {@link #check(boolean, String, String, Object...)}, without an array when the check holds.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   */
  public static void check(boolean condition, String rule, String reason, Object a, Object b,
      Object c) {
    if (!condition) {
      throw of(rule, reason, a, b, c);
    }
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
