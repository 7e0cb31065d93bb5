package io.github.cspkit.csp.repository;

import java.util.function.Function;

/**
 * Where the library keeps its data: the one seam an integrator implements to plug in a store.
 * A partner operation runs inside {@link #inTransaction}: its writes (aggregates, events and the
 * idempotency record) commit together when the function returns, and none of them is kept when it
 * throws. Implementations must be thread-safe. They refuse with the
 * {@link io.github.cspkit.csp.CspException} family, like the library: a save with a stale version
 * throws {@link StaleVersionException}, a second aggregate with a taken id or idempotency key a
 * {@link io.github.cspkit.csp.ConflictException}. Names and ids reach a store already checked (no
 * control character, at most {@value io.github.cspkit.csp.OutOfRangeException#MAX_NAME}
 * characters), so every store accepts and refuses the same.
 */
public interface CspStore {
  /**
   * Runs {@code work} in one transaction.
   *
   * @param work reads and writes through the given repositories
   * @param <T> the result type
   * @return what {@code work} returned, after commit
   * @throws RuntimeException what {@code work} threw, after rollback
   */
  <T> T inTransaction(Function<Repositories, T> work);

  /**
   * @return repositories for reads outside a transaction (each read sees committed data); their
   *     writes throw {@link IllegalStateException}, a misuse of the SPI rather than a refusal
   */
  Repositories read();

  /**
   * The store as one partner sees it (DESIGN.md, several partners): a store that several partners
   * share returns a view whose repositories read and write only that partner's data (its
   * agreement, customers, subscriptions, bills, events and idempotency keys; ids are scoped per
   * partner, so two partners may both have a customer {@code contoso}). Price lists are the
   * vendor's and shared. {@code CspPartner} always works through this view. This default returns
   * the store itself: a store that serves one partner only.
   *
   * @param partnerId the partner
   * @return the partner's view of this store
   */
  default CspStore forPartner(String partnerId) {
    java.util.Objects.requireNonNull(partnerId, "partnerId");
    return this;
  }
}
