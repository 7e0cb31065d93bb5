package io.github.cspkit.csp.repository;

/** The store contract over the embedded in-memory store. */
class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected CspStore newStore() {
    return InMemoryStore.create();
  }
}
