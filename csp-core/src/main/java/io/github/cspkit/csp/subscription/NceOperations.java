package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.internal.Checks;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.UpgradePaths;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.pricing.PriceRow;
import io.github.cspkit.csp.pricing.PriceRows;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.SalePrice;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.pricing.TermPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javax.money.CurrencyUnit;

/**
 * The new-commerce operations (NCE-1..9, with CAT-1..5, CUS-2 and SUB-1 kept from the seed): each
 * checks its rules, then returns the next {@link NceSubscription} and the events it appended
 * ({@link NceChange}). Nothing mutates and nothing is stored: a refused operation throws
 * {@link RuleViolation} and leaves its input as it was, so the same calls serve as quotes. Dates
 * must not go back before a subscription's latest event and must fall within its current term
 * (roll it first with {@link #rollTo}); otherwise {@link io.github.cspkit.csp.OutOfRangeException},
 * as is a SKU that is not the subscription's. Thread-safe.
 */
public final class NceOperations {
  private final TermPolicy terms;
  private final ChangeWindow window;
  private final PricingPolicy pricing;
  private final ProgramPolicy program;

  private NceOperations(TermPolicy terms, ChangeWindow window, PricingPolicy pricing,
      ProgramPolicy program) {
    this.terms = requireNonNull(terms, "terms");
    this.window = requireNonNull(window, "window");
    this.pricing = requireNonNull(pricing, "pricing");
    this.program = requireNonNull(program, "program");
  }

  /**
   * @return operations under the current program's policies: every term and plan of NCE-1, a
   *     7-day window (NCE-5, NCE-6), sale at cost, Office 365 only (CAT-1)
   */
  public static NceOperations currentProgram() {
    return of(TermPolicy.currentProgram(), ChangeWindow.currentProgram(), PricingPolicy.atCost(),
        ProgramPolicy.seed());
  }

  /**
   * @param terms the terms and plans sold (NCE-1)
   * @param window the cancellation and reduction window (NCE-5, NCE-6)
   * @param pricing the partner's sale prices (PRC-5)
   * @param program the orderable families (CAT-1)
   * @return the operations
   */
  public static NceOperations of(TermPolicy terms, ChangeWindow window, PricingPolicy pricing,
      ProgramPolicy program) {
    return new NceOperations(terms, window, pricing, program);
  }

  /** @return the cancellation and reduction window */
  public ChangeWindow window() {
    return window;
  }

  /**
   * Orders a subscription (NCE-1, NCE-3): seats from 1 to the SKU's maximum, a term and plan the
   * program sells and the list in force on {@code start} has a row for, anchored on
   * {@code start}; the row's price of that day, as known that day, is protected for the term.
   *
   * @param id the new subscription's id
   * @param customer the customer
   * @param sku a base SKU
   * @param seats the seats
   * @param term the term length
   * @param plan the billing plan
   * @param start the first day
   * @param prices the price rows
   * @return the new subscription and its Started event
   * @throws RuleViolation CUS-2, CAT-1, CAT-2, CAT-3, CAT-5, SUB-1, NCE-1 or PRC-3
   */
  public NceChange order(String id, Customer customer, Sku sku, int seats, TermLength term,
      BillingPlan plan, LocalDate start, OfferPrices prices) {
    requireNonNull(id, "id");
    requireNonNull(customer, "customer");
    requireNonNull(sku, "sku");
    requireNonNull(term, "term");
    requireNonNull(plan, "plan");
    requireNonNull(start, "start");
    requireNonNull(prices, "prices");
    checkOrderable(customer, sku, seats);
    terms.check(term, plan);
    TermOffer offer = TermOffer.of(sku.id(), term, plan);
    SalePrice price = priced(customer, prices.row(offer, customer.market(), currency(customer),
        start));
    LocalDate last = window.lastDay(start);
    NceEvent.Started started = new NceEvent.Started(start, NceEvent.Start.PURCHASE, sku.id(), seats,
        price, last);
    NceSubscription sub = NceSubscription.builder().id(id).customerId(customer.id())
        .currency(currency(customer))
        .addTerms(NceTerm.of(0, TermCalendar.first(start, term, plan), last, started)).build();
    return NceChange.of(sub, List.of(started));
  }

