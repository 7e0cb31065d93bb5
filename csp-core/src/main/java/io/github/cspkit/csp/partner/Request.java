package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.internal.Checks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Who asks, for which day, and under which idempotency key: the first argument of every call of
 * {@link CspPartner}. The actor is always explicit (ACC-3); a repeated key returns the first
 * result and changes nothing.
 *
 * @param actor who acts
 * @param date the day the operation applies from (the partner's billing time zone)
 * @param key the idempotency key, if any: 1 to {@value #MAX_KEY} characters, not blank, no control
 *     character ({@link io.github.cspkit.csp.OutOfRangeException} otherwise)
 */
public record Request(Actor actor, LocalDate date, Optional<String> key) {
  /** The most characters an idempotency key may have. */
  public static final int MAX_KEY = 200;

  /**
   * @param actor actor
   * @param date date
   * @param key key
   */
  public Request {
    requireNonNull(actor, "actor");
    requireNonNull(date, "date");
    requireNonNull(key, "key");
    key.ifPresent(k -> Checks.text("idempotency key", k, MAX_KEY));
  }

  /**
   * @param actor who acts
   * @param date the day
   * @return a request without idempotency key
   */
  public static Request of(Actor actor, LocalDate date) {
    return new Request(actor, date, Optional.empty());
  }

  /**
   * @param actor who acts
   * @param clock the clock of the partner's billing time zone, read once here at the edge
   * @return a request for today
   */
  public static Request now(Actor actor, Clock clock) {
    return of(actor, LocalDate.now(requireNonNull(clock, "clock")));
  }

  /**
   * @param idempotencyKey the key
   * @return this request under that key
   */
  public Request withKey(String idempotencyKey) {
    return new Request(actor, date, Optional.of(requireNonNull(idempotencyKey, "idempotencyKey")));
  }
}
