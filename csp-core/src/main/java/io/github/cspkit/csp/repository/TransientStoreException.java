package io.github.cspkit.csp.repository;

/**
 * The store failed in a way that may pass if the transaction is run again: a serialization
 * failure, a deadlock, a lost connection or a server shutting down (DESIGN.md, several instances).
 * When {@link #outcomeUnknown()} is false the transaction was rolled back and running it again is
 * safe; when true the failure met the commit itself, so the transaction may have committed, and
 * only a command that carries an idempotency key may safely run again (it then replays).
 */
public class TransientStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether the transaction may have committed. */
  private final boolean outcomeUnknown;

  /**
   * @param message what was being done and why it failed
   * @param cause the store's own exception
   * @param outcomeUnknown whether the transaction may have committed
   */
  public TransientStoreException(String message, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** @return whether the transaction may have committed (the failure met the commit) */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