  /**
   * Adds seats (NCE-3, NCE-4): coterminous with the term, at the term's protected price; each
   * addition can be removed within its own window (NCE-6). Drops the scheduled changes (NCE-8).
   *
   * @param sub an active subscription
   * @param sku its current SKU
   * @param added seats to add, at least 1
   * @param date the first day of the added seats
   * @return the next value and its SeatsAdded event
   * @throws RuleViolation SUB-1 below 1 or above the SKU's maximum; SUB-7 unless active
   */
  public NceChange addSeats(NceSubscription sub, Sku sku, int added, LocalDate date) {
    requireNonNull(sub, "sub");
    requireSku(sub, sku);
    Checks.rule(added >= 1, "SUB-1", "seats to add must be at least 1, found %s", added);
    requireActive(sub, "seats can change only on an active subscription");
    requireWithin(sub, date);
    Checks.rule(added <= sku.maxSeats() - sub.seats(), "SUB-1",
        "%s seats would exceed the maximum of %s for SKU %s", (long) sub.seats() + added,
        sku.maxSeats(), sku.id());
    return immediate(sub, new NceEvent.SeatsAdded(date, added, window.lastDay(date)));
  }

  /**
   * Removes seats (NCE-6): only seats added on days whose window is still open, and at least one
   * seat stays. Drops the scheduled changes (NCE-8).
   *
   * @param sub an active subscription
   * @param removed seats to remove, at least 1
   * @param date the first day without them
   * @return the next value and its SeatsRemoved event
   * @throws RuleViolation SUB-7 unless active; NCE-6 when fewer seats are refundable that day or
   *     none would remain
   */
  public NceChange removeSeats(NceSubscription sub, int removed, LocalDate date) {
    requireNonNull(sub, "sub");
    Checks.rule(removed >= 1, "NCE-6", "seats to remove must be at least 1, found %s",
        removed);
    requireActive(sub, "seats can change only on an active subscription");
    requireWithin(sub, date);
    Checks.rule(removed < sub.seats(), "NCE-6",
        "removing %s of %s seats leaves none; cancel subscription %s instead (NCE-5)", removed,
        sub.seats(), sub.id());
    int refundable = sub.refundableQuantityOn(date);
    if (removed > refundable) {
      List<RefundableSeats> open = sub.refundableOn(date);
      throw RuleViolation.of("NCE-6",
          "only %s seats of %s can be removed on %s (%s): seats can be removed only within %s days"
              + " of the day they were added; schedule the reduction for the renewal instead (NCE-8)",
          refundable, sub.id(), date, open.isEmpty() ? "no addition is within its window" : open,
          window.length().getDays());
    }
    return immediate(sub, new NceEvent.SeatsRemoved(date, removed));
  }

  /**
   * Cancels within the cancellation window (NCE-5): the subscription ends on {@code date}. The
   * scheduled changes go with it.
   *
   * @param sub a subscription that has not ended
   * @param date the first day without it
   * @return the next value, ended, and its Cancelled event
   * @throws RuleViolation NCE-5 if it has ended or the window is closed, naming the window and the
   *     alternative (auto-renewal off)
   */
  public NceChange cancel(NceSubscription sub, LocalDate date) {
    requireNonNull(sub, "sub");
    Checks.rule(sub.status() != SubscriptionStatus.ENDED, "NCE-5",
        "subscription %s has already ended", sub.id());
    requireWithin(sub, date);
    NceTerm term = sub.term();
    Checks.rule(sub.isCancellableOn(date), "NCE-5",
        "subscription %s can be cancelled only from %s to %s, within %s days of its purchase or"
            + " latest renewal; turn auto-renewal off instead and it ends with its term on %s",
        sub.id(), term.calendar().start(), term.cancellableThrough(), window.length().getDays(),
        term.end().minusDays(1));
    NceEvent.Cancelled cancelled = new NceEvent.Cancelled(date);
    NceSubscription after = sub.withCurrentTerm(term.with(cancelled));
    return new NceChange(builderOf(after).scheduled(Optional.empty()).build(), Optional.empty(),
        List.of(cancelled), sub.scheduled());
  }

  /**
   * Suspends (NCE-7): the customer loses access, the vendor keeps charging; it is not a
   * cancellation. A subscription still suspended at its term's end does not renew.
   *
   * @param sub an active subscription
   * @param date the first day suspended
   * @return the next value and its Suspended event
   * @throws RuleViolation SUB-4 unless active
   */
  public NceChange suspend(NceSubscription sub, LocalDate date) {
    requireNonNull(sub, "sub");
    Checks.rule(sub.status() == SubscriptionStatus.ACTIVE, "SUB-4",
        "subscription %s is %s; only an active subscription can be suspended", sub.id(),
        statusName(sub));
    requireWithin(sub, date);
    return append(sub, new NceEvent.Suspended(date));
  }

