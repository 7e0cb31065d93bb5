package io.github.cspkit.csp.subscription.internal;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.pricing.PriceSource;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.LifecyclePolicy;
import io.github.cspkit.csp.subscription.SeatPrice;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.subscription.UnitPrice;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The subscription operations (SUB-1..7, CAT-1..5, CUS-2, CUS-3, PRC-6): each checks its rules,
 * its arguments first ({@link #checkSeats} and the like), then state and dates, and returns the
 * next {@link Subscription} and the event that explains it. Nothing mutates and
 * nothing is stored: a refused operation throws {@link RuleViolation} and leaves its input as it
 * was, so the same calls serve as quotes. Every charge is computed by the one {@link Accrual}.
 * Thread-safe.
 */
public final class SubscriptionOperations {
  private final DayCount dayCount;
  private final Proration proration;
  private final Accrual accrual;
  private final ChangeEvents events;
  private final PriceLock priceLock;
  private final PricingPolicy pricing;
  private final LifecyclePolicy lifecycle;
  private final ProgramPolicy program;

  private SubscriptionOperations(DayCount dayCount, Proration proration, PriceLock priceLock,
      PricingPolicy pricing, LifecyclePolicy lifecycle, ProgramPolicy program) {
    this.dayCount = requireNonNull(dayCount, "dayCount");
    this.proration = requireNonNull(proration, "proration");
    this.accrual = Accrual.of(dayCount, proration.rounding());
    this.events = new ChangeEvents(accrual);
    this.priceLock = requireNonNull(priceLock, "priceLock");
    this.pricing = requireNonNull(pricing, "pricing");
    this.lifecycle = requireNonNull(lifecycle, "lifecycle");
    this.program = requireNonNull(program, "program");
  }

  /** @return operations under the seed's policies: actual days, HALF_UP, term-start price lock, at cost */
  public static SubscriptionOperations seed() {
    return of(DayCount.ACTUAL, Proration.seed(), PriceLock.TERM_START, PricingPolicy.atCost(),
        LifecyclePolicy.seed(), ProgramPolicy.seed());
  }

  /**
   * @param dayCount how days are counted (SUB-2)
   * @param proration how charges are rounded (BIL-6)
   * @param priceLock which day's price a change pays (PRC-6)
   * @param pricing the partner's sale prices (PRC-5)
   * @param lifecycle the SUB-7 switches
   * @param program the orderable families (CAT-1)
   * @return the operations
   */
  public static SubscriptionOperations of(DayCount dayCount, Proration proration,
      PriceLock priceLock, PricingPolicy pricing, LifecyclePolicy lifecycle, ProgramPolicy program) {
    return new SubscriptionOperations(dayCount, proration, priceLock, pricing, lifecycle, program);
  }

  /** @return the day count policy */
  public DayCount dayCount() {
    return dayCount;
  }

  /** @return the proration (rounding) policy */
  public Proration proration() {
    return proration;
  }

  /** @return the accrual that computes every charge: the day count and the rounding */
  public Accrual accrual() {
    return accrual;
  }

  /** @return the pricing policy */
  public PricingPolicy pricing() {
    return pricing;
  }

  /**
   * @param start a term's first day
   * @return the term that starts then: {@code [start, start + 1 year)} (SUB-1)
   */
  public static DateRange termFrom(LocalDate start) {
    return DateRange.of(start, start.plusYears(1));
  }

  /**
   * The dates of term {@code index} of a subscription whose first term starts on
   * {@code firstStart}, anchored on that day (SUB-7): {@code [s + n years, s + (n+1) years)} in
   * calendar arithmetic, so that a subscription started on 2024-02-29 has terms starting on
   * 2025-02-28, 2026-02-28, 2027-02-28 and 2028-02-29.
   *
   * @param firstStart the first day of the first term
   * @param index the term's number, from 0
   * @return the term's dates
   */
  public static DateRange anchoredTerm(LocalDate firstStart, int index) {
    requireNonNull(firstStart, "firstStart");
    Checks.range(index >= 0, "index must not be negative, found %s", index);
    return DateRange.of(firstStart.plusYears(index), firstStart.plusYears(index + 1L));
  }

  /**
   * Orders a subscription (SUB-1): seats from 1 to the SKU's maximum, a one-year term from
   * {@code start}, the unit price of the term's first day as known that day (PRC-6).
   *
   * @param id the new subscription's id
   * @param customer the customer
   * @param sku a base SKU
   * @param seats the seats
   * @param start the first day
   * @param prices the price book
   * @return the new subscription and its ORDER event
   * @throws RuleViolation CAT-1, CAT-2, CAT-3, CAT-5, CUS-2, SUB-1 or PRC-3
   */
  public SubscriptionChange order(String id, Customer customer, Sku sku, int seats, LocalDate start,
      PriceSource prices) {
    return newSubscription(id, customer, sku, seats, start, prices, ChangeKind.ORDER);
  }

  /**
   * Converts the customer's direct trial into a paid CSP subscription (CUS-3); the caller ends the
   * trial on the tenant ({@code Tenant.endTrial}) on the same day.
   *
   * @param id the new subscription's id
   * @param customer the customer, whose tenant holds a running direct trial on {@code start}
   * @param sku the paid SKU
   * @param seats the seats
   * @param start the first paid day, on which the trial ends
   * @param prices the price book
   * @return the new subscription and its CONVERT_TRIAL event
   * @throws RuleViolation CUS-2 on a syndication tenant, CUS-3 if the tenant has no running
   *     direct trial, or as {@link #order}
   */
  public SubscriptionChange convertTrial(String id, Customer customer, Sku sku, int seats,
      LocalDate start, PriceSource prices) {
    requireNonNull(customer, "customer");
    requireNonNull(start, "start");
    checkSeats(requireNonNull(sku, "sku"), seats);
    customer.requireCspEligible(); // a syndication tenant is refused as such (CUS-2), trial or not
    Checks.rule(customer.tenant().canConvertTrialOn(start), "CUS-3",
        "customer %s has no running trial provisioned directly from the vendor on %s; order a"
            + " subscription instead", customer.id(), start);
    return newSubscription(id, customer, sku, seats, start, prices, ChangeKind.CONVERT_TRIAL);
  }

  private SubscriptionChange newSubscription(String id, Customer customer, Sku sku, int seats,
      LocalDate start, PriceSource prices, ChangeKind kind) {
    requireNonNull(id, "id");
    requireNonNull(customer, "customer");
    requireNonNull(sku, "sku");
    requireNonNull(start, "start");
    requireNonNull(prices, "prices");
    checkOrderable(customer, sku, seats);
    Checks.rule(!sku.isAddOn(), "CAT-3",
        "SKU %s is an add-on; order it on a base subscription of %s", sku.id(), sku.attachesTo());
    DateRange range = termFrom(start);
    UnitPrice unit = unitPrice(customer, sku, start, prices);
    Term term = Term.of(0, range, dayCount.days(range), unit,
        List.of(Step.of(start, kind, seats, SubscriptionStatus.ACTIVE, unit)));
    Subscription sub = Subscription.builder().id(id).customerId(customer.id()).sku(sku.id())
        .currency(customer.billing().currency()).addTerms(term).build();
    return SubscriptionChange.of(sub, List.of(events.charged(sub, kind, start, 0, term, unit, seats)));
  }

  /**
   * Orders an add-on on an active base subscription (CAT-3, SUB-3). The add-on's term runs from
   * {@code date} to the base term's end and is prorated over the base term's day count; its unit
   * price is that of its own first day (PRC-6).
   *
   * @param id the add-on's id
   * @param base the base subscription, rolled to {@code date}
   * @param customer the customer
   * @param sku the add-on SKU
   * @param seats the seats
   * @param date the first day
   * @param prices the price book
   * @return the add-on and its ORDER_ADD_ON event, charged {@code unit × seats × days/daysInBaseTerm}
   * @throws RuleViolation CAT-3 if the SKU is not an add-on of the base's SKU or the base is not
   *     active, or as {@link #order}
   */
  public SubscriptionChange orderAddOn(String id, Subscription base, Customer customer, Sku sku,
      int seats, LocalDate date, PriceSource prices) {
    requireNonNull(id, "id");
    requireNonNull(base, "base");
    requireNonNull(customer, "customer");
    requireNonNull(sku, "sku");
    requireNonNull(date, "date");
    requireNonNull(prices, "prices");
    Checks.range(base.customerId().equals(customer.id()),
        "base %s belongs to customer %s, not %s", base.id(), base.customerId(), customer.id());
    checkOrderable(customer, sku, seats);
    Checks.rule(sku.isAddOn() && sku.attachesTo(base.sku()), "CAT-3",
        "SKU %s does not attach to %s (base subscription %s); it attaches to %s",
        sku.id(), base.sku(), base.id(), sku.attachesTo());
    Checks.rule(base.status() == SubscriptionStatus.ACTIVE, "CAT-3",
        "an add-on needs an active base subscription, and %s is %s", base.id(),
        base.status().name().toLowerCase(java.util.Locale.ROOT));
    Term baseTerm = base.term();
    requireWithin(base, date);
    DateRange range = DateRange.of(date, baseTerm.end());
    UnitPrice unit = unitPrice(customer, sku, date, prices);
    Term term = Term.of(0, range, baseTerm.daysInTerm(), unit,
        List.of(Step.of(date, ChangeKind.ORDER_ADD_ON, seats, SubscriptionStatus.ACTIVE, unit)));
    Subscription sub = Subscription.builder().id(id).customerId(customer.id()).sku(sku.id())
        .baseId(base.id()).currency(customer.billing().currency()).addTerms(term).build();
    return SubscriptionChange.of(sub,
        List.of(events.charged(sub, ChangeKind.ORDER_ADD_ON, date, 0, term, unit, seats)));
  }

  /**
   * Adds seats (SUB-2): coterminous with the term, charged
   * {@code unit × seats × days left / days in term}, the change's day included, rounded once.
   *
   * @param sub an active subscription, rolled to {@code date}
   * @param customer its customer
   * @param sku its SKU
   * @param added seats to add, at least 1
   * @param date the first day of the added seats
   * @param prices the price book (used only by a price lock other than the term's start)
   * @return the next value and its ADD_SEATS event
   * @throws RuleViolation SUB-1 above the SKU's maximum, SUB-7 unless active
   */
  public SubscriptionChange addSeats(Subscription sub, Customer customer, Sku sku, int added,
      LocalDate date, PriceSource prices) {
    requireNonNull(sub, "sub");
    requireNonNull(sku, "sku");
    checkSeatsToAdd(added);
    requireActive(sub, "seats can change only on an active subscription");
    requireWithin(sub, date);
    Checks.rule(added <= sku.maxSeats() - sub.seats(), "SUB-1",
        "%s seats would exceed the maximum of %s for SKU %s", (long) sub.seats() + added,
        sku.maxSeats(), sku.id());
    return changeSeats(sub, customer, sku, added, date, prices, ChangeKind.ADD_SEATS);
  }

  /**
   * Removes seats (SUB-7), credited like SUB-2: {@code unit × seats × days left / days in term}.
   * At least one seat remains; to stop all seats, cancel.
   *
   * @param sub an active subscription, rolled to {@code date}
   * @param customer its customer
   * @param sku its SKU
   * @param removed seats to remove, at least 1
   * @param date the first day without them
   * @param prices the price book (used only by a price lock other than the term's start)
   * @return the next value and its REMOVE_SEATS event, with a negative charge
   * @throws RuleViolation SUB-7 when removal is switched off, the subscription is not active, or no
   *     seat would remain
   */
  public SubscriptionChange removeSeats(Subscription sub, Customer customer, Sku sku, int removed,
      LocalDate date, PriceSource prices) {
    requireNonNull(sub, "sub");
    checkSeatsToRemove(removed);
    Checks.rule(lifecycle.seatRemoval(), "SUB-7",
        "seat removal is switched off by the lifecycle policy");
    requireActive(sub, "seats can change only on an active subscription");
    requireWithin(sub, date);
    Checks.rule(removed < sub.seats(), "SUB-7",
        "removing %s of %s seats leaves none; cancel subscription %s instead",
        removed, sub.seats(), sub.id());
    return changeSeats(sub, customer, sku, -removed, date, prices, ChangeKind.REMOVE_SEATS);
  }

  private SubscriptionChange changeSeats(Subscription sub, Customer customer, Sku sku, int delta,
      LocalDate date, PriceSource prices, ChangeKind kind) {
    Term term = sub.term();
    Step last = sub.last();
    SeatPrice price = last.price();
    int seats = last.seats();
    SeatPrice next;
    long saleDelta;
    long costDelta;
    if (delta < 0) {
      // removed seats are credited at what they accrue now: their unit price, or the seats'
      // average price when a change-day lock mixed prices
      saleDelta = -price.saleOf(seats, -delta);
      costDelta = -price.costOf(seats, -delta);
      next = price.without(seats, -delta);
    } else {
      UnitPrice unit = term.unit();
      LocalDate priceDate = priceLock.priceDate(term.start(), date);
      if (!priceDate.equals(term.start())) {
        unit = unitPrice(requireNonNull(customer, "customer"), sku, priceDate, prices);
      }
      next = price.with(seats, delta, unit); // refuses seats whose annual price overflows
      saleDelta = unit.sale() * delta;
      costDelta = unit.cost() * delta;
    }
    Term after = term.with(Step.of(date, kind, seats + delta, last.status(), next));
    Subscription changed = sub.withCurrentTerm(after);
    return SubscriptionChange.of(changed,
        List.of(events.charged(changed, kind, date, seats, after, saleDelta, costDelta, delta)));
  }

  /**
   * Suspends one subscription (SUB-4, SUB-5): charges stop from {@code date} on (that day is not
   * charged); the customer keeps the access its product allows (CAT-4). Add-ons are not suspended.
   *
   * @param sub an active subscription, rolled to {@code date}
   * @param date the first day without charge
   * @return the next value and its SUSPEND event, crediting the rest of the term
   * @throws RuleViolation SUB-4 unless active
   */
  public SubscriptionChange suspend(Subscription sub, LocalDate date) {
    requireNonNull(sub, "sub");
    Checks.rule(sub.status() == SubscriptionStatus.ACTIVE, "SUB-4",
        "subscription %s is %s; only an active subscription can be suspended", sub.id(),
        sub.status().name().toLowerCase(java.util.Locale.ROOT));
    return changeStatus(sub, date, ChangeKind.SUSPEND, SubscriptionStatus.SUSPENDED);
  }

  /**
   * Reactivates a suspended subscription (SUB-7): charges resume from {@code date} on.
   *
   * @param sub a suspended subscription, rolled to {@code date}
   * @param date the first day charged again
   * @return the next value and its REACTIVATE event, charging the rest of the term
   * @throws RuleViolation SUB-7 unless suspended, or when reactivation is switched off
   */
  public SubscriptionChange reactivate(Subscription sub, LocalDate date) {
    requireNonNull(sub, "sub");
    Checks.rule(lifecycle.reactivation(), "SUB-7",
        "reactivation is switched off by the lifecycle policy");
    Checks.rule(sub.status() == SubscriptionStatus.SUSPENDED, "SUB-7",
        "subscription %s is %s; only a suspended subscription can be reactivated", sub.id(),
        sub.status().name().toLowerCase(java.util.Locale.ROOT));
    return changeStatus(sub, date, ChangeKind.REACTIVATE, SubscriptionStatus.ACTIVE);
  }

  /**
   * Cancels (SUB-5): a suspension that does not come back; charged up to the day before
   * {@code date}. The caller cancels the base's add-ons on the same day (CAT-3).
   *
   * @param sub an active or suspended subscription, rolled to {@code date}
   * @param date the first day without charge
   * @return the next value, ended, and its CANCEL event
   * @throws RuleViolation SUB-5 if it has already ended
   */
  public SubscriptionChange cancel(Subscription sub, LocalDate date) {
    requireNonNull(sub, "sub");
    Checks.rule(sub.status() != SubscriptionStatus.ENDED, "SUB-5",
        "subscription %s has already ended", sub.id());
    return changeStatus(sub, date, ChangeKind.CANCEL, SubscriptionStatus.ENDED);
  }

  private SubscriptionChange changeStatus(Subscription sub, LocalDate date, ChangeKind kind,
      SubscriptionStatus status) {
    requireWithin(sub, date);
    Term term = sub.term();
    Step last = sub.last();
    Term next = term.with(last.then(date, kind, status));
    Subscription after = sub.withCurrentTerm(next);
    long saleDelta = next.last().chargedSaleRate() - last.chargedSaleRate();
    long costDelta = next.last().chargedCostRate() - last.chargedCostRate();
    // a status change that changes no charge (cancelling a suspended subscription) still shows
    // the seats' unit price
    SubscriptionEvent e = saleDelta == 0
        ? events.shown(after, kind, date, last.seats(), next, last.saleRate(), last.seats())
        : events.charged(after, kind, date, last.seats(), next, saleDelta, costDelta,
            saleDelta > 0 ? last.seats() : -last.seats());
    return SubscriptionChange.of(after, List.of(e));
  }

  /**
   * Switches renewal at the term's end on or off (SUB-7).
   *
   * @param sub a subscription that has not ended
   * @param on whether to renew
   * @param date the day of the decision
   * @return the next value and its AUTO_RENEW event (no charge)
   * @throws RuleViolation SUB-7 if renewal is switched off by policy and {@code on} is asked
   */
  public SubscriptionChange autoRenew(Subscription sub, boolean on, LocalDate date) {
    requireNonNull(sub, "sub");
    requireNonNull(date, "date");
    Checks.rule(!on || lifecycle.renewal(), "SUB-7",
        "renewal is switched off by the lifecycle policy");
    Checks.rule(sub.status() != SubscriptionStatus.ENDED, "SUB-7",
        "subscription %s has ended; it cannot renew", sub.id());
    Subscription after = sub.withAutoRenewal(on);
    Term term = after.term();
    return SubscriptionChange.of(after, List.of(ChangeEvents.event(after, ChangeKind.AUTO_RENEW, date,
        sub.seats(), new Formula(term.saleUnit(), 0, 0, term.daysInTerm()), 0, 0)));
  }

  /**
   * As {@link #rollTo(Subscription, Subscription, Customer, Sku, LocalDate, PriceSource,
   * Predicate)} for a partner whose agreement is in force on every day (no AGR-1 limit).
   *
   * @param sub the subscription
   * @param base its base, already rolled to {@code date}; null for a base subscription
   * @param customer its customer
   * @param sku its SKU
   * @param date the day to roll to
   * @param prices the price book
   * @return the rolled value and its RENEW/END events (none when nothing was due)
   */
  public SubscriptionChange rollTo(Subscription sub, @Nullable Subscription base,
      Customer customer, Sku sku, LocalDate date, PriceSource prices) {
    return rollTo(sub, base, customer, sku, date, prices, day -> true);
  }

  /**
   * Moves a subscription through every term end on or before {@code date} (SUB-7): an active
   * subscription with renewal on starts a new one-year term, anchored on its first start
   * ({@link #anchoredTerm}), at the price of its first day, as known that day; otherwise it ends.
   * It does not renew when it is suspended at the term's end, nor on a renewal day on which the
   * partner's agreement is not in force (AGR-1): it ends with its term. A renewal on the
   * agreement's last day in force still happens. An add-on renews with its base, onto the base's
   * new term, and ends when its base ends (CAT-3). A renewal whose price is not yet published ends
   * the subscription (PRC-3).
   *
   * @param sub the subscription
   * @param base its base, already rolled to {@code date}; null for a base subscription
   * @param customer its customer
   * @param sku its SKU
   * @param date the day to roll to
   * @param prices the price book
   * @param agreementInForce whether the partner's agreement is in force on a day (AGR-1)
   * @return the rolled value and its RENEW/END events (none when nothing was due)
   */
  public SubscriptionChange rollTo(Subscription sub, @Nullable Subscription base,
      Customer customer, Sku sku, LocalDate date, PriceSource prices,
      Predicate<LocalDate> agreementInForce) {
    requireNonNull(sub, "sub");
    requireNonNull(date, "date");
    requireNonNull(agreementInForce, "agreementInForce");
    List<SubscriptionEvent> happened = new ArrayList<>(2);
    Subscription cur = sub;
    while (cur.status() != SubscriptionStatus.ENDED && !cur.term().end().isAfter(date)) {
      Term term = cur.term();
      LocalDate start = term.end();
      Step last = cur.last();
      DateRange range = null;
      long days = 0;
      if (lifecycle.renewal() && cur.autoRenew() && last.status() == SubscriptionStatus.ACTIVE
          && agreementInForce.test(start)) {
        if (base == null) {
          range = anchoredTerm(cur.startedOn(), term.index() + 1);
          days = dayCount.days(range);
        } else {
          Term bt = findTermStarting(base, start);
          if (bt != null) {
            range = bt.range();
            days = bt.daysInTerm();
          }
        }
      }
      Optional<UnitPrice> unit = range == null ? Optional.empty()
          : publishedPrice(customer, sku, start, prices);
      if (unit.isEmpty()) {
        Term ended = term.with(last.then(start, ChangeKind.END, SubscriptionStatus.ENDED));
        cur = cur.withCurrentTerm(ended);
        happened.add(events.shown(cur, ChangeKind.END, start, last.seats(), ended, term.saleUnit(), 1));
      } else {
        int seats = last.seats();
        Term next = Term.of(term.index() + 1, range, days, unit.get(),
            List.of(Step.of(start, ChangeKind.RENEW, seats, SubscriptionStatus.ACTIVE, unit.get())));
        cur = cur.withCurrentTerm(next);
        happened.add(events.charged(cur, ChangeKind.RENEW, start, seats, next, unit.get(), seats));
      }
    }
    return SubscriptionChange.of(cur, happened);
  }

  private static Term findTermStarting(Subscription base, LocalDate start) {
    for (Term t : base.terms()) {
      if (t.start().equals(start)) {
        return t;
      }
    }
    return null;
  }

  private void checkOrderable(Customer customer, Sku sku, int seats) {
    checkSeats(sku, seats);
    customer.requireCspEligible();
    program.checkOrderable(sku, customer.segment(), customer.verified());
  }

  /**
   * The argument check of an order or an add-on order (SUB-1), made before any rule on state or
   * dates.
   *
   * @param sku the SKU ordered
   * @param seats the seats ordered
   * @throws RuleViolation SUB-1 unless {@code 1 <= seats <= sku.maxSeats()}
   */
  public static void checkSeats(Sku sku, int seats) {
    Checks.rule(seats >= 1 && seats <= sku.maxSeats(), "SUB-1",
        "seats must be from 1 to %s for SKU %s, found %s", sku.maxSeats(), sku.id(), seats);
  }

  /**
   * The argument check of adding seats (SUB-1, SUB-2), made before any rule on state or dates.
   *
   * @param added the seats to add
   * @throws RuleViolation SUB-1 unless at least 1
   */
  public static void checkSeatsToAdd(int added) {
    Checks.rule(added >= 1, "SUB-1", "seats to add must be at least 1, found %s", added);
  }

  /**
   * The argument check of removing seats (SUB-7), made before any rule on state or dates.
   *
   * @param removed the seats to remove
   * @throws RuleViolation SUB-7 unless at least 1
   */
  public static void checkSeatsToRemove(int removed) {
    Checks.rule(removed >= 1, "SUB-7", "seats to remove must be at least 1, found %s",
        removed);
  }

  private static void requireActive(Subscription sub, String what) {
    Checks.rule(sub.status() == SubscriptionStatus.ACTIVE, "SUB-7",
        "%s, and %s is %s", what, sub.id(), sub.status().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static void requireWithin(Subscription sub, LocalDate date) {
    requireNonNull(date, "date");
    Term term = sub.term();
    Checks.range(!date.isBefore(sub.last().date()),
        "date %s is before the latest change of %s on %s", date, sub.id(), sub.last().date());
    Checks.range(date.isBefore(term.end()),
        "date %s is after the last day %s of the current term of %s", date, term.lastDay(), sub.id());
  }

  /** The unit price of a day, as known that day (PRC-6); PRC-3 if not published. */
  private UnitPrice unitPrice(Customer customer, Sku sku, LocalDate day, PriceSource prices) {
    PriceQuote quote = quote(customer, sku, day, prices);
    quote.orElseThrow();
    return priced(customer, sku, day, quote);
  }

  private Optional<UnitPrice> publishedPrice(Customer customer, Sku sku, LocalDate day,
      PriceSource prices) {
    PriceQuote quote = quote(customer, sku, day, prices);
    return quote.isPublished() ? Optional.of(priced(customer, sku, day, quote)) : Optional.empty();
  }

  private static PriceQuote quote(Customer customer, Sku sku, LocalDate day, PriceSource prices) {
    return prices.quote(sku.id(), customer.market(), customer.billing().currency(), day, day);
  }

  /** The sale price under the policy in force on the priced day (PRC-5), and the cost. */
  private UnitPrice priced(Customer customer, Sku sku, LocalDate day, PriceQuote quote) {
    long cost = quote.priceMinor();
    return UnitPrice.of(pricing.saleMinor(day, customer.id(), sku.id(), cost,
        customer.billing().currency()), cost);
  }
}
