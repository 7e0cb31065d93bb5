package io.github.cspkit.csp.testkit;

import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.CATALOG;
import static io.github.cspkit.csp.testkit.NceWorld.CONTOSO;
import static io.github.cspkit.csp.testkit.NceWorld.IN_FORCE;
import static io.github.cspkit.csp.testkit.NceWorld.OPS;
import static io.github.cspkit.csp.testkit.NceWorld.PATHS;
import static io.github.cspkit.csp.testkit.NceWorld.PREMIUM;
import static io.github.cspkit.csp.testkit.NceWorld.PRICES;
import static io.github.cspkit.csp.testkit.NceWorld.STANDARD;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.HistoryOp.Expected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random valid new-commerce histories on {@link NceWorld} (NCE-1..9): an order on a random day
 * (month ends and February 29 often), with a random term and plan, then operations a few days
 * apart, each valid on its day: seats added, seats removed within their window, suspension and
 * reactivation, cancellation within the window, full and partial upgrades along the path, scheduled
 * changes, auto-renewal switched, and renewals as time passes. Each is a {@link HistoryOp.NceOp}
 * carrying what {@link io.github.cspkit.csp.subscription.NceOperations} made of it on the model
 * ({@link HistoryOp.Expected}); none may be refused, and {@link NcePartners#replay} runs them
 * through a partner.
 */
public final class NceHistories {
  private static final String[] SKUS = {BASIC, STANDARD, PREMIUM};
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  private static final Actor ADMIN = HistoryOp.ADMIN;

  private NceHistories() {}

  /**
   * A generated history and where it leads.
   *
   * @param ops every operation, renewals included ({@link HistoryOp.NceRenewal}), in order, each
   *     with what it must do
   * @param subscriptions every subscription at the end, rolled to {@code end}, parents first
   * @param end the day everything was rolled to
   */
  public record History(List<HistoryOp.NceOp> ops, List<NceSubscription> subscriptions,
      LocalDate end) {
    /**
     * @param ops ops
     * @param subscriptions subscriptions
     * @param end end
     */
    public History {
      ops = List.copyOf(ops);
      subscriptions = List.copyOf(subscriptions);
      requireNonNull(end, "end");
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("History to ").append(end);
      for (HistoryOp op : ops) {
        sb.append("\n  ").append(op);
      }
      return sb.toString();
    }
  }

  /**
   * @param maxOperations the most operations after the order
   * @return histories, smaller ones simpler
   */
  public static Gen<History> histories(int maxOperations) {
    return SourceDSL.longs().all().zip(SourceDSL.integers().between(0, maxOperations),
        (seed, ops) -> history(new SplittableRandom(seed), ops));
  }

  /**
   * @param r the randomness
   * @param operations how many operations after the order
   * @return a replayed history
   */
  public static History history(SplittableRandom r, int operations) {
    LocalDate start = day(r);
    TermLength term = TermLength.values()[r.nextInt(3)];
    BillingPlan plan;
    do {
      plan = BillingPlan.values()[r.nextInt(3)];
    } while (!plan.fits(term));
    List<HistoryOp.NceOp> steps = new ArrayList<>();
    Map<String, NceSubscription> subs = new LinkedHashMap<>();
    String sku = SKUS[r.nextInt(2)];
    int seats = 1 + r.nextInt(20);
    NceChange order = OPS.order("S1", CONTOSO, NceWorld.sku(sku), seats, term, plan, start, PRICES);
    steps.add(new HistoryOp.NceOrder(start, ADMIN, CONTOSO.id(), sku, seats, "S1", term, plan,
        Optional.of(new Expected(Optional.empty(), order))));
    subs.put("S1", order.subscription());
    LocalDate date = start;
    int children = 0;
    for (int i = 0; i < operations; i++) {
      date = date.plusDays(r.nextInt(4) == 0 ? r.nextInt(120) : r.nextInt(8));
      rollAll(subs, date, steps);
      List<NceSubscription> live = new ArrayList<>();
      for (NceSubscription s : subs.values()) {
        if (s.status() != SubscriptionStatus.ENDED) {
          live.add(s);
        }
      }
      if (live.isEmpty()) {
        break;
      }
      NceSubscription s = live.get(r.nextInt(live.size()));
      HistoryOp.NceOp step = operate(r, s, date, "S" + (subs.size() + 1) + "u" + (++children));
      if (step != null) {
        steps.add(step);
        subs.put(s.id(), step.change().subscription());
        step.change().created().ifPresent(c -> subs.put(c.id(), c));
      }
    }
    LocalDate end = date.plusDays(r.nextInt(400));
    rollAll(subs, end, steps);
    return new History(List.copyOf(steps), List.copyOf(subs.values()), end);
  }

  private static void rollAll(Map<String, NceSubscription> subs, LocalDate date,
      List<HistoryOp.NceOp> steps) {
    for (Map.Entry<String, NceSubscription> e : subs.entrySet()) {
      NceChange rolled = OPS.rollTo(e.getValue(), CONTOSO, date, PRICES, IN_FORCE);
      if (!rolled.events().isEmpty()) {
        steps.add(new HistoryOp.NceRenewal(date, e.getKey(),
            new Expected(Optional.of(e.getValue()), rolled)));
        e.setValue(rolled.subscription());
      }
    }
  }

  /** One valid operation on {@code s}, or null when the one drawn does not apply. */
  private static HistoryOp.NceOp operate(SplittableRandom r, NceSubscription s, LocalDate date,
      String newId) {
    boolean active = s.status() == SubscriptionStatus.ACTIVE;
    int kind = r.nextInt(100);
    String sku = s.sku();
    String id = s.id();
    if (kind < 25 && active && s.seats() < 280) {
      int n = 1 + r.nextInt(10);
      return new HistoryOp.NceAddSeats(date, ADMIN, id, n,
          expect(s, OPS.addSeats(s, NceWorld.sku(sku), n, date)));
    } else if (kind < 40 && active && s.refundableQuantityOn(date) > 0 && s.seats() > 1) {
      int n = 1 + r.nextInt(Math.min(s.refundableQuantityOn(date), s.seats() - 1));
      return new HistoryOp.NceRemoveSeats(date, ADMIN, id, n,
          expect(s, OPS.removeSeats(s, n, date)));
    } else if (kind < 48 && active) {
      return new HistoryOp.NceSuspend(date, ADMIN, id, expect(s, OPS.suspend(s, date)));
    } else if (kind < 58 && s.status() == SubscriptionStatus.SUSPENDED) {
      return new HistoryOp.NceReactivate(date, ADMIN, id, expect(s, OPS.reactivate(s, date)));
    } else if (kind < 62 && s.isCancellableOn(date)) {
      return new HistoryOp.NceCancel(date, ADMIN, id, expect(s, OPS.cancel(s, date)));
    } else if (kind < 72 && active && !sku.equals(PREMIUM)) {
      String to = sku.equals(BASIC) && r.nextBoolean() ? STANDARD : PREMIUM;
      if (s.seats() > 1 && r.nextBoolean()) {
        int n = 1 + r.nextInt(s.seats() - 1);
        return new HistoryOp.NceUpgradeSeats(date, ADMIN, id, to, n, newId,
            expect(s, OPS.upgradeSeats(s, CONTOSO, NceWorld.sku(sku), NceWorld.sku(to), PATHS, n,
                newId, date, PRICES)));
      }
      return new HistoryOp.NceUpgrade(date, ADMIN, id, to, expect(s, OPS.upgrade(s, CONTOSO,
          NceWorld.sku(sku), NceWorld.sku(to), PATHS, date, PRICES)));
    } else if (kind < 90 && s.status() != SubscriptionStatus.ENDED) {
      ScheduledChange.Builder b = ScheduledChange.builder();
      boolean any = false;
      if (r.nextBoolean()) {
        b.seats(1 + r.nextInt(30));
        any = true;
      }
      if (r.nextBoolean()) {
        TermLength t = TermLength.values()[r.nextInt(3)];
        BillingPlan p;
        do {
          p = BillingPlan.values()[r.nextInt(3)];
        } while (!p.fits(t));
        b.term(t).plan(p);
        any = true;
      }
      if (r.nextBoolean() || !any) {
        b.sku(SKUS[r.nextInt(3)]);
      }
      ScheduledChange change = b.build();
      return new HistoryOp.NceSchedule(date, ADMIN, id, change,
          expect(s, OPS.schedule(s, change, CONTOSO, CATALOG)));
    } else if (s.status() != SubscriptionStatus.ENDED && (kind < 95 || !s.autoRenew())) {
      return new HistoryOp.NceAutoRenew(date, ADMIN, id, !s.autoRenew(),
          expect(s, OPS.autoRenew(s, !s.autoRenew())));
    }
    return null;
  }

  private static Optional<Expected> expect(NceSubscription before, NceChange change) {
    return Optional.of(new Expected(Optional.of(before), change));
  }

  /** A day from 2024 to 2027, often a month's end or February 29. */
  private static LocalDate day(SplittableRandom r) {
    LocalDate d = FIRST.plusDays(r.nextInt(4 * 365));
    return switch (r.nextInt(4)) {
      case 0 -> d.withDayOfMonth(d.lengthOfMonth());
      case 1 -> LocalDate.of(2024 + r.nextInt(2) * 4, 2, 29 - r.nextInt(2));
      default -> d;
    };
  }
}