  /**
   * Reactivates a suspended subscription (NCE-7).
   *
   * @param sub a suspended subscription
   * @param date the first day active again
   * @return the next value and its Reactivated event
   * @throws RuleViolation SUB-7 unless suspended
   */
  public NceChange reactivate(NceSubscription sub, LocalDate date) {
    requireNonNull(sub, "sub");
    Checks.rule(sub.status() == SubscriptionStatus.SUSPENDED, "SUB-7",
        "subscription %s is %s; only a suspended subscription can be reactivated", sub.id(),
        statusName(sub));
    requireWithin(sub, date);
    return append(sub, new NceEvent.Reactivated(date));
  }

  /**
   * Switches renewal at the term's end on or off: outside the cancellation window, turning it off is
   * how a subscription is stopped (NCE-5).
   *
   * @param sub a subscription that has not ended
   * @param on whether to renew
   * @return the next value; no event
   * @throws RuleViolation SUB-7 if it has ended
   */
  public NceChange autoRenew(NceSubscription sub, boolean on) {
    requireNonNull(sub, "sub");
    Checks.rule(sub.status() != SubscriptionStatus.ENDED, "SUB-7",
        "subscription %s has ended; it cannot renew", sub.id());
    return NceChange.of(builderOf(sub).autoRenew(on).build(), List.of());
  }

  /**
   * Schedules changes for the next term (NCE-8), replacing those scheduled before: a seat count, a
   * term and plan the program sells, a SKU of the same product family. They take effect on the
   * renewal day, at that day's price.
   *
   * @param sub a subscription that has not ended
   * @param change the changes
   * @param customer its customer
   * @param catalog the catalog, for the SKUs
   * @return the next value; no event
   * @throws RuleViolation NCE-8 if it has ended or the SKU is of another family; NCE-1 for a term
   *     and plan not sold; SUB-1 for seats beyond the SKU's maximum; CAT-1..5 for a SKU the
   *     customer cannot order
   */
  public NceChange schedule(NceSubscription sub, ScheduledChange change, Customer customer,
      Catalog catalog) {
    requireNonNull(sub, "sub");
    requireNonNull(change, "change");
    requireNonNull(customer, "customer");
    requireNonNull(catalog, "catalog");
    Checks.rule(sub.status() != SubscriptionStatus.ENDED, "NCE-8",
        "subscription %s has ended; nothing can be scheduled", sub.id());
    Sku current = catalog.sku(sub.sku());
    Sku next = change.sku().map(catalog::sku).orElse(current);
    Checks.rule(next.family().equals(current.family()), "NCE-8",
        "SKU %s is of the product family %s, not %s of %s: a renewal can change the SKU only within"
            + " the same product", next.id(), next.family(), current.family(), current.id());
    if (!next.equals(current)) {
      checkOrderable(customer, next, 1);
    }
    int seats = change.seats().orElse(sub.seats());
    Checks.rule(seats <= next.maxSeats(), "SUB-1",
        "%s seats would exceed the maximum of %s for SKU %s", seats, next.maxSeats(), next.id());
    terms.check(change.term().orElse(sub.term().calendar().length()),
        change.plan().orElse(sub.term().calendar().plan()));
    return NceChange.of(builderOf(sub).scheduled(change).build(), List.of());
  }

  /**
   * Drops the scheduled changes (NCE-8).
   *
   * @param sub a subscription
   * @return the next value, with nothing scheduled, and what was dropped
   */
  public NceChange unschedule(NceSubscription sub) {
    requireNonNull(sub, "sub");
    return new NceChange(builderOf(sub).scheduled(Optional.empty()).build(), Optional.empty(),
        List.of(), sub.scheduled());
  }

  /**
   * Upgrades every seat to a SKU on the upgrade path (NCE-9), at that SKU's price on
   * {@code date} for the same term and plan, protected for the rest of the term. Drops the scheduled
   * changes (NCE-8).
   *
   * @param sub an active subscription
   * @param customer its customer
   * @param from its current SKU
   * @param to the SKU to move to
   * @param paths the catalog's upgrade paths
   * @param date the first day on the new SKU
   * @param prices the price rows
   * @return the next value and its Upgraded event
   * @throws RuleViolation NCE-9 unless active or when {@code to} is not on the path; CAT-1..5,
   *     SUB-1, NCE-1 or PRC-3 for the new SKU
   */
  public NceChange upgrade(NceSubscription sub, Customer customer, Sku from, Sku to,
      UpgradePaths paths, LocalDate date, OfferPrices prices) {
    SalePrice price = upgradePrice(sub, customer, from, to, paths, sub.seats(), date, prices);
    return immediate(sub, new NceEvent.Upgraded(date, to.id(), price));
  }

