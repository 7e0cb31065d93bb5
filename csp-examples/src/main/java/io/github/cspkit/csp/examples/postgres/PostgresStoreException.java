package io.github.cspkit.csp.examples.postgres;

import java.sql.SQLException;

/**
 * The database refused or failed in a way that will not pass by running the transaction again (a
 * constraint, a timeout, a syntax error...): the transaction was rolled back. {@link #sqlState()}
 * tells which. Failures that may pass (serialization failure, deadlock, lost connection, server
 * shutting down) are {@link io.github.cspkit.csp.repository.TransientStoreException}s instead.
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
