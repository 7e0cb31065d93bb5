package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.RuleViolation;

/**
 * The partner whose part of an {@link InMemoryStore} holds the data (ACC-4): an aggregate of
 * another partner is refused. The empty id is a store made by {@link InMemoryStore#create}, which
 * serves one partner and never asks.
 *
 * @param partnerId the partner, or empty
 */
record Owner(String partnerId) {
  /** Refuses an aggregate that belongs to another partner (ACC-4). */
  void check(String kind, String id, String owner) {
    if (!partnerId.isEmpty() && !partnerId.equals(owner)) {
      throw RuleViolation.of("ACC-4",
          "%s %s belongs to partner %s, not to %s whose data this store holds", kind, id, owner,
          partnerId);
    }
  }
}
