package io.github.cspkit.csp.billing;

import static io.github.cspkit.csp.testkit.Days.d;

import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.LifecyclePolicy;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.money.CurrencyUnit;

/**
 * A tiny timeline for example tests (BIL-7): one customer, its subscriptions and services, and its
 * bills. Every dated call first issues the bills due at the end of an earlier day, so a bill sees
 * exactly the operations dated on or before its issue day; subscriptions are rolled to the issue
 * day before billing.
 */
final class BillingDesk {
  static final Sku E3 = Sku.of("O365_E3", ProductFamily.OFFICE_365);
  static final Sku E5 = Sku.of("O365_E5", ProductFamily.OFFICE_365);

  final PriceBook book;
  final SubscriptionOperations ops;
  final BillingEngine engine;
  Customer customer;
  BillingAccount account;
  final Map<String, Subscription> subs = new LinkedHashMap<>();
  final Map<String, Sku> skus = new LinkedHashMap<>();
  final List<OwnService> services = new ArrayList<>();
  final List<Bill> bills = new ArrayList<>();

  private BillingDesk(PriceBook book, SubscriptionOperations ops, BillingEngine engine,
      Customer customer, FinancingPlan plan) {
    this.book = book;
    this.ops = ops;
    this.engine = engine;
    this.customer = customer;
    this.account = BillingAccount.open(customer.id(),
        customer.billing().firstPeriodFrom(customer.createdOn()).start()).withFinancing(plan);
  }

  /**
   * A price book with monthly lists from 2023 to 2028, each published 60 days ahead, with E3 at
   * {@code e3Cost} and E5 at twice that.
   */
  static PriceBook book(CurrencyUnit currency, String e3Cost) {
    PriceBook book = PriceBook.create();
    long e3 = MinorUnits.parse(e3Cost, currency);
    for (YearMonth m = YearMonth.of(2023, 1); m.isBefore(YearMonth.of(2029, 1)); m = m.plusMonths(1)) {
      book.publish(PriceList.monthly("US", currency, m, m.atDay(1).minusDays(60),
          Map.of(E3.id(), MinorUnits.toAmount(e3, currency), E5.id(), MinorUnits.toAmount(2 * e3, currency))));
    }
    return book;
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private CurrencyUnit currency = MinorUnits.USD;
    private String cost = "240.00";
    private String markup = "20";
    private int billingDay = 1;
    private String createdOn = "2025-01-20";
    private BillingTiming timing = BillingTiming.IN_ADVANCE;
    private Rounding rounding = Rounding.HALF_UP;
    private DayCount dayCount = DayCount.ACTUAL;
    private FinancingPlan plan = FinancingPlan.none();

    Builder currency(CurrencyUnit c, String e3Cost) {
      this.currency = c;
      this.cost = e3Cost;
      return this;
    }

    Builder markup(String percent) {
      this.markup = percent;
      return this;
    }

    Builder billingDay(int day) {
      this.billingDay = day;
      return this;
    }

    Builder createdOn(String iso) {
      this.createdOn = iso;
      return this;
    }

    Builder timing(BillingTiming t) {
      this.timing = t;
      return this;
    }

    Builder rounding(Rounding r) {
      this.rounding = r;
      return this;
    }

    Builder dayCount(DayCount d) {
      this.dayCount = d;
      return this;
    }

    Builder financing(FinancingPlan p) {
      this.plan = p;
      return this;
    }

    BillingDesk build() {
      SubscriptionOperations ops = SubscriptionOperations.of(dayCount, Proration.of(rounding),
          PriceLock.TERM_START, PricingPolicy.markup(new BigDecimal(markup)), LifecyclePolicy.seed(),
          ProgramPolicy.seed());
      Customer c = Customer.builder().id("contoso").partnerId("northwind").market("US")
          .tenant(Tenant.of("t1", TenantOrigin.NEW)).billing(BillingProfile.of(billingDay, currency))
          .createdOn(d(createdOn)).build();
      return new BillingDesk(book(currency, cost), ops, BillingEngine.of(timing, rounding, dayCount),
          c, plan);
    }
  }

