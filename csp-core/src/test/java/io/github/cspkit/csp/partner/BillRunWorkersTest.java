package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CREATED;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Shard;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A bill run from several workers of one instance (BIL-1): the bills one worker issues, once. */
class BillRunWorkersTest {
  static final LocalDate RUN = LocalDate.parse("2025-04-01");
  static final int CUSTOMERS = 600; // three blocks of the bill run

  static World populated() {
    World w = PartnerFixtures.world();
    for (int i = 0; i < CUSTOMERS; i++) {
      String id = "c" + i;
      w.partner().createCustomer(w.asAdmin(CREATED), PartnerFixtures.newCustomer(id));
      w.partner().order(w.asAdmin(CREATED.plusDays(i % 20)), id, E3, 1 + i % 9, id + "-s1");
    }
    return w;
  }

  /** A partner on {@code w}'s data whose every transaction throws what {@code failure} gives. */
  static CspPartner down(World w, Supplier<RuntimeException> failure) {
    CspStore store = new CspStore() {
      @Override
      public <T> T inTransaction(Function<Repositories, T> work) {
        throw failure.get();
      }

      @Override
      public Repositories read() {
        return w.store().read();
      }
    };
    return PartnerFixtures.bare(w.partner().partner(), CspPolicies.seed(), IncidentFeed.NONE,
        store);
  }

  @Test
  void BIL_1_several_workers_issue_the_bills_one_worker_issues_each_once() {
    World one = populated();
    World four = populated();
    BillRunReport serial = one.partner().runBills(one.asAdmin(RUN), Shard.ALL);
    BillRunReport parallel = four.partner().runBills(four.asAdmin(RUN), Shard.ALL, 4);

    assertThat(parallel.notBilled()).isEmpty();
    assertThat(parallel.issued()).hasSize(serial.issued().size()).hasSizeGreaterThan(CUSTOMERS);
    Comparator<Bill> order = Comparator.comparing(Bill::customerId)
        .thenComparing(b -> b.period().start());
    assertThat(parallel.issued()).isSortedAccordingTo(order);
    assertThat(parallel.issued()).isEqualTo(serial.issued().stream().sorted(order).toList());
    assertThat(four.partner().runBills(four.asAdmin(RUN), Shard.ALL, 4).issued()).isEmpty();
  }

  @Test
  void BIL_1_a_store_down_fails_the_call_once_every_worker_has_ended() {
    World w = populated();
    AtomicInteger attempts = new AtomicInteger();
    CspPartner p = down(w, () -> {
      attempts.incrementAndGet();
      return new IllegalStateException("store down");
    });
    assertThatThrownBy(() -> p.runBills(w.asAdmin(RUN), Shard.ALL, 3))
        .isInstanceOf(IllegalStateException.class).hasMessage("store down")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2)
            .allSatisfy(s -> assertThat(s).hasMessage("store down")));
    assertThat(attempts.get()).isEqualTo(3); // each worker's first claim, then it stopped
    assertThat(w.partner().bills("c0")).isEmpty();
  }

  @Test
  void BIL_1_one_failure_thrown_to_every_worker_escapes_as_itself() {
    World w = populated();
    IllegalStateException down = new IllegalStateException("store down");
    CspPartner p = down(w, () -> down);
    assertThatThrownBy(() -> p.runBills(w.asAdmin(RUN), Shard.ALL, 4)).isSameAs(down);
  }

  @Test
  void BIL_1_a_bill_run_has_one_to_64_workers_and_a_refused_one_bills_nothing() {
    World w = populated();
    for (int workers : List.of(0, -1, 65)) {
      assertThatThrownBy(() -> w.partner().runBills(w.asAdmin(RUN), Shard.ALL, workers))
          .isInstanceOf(OutOfRangeException.class)
          .hasMessageContaining("1 to 64 workers, found " + workers);
    }
    assertThat(w.partner().runBills(w.asAdmin(RUN), Shard.ALL, 1).issued()).isNotEmpty();
  }
}
