package io.github.cspkit.csp.repository;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.access.GdapPolicy;
import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.access.RoleAssignment;
import java.time.Period;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every store of GDAP relationships keeps (GDA-1..4): round trips of the whole
 * lifecycle, optimistic versions, the index by customer, all-or-nothing transactions. Subclass it
 * with {@link #newStore()}; once {@link Repositories} has {@code gdapRelationships()}, a
 * {@link CspStore} adapts as {@code work -> store.inTransaction(tx -> work.apply(tx.gdapRelationships()))}.
 */
public abstract class GdapRelationshipContract {
  /** The relationships of a store, in and outside transactions. */
  protected interface Store {
    /**
     * @param work reads and writes
     * @param <T> the result type
     * @return what {@code work} returned, after commit; nothing is kept when it throws
     */
    <T> T inTransaction(Function<GdapRelationshipRepository, T> work);

    /** @return committed relationships, read-only */
    GdapRelationshipRepository read();
  }

  /** The store under test, new and empty for each test. */
  protected Store store;

  /** @return a new, empty store */
  protected abstract Store newStore();

  /**
   * @param store a store
   * @return a store over the same data as a fresh process would see it; {@code store} in memory
   */
  protected Store reopen(Store store) {
    return store;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static GdapRelationship requested(String id, String partner, String customer, String on) {
    return GdapRelationship.request(new GdapRequest(id, partner, customer, List.of(
            RoleAssignment.of("helpdesk-administrator", List.of("helpdesk", "tier2")),
            RoleAssignment.of("global-reader", List.of()),
            RoleAssignment.of("user-administrator", List.of("admins"))),
        Period.of(1, 6, 15), true), d(on), GdapPolicy.currentProgram());
  }

  @Test
  void a_relationship_round_trips_through_its_whole_lifecycle_with_one_version_per_save() {
    GdapRelationship pending = requested("R1", "P1", "C1", "2025-01-10");
    GdapRelationship active = pending.approve(d("2025-01-20"));
    GdapRelationship toggled = active.withAutoExtend(false, d("2025-03-01")).withAutoExtend(true, d("2025-04-01"));
    GdapRelationship ended = toggled.terminate(d("2025-05-05"), GdapSide.CUSTOMER);
    Versioned<GdapRelationship> first = store.inTransaction(r -> r.save(pending, 0));
    assertThat(first).isEqualTo(new Versioned<>(pending, 1));
    for (Store s : List.of(store, reopen(store))) {
      assertThat(s.read().find("R1")).contains(new Versioned<>(pending, 1));
    }
    store.inTransaction(r -> r.save(active, 1));
    store.inTransaction(r -> r.save(toggled, 2));
    Versioned<GdapRelationship> last = store.inTransaction(r -> r.save(ended, 3));
    assertThat(last).isEqualTo(new Versioned<>(ended, 4));
    for (Store s : List.of(store, reopen(store))) {
      Versioned<GdapRelationship> read = s.read().find("R1").orElseThrow();
      assertThat(read).isEqualTo(new Versioned<>(ended, 4));
      assertThat(read.value().statusOn(d("2025-05-04")).kind()).isEqualTo(ended.statusOn(d("2025-05-04")).kind());
      assertThat(read.value().autoExtend()).hasSize(3);
      assertThat(read.value().assignments()).isEqualTo(ended.assignments());
    }
    assertThat(store.read().find("R2")).isEmpty();
  }

  @Test
  void relationships_are_listed_by_customer_in_the_order_first_saved() {
    store.inTransaction(r -> {
      r.save(requested("R2", "P1", "C1", "2025-01-10"), 0);
      r.save(requested("R1", "P2", "C2", "2025-01-11"), 0);
      r.save(requested("R3", "P2", "C1", "2025-01-12"), 0);
      assertThat(r.byCustomer("C1")).extracting(v -> v.value().id()).as("staged").containsExactly("R2", "R3");
      return null;
    });
    store.inTransaction(r -> {
      r.save(r.find("R2").orElseThrow().value().approve(d("2025-01-20")), 1);
      r.save(requested("R0", "P1", "C1", "2025-02-01"), 0);
      assertThat(r.byCustomer("C1")).extracting(v -> v.value().id() + "@" + v.version())
          .containsExactly("R2@2", "R3@1", "R0@1");
      return null;
    });
    for (Store s : List.of(store, reopen(store))) {
      assertThat(s.read().byCustomer("C1")).extracting(v -> v.value().id() + "@" + v.version())
          .containsExactly("R2@2", "R3@1", "R0@1");
      assertThat(s.read().byCustomer("C2")).extracting(v -> v.value().id()).containsExactly("R1");
      assertThat(s.read().byCustomer("C3")).isEmpty();
    }
  }

  @Test
  void a_stale_version_is_refused_and_writes_nothing() {
    GdapRelationship r1 = requested("R1", "P1", "C1", "2025-01-10");
    store.inTransaction(r -> r.save(r1, 0));
    assertThatThrownBy(() -> store.inTransaction(r -> r.save(r1.approve(d("2025-01-11")), 0)))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> {
          assertThat(e.aggregate()).isEqualTo("GDAP relationship R1");
          assertThat(e.expected()).isZero();
          assertThat(e.actual()).isEqualTo(1);
        });
    assertThatThrownBy(() -> store.inTransaction(r -> r.save(r1.approve(d("2025-01-11")), 2)))
        .isInstanceOf(StaleVersionException.class);
    assertThat(reopen(store).read().find("R1")).contains(new Versioned<>(r1, 1));
  }

  @Test
  void a_failed_transaction_keeps_nothing_of_its_relationships() {
    RuntimeException crash = new IllegalStateException("the process died here");
    assertThatThrownBy(() -> store.inTransaction(r -> {
      r.save(requested("R1", "P1", "C1", "2025-01-10"), 0);
      throw crash;
    })).isSameAs(crash);
    for (Store s : List.of(store, reopen(store))) {
      assertThat(s.read().find("R1")).isEmpty();
      assertThat(s.read().byCustomer("C1")).isEmpty();
    }
    store.inTransaction(r -> r.save(requested("R1", "P1", "C1", "2025-01-10"), 0));
    assertThat(store.read().byCustomer("C1")).hasSize(1);
  }

  @Test
  void uncommitted_writes_are_not_read_outside_their_transaction() {
    store.inTransaction(r -> {
      r.save(requested("R1", "P1", "C1", "2025-01-10"), 0);
      assertThat(r.find("R1")).isPresent();
      assertThat(store.read().find("R1")).isEmpty();
      assertThat(store.read().byCustomer("C1")).isEmpty();
      return null;
    });
    assertThat(store.read().find("R1")).isPresent();
  }

  @Test
  void writes_outside_a_transaction_are_refused() {
    assertThatThrownBy(() -> store.read().save(requested("R1", "P1", "C1", "2025-01-10"), 0))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.read().find("R1")).isEmpty();
  }

  @Test
  void a_save_cannot_move_a_relationship_to_another_customer_partner_or_request_day() {
    store.inTransaction(r -> r.save(requested("R1", "P1", "C1", "2025-01-10"), 0));
    for (GdapRelationship moved : List.of(requested("R1", "P1", "C2", "2025-01-10"),
        requested("R1", "P2", "C1", "2025-01-10"), requested("R1", "P1", "C1", "2025-01-11"))) {
      assertThatThrownBy(() -> store.inTransaction(r -> r.save(moved, 1)))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID))
          .hasMessageContaining("GDAP relationship R1 is between P1 and C1");
    }
    assertThat(reopen(store).read().find("R1").orElseThrow().version()).isEqualTo(1);
  }
}
