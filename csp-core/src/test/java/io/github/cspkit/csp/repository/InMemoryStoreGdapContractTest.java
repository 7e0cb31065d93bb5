package io.github.cspkit.csp.repository;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The GDAP relationship contract (GDA-1..4) over {@link InMemoryStore} as {@code CspPartner} uses
 * it: through {@link Repositories#gdapRelationships()}, in the store's transactions, together
 * with the other aggregates; and partner by partner ({@link InMemoryStore#forPartner}).
 */
class InMemoryStoreGdapContractTest extends GdapRelationshipContract {
  /**
   * @param store a store
   * @return its GDAP relationships, in its transactions
   */
  static Store over(CspStore store) {
    return new Store() {
      @Override
      public <T> T inTransaction(Function<GdapRelationshipRepository, T> work) {
        return store.inTransaction(tx -> work.apply(tx.gdapRelationships()));
      }

      @Override
      public GdapRelationshipRepository read() {
        return store.read().gdapRelationships();
      }
    };
  }

  @Override
  protected Store newStore() {
    return over(InMemoryStore.create());
  }

  @Test
  void a_partners_part_keeps_its_own_relationships_and_refuses_another_partners() {
    InMemoryStore all = InMemoryStore.create();
    Store p1 = over(all.forPartner("P1"));
    Store p2 = over(all.forPartner("P2"));
    p1.inTransaction(r -> r.save(requested("R1", "P1", "C1", "2025-01-10"), 0));
    p2.inTransaction(r -> r.save(requested("R1", "P2", "C1", "2025-01-11"), 0));
    assertThat(p1.read().byCustomer("C1")).extracting(v -> v.value().partnerId()).containsExactly("P1");
    assertThat(p2.read().find("R1").orElseThrow().value().requestedOn()).isEqualTo(d("2025-01-11"));
    assertThatThrownBy(() -> p1.inTransaction(r -> r.save(requested("R2", "P2", "C1", "2025-01-10"), 0)))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-4"));
    assertThat(p1.read().find("R2")).isEmpty();
  }

  @Test
  void a_relationship_commits_and_rolls_back_with_the_other_aggregates() {
    InMemoryStore s = InMemoryStore.create();
    RuntimeException crash = new IllegalStateException("crash");
    assertThatThrownBy(() -> s.inTransaction(tx -> {
      tx.gdapRelationships().save(requested("R1", "P1", "C1", "2025-01-10"), 0);
      tx.idempotency().record(new CommandRecord("k1", "gdapRequest", "gdap-relationship", "R1"));
      throw crash;
    })).isSameAs(crash);
    assertThat(s.read().gdapRelationships().find("R1")).isEmpty();
    assertThat(s.read().idempotency().find("k1")).isEmpty();
  }
}
