package io.github.cspkit.csp.subscription;

/**
 * The seed's silent parts of the subscription lifecycle (SUB-7), each a switch: seat removal,
 * reactivation after suspension, and renewal at the end of a term. {@link #seed()} allows all.
 *
 * @param seatRemoval whether seats can be removed (credited like SUB-2)
 * @param reactivation whether a suspended subscription can be reactivated
 * @param renewal whether terms renew automatically unless the partner stopped it
 */
public record LifecyclePolicy(boolean seatRemoval, boolean reactivation, boolean renewal) {
  /** @return every SUB-7 capability on */
  public static LifecyclePolicy seed() {
    return new LifecyclePolicy(true, true, true);
  }
}
