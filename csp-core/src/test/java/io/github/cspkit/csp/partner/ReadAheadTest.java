package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.ReadAhead;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A command tells its store, before its first read, the idempotency key it will look up and the
 * ids of the subscriptions it orders ({@link ReadAhead}), so that a store paying per round trip
 * reads them with its customer.
 */
class ReadAheadTest {
  /** Records, per transaction, the first repository call and the hint given. */
  private static final class Recording implements CspStore {
    private final CspStore delegate;
    final List<String> firstCalls = new ArrayList<>();
    final List<ReadAhead> hints = new ArrayList<>();

    Recording(CspStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
      return delegate.inTransaction(real -> {
        boolean[] first = {true};
        Repositories recording = (Repositories) Proxy.newProxyInstance(
            Repositories.class.getClassLoader(), new Class<?>[] {Repositories.class}, (p, m, a) -> {
              if (first[0]) {
                first[0] = false;
                firstCalls.add(m.getName());
              }
              if (m.getName().equals("readAhead")) {
                hints.add((ReadAhead) a[0]);
              }
              try {
                return m.invoke(real, a);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
        return work.apply(recording);
      });
    }

    @Override
    public Repositories read() {
      return delegate.read();
    }
  }

  @Test
  void SUB_1_an_order_tells_the_store_its_key_and_new_ids_before_its_first_read() {
    PartnerFixtures.World w = PartnerFixtures.standard();
    Recording store = new Recording(w.store());
    CspPartner p = PartnerFixtures.bare(w.partner().partner(), CspPolicies.seed(),
        IncidentFeed.NONE, store);

    p.order(w.asAdmin(PartnerFixtures.ORDERED).withKey("order-1"), PartnerFixtures.CONTOSO,
        PartnerFixtures.E3, 2, "S9");
    p.order(w.asAdmin(PartnerFixtures.ORDERED), PartnerFixtures.CONTOSO,
        List.of(OrderLine.of(PartnerFixtures.E3, 1, "L1"), OrderLine.of(PartnerFixtures.E3, 3, "L2")));
    p.addSeats(w.asAdmin(PartnerFixtures.ORDERED.plusDays(1)).withKey("seats-1"),
        PartnerFixtures.S1, 2);

    assertThat(store.firstCalls).containsOnly("readAhead");
    assertThat(store.hints).hasSize(3);
    assertThat(store.hints.get(0).idempotencyKey()).hasValueSatisfying(k -> assertThat(k).endsWith("order-1"));
    assertThat(store.hints.get(0).subscriptionIds()).containsExactly("S9");
    assertThat(store.hints.get(1).idempotencyKey()).isEmpty(); // no key: nothing to replay
    assertThat(store.hints.get(1).subscriptionIds()).containsExactly("L1", "L2");
    assertThat(store.hints.get(2).idempotencyKey()).hasValueSatisfying(k -> assertThat(k).endsWith("seats-1"));
    assertThat(store.hints.get(2).subscriptionIds()).isEmpty();
    // the hint changed nothing read: the orders and the seats are stored as without it
    assertThat(p.subscription("S9").orElseThrow().seats()).isEqualTo(2);
    assertThat(p.subscription("L2").orElseThrow().seats()).isEqualTo(3);
  }
}
