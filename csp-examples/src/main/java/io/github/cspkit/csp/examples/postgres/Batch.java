package io.github.cspkit.csp.examples.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several statements sent in one round trip: the driver sends them all, then waits once. Each
 * statement may hand its result set to a reader, in order. Sets of rows travel as arrays
 * ({@code unnest(?::text[], ...)}), so a statement's size does not grow with its rows.
 */
final class Batch {
  /** Reads one statement's result set. */
  @FunctionalInterface
  interface Reader {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * A null bound as {@code varchar}, as the other text values are: the driver then keeps one
   * server-side statement whether the value is null or not, instead of preparing it again.
   */
  static final Object NULL_TEXT = new Object() {
    @Override
    public String toString() {
      return "NULL_TEXT";
    }
  };

  private final List<String> statements = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();
  private final List<Reader> readers = new ArrayList<>();

  /**
   * @param sql one statement with {@code ?} parameters
   * @param reader reads its result set, or null when it has none worth reading
   * @param values its parameters; a {@code String[]} is bound as {@code text[]}
   * @return this batch
   */
  Batch add(String sql, Reader reader, Object... values) {
    statements.add(sql);
    readers.add(reader);
    for (Object v : values) {
      params.add(v);
    }
    return this;
  }

  /** Appends another batch's statements after this one's. */
  Batch addAll(Batch other) {
    statements.addAll(other.statements);
    params.addAll(other.params);
    readers.addAll(other.readers);
    return this;
  }

  /**
   * @param column a text column
   * @param keys one key or more
   * @return {@code column = ?} for one key, else {@code column = ANY(?::text[])}: one key binds no
   *     array to build and parse; its parameter is {@link #keys}
   */
  static String match(String column, String[] keys) {
    return keys.length == 1 ? SqlText.of(column, " = ?") : SqlText.of(column, " = ANY(?::text[])");
  }

  /**
   * @param keys one key or more
   * @return a {@code text[]} of them: {@code ARRAY[?]::text[]} for one key, binding no array, else
   *     {@code ?::text[]}; its parameter is {@link #keys}
   */
  static String array(String[] keys) {
    return keys.length == 1 ? "ARRAY[?]::text[]" : "?::text[]";
  }

  /** @return the parameter {@link #match} takes: the one key, or the keys as {@code text[]} */
  static Object keys(String[] keys) {
    return keys.length == 1 ? keys[0] : keys;
  }

  boolean isEmpty() {
    return statements.isEmpty();
  }

  /** Runs every statement in one round trip and hands each result set to its reader. */
  void run(Connection c) throws SQLException {
    if (statements.isEmpty()) {
      return;
    }
    List<Array> arrays = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SqlText.join(";\n", statements))) {
      for (int i = 0; i < params.size(); i++) {
        Object v = params.get(i);
        if (v instanceof String[] texts) {
          Array a = c.createArrayOf("text", texts);
          arrays.add(a);
          ps.setArray(i + 1, a);
        } else if (v == NULL_TEXT) {
          ps.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          ps.setObject(i + 1, v);
        }
      }
      boolean isResultSet = ps.execute();
      for (int i = 0; i < statements.size(); i++) {
        if (isResultSet) {
          try (ResultSet rs = ps.getResultSet()) {
            if (readers.get(i) != null) {
              readers.get(i).read(rs);
            }
          }
        }
        isResultSet = ps.getMoreResults();
      }
    } finally {
      for (Array a : arrays) {
        a.free();
      }
    }
  }

  /** A statement of one row, built a column at a time, each column with what reads it. */
  static final class OneRow {
    /** Reads one column of the row. */
    @FunctionalInterface
    interface Column {
      void read(ResultSet rs, int column) throws SQLException;
    }

    private final List<String> expressions = new ArrayList<>();
    private final List<Column> readers = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    OneRow column(String expression, Column reader, Object... values) {
      expressions.add(expression);
      readers.add(reader);
      java.util.Collections.addAll(params, values);
      return this;
    }

    /** Adds the statement to a batch; its reader reads the row, a column at a time. */
    void addTo(Batch b) {
      b.add(SqlText.of("SELECT ", SqlText.join(", ", expressions)), rs -> {
        if (!rs.next()) {
          throw new IllegalStateException("a statement of one row returned none");
        }
        for (int i = 0; i < readers.size(); i++) {
          readers.get(i).read(rs, i + 1);
        }
      }, params.toArray());
    }
  }
}
