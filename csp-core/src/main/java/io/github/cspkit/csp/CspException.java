package io.github.cspkit.csp;

import org.jspecify.annotations.Nullable;

/**
 * Every refusal of csp: a call that the rules, the ids, the data or a value's range do not allow.
 * A refused call changes nothing. Each member has a stable {@link #code()} that integrators and
 * the scenario runner's {@code expect refused CODE} match, and the message starts with it
 * ({@code "CODE: reason"}):
 * <ul>
 *   <li>{@link RuleViolation}: a rule of DOMAIN.md refused; the code is the rule id, such as
 *       {@code SUB-1};</li>
 *   <li>{@link UnknownIdException}, {@code UNKNOWN_ID}: no customer, subscription, SKU, price list
 *       or other aggregate has the id;</li>
 *   <li>{@link ConflictException}, {@code CONFLICT}: the id is taken, another call saved first
 *       (stale version), or an idempotency key was used for another request;</li>
 *   <li>{@link OutOfRangeException}, {@code OUT_OF_RANGE}: a value outside its documented range, a
 *       name or id too long or with a control character, or arithmetic that would overflow.</li>
 * </ul>
 * Besides these, a public method throws only {@link NullPointerException} for a null argument.
 */
public abstract sealed class CspException extends RuntimeException
    permits RuleViolation, UnknownIdException, ConflictException, OutOfRangeException {
  private static final long serialVersionUID = 1L;

  CspException(String message, @Nullable Throwable cause, boolean writableStackTrace) {
    super(message, cause, false, writableStackTrace);
  }

  /**
   * @return the stable code: a rule id such as {@code SUB-1}, or {@code UNKNOWN_ID},
   *     {@code CONFLICT} or {@code OUT_OF_RANGE}
   */
  public abstract String code();
}
