package io.github.cspkit.csp.billing.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.billing.Due;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.LineKind;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.Allocation;
import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.subscription.UnitPrice;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a customer's bill for one period (BIL-1..7). Per subscription term the bill charges
 * {@code round(accrued through the accrual end, as known now) − billed so far}; its lines (one per
 * change not yet billed, from the change's day to the end of what was billed, then one per seat
 * level over the new days) are rounded cumulatively so that they add up to that difference exactly
 * (BIL-6). The partner's cost is computed the same way at cost prices (BIL-4). Every amount comes
 * from the one {@link Accrual} (its walk over a term's segments, its day count and its cumulative
 * rounding), and every line carries the {@link Formula} that explains it. Accruals are exact
 * 128-bit numerators ({@link Numerator}); an amount is refused only when it does not fit a
 * {@code long} itself, and a bill whose total does not is refused naming its customer. Pure and
 * thread-safe: it neither stores nor reads anything.
 */
public final class BillingEngine {
  private final BillingTiming timing;
  private final Rounding rounding;
  private final Accrual accrual;

  private BillingEngine(BillingTiming timing, Rounding rounding, DayCount dayCount) {
    this.timing = requireNonNull(timing, "timing");
    this.rounding = requireNonNull(rounding, "rounding");
    this.accrual = Accrual.of(requireNonNull(dayCount, "dayCount"), rounding);
  }

  /** @return in advance, HALF_UP, actual days: the seed's reading */
  public static BillingEngine seed() {
    return of(BillingTiming.IN_ADVANCE, Rounding.HALF_UP, DayCount.ACTUAL);
  }

  /**
   * @param timing when bills are issued (BIL-7)
   * @param rounding how charges are rounded (BIL-6)
   * @param dayCount how days are counted (SUB-2)
   * @return the engine
   */
  public static BillingEngine of(BillingTiming timing, Rounding rounding, DayCount dayCount) {
    return new BillingEngine(timing, rounding, dayCount);
  }

  /** @return the timing policy */
  public BillingTiming timing() {
    return timing;
  }

  /** @return the accrual that computes every subscription amount */
  public Accrual accrual() {
    return accrual;
  }

  /**
   * @param customer a customer
   * @param account its billing account
   * @return the day at whose end its next bill is issued (BIL-7)
   */
  public LocalDate nextIssueDate(Customer customer, BillingAccount account) {
    return timing.issueDate(customer.billing().periodContaining(account.nextPeriodStart()));
  }

