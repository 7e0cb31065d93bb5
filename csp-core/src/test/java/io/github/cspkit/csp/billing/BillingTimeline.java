package io.github.cspkit.csp.billing;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PriceSource;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.LifecyclePolicy;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.testkit.BillingGen.History;
import io.github.cspkit.csp.testkit.BillingGen.Op;
import io.github.cspkit.csp.testkit.BillingGen;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a {@link History} as a real timeline (BIL-7): before each bill, every operation dated on or
 * before its issue day is applied in date order (each after rolling the subscription to its day),
 * the subscription is rolled to the issue day, and the bill is issued at the end of that day; the
 * operations dated later wait for later bills. Bills are issued until one is issued on or after the
 * first term's end.
 */
final class BillingTimeline {
  static final String SUB = "S1";
  static final Sku E3 = Sku.of(BillingGen.SKU, ProductFamily.OFFICE_365);

  /** Sees each bill with the inputs it was issued from. */
  interface Observer {
    void bill(Customer customer, BillingAccount before, List<Subscription> subs,
        List<OwnService> services, IssuedBill issued);
  }

  /** The outcome of a replay. */
  record Run(Customer customer, Subscription subscription, List<Bill> bills) {}

  private BillingTimeline() {}

  static SubscriptionOperations operations(History h) {
    return operations(h, DayCount.ACTUAL);
  }

  static SubscriptionOperations operations(History h, DayCount dayCount) {
    return SubscriptionOperations.of(dayCount, Proration.seed(), PriceLock.TERM_START,
        PricingPolicy.markup(h.markupPercent()), LifecyclePolicy.seed(), ProgramPolicy.seed());
  }

  static Customer customer(History h) {
    return Customer.builder().id("c1").partnerId("p1").market(BillingGen.MARKET)
        .tenant(Tenant.of("t1", TenantOrigin.NEW))
        .billing(BillingProfile.of(h.billingDay(), h.currency())).createdOn(h.createdOn()).build();
  }

  static Run replay(History h, BillingEngine engine, Observer observer) {
    return replay(h, engine, observer, 0);
  }

  /**
   * @param lookAhead days: operations dated up to that many days after a bill's issue day are
   *     already known (scheduled ahead) when it is issued
   */
  static Run replay(History h, BillingEngine engine, Observer observer, int lookAhead) {
    Customer customer = customer(h);
    SubscriptionOperations ops = operations(h, engine.accrual().dayCount());
    PriceSource prices = BillingGen.prices(h.currency(), h.costMinor());
    BillingProfile profile = customer.billing();
    BillingAccount account = BillingAccount.open(customer.id(),
        profile.firstPeriodFrom(h.createdOn()).start()).withFinancing(h.financing());
    LocalDate termEnd = h.firstTermEnd();
    Subscription sub = null;
    int next = 0;
    List<Bill> bills = new ArrayList<>();
    List<OwnService> services = List.of();
    while (true) {
      DateRange period = profile.periodContaining(account.nextPeriodStart());
      LocalDate issueDay = engine.timing().issueDate(period);
      LocalDate knownUntil = issueDay.plusDays(lookAhead);
      if (sub == null && !h.start().isAfter(knownUntil)) {
        sub = ops.order(SUB, customer, E3, h.seats(), h.start(), prices).subscription();
      }
      while (sub != null && next < h.ops().size() && !h.dateOf(h.ops().get(next)).isAfter(knownUntil)) {
        Op op = h.ops().get(next++);
        sub = apply(ops, customer, prices, sub, op, h.dateOf(op));
      }
      if (sub != null) {
        sub = ops.rollTo(sub, null, customer, E3, issueDay, prices).subscription();
      }
      List<Subscription> subs = sub == null ? List.of() : List.of(sub);
      IssuedBill issued = engine.issue(customer, account, subs, services);
      if (observer != null) {
        observer.bill(customer, account, subs, services, issued);
      }
      bills.add(issued.bill());
      account = issued.account();
      if (!issueDay.isBefore(termEnd)) {
        break;
      }
    }
    return new Run(customer, sub, bills);
  }

  private static Subscription apply(SubscriptionOperations ops, Customer customer,
      PriceSource prices, Subscription sub, Op op, LocalDate date) {
    Subscription cur = ops.rollTo(sub, null, customer, E3, date, prices).subscription();
    try {
      switch (op.kind()) {
        case ADD_SEATS:
          return ops.addSeats(cur, customer, E3, op.n(), date, prices).subscription();
        case REMOVE_SEATS:
          return ops.removeSeats(cur, customer, E3, op.n(), date, prices).subscription();
        case SUSPEND:
          return ops.suspend(cur, date).subscription();
        case REACTIVATE:
          return ops.reactivate(cur, date).subscription();
        case CANCEL:
          return ops.cancel(cur, date).subscription();
        case RENEWAL_OFF:
          return ops.autoRenew(cur, false, date).subscription();
        default:
          throw new AssertionError(op);
      }
    } catch (RuleViolation refused) {
      return cur;
    }
  }

  /** @return the lines of {@code subscriptionId} whose days fall in {@code range} */
  static List<BillLine> linesOf(Bill bill, String subscriptionId, DateRange range) {
    List<BillLine> out = new ArrayList<>();
    for (BillLine l : bill.lines()) {
      if (subscriptionId.equals(l.subscriptionId()) && range.contains(l.span().start())) {
        out.add(l);
      }
    }
    return out;
  }
}
