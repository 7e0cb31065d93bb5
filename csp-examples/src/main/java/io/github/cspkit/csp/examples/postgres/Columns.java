package io.github.cspkit.csp.examples.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows to write in one statement: every column travels as one {@code text[]} parameter and is cast
 * back to its type in SQL ({@code FROM unnest(?::text[], ...) WITH ORDINALITY AS u(...)}). One
 * row travels as plain text parameters ({@code VALUES}): a command's single-row writes then build
 * and parse no arrays.
 */
final class Columns {
  /**
   * The SQL of each list of columns, made once: the lists are the code's constants, so this holds
   * a few dozen entries, and a command's write no longer parses them and joins their SQL again.
   */
  private static final Map<List<String>, Layout> LAYOUTS = new ConcurrentHashMap<>();

  private final Layout layout;
  private final List<String[]> rows = new ArrayList<>();

  /** A list of columns' names, types and SQL. */
  private record Layout(String[] names, String[] types, String joined, String select, String one,
      String many) {
    static Layout of(List<String> spec) {
      String[] names = new String[spec.size()];
      String[] types = new String[spec.size()];
      StringJoiner select = new StringJoiner(", ");
      StringJoiner one = new StringJoiner(", ");
      StringJoiner many = new StringJoiner(", ");
      for (int i = 0; i < names.length; i++) {
        String column = spec.get(i);
        int colon = column.indexOf(':');
        names[i] = colon < 0 ? column : column.substring(0, colon);
        types[i] = colon < 0 ? "text" : column.substring(colon + 1);
        select.add(col(names[i], types[i]));
        one.add("?::text");
        many.add("?::text[]");
      }
      String joined = String.join(", ", names);
      return new Layout(names, types, joined, select.toString(),
          "(VALUES (" + one + ", 1)) AS u(" + joined + ", ord)",
          "unnest(" + many + ") WITH ORDINALITY AS u(" + joined + ", ord)");
    }
  }

  /** @param spec column names, each optionally {@code name:type} (text by default) */
  Columns(String... spec) {
    layout = LAYOUTS.computeIfAbsent(List.of(spec), Layout::of);
  }

  /** Adds a row; values are turned into text ({@code null} stays null). */
  Columns row(Object... values) {
    String[] row = new String[layout.names().length];
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
    return single() ? layout.one() : layout.many();
  }

  private boolean single() {
    return rows.size() == 1;
  }

  /** @return {@code u.name::type} for a column */
  String col(String name) {
    String[] names = layout.names();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return col(name, layout.types()[i]);
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }

  private static String col(String name, String type) {
    return type.equals("text") ? "u." + name : "u." + name + "::" + type;
  }

  /** @return every column as {@code u.name::type}, comma separated */
  String select() {
    return layout.select();
  }

  /** @return the column names, comma separated */
  String names() {
    return layout.joined();
  }

  /**
   * @return one {@code String[]} parameter per column; for one row, its values ({@link
   *     Batch#NULL_TEXT} for null)
   */
  Object[] params() {
    int columns = layout.names().length;
    Object[] out = new Object[columns];
    if (single()) {
      String[] row = rows.get(0);
      for (int i = 0; i < columns; i++) {
        out[i] = row[i] == null ? Batch.NULL_TEXT : row[i];
      }
      return out;
    }
    for (int i = 0; i < columns; i++) {
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
