package io.github.cspkit.csp.examples.postgres;

/** Writes the small JSON documents kept in {@code jsonb} columns (bill lines, billed terms). */
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
    for (int i = 0; i < s.length(); i++) {
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
