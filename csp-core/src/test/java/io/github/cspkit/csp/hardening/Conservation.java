package io.github.cspkit.csp.hardening;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The money oracle (BIL-4, BIL-6), independent of the engine's own rounding code: per subscription
 * term, the lines of all bills add up to HALF_UP(exact accrual / days in term), sale and cost.
 * <ul>
 *   <li>a <b>finished</b> term (it ends on or before the day after the customer's last bill was
 *       issued, so no change can still be dated inside it) is billed through its end, and its lines
 *       add up to the whole-term charge {@code HALF_UP(Accrual.seed().sale(term, start, end) / daysInTerm)};</li>
 *   <li>any other billed term with no change pending since the last bill adds up to its accrual
 *       through the day it is billed to, rounded once.</li>
 * </ul>
 */
final class Conservation {
  /** What one check saw. */
  static final class Tally {
    long finishedTerms;
    long billedTerms;
    long lines;
  }

  private Conservation() {}

  static long halfUp(long numerator, long denominator) {
    return halfUp(Numerator.of(numerator), denominator);
  }

  static long halfUp(Numerator numerator, long denominator) {
    return new BigDecimal(numerator.toBigInteger()).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /**
   * Checks every customer of the store.
   *
   * @param store the store
   * @param tally where to count what was checked
   * @throws AssertionError naming the term and the amounts that differ
   */
  static void check(CspStore store, Tally tally) {
    Repositories r = store.read();
    for (String customerId : r.customers().ids()) {
      check(r, customerId, tally);
    }
  }

  static void check(Repositories r, String customerId, Tally tally) {
    Optional<BillingAccount> account = r.bills().account(customerId).map(Versioned::value);
    if (account.isEmpty()) {
      return;
    }
    Optional<LocalDate> lastIssued = account.get().lastIssuedOn();
    List<Bill> bills = r.bills().bills(customerId);
    Map<String, List<BillLine>> linesBySub = new HashMap<>();
    for (Bill b : bills) {
      for (BillLine l : b.lines()) {
        if (l.subscriptionId() != null) {
          linesBySub.computeIfAbsent(l.subscriptionId(), k -> new ArrayList<>()).add(l);
        }
      }
    }
    for (Versioned<Subscription> v : r.subscriptions().byCustomer(customerId)) {
      Subscription sub = v.value();
      List<BillLine> subLines = linesBySub.getOrDefault(sub.id(), List.of());
      for (Term term : sub.terms()) {
        checkTerm(sub, term, account.get(), lastIssued, bills, subLines, tally);
      }
    }
  }

  private static void checkTerm(Subscription sub, Term term, BillingAccount account,
      Optional<LocalDate> lastIssued, List<Bill> bills, List<BillLine> subLines, Tally tally) {
    String key = BillingAccount.key(sub.id(), term.index());
    Billed billed = account.billed().get(key);
    long sale = 0;
    long cost = 0;
    int lines = 0;
    for (BillLine l : subLines) {
      if (term.range().contains(l.span().start())) {
        sale += l.amountMinor();
        cost += l.costMinor();
        lines++;
      }
    }
    tally.lines += lines;
    boolean finished = lastIssued.isPresent() && !term.end().isAfter(lastIssued.get().plusDays(1));
    if (finished) {
      tally.finishedTerms++;
      if (billed == null || !billed.through().equals(term.end())) {
        throw new AssertionError("BIL-6: finished term " + key + " " + term.range() + " is billed "
            + (billed == null ? "not at all" : "only through " + billed.through())
            + " though the last bill was issued on " + lastIssued.get() + "; " + term);
      }
      long wantSale = halfUp(Accrual.seed().sale(term, term.start(), term.end()), term.daysInTerm());
      long wantCost = halfUp(Accrual.seed().cost(term, term.start(), term.end()), term.daysInTerm());
      if (sale != wantSale || cost != wantCost) {
        throw new AssertionError("BIL-6: finished term " + key + " " + term.range() + ": its " + lines
            + " bill lines add up to sale " + sale + " / cost " + cost + " minor units, but the whole"
            + " term accrues sale " + wantSale + " / cost " + wantCost + "; " + term + "\n"
            + describe(bills, sub.id()));
      }
      return;
    }
    if (billed == null) {
      if (lines != 0) {
        throw new AssertionError("term " + key + " has " + lines + " bill lines but no billed record");
      }
      return;
    }
    LocalDate through = billed.through();
    for (Step s : term.steps()) {
      if (lastIssued.isPresent() && s.date().isAfter(lastIssued.get()) && s.date().isBefore(through)) {
        return; // a change since the last bill, due on the next one
      }
    }
    tally.billedTerms++;
    Numerator numSale = Accrual.seed().sale(term, term.start(), through);
    Numerator numCost = Accrual.seed().cost(term, term.start(), through);
    long wantSale = halfUp(numSale, term.daysInTerm());
    long wantCost = halfUp(numCost, term.daysInTerm());
    if (sale != wantSale || cost != wantCost || !billed.saleNumerator().equals(numSale)
        || !billed.costNumerator().equals(numCost)) {
      throw new AssertionError("BIL-6: term " + key + " billed through " + through + ": lines add up"
          + " to sale " + sale + " / cost " + cost + " (account numerators " + billed.saleNumerator()
          + " / " + billed.costNumerator() + "), but the accrual through that day is sale "
          + wantSale + " / cost " + wantCost + " (numerators " + numSale + " / " + numCost + "); "
          + term + "\n" + describe(bills, sub.id()));
    }
  }

  private static String describe(List<Bill> bills, String subscriptionId) {
    StringBuilder sb = new StringBuilder();
    for (Bill b : bills) {
      for (BillLine l : b.lines()) {
        if (subscriptionId.equals(l.subscriptionId())) {
          sb.append("    ").append(b.id()).append(" issued ").append(b.issuedOn()).append(": ")
              .append(l).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
