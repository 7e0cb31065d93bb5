package io.github.cspkit.csp.repository;

/**
 * A repository of {@link InMemoryStore} as one transaction sees it: committed data plus the
 * transaction's staged writes, published by the repository's {@code commit()} under the store's
 * lock. The store's read-only view refuses writes.
 */
abstract class InMemoryView {
  private final boolean readOnly;

  InMemoryView(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** Refuses a write outside a transaction. */
  final void writable() {
    if (readOnly) {
      throw new IllegalStateException("writes need a transaction: use CspStore.inTransaction");
    }
  }
}
