package io.github.cspkit.csp.examples.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Rows to write in one statement: every column travels as one {@code text[]} parameter and is cast
 * back to its type in SQL ({@code FROM unnest(?::text[], ...) WITH ORDINALITY AS u(...)}). One
 * row travels as plain text parameters ({@code VALUES}): a command's single-row writes then build
 * and parse no arrays.
 */
final class Columns {
  private final String[] names;
  private final String[] types;
  private final List<String[]> rows = new ArrayList<>();

  /** @param spec column names, each optionally {@code name:type} (text by default) */
  Columns(String... spec) {
    names = new String[spec.length];
    types = new String[spec.length];
    for (int i = 0; i < spec.length; i++) {
      int colon = spec[i].indexOf(':');
      names[i] = colon < 0 ? spec[i] : spec[i].substring(0, colon);
      types[i] = colon < 0 ? "text" : spec[i].substring(colon + 1);
    }
  }

  /** Adds a row; values are turned into text ({@code null} stays null). */
  Columns row(Object... values) {
    String[] row = new String[names.length];
    for (int i = 0; i < values.length; i++) {
      row[i] = values[i] == null ? null : values[i].toString();
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  int size() {
    return rows.size();
  }

  /**
   * @return {@code unnest(?::text[], ...) WITH ORDINALITY AS u(names..., ord)}, or for one row
   *     {@code (VALUES (?::text, ..., 1)) AS u(names..., ord)}: no arrays to build and parse
   */
  String from() {
    boolean one = single();
    StringJoiner args = new StringJoiner(", ");
    StringJoiner cols = new StringJoiner(", ");
    for (String n : names) {
      args.add(one ? "?::text" : "?::text[]");
      cols.add(n);
    }
    return one ? "(VALUES (" + args + ", 1)) AS u(" + cols + ", ord)"
        : "unnest(" + args + ") WITH ORDINALITY AS u(" + cols + ", ord)";
  }

  private boolean single() {
    return rows.size() == 1;
  }

  /** @return {@code u.name::type} for a column */
  String col(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return types[i].equals("text") ? "u." + name : "u." + name + "::" + types[i];
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }

  /** @return every column as {@code u.name::type}, comma separated */
  String select() {
    StringJoiner s = new StringJoiner(", ");
    for (String n : names) {
      s.add(col(n));
    }
    return s.toString();
  }

  /** @return the column names, comma separated */
  String names() {
    return String.join(", ", names);
  }

  /**
   * @return one {@code String[]} parameter per column; for one row, its values ({@link
   *     Batch#NULL_TEXT} for null)
   */
  Object[] params() {
    Object[] out = new Object[names.length];
    if (single()) {
      String[] row = rows.get(0);
      for (int i = 0; i < names.length; i++) {
        out[i] = row[i] == null ? Batch.NULL_TEXT : row[i];
      }
      return out;
    }
    for (int i = 0; i < names.length; i++) {
      String[] column = new String[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        column[r] = rows.get(r)[i];
      }
      out[i] = column;
    }
    return out;
  }

  /** @return the first parameter followed by every column parameter */
  Object[] params(Object first) {
    Object[] cols = params();
    Object[] out = new Object[cols.length + 1];
    out[0] = first;
    System.arraycopy(cols, 0, out, 1, cols.length);
    return out;
  }
}
