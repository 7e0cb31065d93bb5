package io.github.cspkit.csp.examples;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillText;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.SuspendedAccess;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * A year in the life of a CSP partner, through the library's public API (in memory by default, or
 * on any {@link CspStore}):
 * the partner accepts the reseller agreement, the vendor publishes a price list every month with
 * 30 days' notice (PRC-1, PRC-2), three customers order, add and remove seats, take an add-on, are
 * suspended and reactivated, buy the partner's own services (monthly and one-off), and pay
 * monthly, by annual prepayment with a discount, or in instalments (BIL-3). The partner sells at a
 * 20% markup, 15% for one customer (PRC-5). Every monthly bill is printed as it is issued, with
 * its explained lines (days and formula), cost and margin (BIL-4, BIL-5).
 * <p>
 * The year is replayed day by day: on each day the vendor publishes the list due that day, the
 * day's operations run, then every bill due at the end of the day is issued.
 */
public final class DemoYear {
  private static final String PARTNER = "northwind";
  private static final String E3 = "O365_E3";
  private static final String E5 = "O365_E5";
  private static final String AUDIO = "AUDIO_CONF";
  private static final String INTUNE = "INTUNE_A";

  private final PrintStream out;
  private final CspPartner partner;
  private final Actor admin = Actor.partnerAdmin(PARTNER, "agent");
  private final Map<LocalDate, List<Runnable>> days = new TreeMap<>();
  private final Map<String, long[]> totals = new LinkedHashMap<>();
  private static final LocalDate FIRST = LocalDate.parse("2024-10-01");
  /** The day being replayed. */
  private LocalDate today = FIRST;

  private DemoYear(PrintStream out, CspStore store) {
    this.out = out;
    Catalog catalog = Catalog.of(List.of(
        Sku.builder().id(E3).family(ProductFamily.OFFICE_365).maxSeats(300).build(),
        Sku.builder().id(E5).family(ProductFamily.OFFICE_365).suspendedAccess(SuspendedAccess.NONE)
            .build(),
        Sku.builder().id(AUDIO).family(ProductFamily.OFFICE_365).addAttachesTo(E3, E5).build(),
        Sku.builder().id(INTUNE).family(ProductFamily.INTUNE).build()));
    // PRC-5: 20% over cost for everyone, 15% for tailspin
    PricingPolicy pricing = PricingPolicy.perCustomer(
        Map.of("tailspin", PricingPolicy.markup(new BigDecimal("15"))),
        PricingPolicy.markup(new BigDecimal("20")));
    this.partner = CspPartner.builder().partner(Partner.csp(PARTNER)).catalog(catalog).store(store)
        .policies(CspPolicies.builder().pricing(pricing).build()).build();
  }

  /**
   * Replays the year and prints it.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    run(out, InMemoryStore.create(CspPolicies.seed().priceLists()));
  }

  /**
   * Replays the year on the given store (empty, with the seed's price-list policy) and prints it;
   * the output does not depend on the store.
   *
   * @param out where to print
   * @param store where the partner's data is kept
   */
  public static void run(PrintStream out, CspStore store) {
    new DemoYear(out, store).replay();
  }

  private void replay() {
    out.println("A year of partner " + PARTNER + ": sale = cost + 20% (tailspin: + 15%),"
        + " bills in advance on each customer's billing day");
    out.println();
    plan();
    LocalDate last = LocalDate.parse("2026-01-31");
    for (LocalDate d = FIRST; !d.isAfter(last); d = d.plusDays(1)) {
      today = d;
      publishDueList(d);
      for (Runnable r : days.getOrDefault(d, List.of())) {
        r.run();
      }
      for (Bill b : partner.issueBills(Request.of(admin, d))) {
        print(b);
      }
    }
    summary();
  }

