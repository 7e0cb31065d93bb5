package io.github.cspkit.csp.repository;

class InMemoryTwoPartnersTest extends TwoPartnersContract {
  @Override
  protected CspStore newStore() {
    return InMemoryStore.create();
  }
}
