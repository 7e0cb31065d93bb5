package io.github.cspkit.csp.testkit;

import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.STANDARD;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.NceHistories.History;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Invalid current-program operations (MPA-1, NCE-1, NCE-5, NCE-6, NCE-9, SUB-6), each after a valid
 * {@link NceHistories} history that sets it up, as a {@link LabelledOp}. The operation is drawn
 * from the subscriptions the history leads to, on the day it ends, so it is invalid by
 * construction: a cancellation after the window of a term that runs on, a removal of
 * more seats than the refundable quantity, an upgrade off the path, a plan that does not fit its
 * term, a customer's admin acting on a subscription, a termination notice shorter than 30 days.
 */
public final class NceInvalidOps {
  private static final Actor ADMIN = HistoryOp.ADMIN;

  private NceInvalidOps() {}

  /** The kinds of invalid operations, with the rule that refuses each. */
  public enum Kind {
    /** Cancelling after the window of a term (NCE-5). */
    CANCEL_AFTER_WINDOW("NCE-5"),
    /** Removing more seats than the refundable quantity (NCE-6). */
    REMOVE_BEYOND_REFUNDABLE("NCE-6"),
    /** Upgrading to a SKU off the path, a downgrade included (NCE-9). */
    UPGRADE_OFF_PATH("NCE-9"),
    /** Ordering with a plan that does not fit the term (NCE-1). */
    PLAN_NOT_FITTING_TERM("NCE-1"),
    /** The customer's admin adding seats (SUB-6). */
    CUSTOMER_ACTS("SUB-6"),
    /** A termination notice effective in less than 30 days (MPA-1). */
    SHORT_NOTICE("MPA-1");

    private final String rule;

    Kind(String rule) {
      this.rule = rule;
    }

    /** @return the rule that refuses it */
    public String rule() {
      return rule;
    }
  }

  /**
   * @param maxOperations the most operations of the setup history
   * @return invalid operations of every kind, each labelled with the rule that refuses it, or
   *     empty when the setup left nothing the drawn kind applies to (every subscription ended, say)
   */
  public static Gen<Optional<LabelledOp>> labelled(int maxOperations) {
    return NceHistories.histories(maxOperations)
        .zip(SourceDSL.arbitrary().enumValues(Kind.class), SourceDSL.longs().all(),
            (h, kind, seed) -> labelled(h, kind, new SplittableRandom(seed)));
  }

  /**
   * The invalid operation of {@code kind} on the day {@code setup} ends, on the subscriptions it
   * leads to, after its operations.
   *
   * @param setup a valid history
   * @param kind what is invalid
   * @param r the randomness that picks its subscription, day and figures
   * @return the labelled operation, or empty when the setup left nothing it applies to
   */
  public static Optional<LabelledOp> labelled(History setup, Kind kind, SplittableRandom r) {
    List<HistoryOp> ops = List.copyOf(setup.ops());
    return operation(setup, kind, r).map(op -> new LabelledOp(ops, op, kind.rule()));
  }

  private static Optional<HistoryOp> operation(History h, Kind kind, SplittableRandom r) {
    LocalDate last = h.end();
    switch (kind) {
      case PLAN_NOT_FITTING_TERM -> {
        TermLength term = r.nextBoolean() ? TermLength.P1M : TermLength.P1Y;
        BillingPlan plan = term == TermLength.P1M ? (r.nextBoolean() ? BillingPlan.ANNUAL
            : BillingPlan.TRIENNIAL) : BillingPlan.TRIENNIAL;
        return Optional.of(new HistoryOp.NceOrder(last, ADMIN, NcePartners.CONTOSO, BASIC, 1,
            "bad" + r.nextInt(1000), term, plan));
      }
      case SHORT_NOTICE -> {
        return Optional.of(new HistoryOp.TerminatePartnerAgreement(last, ADMIN,
            last.plusDays(r.nextInt(30))));
      }
      default -> {
        // the kinds below act on a live subscription
      }
    }
    List<NceSubscription> live = new ArrayList<>();
    for (NceSubscription s : h.subscriptions()) {
      if (s.status() != SubscriptionStatus.ENDED) {
        live.add(s);
      }
    }
    if (live.isEmpty()) {
      return Optional.empty();
    }
    NceSubscription s = live.get(r.nextInt(live.size()));
    switch (kind) {
      case CANCEL_AFTER_WINDOW -> {
        // a day after the window and before the term ends (a renewal would open a new window)
        LocalDate from = later(last, s.cancellableThrough().plusDays(1));
        LocalDate to = s.term().end().minusDays(1);
        if (from.isAfter(to)) {
          return Optional.empty();
        }
        LocalDate day = from.plusDays(r.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        return Optional.of(new HistoryOp.NceCancel(day, ADMIN, s.id()));
      }
      case REMOVE_BEYOND_REFUNDABLE -> {
        if (s.status() != SubscriptionStatus.ACTIVE || s.seats() < 2) {
          return Optional.empty();
        }
        int refundable = s.refundableQuantityOn(last);
        if (refundable >= s.seats() - 1) {
          return Optional.empty();
        }
        int n = refundable + 1 + r.nextInt(s.seats() - 1 - refundable);
        return Optional.of(new HistoryOp.NceRemoveSeats(last, ADMIN, s.id(), n));
      }
      case UPGRADE_OFF_PATH -> {
        if (s.status() != SubscriptionStatus.ACTIVE) {
          return Optional.empty();
        }
        String to = switch (s.sku()) {
          case BASIC -> r.nextBoolean() ? BASIC : NceWorld.E3; // itself, or another product
          case STANDARD -> BASIC; // a downgrade
          default -> r.nextBoolean() ? STANDARD : BASIC; // down from PREMIUM (NceWorld.PATHS)
        };
        return Optional.of(new HistoryOp.NceUpgrade(last, ADMIN, s.id(), to));
      }
      case CUSTOMER_ACTS -> {
        return Optional.of(new HistoryOp.NceAddSeats(last,
            Actor.customerAdmin(NcePartners.CONTOSO), s.id(), 1));
      }
      default -> throw new AssertionError(kind);
    }
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