  /**
   * Upgrades some seats (NCE-9): they move to a new subscription on a SKU on the upgrade path,
   * which keeps the parent's term end, calendar and cancellation window; the parent keeps the rest.
   * Drops the parent's scheduled changes (NCE-8).
   *
   * @param sub an active subscription
   * @param customer its customer
   * @param from its current SKU
   * @param to the SKU to move to
   * @param paths the catalog's upgrade paths
   * @param seats the seats to move, from 1 to one fewer than held
   * @param newId the new subscription's id
   * @param date the first day on the new SKU
   * @param prices the price rows
   * @return the parent's next value and the new subscription, with their events
   * @throws RuleViolation NCE-9 unless active, when {@code to} is not on the path, or for a seat
   *     count out of range; CAT-1..5, SUB-1, NCE-1 or PRC-3 for the new SKU
   * @throws ConflictException if {@code newId} is the subscription's own id
   */
  public NceChange upgradeSeats(NceSubscription sub, Customer customer, Sku from, Sku to,
      UpgradePaths paths, int seats, String newId, LocalDate date, OfferPrices prices) {
    requireNonNull(sub, "sub");
    requireNonNull(newId, "newId");
    if (newId.equals(sub.id())) {
      throw ConflictException.duplicate("subscription", newId);
    }
    Checks.rule(seats >= 1 && seats < sub.seats(), "NCE-9",
        "a partial upgrade moves 1 to %s of the %s seats of %s, not %s; upgrade all seats with a"
            + " full upgrade", sub.seats() - 1, sub.seats(), sub.id(), seats);
    SalePrice price = upgradePrice(sub, customer, from, to, paths, seats, date, prices);
    NceEvent.SeatsMovedOut out = new NceEvent.SeatsMovedOut(date, seats, to.id(), newId);
    NceChange parent = immediate(sub, out);
    NceTerm term = sub.term();
    NceEvent.Started started = new NceEvent.Started(date, NceEvent.Start.UPGRADE, to.id(), seats,
        price, term.cancellableThrough());
    NceSubscription child = NceSubscription.builder().id(newId).customerId(sub.customerId())
        .currency(sub.currency()).parentId(sub.id()).autoRenew(sub.autoRenew())
        .addTerms(NceTerm.of(0, term.calendar(), term.cancellableThrough(), started)).build();
    return new NceChange(parent.subscription(), Optional.of(child), List.of(out, started),
        parent.dropped());
  }

  /**
   * Moves a subscription through every term end on or before {@code date}: an active subscription
   * with auto-renewal on, whose partner's agreement is in force on the renewal day (AGR-1), starts
   * a new term on that day with the scheduled changes (NCE-8), at that day's price as known that
   * day, protected for the new term (NCE-3); its cycles stay anchored (NCE-1). Otherwise, or when
   * the list in force has no row for the renewed offer, it ends with its term (NCE-7: a suspended
   * subscription does not renew).
   *
   * @param sub the subscription
   * @param customer its customer
   * @param date the day to roll to
   * @param prices the price rows
   * @param agreementInForce whether the partner's agreement is in force on a day (AGR-1)
   * @return the rolled value and the events of its renewals and end (none when nothing was due)
   */
  public NceChange rollTo(NceSubscription sub, Customer customer, LocalDate date,
      OfferPrices prices, Predicate<LocalDate> agreementInForce) {
    requireNonNull(sub, "sub");
    requireNonNull(customer, "customer");
    requireNonNull(date, "date");
    requireNonNull(prices, "prices");
    requireNonNull(agreementInForce, "agreementInForce");
    List<NceEvent> events = new ArrayList<>(2);
    NceSubscription cur = sub;
    while (cur.status() != SubscriptionStatus.ENDED && !cur.term().end().isAfter(date)) {
      NceTerm term = cur.term();
      LocalDate renewal = term.end();
      Optional<ScheduledChange> s = cur.scheduled();
      TermOffer next = TermOffer.of(s.flatMap(ScheduledChange::sku).orElse(cur.sku()),
          s.flatMap(ScheduledChange::term).orElse(term.calendar().length()),
          s.flatMap(ScheduledChange::plan).orElse(term.calendar().plan()));
      int seats = s.map(c -> c.seats().orElse(0)).filter(n -> n > 0).orElse(cur.seats());
      Optional<PriceRow> row = Optional.empty();
      if (cur.autoRenew() && cur.status() == SubscriptionStatus.ACTIVE
          && agreementInForce.test(renewal)) {
        row = prices.rows(customer.market(), cur.currency(), renewal, renewal)
            .flatMap((PriceRows r) -> r.row(next));
      }
      if (row.isEmpty()) {
        NceEvent.Ended ended = new NceEvent.Ended(renewal);
        cur = cur.withCurrentTerm(term.with(ended));
        events.add(ended);
      } else {
        LocalDate last = window.lastDay(renewal);
        NceEvent.Started started = new NceEvent.Started(renewal, NceEvent.Start.RENEWAL,
            next.sku(), seats, priced(customer, row.get()), last);
        NceTerm renewed = NceTerm.of(term.index() + 1,
            term.calendar().next(next.term(), next.plan()), last, started);
        cur = builderOf(cur.withCurrentTerm(renewed)).scheduled(Optional.empty()).build();
        events.add(started);
      }
    }
    return NceChange.of(cur, events);
  }

