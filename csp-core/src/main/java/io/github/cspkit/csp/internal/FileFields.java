package io.github.cspkit.csp.internal;

import io.github.cspkit.csp.RuleViolation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The fields of Partner Center's files (PCF-1, PCF-2), read from their text: ISO dates or UTC
 * date-times, plain decimals. A field that does not read is refused as a violation of the file's
 * rule, naming the line and the column. Not exported.
 */
public final class FileFields {
  private FileFields() {}

  /**
   * @param rule the file's rule, {@code PCF-1} or {@code PCF-2}
   * @param line the line number
   * @param column the column name
   * @param text an ISO date ({@code 2025-03-01}) or a UTC date-time
   *     ({@code 2025-03-01T00:00:00Z}, {@code 2025-03-01T00:00:00.000+00:00})
   * @return the day (of the date-time in UTC)
   * @throws RuleViolation {@code rule} if the text is neither
   */
  public static LocalDate day(String rule, long line, String column, String text) {
    Checks.rule(!text.isEmpty(), rule, "line %s: %s is empty", line, column);
    try {
      LocalDate fast = fastDay(text);
      if (fast != null) {
        return fast;
      }
      if (text.length() == 10) {
        return LocalDate.parse(text);
      }
      OffsetDateTime t = OffsetDateTime.parse(text);
      Checks.rule(t.getOffset().equals(ZoneOffset.UTC), rule,
          "line %s: %s '%s' is not in UTC", line, column, text);
      return t.toLocalDate();
    } catch (DateTimeException e) {
      throw RuleViolation.of(rule, "line %s: %s '%s' is not an ISO date or UTC date-time", line,
          column, text);
    }
  }

  /**
   * The common forms without a parser: {@code yyyy-MM-dd} and {@code yyyy-MM-ddTHH:mm:ssZ}.
   *
   * @return the day, or null for any other form (the parser then decides)
   */
  private static LocalDate fastDay(String t) {
    int n = t.length();
    if (n != 10 && !(n == 20 && t.charAt(10) == 'T' && t.charAt(13) == ':' && t.charAt(16) == ':'
        && t.charAt(19) == 'Z')) {
      return null;
    }
    if (t.charAt(4) != '-' || t.charAt(7) != '-') {
      return null;
    }
    int y = digits(t, 0, 4);
    int m = digits(t, 5, 7);
    int d = digits(t, 8, 10);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
      return null;
    }
    if (n == 20) {
      int h = digits(t, 11, 13);
      int mi = digits(t, 14, 16);
      int s = digits(t, 17, 19);
      if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
        return null;
      }
    }
    return d <= 28 || d <= java.time.YearMonth.of(y, m).lengthOfMonth() ? LocalDate.of(y, m, d)
        : null;
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * {@code digits[.digits]} with at most {@code digits} fraction digits and at most 15 digits in
   * all, without a parser.
   *
   * @return the minor units, or -1 for any other text (the general path then decides)
   */
  private static long fastMinor(String t, int digits) {
    int n = t.length();
    if (n == 0 || n > 16) {
      return -1;
    }
    long v = 0;
    int fraction = -1;
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0 && i > 0 && i < n - 1) {
        fraction = 0;
      } else {
        return -1;
      }
    }
    int f = Math.max(fraction, 0);
    if (f > digits || (n - (fraction >= 0 ? 1 : 0)) + (digits - f) > 18) {
      return -1;
    }
    for (int i = f; i < digits; i++) {
      v *= 10;
    }
    return v;
  }

  /** @return whether the text is {@code [-+]?digits[.digits]} or {@code [-+]?.digits} */
  private static boolean isPlainDecimal(String t) {
    int n = t.length();
    int i = n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
    boolean digit = false;
    boolean dot = false;
    boolean digitAfterDot = false;
    for (; i < n; i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
        digitAfterDot |= dot;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digit && (!dot || digitAfterDot);
  }

  /**
   * @param rule the file's rule
   * @param line the line number
   * @param column the column name
   * @param text a plain decimal, for example {@code 240.00} or {@code -6.50}
   * @return the number
   * @throws RuleViolation {@code rule} if the text is not one
   */
  public static BigDecimal decimal(String rule, long line, String column, String text) {
    Checks.rule(!text.isEmpty(), rule, "line %s: %s is empty", line, column);
    if (text.length() > 40 || !isPlainDecimal(text)) {
      throw RuleViolation.of(rule, "line %s: %s '%s' is not a number", line, column,
          text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
    return new BigDecimal(text);
  }

  /**
   * @param rule the file's rule
   * @param line the line number
   * @param column the column name
   * @param text a plain decimal, not negative, no finer than the minor unit
   * @param digits the currency's minor digits
   * @return the amount in minor units
   * @throws RuleViolation {@code rule} if it is not such an amount or does not fit a long
   */
  public static long minor(String rule, long line, String column, String text, int digits) {
    long fast = fastMinor(text, digits);
    if (fast >= 0) {
      return fast;
    }
    BigDecimal value = decimal(rule, line, column, text);
    Checks.rule(value.signum() >= 0, rule, "line %s: %s %s is negative", line, column, text);
    Checks.rule(value.stripTrailingZeros().scale() <= digits, rule,
        "line %s: %s %s is finer than the currency's minor unit (%s digits)", line, column, text,
        digits);
    BigDecimal minor = value.movePointRight(digits);
    Checks.rule(minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0, rule,
        "line %s: %s %s is too large", line, column, text);
    return minor.longValue();
  }
}
