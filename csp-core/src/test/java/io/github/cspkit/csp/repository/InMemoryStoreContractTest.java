package io.github.cspkit.csp.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.subscription.Subscription;
import org.junit.jupiter.api.Test;

/** The store contract over the embedded in-memory store. */
class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected CspStore newStore() {
    return InMemoryStore.create();
  }

  @Test
  void a_save_cannot_move_a_subscription_to_another_customer() {
    saveCustomers("C1", "C2");
    Subscription s1 = subscription("S1", "C1", null);
    store.inTransaction(r -> r.subscriptions().save(s1, 0));
    Subscription moved = Subscription.builder().from(s1).customerId("C2").build();
    assertThatThrownBy(() -> store.inTransaction(r -> r.subscriptions().save(moved, 1)))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID));
    assertThat(store.read().subscriptions().byCustomer("C1")).containsExactly(new Versioned<>(s1, 1));
    assertThat(store.read().subscriptions().byCustomer("C2")).isEmpty();
  }
}
