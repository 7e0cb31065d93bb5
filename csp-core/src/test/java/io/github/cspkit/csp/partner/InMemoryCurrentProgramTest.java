package io.github.cspkit.csp.partner;

import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;

/** The current program end to end on the in-memory store (MPA-1, NCE-1..10). */
class InMemoryCurrentProgramTest extends CurrentProgramContract {
  @Override
  protected CspStore newStore() {
    return InMemoryStore.create();
  }
}
