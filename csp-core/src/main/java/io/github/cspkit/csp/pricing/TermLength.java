package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;

/**
 * The length of a new-commerce term (NCE-1): one month, one year or three years. Terms are
 * counted in calendar months from an anchor ({@code LocalDate.plusMonths}), so they never drift:
 * see {@code TermCalendar} in the subscription package.
 */
public enum TermLength {
  /** One month. */
  P1M(1),
  /** One year: the seed's only term (SUB-1). */
  P1Y(12),
  /** Three years. */
  P3Y(36);

  private final int months;

  TermLength(int months) {
    this.months = months;
  }

  /** @return the term's length in calendar months: 1, 12 or 36 */
  public int months() {
    return months;
  }

  /** @return the length as a period: {@code P1M}, {@code P1Y} or {@code P3Y} */
  public Period period() {
    return this == P1M ? Period.ofMonths(1) : Period.ofYears(months / 12);
  }

  /** @return the ISO-8601 code, {@code "P1M"}, {@code "P1Y"} or {@code "P3Y"} */
  public String code() {
    return name();
  }

  /**
   * Parses {@code "P1M"}, {@code "P1Y"} or {@code "P3Y"}, ignoring case and surrounding blanks.
   *
   * @param text the code
   * @return the term length
   * @throws OutOfRangeException when the text names no term length
   */
  public static TermLength parse(String text) {
    requireNonNull(text, "text");
    String code = text.strip().toUpperCase(Locale.ROOT);
    for (TermLength t : values()) {
      if (t.name().equals(code)) {
        return t;
      }
    }
    throw new OutOfRangeException(String.format(
        "unknown term '%s'; expected one of %s", text, Arrays.toString(values())));
  }
}
