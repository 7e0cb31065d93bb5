package io.github.cspkit.csp;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A value outside its documented range (code {@value #CODE}): a negative count, an end before its
 * start, text that is not a number, a name or id longer than {@value #MAX_NAME} characters or
 * holding a control character, or arithmetic whose result would not fit (an overflow is refused,
 * never a wrong amount). Nothing changed. Message: {@code "OUT_OF_RANGE: reason"}.
 */
public final class OutOfRangeException extends CspException {
  /** The stable code. */
  public static final String CODE = "OUT_OF_RANGE";
  /** The most characters a name or an id may have. */
  public static final int MAX_NAME = 100;
  /** The most characters a free text (a task, a setting) may have. */
  public static final int MAX_TEXT = 1000;
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is out of range, without the code
   */
  public OutOfRangeException(String message) {
    this(message, null);
  }

  /**
   * @param message what is out of range, without the code
   * @param cause the exception that found it (an {@link ArithmeticException}), or null
   */
  public OutOfRangeException(String message, @Nullable Throwable cause) {
    super(CODE + ": " + requireNonNull(message, "message"), cause, true);
  }

  @Override
  public String code() {
    return CODE;
  }
}
