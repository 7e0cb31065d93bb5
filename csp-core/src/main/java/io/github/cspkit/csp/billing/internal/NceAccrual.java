package io.github.cspkit.csp.billing.internal;

import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.NceTerm;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.SuspensionBilling;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.subscription.TermState;
import io.github.cspkit.csp.time.DateRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The partner's bill to its customer under the current program (DOMAIN.md, "The current program";
 * BIL-1..7, SUB-2, NCE-7, NCE-9): a new-commerce subscription read as the seed's accrual model
 * (terms of steps), so the seed's {@link BillingEngine} bills it per seat-day at the term's sale
 * price over the term's days, whatever the vendor's billing plan. A suspension that keeps charging
 * ({@link SuspensionBilling#CHARGE}) changes no step; an upgrade is a change of rate
 * ({@link ChangeKind#UPGRADE}); a cancellation ends the term's accrual on its day, so what was
 * billed in advance beyond it comes back as a credit on the next bill (BIL-7).
 */
public final class NceAccrual {
  private NceAccrual() {}

  /** The seed's change kind of a term's later event, as the partner's bill shows it. */
  private static final NceEvent.Visitor<ChangeKind> KIND = new NceEvent.Visitor<>() {
    @Override
    public ChangeKind started(NceEvent.Started e) {
      return ChangeKind.END; // a term starts once: never a later event (TermState refuses it)
    }

    @Override
    public ChangeKind seatsAdded(NceEvent.SeatsAdded e) {
      return ChangeKind.ADD_SEATS;
    }

    @Override
    public ChangeKind seatsRemoved(NceEvent.SeatsRemoved e) {
      return ChangeKind.REMOVE_SEATS;
    }

    @Override
    public ChangeKind suspended(NceEvent.Suspended e) {
      return ChangeKind.SUSPEND;
    }

    @Override
    public ChangeKind reactivated(NceEvent.Reactivated e) {
      return ChangeKind.REACTIVATE;
    }

    @Override
    public ChangeKind cancelled(NceEvent.Cancelled e) {
      return ChangeKind.CANCEL;
    }

    @Override
    public ChangeKind upgraded(NceEvent.Upgraded e) {
      return ChangeKind.UPGRADE;
    }

    @Override
    public ChangeKind seatsMovedOut(NceEvent.SeatsMovedOut e) {
      return ChangeKind.REMOVE_SEATS;
    }

    @Override
    public ChangeKind ended(NceEvent.Ended e) {
      return ChangeKind.END;
    }
  };

  /**
   * @param sub a new-commerce subscription, rolled to the day it is billed on
   * @param suspension whether a suspended subscription is still charged (NCE-7)
   * @return the same history as a seed subscription: its terms with their steps
   */
  public static Subscription of(NceSubscription sub, SuspensionBilling suspension) {
    List<Term> terms = new ArrayList<>();
    for (NceTerm t : sub.terms()) {
      List<Step> steps = new ArrayList<>();
      TermState state = TermState.start(t.started());
      ChangeKind first = t.started().how() == NceEvent.Start.RENEWAL ? ChangeKind.RENEW
          : ChangeKind.ORDER;
      steps.add(step(t.start(), first, state, SubscriptionStatus.ACTIVE));
      for (NceEvent e : t.events().subList(1, t.events().size())) {
        state = state.apply(e);
        ChangeKind kind = e.accept(KIND);
        SubscriptionStatus status = state.status();
        if (status == SubscriptionStatus.SUSPENDED && suspension.chargesWhileSuspended()) {
          status = SubscriptionStatus.ACTIVE;
        }
        if ((kind == ChangeKind.SUSPEND || kind == ChangeKind.REACTIVATE)
            && suspension.chargesWhileSuspended()) {
          continue; // nothing changes on the partner's bill
        }
        steps.add(step(e.date(), kind, state, status));
      }
      terms.add(Term.of(t.index(), DateRange.of(t.start(), t.end()), t.calendar().days(),
          t.started().price().saleMinor(), t.started().price().costMinor(), steps));
    }
    return Subscription.builder().id(sub.id()).customerId(sub.customerId()).sku(sub.sku())
        .currency(sub.currency()).autoRenew(sub.autoRenew()).terms(terms).build();
  }

  private static Step step(java.time.LocalDate date, ChangeKind kind, TermState state,
      SubscriptionStatus status) {
    return Step.of(date, kind, state.seats(), status,
        Math.multiplyExact(state.price().saleMinor(), (long) state.seats()),
        Math.multiplyExact(state.price().costMinor(), (long) state.seats()));
  }
}
