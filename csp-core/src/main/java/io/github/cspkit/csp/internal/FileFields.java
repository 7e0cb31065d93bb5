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
   * @param rule the file's rule
   * @param line the line number
   * @param column the column name
   * @param text a plain decimal, for example {@code 240.00} or {@code -6.50}
   * @return the number
   * @throws RuleViolation {@code rule} if the text is not one
   */
  public static BigDecimal decimal(String rule, long line, String column, String text) {
    Checks.rule(!text.isEmpty(), rule, "line %s: %s is empty", line, column);
    if (text.length() > 40 || !text.matches("[-+]?[0-9]*\\.?[0-9]+")) {
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