  /** The year's operations, by day. */
  private void plan() {
    on("2024-10-01", () -> act("accepts the reseller agreement (AGR-1, AGR-2)",
        partner.acceptAgreement(Request.of(admin, today)),
        r -> "first term " + r.value().firstTerm()));

    on("2025-01-20", () -> createCustomer("contoso", 1));
    on("2025-02-10", () -> order("contoso", E3, 10, "C-E3"));
    on("2025-02-10", () -> service("contoso", "helpdesk", "50.00", Recurrence.MONTHLY));
    on("2025-02-12", () -> service("contoso", "migration", "500.00", Recurrence.ONCE));
    on("2025-03-05", () -> refused("contoso's own admin tries to add 2 seats (SUB-6)",
        () -> partner.addSeats(Request.of(Actor.customerAdmin("contoso"), today), "C-E3", 2)));
    on("2025-05-15", () -> {
      SubscriptionEvent q = partner.quoteAddSeats(Request.of(admin, today), "C-E3", 5);
      out.println(today + "  quote: adding 5 seats to C-E3 today costs " + money(q.charge())
          + " (" + q.formula() + ")");
      change("adds 5 seats to C-E3 (SUB-2)",
          partner.addSeats(Request.of(admin, today), "C-E3", 5));
    });
    on("2025-06-01", () -> change("orders add-on " + AUDIO + " x5 on C-E3 (CAT-3, SUB-3)",
        partner.orderAddOn(Request.of(admin, today), "C-E3", AUDIO, 5, "C-AUDIO")));
    on("2025-09-10", () -> change("removes 3 seats from C-E3 (SUB-7)",
        partner.removeSeats(Request.of(admin, today), "C-E3", 3)));

    on("2025-02-20", () -> createCustomer("fabrikam", 15));
    on("2025-02-20", () -> act("puts fabrikam on annual prepayment, 5% discount (BIL-3)",
        partner.setFinancing(Request.of(admin, today), "fabrikam",
            FinancingPlan.annualPrepayment(new BigDecimal("5"))), r -> r.value().financing().toString()));
    on("2025-03-15", () -> order("fabrikam", E5, 20, "F-E5"));
    on("2025-07-01", () -> change("suspends F-E5 (SUB-4, SUB-5)",
        partner.suspend(Request.of(admin, today), "F-E5")));
    on("2025-08-01", () -> change("reactivates F-E5 (SUB-7)",
        partner.reactivate(Request.of(admin, today), "F-E5")));

    on("2025-03-01", () -> createCustomer("tailspin", 1));
    on("2025-03-01", () -> act("lets tailspin pay each bill in 3 instalments (BIL-3)",
        partner.setFinancing(Request.of(admin, today), "tailspin", FinancingPlan.instalments(3)),
        r -> r.value().financing().toString()));
    on("2025-03-20", () -> refused("orders Intune for tailspin (CAT-1)",
        () -> partner.order(Request.of(admin, today), "tailspin", INTUNE, 5, "T-INTUNE")));
    on("2025-04-01", () -> order("tailspin", E3, 5, "T-E3"));
    on("2025-04-01", () -> service("tailspin", "backup", "12.50", Recurrence.MONTHLY));
    on("2025-11-15", () -> change("cancels T-E3 (SUB-5)",
        partner.cancel(Request.of(admin, today), "T-E3")));
    on("2025-12-01", () -> refused("tailspin tries to remove the partner's delegated admin (ACC-2)",
        () -> partner.removeDelegatedAdmin(Request.of(Actor.customerAdmin("tailspin"), today),
            "tailspin")));
  }

  private void on(String date, Runnable r) {
    days.computeIfAbsent(LocalDate.parse(date), d -> new ArrayList<>()).add(r);
  }

