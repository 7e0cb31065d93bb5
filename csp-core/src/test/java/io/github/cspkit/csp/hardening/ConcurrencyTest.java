package io.github.cspkit.csp.hardening;

import static io.github.cspkit.csp.hardening.World.on;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.subscription.Subscription;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Several threads issue random valid commands on one in-memory store, each through its own
 * {@link CspPartner} instance (DESIGN.md: instances hold no state and share a store): each thread on
 * its own customer's subscription, and all of them contending on one shared subscription, some with
 * repeated idempotency keys. Afterwards: no lost update, one logged event set per success, a gapless
 * event log, exactly one winner per idempotency key, and the money still adds up.
 */
class ConcurrencyTest {
  private static final int THREADS = 6;
  private static final int OPS = 150;
  private static final LocalDate DAY = d("2025-02-10");
  private static final Sku E3 = World.base("O365_E3", 100_000);

  /** What one thread saw succeed. */
  private static final class Tally {
    int ownSeats = 10;
    int sharedDelta;
    int sharedAdds;
    int sharedRemoves;
    int replays;
    final List<Result<?>> firstRuns = new ArrayList<>();
  }

  @Test
  void SUB_2_concurrent_commands_lose_no_update_and_log_one_event_set_per_success() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      runOnce(seed);
    }
  }

  private void runOnce(long seed) throws Exception {
    World w = World.of(List.of(E3), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2025, 1),
        YearMonth.of(2026, 6), Map.of("O365_E3", 12_001L));
    w.customer("shared", 1, d("2025-01-05"));
    w.p.order(on(d("2025-02-01")), "shared", "O365_E3", 1_000, "SHARED");
    for (int i = 0; i < THREADS; i++) {
      w.customer("t" + i, 1 + i * 5, d("2025-01-05"));
      w.p.order(on(d("2025-02-01")), "t" + i, "O365_E3", 10, "OWN" + i);
    }
    w.p.issueBills(on(d("2025-02-01")));
    long eventsBefore = w.store.read().events().size();

    CyclicBarrier start = new CyclicBarrier(THREADS);
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Result<?>> race = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Tally>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      futures.add(pool.submit(() -> {
        CspPartner p = CspPartner.builder().partner(Partner.csp(World.PARTNER))
            .catalog(Catalog.of(List.of(E3))).store(w.store).build();
        SplittableRandom random = new SplittableRandom(seed * 1_000 + id);
        Tally tally = new Tally();
        start.await();
        race.add(p.addSeats(on(DAY).withKey("race-" + seed), "SHARED", 1));
        String lastKey = null;
        Supplier<Result<?>> last = null;
        for (int j = 0; j < OPS; j++) {
          try {
            if (last != null && random.nextInt(10) == 0) {
              Result<?> again = last.get();
              assertThat(again.replayed()).as("repeat of %s", lastKey).isTrue();
              tally.replays++;
              continue;
            }
            String key = "t" + id + "-" + j;
            Request r = on(DAY).withKey(key);
            int pick = random.nextInt(100);
            Supplier<Result<?>> call;
            if (pick < 35) {
              int k = 1 + random.nextInt(5);
              call = () -> p.addSeats(r, "OWN" + id, k);
              tally.ownSeats += k;
            } else if (pick < 55 && tally.ownSeats > 1) {
              int k = 1 + random.nextInt(Math.min(5, tally.ownSeats - 1));
              call = () -> p.removeSeats(r, "OWN" + id, k);
              tally.ownSeats -= k;
            } else if (pick < 85) {
              int k = 1 + random.nextInt(3);
              call = () -> p.addSeats(r, "SHARED", k);
              tally.sharedDelta += k;
              tally.sharedAdds++;
            } else if (pick < 95) {
              call = () -> p.removeSeats(r, "SHARED", 1);
              tally.sharedDelta -= 1;
              tally.sharedRemoves++;
            } else {
              call = () -> p.addService(r, "t" + id, key, "support", MinorUnits.toAmount(5_000, MinorUnits.USD),
                  Recurrence.MONTHLY);
            }
            Result<?> first = call.get();
            assertThat(first.replayed()).isFalse();
            tally.firstRuns.add(first);
            last = call;
            lastKey = key;
          } catch (Throwable e) {
            unexpected.add(e);
          }
        }
        return tally;
      }));
    }
    List<Tally> tallies = new ArrayList<>();
    for (Future<Tally> f : futures) {
      tallies.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(unexpected).as("every valid command succeeds").isEmpty();

    // exactly one winner for the shared idempotency key, the others replay its result
    assertThat(race).hasSize(THREADS);
    assertThat(race.stream().filter(r -> !r.replayed()).count()).isEqualTo(1);
    Result<?> winner = race.stream().filter(r -> !r.replayed()).findFirst().orElseThrow();
    race.forEach(r -> assertThat(r.events()).isEqualTo(winner.events()));

    // no lost update
    int sharedDelta = tallies.stream().mapToInt(t -> t.sharedDelta).sum();
    Subscription shared = w.p.subscription("SHARED").orElseThrow();
    assertThat(shared.seats()).isEqualTo(1_000 + 1 + sharedDelta);
    for (int i = 0; i < THREADS; i++) {
      assertThat(w.p.subscription("OWN" + i).orElseThrow().seats()).isEqualTo(tallies.get(i).ownSeats);
    }

    // one event per success, in a gapless log, exactly the events each result reported
    List<DomainEvent> log = w.store.read().events().read(eventsBefore, Integer.MAX_VALUE);
    for (int i = 0; i < log.size(); i++) {
      assertThat(log.get(i).sequence()).isEqualTo(eventsBefore + i + 1);
    }
    int sharedAdds = tallies.stream().mapToInt(t -> t.sharedAdds).sum() + 1;
    int sharedRemoves = tallies.stream().mapToInt(t -> t.sharedRemoves).sum();
    assertThat(log.stream().filter(e -> e.aggregateId().equals("SHARED") && e.kind().equals("ADD_SEATS")))
        .hasSize(sharedAdds);
    assertThat(log.stream().filter(e -> e.aggregateId().equals("SHARED") && e.kind().equals("REMOVE_SEATS")))
        .hasSize(sharedRemoves);
    Map<Long, DomainEvent> bySequence = new HashMap<>();
    log.forEach(e -> bySequence.put(e.sequence(), e));
    long reported = winner.events().size();
    for (Tally t : tallies) {
      for (Result<?> r : t.firstRuns) {
        assertThat(r.events()).hasSize(1);
        for (DomainEvent e : r.events()) {
          assertThat(bySequence.get(e.sequence())).isEqualTo(e);
        }
        reported += r.events().size();
      }
    }
    assertThat(log).hasSize((int) reported);
    assertThat(tallies.stream().mapToInt(t -> t.replays).sum()).isPositive();

    // and the money still adds up after the contention
    w.p.issueBills(on(d("2025-04-01")));
    Conservation.check(w.store, new Conservation.Tally());
  }
}