  /**
   * Issues the bill for the account's next period.
   *
   * @param customer the customer
   * @param account its billing account; its next period is billed
   * @param subscriptions every subscription of the customer, rolled to the issue day; a change
   *     dated after the issue day is not known to this bill and waits for the first bill issued
   *     on or after its day (BIL-7)
   * @param services the partner's own services for the customer
   * @return the bill and the account after it
   * @throws RuleViolation BIL-2 if a subscription is in another currency than the bill
   * @throws ArithmeticException if the bill's total or cost does not fit a {@code long} of minor
   *     units; the message names the customer and the period
   */
  public IssuedBill issue(Customer customer, BillingAccount account,
      List<Subscription> subscriptions, List<OwnService> services) {
    requireNonNull(customer, "customer");
    requireNonNull(account, "account");
    requireNonNull(subscriptions, "subscriptions");
    requireNonNull(services, "services");
    var currency = customer.billing().currency();
    DateRange period = customer.billing().periodContaining(account.nextPeriodStart());
    LocalDate issuedOn = timing.issueDate(period);
    LocalDate lastIssued = account.lastIssuedOn().orElse(null);
    boolean prepaid = account.financing().prepaid();

    List<BillLine> lines = new ArrayList<>(subscriptions.size() * 2 + services.size());
    Map<String, Billed> billed = account.billed();
    BilledBuilder billedNext = new BilledBuilder(billed);
    TermLines termLines = new TermLines(accrual, lines);
    long subscriptionSale = 0;
    for (int s = 0, subs = subscriptions.size(); s < subs; s++) { // index loops: no iterators per bill
      Subscription sub = subscriptions.get(s);
      if (!sub.currency().equals(currency)) {
        throw RuleViolation.of("BIL-2", "subscription %s is in %s but the bill of %s is in %s",
            sub.id(), sub.currency(), customer.id(), currency);
      }
      List<Term> terms = sub.terms();
      for (int t = 0, n = terms.size(); t < n; t++) {
        Term term = terms.get(t);
        String key = BillingAccount.key(sub.id(), term.index());
        Billed before = billed.get(key);
        int first = lines.size();
        Billed after = termLines.bill(sub, term, before, period, issuedOn, lastIssued, prepaid);
        billedNext.put(key, before, after);
        if (after != null) {
          for (int i = first; i < lines.size(); i++) {
            subscriptionSale =
                addToBill(subscriptionSale, lines.get(i).amountMinor(), customer, period);
          }
        }
      }
    }

    Set<String> oneOffs = account.oneOffsBilled();
    for (OwnService s : services) {
      if (!s.currency().equals(currency)) {
        throw RuleViolation.of("BIL-2", "service %s is in %s but the bill of %s is in %s",
            s.id(), s.currency(), customer.id(), currency);
      }
      if (s.recurrence() == Recurrence.MONTHLY) {
        boolean started = !s.startsOn().isAfter(period.start());
        boolean running = s.endsOn().map(e -> e.isAfter(period.start())).orElse(true);
        if (started && running) {
          lines.add(BillLine.flat(LineKind.SERVICE, s.name(), "monthly", period, s.amountMinor(), currency));
        }
      } else if (!s.startsOn().isAfter(issuedOn) && !oneOffs.contains(s.id())) {
        lines.add(BillLine.flat(LineKind.SERVICE, s.name(), "one-off", period, s.amountMinor(), currency));
        oneOffs = ImmutableSet.<String>builder().addAll(oneOffs).add(s.id()).build();
      }
    }

    if (prepaid && subscriptionSale != 0 && account.financing().discountBasisPoints() > 0) {
      long discount = -Numerator
          .product(subscriptionSale, account.financing().discountBasisPoints())
          .divide(10_000, rounding);
      lines.add(BillLine.flat(LineKind.DISCOUNT, "prepayment discount",
          account.financing().toString(), period, discount, currency));
    }

    long total = 0;
    long cost = 0;
    for (BillLine l : lines) {
      total = addToBill(total, l.amountMinor(), customer, period);
      cost = addToBill(cost, l.costMinor(), customer, period);
    }
    List<Due> dues = dues(issuedOn, total, account.financing());
    Bill bill = Bill.builder().customerId(customer.id()).period(period).issuedOn(issuedOn)
        .currency(currency).lines(lines).dues(dues).build();
    BillingAccount next = account.afterBill(issuedOn, period.end(), billedNext.build(), oneOffs);
    return new IssuedBill(bill, next);
  }

  /**
   * Builds the billed map after a bill in one pass over the terms billed: the same map when no term
   * changed, else a new one with every known term (BIL-6).
   */
  private static final class BilledBuilder {
    private final Map<String, Billed> before;
    private final ImmutableMap.Builder<String, Billed> entries;
    private int known;
    private boolean changed;

    BilledBuilder(Map<String, Billed> before) {
      this.before = before;
      this.entries = ImmutableMap.builderWithExpectedSize(before.size() + 2);
    }

    void put(String key, Billed old, Billed now) {
      if (old != null) {
        known++;
      }
      if (now != null) {
        changed = true;
        entries.put(key, now);
      } else if (old != null) {
        entries.put(key, old);
      }
    }