  /** The vendor publishes each month's list 30 days before it takes effect (PRC-1, PRC-2). */
  private void publishDueList(LocalDate d) {
    YearMonth month = YearMonth.from(d.plusDays(30));
    if (!month.atDay(1).minusDays(30).equals(d)) {
      return;
    }
    boolean summer = !month.isBefore(YearMonth.of(2025, 7));
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    prices.put(E3, usd(summer ? "252.00" : "240.00"));
    prices.put(E5, usd(summer ? "480.00" : "456.00"));
    prices.put(AUDIO, usd("96.00"));
    prices.put(INTUNE, usd("72.00"));
    PriceList list = PriceList.monthly("US", MinorUnits.USD, month, d, prices);
    partner.publishPriceList(Request.of(Actor.vendor(), d), list);
    out.println(d + "  vendor publishes " + list.id() + " effective " + list.effectiveOn() + ": "
        + E3 + " " + money(prices.get(E3)) + ", " + E5 + " " + money(prices.get(E5)) + ", "
        + AUDIO + " " + money(prices.get(AUDIO)));
  }

  private void createCustomer(String id, int billingDay) {
    act("creates customer " + id + ", billed on day " + billingDay + " in USD (CUS-1, BIL-2)",
        partner.createCustomer(Request.of(admin, today), NewCustomer.builder().id(id).market("US")
            .billingDay(billingDay).currency(MinorUnits.USD).build()),
        r -> "tenant " + r.value().tenant().id() + ", delegated admin granted");
  }

  private void order(String customer, String sku, int seats, String id) {
    change("orders " + sku + " x" + seats + " for " + customer + " as " + id + " (SUB-1)",
        partner.order(Request.of(admin, today), customer, sku, seats, id));
  }

  private void service(String customer, String name, String amount, Recurrence recurrence) {
    act("adds its own service '" + name + "' " + amount + " USD "
            + recurrence.name().toLowerCase(java.util.Locale.ROOT) + " for " + customer + " (BIL-1)",
        partner.addService(Request.of(admin, today), customer, name, name, usd(amount), recurrence),
        r -> "from the next bill");
  }

  private void change(String what, Result<?> result) {
    StringBuilder sb = new StringBuilder();
    for (SubscriptionEvent e : result.changes()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(e.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
          .append(money(e.charge())).append(" for the rest of the term");
      if (e.days() > 0) {
        sb.append(" (").append(e.formula()).append(')');
      }
    }
    out.println(today + "  " + PARTNER + " " + what + ": " + sb);
  }

  private <T> void act(String what, Result<T> result, Function<Result<T>, String> detail) {
    out.println(today + "  " + PARTNER + " " + what + ": " + detail.apply(result));
  }

  private void refused(String what, Runnable attempt) {
    try {
      attempt.run();
      out.println(today + "  " + what + ": accepted (unexpected)");
    } catch (RuleViolation v) {
      out.println(today + "  " + what + ": REFUSED " + v.rule() + ": " + v.reason());
    }
  }

  private void print(Bill b) {
    out.println();
    out.print(BillText.render(b));
    out.println();
    long[] t = totals.computeIfAbsent(b.customerId(), c -> new long[3]);
    t[0] += b.totalMinor();
    t[1] += b.costMinor();
    t[2]++;
  }

  private void summary() {
    out.println("The year in sums (every bill issued through 2026-01-31):");
    long total = 0;
    long cost = 0;
    for (Map.Entry<String, long[]> e : totals.entrySet()) {
      long[] t = e.getValue();
      out.printf("  %-10s %2d bills  billed %12s  cost %12s  margin %12s%n", e.getKey(), t[2],
          MinorUnits.format(t[0], MinorUnits.USD), MinorUnits.format(t[1], MinorUnits.USD),
          MinorUnits.format(t[0] - t[1], MinorUnits.USD));
      total += t[0];
      cost += t[1];
    }
    out.printf("  %-10s           billed %12s  cost %12s  margin %12s%n", "all",
        MinorUnits.format(total, MinorUnits.USD), MinorUnits.format(cost, MinorUnits.USD),
        MinorUnits.format(total - cost, MinorUnits.USD));
  }

  private static MonetaryAmount usd(String amount) {
    return Money.of(new BigDecimal(amount), "USD");
  }

  private static String money(MonetaryAmount a) {
    return MinorUnits.format(MinorUnits.of(a), a.getCurrency()) + " " + a.getCurrency().getCurrencyCode();
  }
}
