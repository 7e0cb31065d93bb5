package io.github.cspkit.csp.internal;

import com.google.common.base.Strings;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;

/**
 * The checks that refuse with the {@link io.github.cspkit.csp.CspException} family: a rule
 * ({@link RuleViolation}), a range ({@link OutOfRangeException}) and the names and ids given at the
 * API's edge. Fixed-arity overloads, so that a passing check allocates nothing. Not exported.
 */
public final class Checks {
  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

  private Checks() {}

  /**
   * Throws a violation of {@code rule} unless {@code condition} holds.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template ({@link String#format})
   * @param args the template's arguments
   */
  public static void rule(boolean condition, String rule, String reason, Object... args) {
    if (!condition) {
      throw RuleViolation.of(rule, reason, args);
    }
  }

  /**
   * As {@link #rule(boolean, String, String, Object...)}, for a reason without arguments.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason
   */
  public static void rule(boolean condition, String rule, String reason) {
    if (!condition) {
      throw RuleViolation.of(rule, reason);
    }
  }

  /**
   * As {@link #rule(boolean, String, String, Object...)}, with one argument.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template
   * @param a the argument
   */
  public static void rule(boolean condition, String rule, String reason, Object a) {
    if (!condition) {
      throw RuleViolation.of(rule, reason, a);
    }
  }

  /**
   * As {@link #rule(boolean, String, String, Object...)}, with two arguments.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template
   * @param a the first argument
   * @param b the second argument
   */
  public static void rule(boolean condition, String rule, String reason, Object a, Object b) {
    if (!condition) {
      throw RuleViolation.of(rule, reason, a, b);
    }
  }

  /**
   * As {@link #rule(boolean, String, String, Object...)}, with three arguments.
   *
   * @param condition what must hold
   * @param rule the rule id
   * @param reason the reason template
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   */
  public static void rule(boolean condition, String rule, String reason, Object a, Object b,
      Object c) {
    if (!condition) {
      throw RuleViolation.of(rule, reason, a, b, c);
    }
  }

  /**
   * Throws an {@link OutOfRangeException} unless {@code condition} holds.
   *
   * @param condition what must hold
   * @param template the message, with {@code %s} for each argument
   * @param args the arguments
   */
  public static void range(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new OutOfRangeException(Strings.lenientFormat(template, args));
    }
  }

  /**
   * As {@link #range(boolean, String, Object...)}, for a message without arguments.
   *
   * @param condition what must hold
   * @param message the message
   */
  public static void range(boolean condition, String message) {
    if (!condition) {
      throw new OutOfRangeException(message);
    }
  }

  /**
   * As {@link #range(boolean, String, Object...)}, with one argument.
   *
   * @param condition what must hold
   * @param template the message template
   * @param a the argument
   */
  public static void range(boolean condition, String template, Object a) {
    if (!condition) {
      throw new OutOfRangeException(Strings.lenientFormat(template, a));
    }
  }

  /**
   * As {@link #range(boolean, String, Object...)}, with one number: nothing is boxed when the
   * check holds.
   *
   * @param condition what must hold
   * @param template the message template
   * @param a the argument
   */
  public static void range(boolean condition, String template, long a) {
    if (!condition) {
      throw new OutOfRangeException(Strings.lenientFormat(template, a));
    }
  }

  /**
   * As {@link #range(boolean, String, Object...)}, with two numbers: nothing is boxed when the
   * check holds.
   *
   * @param condition what must hold
   * @param template the message template
   * @param a the first argument
   * @param b the second argument
   */
  public static void range(boolean condition, String template, long a, long b) {
    if (!condition) {
      throw new OutOfRangeException(Strings.lenientFormat(template, a, b));
    }
  }

  /**
   * As {@link #range(boolean, String, Object...)}, with two arguments.
   *
   * @param condition what must hold
   * @param template the message template
   * @param a the first argument
   * @param b the second argument
   */
  public static void range(boolean condition, String template, Object a, Object b) {
    if (!condition) {
      throw new OutOfRangeException(Strings.lenientFormat(template, a, b));
    }
  }

  /**
   * As {@link #range(boolean, String, Object...)}, with three arguments.
   *
   * @param condition what must hold
   * @param template the message template
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   */
  public static void range(boolean condition, String template, Object a, Object b, Object c) {
    if (!condition) {
      throw new OutOfRangeException(Strings.lenientFormat(template, a, b, c));
    }
  }

  /**
   * A name or id given at the API's edge: 1 to {@link OutOfRangeException#MAX_NAME} characters,
   * not blank, no control character (NUL included).
   *
   * @param what what it names, for the message, for example {@code "customer id"}
   * @param value the name or id
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws OutOfRangeException if it is blank, too long or holds a control character
   */
  public static String name(String what, String value) {
    return text(what, value, OutOfRangeException.MAX_NAME);
  }

  /**
   * An id that is a word: as {@link #name}, and only letters, digits, {@code _}, {@code .} and
   * {@code -} (customer, subscription and partner ids).
   *
   * @param what what it names, for the message, for example {@code "customer id"}
   * @param value the id
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws OutOfRangeException if it is too long or not such a word
   */
  public static String word(String what, String value) {
    name(what, value);
    if (!WORD.matcher(value).matches()) {
      throw new OutOfRangeException(what + " must be a word (letters, digits, _ . -), found '"
          + value + "'");
    }
    return value;
  }

  /**
   * A free text given at the API's edge (a task, a setting): as {@link #name}, up to
   * {@link OutOfRangeException#MAX_TEXT} characters.
   *
   * @param what what it is, for the message
   * @param value the text
   * @return {@code value}
   */
  public static String text(String what, String value) {
    return text(what, value, OutOfRangeException.MAX_TEXT);
  }

  /**
   * As {@link #name}, with another maximum length.
   *
   * @param what what it is, for the message
   * @param value the text
   * @param max the most characters it may have
   * @return {@code value}
   */
  public static String text(String what, String value, int max) {
    if (value == null) {
      throw new NullPointerException(what);
    }
    int n = value.length();
    if (n > max) {
      throw new OutOfRangeException(what + " must have at most " + max + " characters, found "
          + n + " starting '" + printable(value.substring(0, 20)) + "'");
    }
    boolean blank = true;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new OutOfRangeException(what + " must not contain a control character, found U+"
            + String.format("%04X", (int) c) + " at " + i + " in '" + printable(value) + "'");
      }
      blank &= Character.isWhitespace(c);
    }
    if (blank) {
      throw new OutOfRangeException(what + " must not be blank, found '" + value + "'");
    }
    return value;
  }

  /** @return {@code s} with control characters shown as {@code \\uXXXX}, for messages */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * @param a a long
   * @param b another
   * @return {@code a + b}
   * @throws OutOfRangeException if it overflows
   */
  public static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw new OutOfRangeException("arithmetic overflow: " + a + " + " + b
          + " does not fit 64 bits");
    }
    return r;
  }

  /**
   * @param a a long
   * @param b another
   * @return {@code a - b}
   * @throws OutOfRangeException if it overflows
   */
  public static long subtract(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw new OutOfRangeException("arithmetic overflow: " + a + " - " + b
          + " does not fit 64 bits");
    }
    return r;
  }

  /**
   * @param a a long
   * @param b another
   * @return {@code a × b}
   * @throws OutOfRangeException if it overflows
   */
  public static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new OutOfRangeException("arithmetic overflow: " + a + " × " + b
          + " does not fit 64 bits", e);
    }
  }
}
