package io.github.cspkit.csp.examples.postgres;

import io.github.cspkit.csp.money.MinorUnits;

/**
 * Writes the small JSON documents kept in the rows (bill lines and dues, a subscription's terms,
 * an account's billed terms and one-off services) and reads their dates back ({@link #date}).
 */
final class Json {
  private final StringBuilder out = new StringBuilder(256);
  private boolean first = true;

  private Json(char open) {
    out.append(open);
  }

  static Json array() {
    return new Json('[');
  }

  static Json object() {
    return new Json('{');
  }

  private void comma() {
    if (!first) {
      out.append(',');
    }
    first = false;
  }

  /** Adds a string to an array. */
  Json add(String value) {
    comma();
    quote(value);
    return this;
  }

  /** Adds an object to an array. */
  Json add(Json object) {
    comma();
    out.append(object.end('}'));
    return this;
  }

  /** Adds a field: a string (or null), or a number given as its plain text. */
  Json field(String name, Object value) {
    comma();
    quote(name);
    out.append(':');
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number) {
      out.append(value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
    } else {
      quote(value.toString());
    }
    return this;
  }

  /** Adds a whole-number field. */
  Json field(String name, long value) {
    comma();
    quote(name);
    out.append(':').append(value);
    return this;
  }

  /** Adds a date field, ISO-8601 ({@code "2025-02-01"}). */
  Json field(String name, java.time.LocalDate value) {
    comma();
    quote(name);
    out.append(':');
    int year = value.getYear();
    if (year < 1000 || year > 9999) {
      quote(value.toString());
      return this;
    }
    out.append('"').append(year).append('-');
    twoDigits(value.getMonthValue());
    out.append('-');
    twoDigits(value.getDayOfMonth());
    out.append('"');
    return this;
  }

  private void twoDigits(int n) {
    out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }

  /**
   * Reads a date this class wrote ({@code 2025-02-01}) without a formatter; other forms go to
   * {@link java.time.LocalDate#parse}.
   */
  static java.time.LocalDate date(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        return java.time.LocalDate.of(year, month, day);
      }
    }
    if (text.length() > 10 && text.charAt(0) >= '0' && text.charAt(0) <= '9') {
      return java.time.LocalDate.parse("+" + text); // PostgreSQL prints year 10000 without a sign
    }
    return java.time.LocalDate.parse(text);
  }

  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Adds an amount given in minor units as a plain decimal ({@link MinorUnits#format}): 288.00. */
  Json money(String name, long minor, javax.money.CurrencyUnit currency) {
    return number(name, MinorUnits.format(minor, currency));
  }

  /** A number written as it is (a {@code numeric} in plain text). */
  Json number(String name, String plain) {
    comma();
    quote(name);
    out.append(':').append(plain);
    return this;
  }

  private String end(char close) {
    return out.toString() + close;
  }

  /** @return the array's text */
  String endArray() {
    return end(']');
  }

  private void quote(String s) {
    out.append('"');
    int plain = 0;
    while (plain < s.length()) {
      char c = s.charAt(plain);
      if (c == '"' || c == '\\' || c < 0x20) {
        break;
      }
      plain++;
    }
    if (plain == s.length()) { // nothing to escape: the common case
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
