package io.github.cspkit.csp;

import static java.util.Objects.requireNonNull;

/**
 * A call conflicts with what is stored (code {@value #CODE}): the id is already taken, another
 * call saved the same aggregate first (a stale version, optimistic concurrency), or an idempotency
 * key was used for another request. Nothing changed. Message: {@code "CONFLICT: reason"}.
 * Not sealed: {@link io.github.cspkit.csp.repository.StaleVersionException} refines it for stores.
 */
public non-sealed class ConflictException extends CspException {
  /** The stable code. */
  public static final String CODE = "CONFLICT";
  private static final long serialVersionUID = 1L;

  /** Why a call conflicts. */
  public enum Reason {
    /** Another aggregate of the same kind already has the id. */
    DUPLICATE_ID,
    /** The aggregate was saved by another call since it was read. */
    STALE_VERSION,
    /** The idempotency key was used for another request. */
    KEY_REUSED
  }

  /** Why the call conflicts. */
  private final Reason reason;

  /**
   * @param reason why
   * @param message what conflicts, without the code
   */
  public ConflictException(Reason reason, String message) {
    super(CODE + ": " + requireNonNull(message, "message"), null, true);
    this.reason = requireNonNull(reason, "reason");
  }

  /**
   * @param kind the aggregate's kind, for example {@code "customer"}
   * @param id the id that is taken
   * @return a {@link Reason#DUPLICATE_ID} conflict: {@code "CONFLICT: KIND ID already exists"}
   */
  public static ConflictException duplicate(String kind, String id) {
    return new ConflictException(Reason.DUPLICATE_ID, kind + " " + id + " already exists");
  }

  @Override
  public String code() {
    return CODE;
  }

  /** @return why the call conflicts */
  public Reason reason() {
    return reason;
  }
}
