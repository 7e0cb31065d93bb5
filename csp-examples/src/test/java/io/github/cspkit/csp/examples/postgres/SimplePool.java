package io.github.cspkit.csp.examples.postgres;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small fixed-size connection pool for the tests (production code would use HikariCP or the
 * like): at most {@code size} physical connections, each returned on {@code close()} after its
 * transaction is rolled back and autocommit restored.
 */
final class SimplePool implements DataSource, AutoCloseable {
  private final DataSource target;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  SimplePool(DataSource target, int size) {
    this.target = target;
    this.permits = new Semaphore(size, true);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException("pool closed");
    }
    try {
      if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new SQLException("no connection free after 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", e);
    }
    try {
      Connection physical = idle.pollFirst();
      if (physical == null) {
        physical = target.getConnection();
      }
      return wrap(physical);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection wrap(Connection physical) {
    boolean[] returned = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              if (!returned[0]) {
                returned[0] = true;
                giveBack(physical);
              }
              return null;
            case "isClosed":
              return returned[0] || physical.isClosed();
            default:
              if (returned[0]) {
                throw new SQLException("connection already returned to the pool");
              }
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  private void giveBack(Connection physical) {
    try {
      if (closed || physical.isClosed()) {
        physical.close();
        return;
      }
      if (!physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
      idle.addFirst(physical);
    } catch (SQLException e) {
      try {
        physical.close();
      } catch (SQLException ignored) {
        // already broken
      }
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
