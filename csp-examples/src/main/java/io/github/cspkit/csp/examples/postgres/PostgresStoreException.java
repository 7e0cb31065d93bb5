package io.github.cspkit.csp.examples.postgres;

import java.sql.SQLException;

/**
 * The database failed (connection lost, deadlock, constraint broken by a concurrent writer...):
 * the transaction was rolled back. {@link #sqlState()} tells which failure; {@code 40001} and
 * {@code 40P01} (serialization failure, deadlock) may be retried.
 */
public final class PostgresStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The driver's SQLSTATE. */
  private final String sqlState;

  /**
   * @param message what was being done
   * @param cause the driver's exception
   */
  public PostgresStoreException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
    this.sqlState = cause.getSQLState();
  }

  /** @return the SQLSTATE of the failure, or null when the driver gave none */
  public String sqlState() {
    return sqlState;
  }
}