  private SalePrice upgradePrice(NceSubscription sub, Customer customer, Sku from, Sku to,
      UpgradePaths paths, int seats, LocalDate date, OfferPrices prices) {
    requireNonNull(sub, "sub");
    requireNonNull(customer, "customer");
    requireNonNull(to, "to");
    requireNonNull(paths, "paths");
    requireNonNull(prices, "prices");
    requireSku(sub, from);
    Checks.rule(sub.status() == SubscriptionStatus.ACTIVE, "NCE-9",
        "subscription %s is %s; only an active subscription can be upgraded", sub.id(),
        statusName(sub));
    requireWithin(sub, date);
    paths.check(from.id(), to.id());
    checkOrderable(customer, to, seats);
    return priced(customer, prices.row(sub.offer().withSku(to.id()), customer.market(),
        sub.currency(), date));
  }

  /** Appends an immediate change, which drops the scheduled changes (NCE-8). */
  private static NceChange immediate(NceSubscription sub, NceEvent event) {
    NceSubscription after = sub.withCurrentTerm(sub.term().with(event));
    return new NceChange(builderOf(after).scheduled(Optional.empty()).build(), Optional.empty(),
        List.of(event), sub.scheduled());
  }

  private static NceChange append(NceSubscription sub, NceEvent event) {
    return NceChange.of(sub.withCurrentTerm(sub.term().with(event)), List.of(event));
  }

  private static NceSubscription.Builder builderOf(NceSubscription sub) {
    NceSubscription.Builder b = NceSubscription.builder();
    b.from(sub);
    return b;
  }

  private void checkOrderable(Customer customer, Sku sku, int seats) {
    customer.requireCspEligible();
    program.checkOrderable(sku, customer.segment(), customer.verified());
    Checks.rule(!sku.isAddOn(), "CAT-3",
        "SKU %s is an add-on; order it on a base subscription of %s", sku.id(), sku.attachesTo());
    Checks.rule(seats >= 1 && seats <= sku.maxSeats(), "SUB-1",
        "seats must be from 1 to %s for SKU %s, found %s", sku.maxSeats(), sku.id(), seats);
  }

  private SalePrice priced(Customer customer, PriceRow row) {
    long cost = row.unitMinor();
    CurrencyUnit currency = row.unitPrice().getCurrency();
    return SalePrice.of(cost, pricing.saleMinor(customer.id(), row.offer().sku(), cost, currency),
        currency);
  }

  private static CurrencyUnit currency(Customer customer) {
    return customer.billing().currency();
  }

  private static void requireSku(NceSubscription sub, Sku sku) {
    requireNonNull(sku, "sku");
    Checks.range(sku.id().equals(sub.sku()), "subscription %s is on SKU %s, not %s", sub.id(),
        sub.sku(), sku.id());
  }

  private static void requireActive(NceSubscription sub, String what) {
    Checks.rule(sub.status() == SubscriptionStatus.ACTIVE, "SUB-7", "%s, and %s is %s",
        what, sub.id(), statusName(sub));
  }

  private static String statusName(NceSubscription sub) {
    return sub.status().name().toLowerCase(Locale.ROOT);
  }

  private static void requireWithin(NceSubscription sub, LocalDate date) {
    requireNonNull(date, "date");
    NceTerm term = sub.term();
    Checks.range(!date.isBefore(term.latest()),
        "date %s is before the latest change of %s on %s", date, sub.id(), term.latest());
    Checks.range(date.isBefore(term.end()),
        "date %s is after the last day %s of the current term of %s; roll it first", date,
        term.end().minusDays(1), sub.id());
  }
}
