package io.github.cspkit.csp.repository;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The GDAP relationship contract over the in-memory relationships, run one transaction at a time
 * as {@link InMemoryStore} runs them.
 */
class InMemoryGdapRelationshipsContractTest extends GdapRelationshipContract {
  @Override
  protected Store newStore() {
    InMemoryGdapRelationships relationships = new InMemoryGdapRelationships();
    ReentrantLock lock = new ReentrantLock();
    return new Store() {
      @Override
      public <T> T inTransaction(Function<GdapRelationshipRepository, T> work) {
        lock.lock();
        try {
          InMemoryGdapRelationships.Tx tx = relationships.transaction(false);
          T result = work.apply(tx);
          tx.commit();
          return result;
        } finally {
          lock.unlock();
        }
      }

      @Override
      public GdapRelationshipRepository read() {
        return relationships.transaction(true);
      }
    };
  }
}
