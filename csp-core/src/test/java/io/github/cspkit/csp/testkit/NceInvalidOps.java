package io.github.cspkit.csp.testkit;

import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.STANDARD;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCommerce;
import io.github.cspkit.csp.partner.Request;
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
import java.util.function.Consumer;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Invalid current-program operations (MPA-1, NCE-1, NCE-5, NCE-6, NCE-9, SUB-6), each after a valid
 * {@link NceHistories} history that sets it up, labelled with the rule that must refuse it. The
 * operation is drawn from the state the replayed partner holds on its day ({@link #on}), so it is
 * invalid by construction: a cancellation after the window of a term that runs on, a removal of
 * more seats than the refundable quantity, an upgrade off the path, a plan that does not fit its
 * term, a customer's admin acting on a subscription, a termination notice shorter than 30 days.
 */
public final class NceInvalidOps {
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
   * A labelled invalid operation.
   *
   * @param setup the valid history replayed first
   * @param kind what is invalid, and the rule that refuses it
   * @param seed the randomness that picks its subscription, day and figures
   */
  public record Labelled(History setup, Kind kind, long seed) {
    /**
     * @param setup setup
     * @param kind kind
     * @param seed seed
     */
    public Labelled {
      requireNonNull(setup, "setup");
      requireNonNull(kind, "kind");
    }

    /** @return the rule that must refuse it */
    public String rule() {
      return kind.rule();
    }

    @Override
    public String toString() {
      return rule() + " ← " + kind + " (seed " + seed + ") after " + setup;
    }
  }

  /**
   * An invalid operation ready to run on a partner that replayed its setup.
   *
   * @param description what it does, for failure messages
   * @param day its day
   * @param run runs it on the partner (it must throw)
   */
  public record Operation(String description, LocalDate day, Consumer<CspPartner> run) {}

  /**
   * @param maxOperations the most operations of the setup history
   * @return labelled invalid operations of every kind
   */
  public static Gen<Labelled> labelled(int maxOperations) {
    return NceHistories.histories(maxOperations)
        .zip(SourceDSL.arbitrary().enumValues(Kind.class), SourceDSL.longs().all(),
            Labelled::new);
  }

  /**
   * The concrete operation of {@code op} on the partner that replayed its setup, or empty when the
   * setup left nothing it applies to (every subscription ended, say).
   *
   * @param p the partner, after {@link NcePartners#replay}
   * @param op the labelled operation
   * @return the operation
   */
  public static Optional<Operation> on(CspPartner p, Labelled op) {
    SplittableRandom r = new SplittableRandom(op.seed());
    History h = op.setup();
    LocalDate last = h.steps().get(h.steps().size() - 1).date();
    NewCommerce nce = p.newCommerce();
    List<NceSubscription> live = new ArrayList<>();
    for (NceSubscription s : nce.subscriptions(NcePartners.CONTOSO, last)) {
      if (s.status() != SubscriptionStatus.ENDED) {
        live.add(s);
      }
    }
    switch (op.kind()) {
      case PLAN_NOT_FITTING_TERM -> {
        TermLength term = r.nextBoolean() ? TermLength.P1M : TermLength.P1Y;
        BillingPlan plan = term == TermLength.P1M ? (r.nextBoolean() ? BillingPlan.ANNUAL
            : BillingPlan.TRIENNIAL) : BillingPlan.TRIENNIAL;
        return Optional.of(new Operation("order " + term + " " + plan, last, partner ->
            partner.newCommerce().order(NcePartners.admin(partner, last), NcePartners.CONTOSO,
                BASIC, 1, "bad" + r.nextInt(1000), term, plan)));
      }
      case SHORT_NOTICE -> {
        LocalDate effective = last.plusDays(r.nextInt(30));
        return Optional.of(new Operation("terminate effective " + effective, last, partner ->
            partner.terminatePartnerAgreement(NcePartners.admin(partner, last), effective)));
      }
      default -> {
        // the kinds below act on a live subscription
      }
    }
    if (live.isEmpty()) {
      return Optional.empty();
    }
    NceSubscription s = live.get(r.nextInt(live.size()));
    switch (op.kind()) {
      case CANCEL_AFTER_WINDOW -> {
        // a day after the window and before the term ends (a renewal would open a new window)
        LocalDate from = later(last, s.cancellableThrough().plusDays(1));
        LocalDate to = s.term().end().minusDays(1);
        if (from.isAfter(to)) {
          return Optional.empty();
        }
        LocalDate day = from.plusDays(r.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        return Optional.of(new Operation("cancel " + s.id() + " on " + day, day, partner ->
            partner.newCommerce().cancel(NcePartners.admin(partner, day), s.id())));
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
        return Optional.of(new Operation("remove " + n + " of " + s.id() + " (refundable "
            + refundable + ")", last, partner ->
            partner.newCommerce().removeSeats(NcePartners.admin(partner, last), s.id(), n)));
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
        return Optional.of(new Operation("upgrade " + s.id() + " from " + s.sku() + " to " + to,
            last, partner -> partner.newCommerce().upgrade(NcePartners.admin(partner, last), s.id(),
                to)));
      }
      case CUSTOMER_ACTS -> {
        Request byCustomer = Request.of(Actor.customerAdmin(NcePartners.CONTOSO), last);
        return Optional.of(new Operation("the customer's admin adds a seat to " + s.id(), last,
            partner -> partner.newCommerce().addSeats(byCustomer, s.id(), 1)));
      }
      default -> throw new AssertionError(op.kind());
    }
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
