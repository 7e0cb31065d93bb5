package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.ConflictException;

/**
 * A save carried a version that is no longer the stored one: someone else saved first
 * (optimistic concurrency). Nothing was written; read again and retry. A {@link ConflictException}
 * with reason {@link ConflictException.Reason#STALE_VERSION} (code {@code CONFLICT}); stores throw
 * it from their {@code save} methods.
 */
public final class StaleVersionException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** The aggregate, for example {@code "subscription S1"}. */
  private final String aggregate;
  /** The version the save carried. */
  private final long expected;
  /** The stored version. */
  private final long actual;

  /**
   * @param aggregate the aggregate, for example {@code "subscription S1"}
   * @param expected the version the save carried (0 for a new aggregate)
   * @param actual the stored version (0 when none is stored)
   */
  public StaleVersionException(String aggregate, long expected, long actual) {
    super(Reason.STALE_VERSION, aggregate + ": stale version " + expected
        + ", the stored version is " + actual + "; read it again and retry");
    this.aggregate = aggregate;
    this.expected = expected;
    this.actual = actual;
  }

  /** @return the aggregate, for example {@code "subscription S1"} */
  public String aggregate() {
    return aggregate;
  }

  /** @return the version the save carried */
  public long expected() {
    return expected;
  }

  /** @return the stored version */
  public long actual() {
    return actual;
  }
}
