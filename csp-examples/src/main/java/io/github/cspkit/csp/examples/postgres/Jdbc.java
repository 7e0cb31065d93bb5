package io.github.cspkit.csp.examples.postgres;

import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

  /**
   * @return a stored numeric back in minor units: 288.00 USD → 28800
   * @throws ArithmeticException if it is finer than the minor unit or too large
   */
  static long minor(BigDecimal major, CurrencyUnit currency) {
    return major.movePointRight(MinorUnits.digits(currency))
        .setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /** Currencies read so far: Moneta's lookup goes through its providers on every call. */
  private static final java.util.concurrent.ConcurrentMap<String, CurrencyUnit> CURRENCIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  static CurrencyUnit currency(String code) {
    CurrencyUnit known = CURRENCIES.get(code);
    if (known != null) {
      return known;
    }
    CurrencyUnit found = Monetary.getCurrency(code.strip()); // throws for an unknown code
    if (CURRENCIES.size() < 1_000) {
      CURRENCIES.put(code, found);
    }
    return found;
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
