package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Shard;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A bill run whose block transaction fails bills the claimed customers one by one: only the
 * partner's own, as the block does, on a store that serves one partner only and so claims others'.
 */
class BillRunIsolationTest {
  /** One store for everyone (the default forPartner); fails one transaction when armed. */
  private static final class FailingOnce implements CspStore {
    private final CspStore delegate = InMemoryStore.create();
    private final AtomicBoolean armed = new AtomicBoolean();

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
      return delegate.inTransaction(tx -> {
        T result = work.apply(tx);
        if (armed.getAndSet(false)) {
          throw new IllegalStateException("the block's transaction failed");
        }
        return result;
      });
    }

    @Override
    public Repositories read() {
      return delegate.read();
    }
  }

  @Test
  void BIL_1_a_failed_block_isolates_only_the_partners_own_customers() {
    FailingOnce store = new FailingOnce();
    CspPartner p = PartnerFixtures.bare(Partner.csp(PartnerFixtures.PARTNER), CspPolicies.seed(),
        IncidentFeed.NONE, store);
    CspPartner other = PartnerFixtures.bare(Partner.csp(PartnerFixtures.OTHER_PARTNER),
        CspPolicies.seed(), IncidentFeed.NONE, store);
    PartnerFixtures.publishPriceLists(p);
    Actor.PartnerUser admin = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");
    Actor.PartnerUser otherAdmin = Actor.partnerAdmin(PartnerFixtures.OTHER_PARTNER, "agent");
    p.acceptAgreement(Request.of(admin, PartnerFixtures.ACCEPTED));
    other.acceptAgreement(Request.of(otherAdmin, PartnerFixtures.ACCEPTED));
    p.createCustomer(Request.of(admin, PartnerFixtures.CREATED),
        PartnerFixtures.newCustomer(PartnerFixtures.CONTOSO));
    other.createCustomer(Request.of(otherAdmin, PartnerFixtures.CREATED),
        PartnerFixtures.newCustomer(PartnerFixtures.WOODGROVE));

    store.armed.set(true);
    BillRunReport report = p.runBills(Request.of(admin, LocalDate.parse("2025-03-01")), Shard.ALL);

    assertThat(report.notBilled()).isEmpty();
    assertThat(p.bills(PartnerFixtures.CONTOSO)).isNotEmpty();
    assertThat(p.bills(PartnerFixtures.WOODGROVE)).isEmpty();
  }
}