  /** The period of the next bill. */
  DateRange nextPeriod() {
    return customer.billing().periodContaining(account.nextPeriodStart());
  }

  /** Issues every bill due at the end of a day before {@code date}. */
  BillingDesk before(LocalDate date) {
    while (engine.timing().issueDate(nextPeriod()).isBefore(date)) {
      issueNext();
    }
    return this;
  }

  /** Issues every bill due by the end of {@code date} (the scenario's {@code advance}). */
  BillingDesk advance(String date) {
    return before(d(date).plusDays(1));
  }

  /** Issues the next bill, rolling every subscription to its issue day first. */
  Bill issueNext() {
    LocalDate issueDay = engine.timing().issueDate(nextPeriod());
    List<Subscription> rolled = new ArrayList<>();
    for (Subscription s : List.copyOf(subs.values())) {
      Subscription r = ops.rollTo(s, null, customer, skus.get(s.id()), issueDay, book).subscription();
      subs.put(s.id(), r);
      rolled.add(r);
    }
    IssuedBill issued = engine.issue(customer, account, rolled, services);
    account = issued.account();
    bills.add(issued.bill());
    return issued.bill();
  }

  /** The issued bill whose period starts in {@code month} ({@code 2025-03}). */
  Bill bill(String month) {
    YearMonth m = YearMonth.parse(month);
    return bills.stream().filter(b -> b.month().equals(m)).findFirst()
        .orElseThrow(() -> new AssertionError("no bill issued for " + month + " yet: " + bills));
  }

  Subscription order(String id, Sku sku, int seats, String date) {
    before(d(date));
    skus.put(id, sku);
    Subscription s = ops.order(id, customer, sku, seats, d(date), book).subscription();
    subs.put(id, s);
    return s;
  }

  Subscription change(String id, String date, UnaryOperator<Subscription> op) {
    before(d(date));
    Subscription s = ops.rollTo(subs.get(id), null, customer, skus.get(id), d(date), book).subscription();
    s = op.apply(s);
    subs.put(id, s);
    return s;
  }

  SubscriptionChange lastChange;

  Subscription addSeats(String id, int n, String date) {
    return change(id, date, s -> keep(ops.addSeats(s, customer, skus.get(id), n, d(date), book)));
  }

  Subscription removeSeats(String id, int n, String date) {
    return change(id, date, s -> keep(ops.removeSeats(s, customer, skus.get(id), n, d(date), book)));
  }

  Subscription suspend(String id, String date) {
    return change(id, date, s -> keep(ops.suspend(s, d(date))));
  }

  Subscription reactivate(String id, String date) {
    return change(id, date, s -> keep(ops.reactivate(s, d(date))));
  }

  Subscription cancel(String id, String date) {
    return change(id, date, s -> keep(ops.cancel(s, d(date))));
  }

  private Subscription keep(SubscriptionChange c) {
    lastChange = c;
    return c.subscription();
  }

  OwnService service(String name, String amount, Recurrence recurrence, String date) {
    before(d(date));
    OwnService s = OwnService.builder().id(name + "-" + services.size()).name(name)
        .customerId(customer.id()).amountMinor(MinorUnits.parse(amount, customer.billing().currency()))
        .currency(customer.billing().currency()).recurrence(recurrence).startsOn(d(date)).build();
    services.add(s);
    return s;
  }

  /** Replaces a service by the same one stopped from {@code endsOn} on. */
  void stopService(OwnService s, String endsOn) {
    before(d(endsOn));
    services.set(services.indexOf(s), OwnService.builder().from(s).endsOn(d(endsOn)).build());
  }

  long minor(String amount) {
    return MinorUnits.parse(amount, customer.billing().currency());
  }
}
