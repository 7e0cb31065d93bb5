package io.github.cspkit.csp.examples.postgres;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.repository.StaleVersionException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.StringJoiner;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

/** Small JDBC helpers: binding, money and date conversion, versioned rows. */
final class Jdbc {
  private Jdbc() {}

  static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      bind(ps, values);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  static void bind(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      ps.setObject(i + 1, values[i]);
    }
  }

  static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, values)) {
      return ps.executeUpdate();
    }
  }

  /** @return an amount of minor units as a numeric in the currency's major unit: 28800 USD → 288.00 */
  static BigDecimal major(long minor, CurrencyUnit currency) {
    return BigDecimal.valueOf(minor, MinorUnits.digits(currency));
  }

  /**
   * @return a stored numeric back in minor units: 288.00 USD → 28800
   * @throws ArithmeticException if it is finer than the minor unit or too large
   */
  static long minor(BigDecimal major, CurrencyUnit currency) {
    return major.movePointRight(MinorUnits.digits(currency))
        .setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /** @return an integral numeric as an exact accrual numerator (up to 128 bits) */
  static io.github.cspkit.csp.money.Numerator numerator(BigDecimal value) {
    return io.github.cspkit.csp.money.Numerator.of(
        value.setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact());
  }

  /** @return an integral numeric as a long */
  static long exact(BigDecimal value) {
    return value.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  static CurrencyUnit currency(String code) {
    return Monetary.getCurrency(code.strip());
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  /**
   * Inserts (expected version 0) or updates (expected version v, only if the stored version is v)
   * an aggregate's root row, bumping its version.
   *
   * @return the new version
   * @throws StaleVersionException naming {@code aggregate id}, the expected and the stored version
   */
  static long saveRoot(Connection c, String aggregate, String table, String keyColumn, String id,
      String[] columns, Object[] values, long expected) throws SQLException {
    int rows;
    if (expected == 0) {
      StringJoiner names = new StringJoiner(", ");
      StringJoiner marks = new StringJoiner(", ");
      names.add(keyColumn);
      marks.add("?");
      for (String column : columns) {
        names.add(column);
        marks.add("?");
      }
      Object[] all = new Object[values.length + 1];
      all[0] = id;
      System.arraycopy(values, 0, all, 1, values.length);
      rows = update(c, "INSERT INTO " + table + " (" + names + ", version) VALUES (" + marks
          + ", 1) ON CONFLICT (" + keyColumn + ") DO NOTHING", all);
    } else {
      StringJoiner sets = new StringJoiner(", ");
      for (String column : columns) {
        sets.add(column + " = ?");
      }
      Object[] all = new Object[values.length + 2];
      System.arraycopy(values, 0, all, 0, values.length);
      all[values.length] = id;
      all[values.length + 1] = expected;
      rows = update(c, "UPDATE " + table + " SET " + sets + ", version = version + 1 WHERE "
          + keyColumn + " = ? AND version = ?", all);
    }
    if (rows == 0) {
      long actual = 0;
      try (PreparedStatement ps =
          prepare(c, "SELECT version FROM " + table + " WHERE " + keyColumn + " = ?", id);
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          actual = rs.getLong(1);
        }
      }
      throw new StaleVersionException(aggregate + " " + id, expected, actual);
    }
    return expected + 1;
  }
}
