package io.github.cspkit.csp.subscription.internal;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.subscription.UnitPrice;
import java.time.LocalDate;

/**
 * The events of the subscription operations (SUB-2, SUB-5, SUB-7, BIL-5): each charge is what a
 * change of accrual rate accrues over the rest of the term, computed by the one {@link Accrual},
 * with the {@link Formula} that reproduces it. Thread-safe.
 */
final class ChangeEvents {
  private final Accrual accrual;

  ChangeEvents(Accrual accrual) {
    this.accrual = requireNonNull(accrual, "accrual");
  }

  /** The event of seats charged at one unit price over the rest of the term. */
  SubscriptionEvent charged(Subscription sub, ChangeKind kind, LocalDate date,
      int seatsBefore, Term term, UnitPrice unit, int seats) {
    return charged(sub, kind, date, seatsBefore, term, unit.sale() * seats, unit.cost() * seats,
        seats);
  }

  /**
   * The event of a change of accrual rate: its charge is {@code Δrate × days left / daysInTerm},
   * counted and rounded by the accrual, and its formula explains that delta as unit × seats
   * (SUB-2, BIL-5), so that it reproduces the charge.
   */
  SubscriptionEvent charged(Subscription sub, ChangeKind kind, LocalDate date,
      int seatsBefore, Term term, long saleDelta, long costDelta, long seats) {
    long days = accrual.days(date, term.end());
    long n = term.daysInTerm();
    return event(sub, kind, date, seatsBefore, Formula.explaining(saleDelta, seats, days, n),
        accrual.amount(saleDelta, days, n), accrual.amount(costDelta, days, n));
  }

  /** The event of a change that charges nothing: it shows the seats' price, {@code unit × 0}. */
  SubscriptionEvent shown(Subscription sub, ChangeKind kind, LocalDate date,
      int seatsBefore, Term term, long rate, long seats) {
    long days = accrual.days(date, term.end());
    Formula price = Formula.explaining(rate, seats, days, term.daysInTerm());
    return event(sub, kind, date, seatsBefore,
        new Formula(price.unitMinor(), 0, days, term.daysInTerm()), 0, 0);
  }

  static SubscriptionEvent event(Subscription sub, ChangeKind kind, LocalDate date,
      int seatsBefore, Formula formula, long chargeMinor, long costMinor) {
    return SubscriptionEvent.builder().proration(formula).subscriptionId(sub.id())
        .customerId(sub.customerId()).sku(sub.sku()).kind(kind).date(date).seatsBefore(seatsBefore)
        .seatsAfter(sub.seats()).status(sub.status()).currency(sub.currency())
        .chargeMinor(chargeMinor).costMinor(costMinor).build();
  }
}