    Map<String, Billed> build() {
      if (!changed) {
        return before;
      }
      if (known < before.size()) { // terms not passed in this time keep what they had
        Map<String, Billed> seen = entries.buildKeepingLast();
        ImmutableMap.Builder<String, Billed> all = ImmutableMap.builderWithExpectedSize(before.size());
        all.putAll(seen);
        before.forEach((k, v) -> {
          if (!seen.containsKey(k)) {
            all.put(k, v);
          }
        });
        return all.buildOrThrow();
      }
      return entries.buildOrThrow();
    }
  }

  /** Adds a line's amount to a bill's running sum; a sum beyond a long names the customer. */
  private static long addToBill(long sum, long amount, Customer customer, DateRange period) {
    long s = sum + amount;
    if (((sum ^ s) & (amount ^ s)) < 0) {
      throw MinorUnits.outOfRange("the bill of customer %s for the period %s does not fit a long of"
          + " minor units: its lines add up to more than %s %s", customer.id(), period,
          MinorUnits.format(Long.MAX_VALUE, customer.billing().currency()),
          customer.billing().currency().getCurrencyCode());
    }
    return s;
  }

  private static List<Due> dues(LocalDate issuedOn, long total, FinancingPlan plan) {
    if (plan.instalments() <= 1 || total <= 0) {
      return ImmutableList.of(new Due(issuedOn, total));
    }
    long[] parts = Allocation.evenly(total, plan.instalments());
    ImmutableList.Builder<Due> b = ImmutableList.builderWithExpectedSize(parts.length);
    for (int i = 0; i < parts.length; i++) {
      b.add(new Due(issuedOn.plusMonths(i), parts[i]));
    }
    return b.build();
  }

  /**
   * Bills the terms of one bill, one after another, into its lines: the changes not yet billed
   * as PRORATED lines, then the new days as RECURRING lines, one per segment of the
   * {@link Accrual#walk} (BIL-5, BIL-6). One per bill; not thread-safe.
   */
  private static final class TermLines {
    private static final Accrual.Segments<TermLines> RECURRING_LINES = TermLines::recurring;

    private final Accrual accrual;
    private final List<BillLine> lines;
    private final Accrual.Running running;
    private Subscription sub;
    private long daysInTerm;

    TermLines(Accrual accrual, List<BillLine> lines) {
      this.accrual = accrual;
      this.lines = lines;
      this.running = accrual.running();
    }

    /**
     * Adds the lines of one term; returns what is billed after, or null if nothing changed.
     * <p>
     * A bill issued at the end of {@code issuedOn} knows only the steps dated on or before that
     * day (BIL-7): a step dated later (an order, a cancellation or a seat change scheduled ahead)
     * is left for the first bill issued on or after its day, which then bills it from its day as
     * a prorated line. Without this, a step dated between the last issue day and the end of what
     * was billed would be billed by the bill that saw it ahead and again, as a change after the
     * last issue day, by the next one.
     */
    Billed bill(Subscription sub, Term term, Billed before, DateRange period,
        LocalDate issuedOn, LocalDate lastIssued, boolean prepaid) {
      List<Step> steps = term.steps();
      int known = knownSteps(steps, issuedOn);
      if (known == 0) {
        return null;
      }
      LocalDate termStart = term.start();
      LocalDate termEnd = term.end();
      LocalDate target = prepaid ? termEnd : min(period.end(), termEnd);
      LocalDate from;
      boolean allNew;
      if (before == null) {
        if (!termStart.isBefore(target)) {
          return null;
        }
        from = max(termStart, min(period.start(), termEnd));
        allNew = true;
      } else {
        from = before.through();
        allNew = false;
        boolean changed = lastIssued == null || steps.get(known - 1).date().isAfter(lastIssued);
        if (!from.isBefore(target) && !changed) {
          return null;
        }
      }
      if (target.isBefore(from)) {
        target = from;
      }
      this.sub = sub;
      this.daysInTerm = term.daysInTerm();
      // cumulative rounding: each line is what it adds to the rounded running accrual (BIL-6)
      if (before == null) {
        running.reset(Numerator.ZERO, Numerator.ZERO, daysInTerm);
      } else {
        running.reset(before.saleNumerator(), before.costNumerator(), daysInTerm);
      }
      // changes not yet billed, over the days already billed: from the change's day to `from`
      for (int i = 0; i < known; i++) {
        Step s = steps.get(i);
        if (!s.date().isBefore(from)
            || (!allNew && lastIssued != null && !s.date().isAfter(lastIssued))) {
          continue;
        }
        Step p = i == 0 ? null : steps.get(i - 1);
        long dSale = s.chargedSaleRate() - (p == null ? 0 : p.chargedSaleRate());
        long dCost = s.chargedCostRate() - (p == null ? 0 : p.chargedCostRate());
        if (dSale == 0 && dCost == 0) {
          continue;
        }
        long days = accrual.days(s.date(), from);
        running.add(dSale, dCost, days);
        lines.add(BillLine.accrued(LineKind.PRORATED, sub.id(), sub.sku(), describe(s, p),
            s.date(), from, Formula.explaining(dSale, seatsHint(dSale, s, p), days, daysInTerm),
            running.saleAdded(), running.costAdded(), sub.currency()));
      }
      // the new days [from, target), one line per seat level
      accrual.walk(term, known, from, target, RECURRING_LINES, this);
      return new Billed(running.sale(), running.cost(), target);
    }

