package io.github.cspkit.csp;

import static java.util.Objects.requireNonNull;

/**
 * A call named an id that nothing has: no such customer, subscription, SKU, price list or other
 * aggregate (code {@value #CODE}). Nothing changed. Message: {@code "UNKNOWN_ID: unknown KIND ID"}.
 */
public final class UnknownIdException extends CspException {
  /** The stable code. */
  public static final String CODE = "UNKNOWN_ID";
  private static final long serialVersionUID = 1L;

  /** What the id should name, for example {@code "subscription"}. */
  private final String kind;
  /** The id. */
  private final String id;

  /**
   * @param kind what the id should name, for example {@code "subscription"}
   * @param id the id
   */
  public UnknownIdException(String kind, String id) {
    super(CODE + ": unknown " + requireNonNull(kind, "kind") + " " + requireNonNull(id, "id"),
        null, true);
    this.kind = kind;
    this.id = id;
  }

  @Override
  public String code() {
    return CODE;
  }

  /** @return what the id should name, for example {@code "subscription"} */
  public String kind() {
    return kind;
  }

  /** @return the id */
  public String id() {
    return id;
  }
}
