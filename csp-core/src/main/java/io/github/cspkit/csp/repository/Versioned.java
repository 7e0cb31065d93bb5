package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

/**
 * A stored aggregate and its version (optimistic concurrency): version 1 after the first save,
 * one more after each save. Pass {@code version()} back when saving the next value.
 *
 * @param value the aggregate
 * @param version its version, at least 1
 * @param <T> the aggregate's type
 */
public record Versioned<T>(T value, long version) {
  /**
   * @param value the aggregate
   * @param version its version
   */
  public Versioned {
    requireNonNull(value, "value");
    Checks.range(version >= 1, "version must be at least 1, found %s", version);
  }
}