    /** A RECURRING line for a segment of the new days at one seat level. */
    void recurring(Step s, LocalDate start, LocalDate end, long days) {
      long rate = s.chargedSaleRate();
      long costRate = s.chargedCostRate();
      if (rate == 0 && costRate == 0) {
        return;
      }
      running.add(rate, costRate, days);
      // seats at one unit price show it; mixed prices show the rate whole when it does not divide
      Formula f = s.price() instanceof UnitPrice u && s.seats() > 0
          ? new Formula(u.sale(), s.seats(), days, daysInTerm)
          : Formula.explaining(rate, s.seats(), days, daysInTerm);
      lines.add(BillLine.accrued(LineKind.RECURRING, sub.id(), sub.sku(),
          f.seats() == s.seats() ? null : s.seats() + " seats", start, end, f,
          running.saleAdded(), running.costAdded(), sub.currency()));
    }
  }

  /** @return how many steps are dated on or before {@code issuedOn}: a prefix, in date order */
  private static int knownSteps(List<Step> steps, LocalDate issuedOn) {
    int n = steps.size();
    while (n > 0 && steps.get(n - 1).date().isAfter(issuedOn)) {
      n--;
    }
    return n;
  }

  /** The seats a change of rate is for: the seats added or removed, else all (a status change). */
  private static long seatsHint(long delta, Step s, Step p) {
    long seatDelta = s.seats() - (p == null ? 0 : p.seats());
    return seatDelta != 0 ? seatDelta : (delta >= 0 ? s.seats() : -s.seats());
  }


  private static String describe(Step s, Step p) {
    int before = p == null ? 0 : p.seats();
    ChangeKind k = s.kind();
    switch (k) {
      case ADD_SEATS:
        return (s.seats() - before) + " seats added on " + s.date();
      case REMOVE_SEATS:
        return (before - s.seats()) + " seats removed on " + s.date();
      case ORDER:
        return "ordered on " + s.date();
      case ORDER_ADD_ON:
        return "add-on ordered on " + s.date();
      case CONVERT_TRIAL:
        return "trial converted on " + s.date();
      case SUSPEND:
        return "suspended on " + s.date();
      case REACTIVATE:
        return "reactivated on " + s.date();
      case CANCEL:
        return "cancelled on " + s.date();
      case RENEW:
        return "renewed on " + s.date();
      case UPGRADE:
        return "upgraded on " + s.date();
      default:
        return k.name().toLowerCase(java.util.Locale.ROOT) + " on " + s.date();
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
