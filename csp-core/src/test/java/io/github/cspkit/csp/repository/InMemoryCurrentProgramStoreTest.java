package io.github.cspkit.csp.repository;

/** The current program's store contract over {@link InMemoryStore} (MPA-1, NCE-1..10). */
class InMemoryCurrentProgramStoreTest extends CurrentProgramStoreContract {
  @Override
  protected CspStore newStore() {
    return InMemoryStore.create();
  }
}
