package io.github.cspkit.csp.examples.bench;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.subscription.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmarks 2 and 3: the monthly bill run of one partner on the in-memory store,
 * {@code customers} customers × 10 subscriptions, issued for one period through
 * {@link CspPartner#issueBills(Request)}.
 * <p>
 * The data (built once per trial, immutable, shared by the iterations): every subscription is
 * ordered on 2025-01-01 through {@link SubscriptionOperations}; the January bill was issued on
 * 2025-01-01 (the accounts say so: billed through 2025-02-01); then 10% of the subscriptions
 * changed on 2025-01-20: half added 5 seats, half were suspended. The run on 2025-02-01 issues the
 * February bills: one RECURRING line per unchanged subscription, a PRORATED charge plus a
 * RECURRING line per seat change, a PRORATED credit per suspension: 1,050,000 lines at 100,000
 * customers. Each iteration gets a fresh store (written in batches of 1,000 customers per
 * transaction in {@code @Setup(Level.Iteration)}, not timed).
 * <p>
 * {@link #floor} is the baseline: the same subscriptions from a plain list, summing the period's
 * accrual numerators (sale and cost, one {@link Accrual#walk} per term) and rounding each once:
 * the arithmetic a bill run cannot avoid, without store, lines or bills.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class BillRunBench {
  static final String PARTNER = "bench";
  static final LocalDate ORDERED = LocalDate.of(2025, 1, 1);
  static final LocalDate CHANGED = LocalDate.of(2025, 1, 20);
  static final LocalDate RUN = LocalDate.of(2025, 2, 1);
  static final int SUBS_PER_CUSTOMER = 10;

  /** The immutable data, built once per trial. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param({"100000"})
    public int customers;

    Catalog catalog;
    PriceList priceList;
    Agreement agreement;
    Customer[] customerArray;
    BillingAccount[] accounts;
    /** Per customer, its subscriptions after the January changes. */
    Subscription[][] subscriptions;
    List<Term> currentTerms;

    @Setup(Level.Trial)
    public void build() {
      long t0 = System.nanoTime();
      List<Sku> skus = new ArrayList<>();
      Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
      SplittableRandom r = new SplittableRandom(1);
      for (int s = 0; s < 20; s++) {
        Sku sku = Sku.builder().id("SKU_" + s).family(ProductFamily.OFFICE_365).build();
        skus.add(sku);
        prices.put(sku.id(), Money.of(BigDecimal.valueOf(r.nextLong(1_000, 50_000), 2), MinorUnits.USD));
      }
      catalog = Catalog.of(skus);
      priceList = PriceList.monthly("US", MinorUnits.USD, YearMonth.of(2025, 1),
          LocalDate.of(2024, 11, 15), prices);
      PriceBook book = PriceBook.create();
      book.publish(priceList);
      agreement = Agreement.accept(PARTNER, LocalDate.of(2024, 10, 1));
      SubscriptionOperations ops = SubscriptionOperations.seed();
      BillingProfile profile = BillingProfile.of(1, MinorUnits.USD);
      customerArray = new Customer[customers];
      accounts = new BillingAccount[customers];
      subscriptions = new Subscription[customers][];
      currentTerms = new ArrayList<>(customers * SUBS_PER_CUSTOMER);
      int changed = 0;
      for (int c = 0; c < customers; c++) {
        String id = "C" + c;
        Customer customer = Customer.builder().id(id).partnerId(PARTNER).market("US")
            .tenant(Tenant.of(id + "-tenant", TenantOrigin.NEW)).billing(profile)
            .createdOn(LocalDate.of(2024, 12, 1)).build();
        customerArray[c] = customer;
        Subscription[] subs = new Subscription[SUBS_PER_CUSTOMER];
        Map<String, Billed> billed = new LinkedHashMap<>();
        for (int k = 0; k < SUBS_PER_CUSTOMER; k++) {
          Sku sku = skus.get(r.nextInt(skus.size()));
          Subscription s = ops.order(id + "-S" + k, customer, sku, 1 + r.nextInt(50), ORDERED, book)
              .subscription();
          Term t = s.term();
          billed.put(BillingAccount.key(s.id(), t.index()), new Billed(
              Accrual.seed().sale(t, ORDERED, RUN), Accrual.seed().cost(t, ORDERED, RUN), RUN));
          int roll = r.nextInt(20);
          if (roll == 0) {
            s = ops.addSeats(s, customer, sku, 5, CHANGED, book).subscription();
            changed++;
          } else if (roll == 1) {
            s = ops.suspend(s, CHANGED).subscription();
            changed++;
          }
          subs[k] = s;
          currentTerms.add(s.term());
        }
        subscriptions[c] = subs;
        accounts[c] = BillingAccount.builder().customerId(id).lastIssuedOn(ORDERED)
            .nextPeriodStart(RUN).billed(billed).build();
      }
      System.out.printf("%nbill run data: %d customers, %d subscriptions, %d changed on %s; built in %d ms%n",
          customers, customers * SUBS_PER_CUSTOMER, changed, CHANGED,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }
  
    /**
     * Writes the agreement, the price list, then every customer with its account and
     * subscriptions, in transactions of {@code batch} customers.
     *
     * @param store an empty store
     * @param batch customers per transaction
     */
    void writeTo(CspStore store, int batch) {
      store.inTransaction(tx -> {
        tx.agreements().save(agreement, 0);
        tx.priceLists().add(priceList);
        return null;
      });
      for (int from = 0; from < customers; from += batch) {
        int to = Math.min(customers, from + batch);
        int start = from;
        store.inTransaction(tx -> {
          for (int c = start; c < to; c++) {
            tx.customers().save(customerArray[c], 0);
            tx.bills().saveAccount(accounts[c], 0);
            for (Subscription s : subscriptions[c]) {
              tx.subscriptions().save(s, 0);
            }
          }
          return null;
        });
      }
    }
  }

  /** A fresh store holding {@link Data}, per iteration: the bill run mutates it. */
  @State(Scope.Benchmark)
  public static class Store {
    CspPartner partner;
    Request request;
    long lastLines = -1;

    @Setup(Level.Iteration)
    public void fill(Data d) {
      partner = null;
      System.gc();
      long t0 = System.nanoTime();
      InMemoryStore store = InMemoryStore.create().forPartner(PARTNER);
      d.writeTo(store, 1_000);
      partner = CspPartner.builder().partner(Partner.csp(PARTNER)).catalog(d.catalog).store(store).build();
      request = Request.of(Actor.partnerAdmin(PARTNER, "billing-agent"), RUN);
      System.out.printf("(store filled in %d ms) ", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    @TearDown(Level.Iteration)
    public void check(Data d) {
      System.out.printf("(%d bills, %d lines) ", d.customers, lastLines);
      partner = null;
    }
  }

  @Benchmark
  public List<Bill> billRun(Store s) {
    List<Bill> bills = s.partner.issueBills(s.request);
    long lines = 0;
    for (Bill b : bills) {
      lines += b.lines().size();
    }
    s.lastLines = lines;
    return bills;
  }

  /** The running sale and cost numerators of the floor, reused from term to term. */
  static final class Numerators {
    final Numerator.Sum sale = new Numerator.Sum(Numerator.ZERO);
    final Numerator.Sum cost = new Numerator.Sum(Numerator.ZERO);
  }

  private static final Accrual ACCRUAL = Accrual.seed();
  private static final Accrual.Segments<Numerators> BOTH = (sums, s, from, to, days) -> {
    sums.sale.addProduct(s.chargedSaleRate(), days);
    sums.cost.addProduct(s.chargedCostRate(), days);
  };

  /**
   * The unavoidable arithmetic of the same run: each term's accrual numerators of the period (one
   * walk of the accrual over its segments, sale and cost), rounded once.
   */
  @Benchmark
  public long floor(Data d) {
    long sum = 0;
    Rounding rounding = Rounding.HALF_UP;
    Numerators sums = new Numerators();
    for (Term t : d.currentTerms) {
      long n = t.daysInTerm();
      sums.sale.reset(Numerator.ZERO);
      sums.cost.reset(Numerator.ZERO);
      ACCRUAL.walk(t, t.steps().size(), RUN, RUN.plusMonths(1), BOTH, sums);
      sum += sums.sale.divide(n, rounding);
      sum += sums.cost.divide(n, rounding);
    }
    return sum;
  }
}
