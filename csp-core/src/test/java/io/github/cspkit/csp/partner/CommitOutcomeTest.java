package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.TransientStoreException;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A transient store failure at the commit itself (the connection lost while committing): the
 * transaction may have committed. A command with an idempotency key runs again and replays; one
 * without reports the failure rather than risk doing the change twice.
 */
class CommitOutcomeTest {
  /** Commits, then reports the commit as lost, once. */
  private static final class LostCommit implements CspStore {
    private final CspStore delegate;
    private final AtomicBoolean armed = new AtomicBoolean();

    LostCommit(CspStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
      T result = delegate.inTransaction(work);
      if (armed.getAndSet(false)) {
        throw new TransientStoreException("committing: connection lost", null, true);
      }
      return result;
    }

    @Override
    public Repositories read() {
      return delegate.read();
    }
  }

  @Test
  void SUB_2_a_keyed_command_whose_commit_was_lost_replays_and_an_unkeyed_one_reports_it() {
    PartnerFixtures.World w = PartnerFixtures.standard();
    LostCommit lost = new LostCommit(w.store());
    CspPartner p = PartnerFixtures.bare(w.partner().partner(), CspPolicies.seed(), IncidentFeed.NONE, lost);
    int seats = p.subscription(PartnerFixtures.S1).orElseThrow().seats();

    lost.armed.set(true);
    Result<?> keyed = p.addSeats(w.asAdmin(PartnerFixtures.ORDERED.plusDays(5)).withKey("lost-1"),
        PartnerFixtures.S1, 2);
    assertThat(keyed.replayed()).isTrue();
    assertThat(p.subscription(PartnerFixtures.S1).orElseThrow().seats()).isEqualTo(seats + 2);

    lost.armed.set(true);
    assertThatThrownBy(() -> p.addSeats(w.asAdmin(PartnerFixtures.ORDERED.plusDays(5)),
        PartnerFixtures.S1, 3)).isInstanceOf(TransientStoreException.class);
    assertThat(p.subscription(PartnerFixtures.S1).orElseThrow().seats()).isEqualTo(seats + 2 + 3);
  }

  @Test
  void BIL_1_a_bill_run_whose_commit_was_lost_runs_again_and_finds_its_bills_issued() {
    PartnerFixtures.World w = PartnerFixtures.standard();
    LostCommit lost = new LostCommit(w.store());
    CspPartner p = PartnerFixtures.bare(w.partner().partner(), CspPolicies.seed(), IncidentFeed.NONE, lost);
    lost.armed.set(true);
    BillRunReport report = p.runBills(w.asAdmin(java.time.LocalDate.parse("2025-03-01")),
        io.github.cspkit.csp.repository.Shard.ALL);
    assertThat(report.notBilled()).isEmpty();
    assertThat(p.bills(PartnerFixtures.CONTOSO)).isNotEmpty();
    assertThat(report.issued()).isEmpty(); // issued by the lost commit: the run again found them done
  }
}
