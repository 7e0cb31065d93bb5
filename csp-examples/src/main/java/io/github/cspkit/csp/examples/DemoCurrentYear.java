package io.github.cspkit.csp.examples;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorChargeCsv;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.UpgradePaths;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCommerce;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceRow;
import io.github.cspkit.csp.pricing.PriceRows;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.time.DateRange;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A year of the current program (DOMAIN.md, "The current program"; {@link
 * CspPolicies#currentProgram()}) through the library's public API on the in-memory store: the
 * partner accepts the Microsoft Partner Agreement (MPA-1), the vendor publishes a price list with
 * rows by term and billing plan every month (NCE-1), and two customers buy one-month, one-year
 * (billed monthly or annually) and three-year terms; they add seats (NCE-4), remove some within
 * their window (NCE-6), cancel within the window (NCE-5), suspend (NCE-7), schedule a change for
 * the renewal (NCE-8) and upgrade (NCE-9), and the refusals outside the rules are shown. The
 * partner sells at cost + 20% (PRC-5). Each bill is summed up as it is issued; at the end, month by
 * month, the bills to customers and the vendor's charges (NCE-10) side by side, with the margin
 * (bills − vendor charges), and December's vendor charges as Partner Center's reconciliation
 * columns.
 */
public final class DemoCurrentYear {
  private static final String PARTNER = "northwind";
  private static final String BASIC = "M365_BASIC";
  private static final String STANDARD = "M365_STANDARD";
  private static final String PREMIUM = "M365_PREMIUM";
  private static final String E3 = "O365_E3";
  private static final List<String> CUSTOMERS = List.of("contoso", "fabrikam");
  private static final LocalDate FIRST = LocalDate.parse("2024-12-01");
  private static final LocalDate LAST = LocalDate.parse("2025-12-31");
  private static final YearMonth FROM = YearMonth.of(2025, 1);
  private static final YearMonth TO = YearMonth.of(2025, 12);

  private final PrintStream out;
  private final CspPartner partner;
  private final NewCommerce nce;
  private final Actor admin = Actor.partnerAdmin(PARTNER, "agent");
  private final Map<LocalDate, List<Runnable>> days = new TreeMap<>();
  /** Bill totals and costs, by month and customer. */
  private final Map<YearMonth, Map<String, long[]>> bills = new TreeMap<>();
  private LocalDate today = FIRST;

  private DemoCurrentYear(PrintStream out, CspStore store) {
    this.out = out;
    Catalog catalog = Catalog.of(List.of(
        Sku.builder().id(BASIC).family(ProductFamily.OFFICE_365).build(),
        Sku.builder().id(STANDARD).family(ProductFamily.OFFICE_365).build(),
        Sku.builder().id(PREMIUM).family(ProductFamily.OFFICE_365).build(),
        Sku.builder().id(E3).family(ProductFamily.OFFICE_365).maxSeats(300).build()))
        .withUpgradePaths(UpgradePaths.of(Map.of(BASIC, List.of(STANDARD),
            STANDARD, List.of(PREMIUM))));
    CspPolicies policies = CspPolicies.builder().from(CspPolicies.currentProgram())
        .pricing(PricingPolicy.markup(new BigDecimal("20"))).build();
    this.partner = CspPartner.builder().partner(Partner.csp(PARTNER)).catalog(catalog).store(store)
        .policies(policies).build();
    this.nce = partner.newCommerce();
  }

  /**
   * Replays the year and prints it.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    run(out, InMemoryStore.create());
  }

  /**
   * Replays the year on the given store (empty, with the seed's price-list policy) and prints it;
   * the output does not depend on the store.
   *
   * @param out where to print
   * @param store where the partner's data is kept
   */
  public static void run(PrintStream out, CspStore store) {
    new DemoCurrentYear(out, store).replay();
  }

  private void replay() {
    out.println("A year of partner " + PARTNER + " under the current program (MPA-1, NCE-1..10):"
        + " sale = cost + 20%, bills in advance on each customer's billing day");
    out.println();
    plan();
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      today = d;
      publishDueList(d);
      for (Runnable r : days.getOrDefault(d, List.of())) {
        r.run();
      }
      for (Bill b : partner.issueBills(Request.of(admin, d))) {
        bill(b);
      }
    }
    out.println();
    summary();
  }

  /** The year's operations, by day. */
  private void plan() {
    on("2024-12-01", () -> {
      partner.acceptPartnerAgreement(Request.of(admin, today));
      say("accepts the Microsoft Partner Agreement (MPA-1): in force until terminated, no"
          + " renewal date");
    });
    on("2024-12-10", () -> createCustomer("contoso", 1));
    on("2024-12-10", () -> createCustomer("fabrikam", 15));

    // contoso, billed on the 1st
    on("2025-01-01", () -> order("contoso", BASIC, 25, "C-BASIC", TermLength.P1M,
        BillingPlan.MONTHLY));
    on("2025-01-01", () -> order("contoso", E3, 10, "C-E3", TermLength.P1Y, BillingPlan.ANNUAL));
    on("2025-03-10", () -> change("adds 5 seats to C-E3 (NCE-4)", "C-E3",
        () -> nce.addSeats(Request.of(admin, today), "C-E3", 5)));
    on("2025-03-12", () -> change("removes 3 of the seats added on 2025-03-10 (NCE-6)", "C-E3",
        () -> nce.removeSeats(Request.of(admin, today), "C-E3", 3)));
    on("2025-05-20", () -> refused("removes 2 seats from C-E3 (NCE-6)",
        () -> nce.removeSeats(Request.of(admin, today), "C-E3", 2)));
    on("2025-06-10", () -> {
      nce.schedule(Request.of(admin, today), "C-BASIC", ScheduledChange.builder().seats(20)
          .build());
      say("schedules 20 seats for C-BASIC's next term (NCE-8)");
    });
    on("2025-09-15", () -> change("upgrades 10 seats of C-BASIC to " + STANDARD
        + " as C-STD (NCE-9)", List.of("C-BASIC", "C-STD"),
        () -> nce.upgrade(Request.of(admin, today), "C-BASIC", STANDARD, 10, "C-STD")));

    // fabrikam, billed on the 15th
    on("2025-02-15", () -> order("fabrikam", STANDARD, 40, "F-STD", TermLength.P1Y,
        BillingPlan.MONTHLY));
    on("2025-02-15", () -> order("fabrikam", PREMIUM, 12, "F-PREM", TermLength.P3Y,
        BillingPlan.ANNUAL));
    on("2025-04-01", () -> order("fabrikam", BASIC, 5, "F-TRY", TermLength.P1M,
        BillingPlan.MONTHLY));
    on("2025-04-03", () -> change("cancels F-TRY within its window (NCE-5)", "F-TRY",
        () -> nce.cancel(Request.of(admin, today), "F-TRY")));
    on("2025-07-01", () -> change("suspends F-STD; the vendor keeps charging (NCE-7)", "F-STD",
        () -> nce.suspend(Request.of(admin, today), "F-STD")));
    on("2025-08-01", () -> change("reactivates F-STD", "F-STD",
        () -> nce.reactivate(Request.of(admin, today), "F-STD")));
    on("2025-10-01", () -> refused("cancels F-PREM (NCE-5)",
        () -> nce.cancel(Request.of(admin, today), "F-PREM")));
    on("2025-10-01", () -> change("turns auto-renewal of F-PREM off instead", "F-PREM",
        () -> nce.autoRenew(Request.of(admin, today), "F-PREM", false)));
    on("2025-11-03", () -> refused("upgrades F-PREM to " + BASIC + " (NCE-9)",
        () -> nce.upgrade(Request.of(admin, today), "F-PREM", BASIC)));
  }

  private void on(String date, Runnable r) {
    days.computeIfAbsent(LocalDate.parse(date), d -> new ArrayList<>()).add(r);
  }

  /**
   * The vendor publishes each month's list 30 days before it takes effect (PRC-1, PRC-2), with rows
   * by SKU, term and billing plan (NCE-1); Standard's price rises from July.
   */
  private void publishDueList(LocalDate d) {
    YearMonth month = YearMonth.from(d.plusDays(30));
    if (!month.atDay(1).minusDays(30).equals(d) || month.isAfter(TO)) {
      return;
    }
    boolean summer = !month.isBefore(YearMonth.of(2025, 7));
    List<PriceRow> rows = List.of(
        row(BASIC, TermLength.P1M, BillingPlan.MONTHLY, "7.20"),
        row(BASIC, TermLength.P1Y, BillingPlan.ANNUAL, "72.00"),
        row(STANDARD, TermLength.P1M, BillingPlan.MONTHLY, summer ? "16.80" : "15.00"),
        row(STANDARD, TermLength.P1Y, BillingPlan.MONTHLY, summer ? "168.00" : "150.00"),
        row(STANDARD, TermLength.P1Y, BillingPlan.ANNUAL, summer ? "168.00" : "150.00"),
        row(PREMIUM, TermLength.P1Y, BillingPlan.ANNUAL, "264.00"),
        row(PREMIUM, TermLength.P3Y, BillingPlan.ANNUAL, "792.00"),
        row(E3, TermLength.P1Y, BillingPlan.ANNUAL, "276.00"));
    PriceRows priced = PriceRows.of(MinorUnits.USD, rows);
    PriceList list = PriceList.monthly("US", MinorUnits.USD, month, d, priced.seedPrices())
        .withOfferRows(priced);
    partner.publishPriceList(Request.of(Actor.vendor(), d), list);
    out.println(d + "  vendor publishes " + list.id() + " effective " + list.effectiveOn() + ": "
        + rows.size() + " rows" + (month.equals(YearMonth.of(2025, 7))
        ? " (" + STANDARD + " rises to 16.80 a month, 168.00 a year)" : ""));
  }

  private static PriceRow row(String sku, TermLength term, BillingPlan plan, String price) {
    return PriceRow.of(TermOffer.of(sku, term, plan), MinorUnits.toAmount(
        MinorUnits.parse(price, MinorUnits.USD), MinorUnits.USD));
  }

  private void createCustomer(String id, int billingDay) {
    partner.createCustomer(Request.of(admin, today), NewCustomer.builder().id(id).market("US")
        .billingDay(billingDay).currency(MinorUnits.USD).build());
    say("creates customer " + id + ", billed on day " + billingDay + " in USD");
  }

  private void order(String customer, String sku, int seats, String id, TermLength term,
      BillingPlan plan) {
    change("orders " + sku + " x" + seats + " " + term.code() + " " + plan.code() + " for "
        + customer + " as " + id + " (NCE-1)", id,
        () -> nce.order(Request.of(admin, today), customer, sku, seats, id, term, plan));
  }

  /**
   * Runs a change and prints the vendor's charges it starts today on the subscriptions it touches
   * (NCE-10).
   */
  private void change(String what, String subscription,
      Supplier<Result<NceSubscription>> command) {
    change(what, List.of(subscription), command);
  }

  private void change(String what, List<String> subscriptions,
      Supplier<Result<NceSubscription>> command) {
    command.get();
    StringBuilder sb = new StringBuilder();
    for (String id : subscriptions) {
      for (VendorCharge c : nce.vendorCharges(id, DateRange.of(today, today.plusDays(1)))) {
        sb.append(sb.length() == 0 ? ": vendor " : "; ").append(c.subscriptionId()).append(' ')
            .append(c.chargeType().label()).append(' ').append(c.chargeStartDate()).append("..")
            .append(c.chargeEndDate()).append(' ').append(c.quantity()).append(" × ")
            .append(money(c.effectiveUnitPriceMinor())).append(" = ")
            .append(money(c.subtotalMinor()));
      }
    }
    say(what + sb);
  }

  private void refused(String what, Runnable attempt) {
    try {
      attempt.run();
      out.println(today + "  " + PARTNER + " " + what + ": accepted (unexpected)");
    } catch (RuleViolation v) {
      out.println(today + "  " + PARTNER + " " + what + ": REFUSED " + v.rule() + ": "
          + v.reason());
    }
  }

  private void say(String what) {
    out.println(today + "  " + PARTNER + " " + what);
  }

  private void bill(Bill b) {
    out.println(today + "  bill " + b.customerId() + "/" + b.period().start() + ": "
        + b.lines().size() + " lines, total " + money(b.totalMinor()) + ", cost "
        + money(b.costMinor()) + ", margin " + money(b.totalMinor() - b.costMinor()));
    long[] t = bills.computeIfAbsent(b.month(), m -> new LinkedHashMap<>())
        .computeIfAbsent(b.customerId(), c -> new long[2]);
    t[0] += b.totalMinor();
    t[1] += b.costMinor();
  }

  private void summary() {
    out.println("Month by month (USD): the bills to customers (by their period's month) and the"
        + " vendor's charges (by charge start), margin = bills - vendor charges;");
    out.println("the vendor charges one-year and three-year terms billed annually up front, while"
        + " the customers pay by the month");
    StringBuilder head = new StringBuilder(String.format("%-8s", "Month"));
    for (String c : CUSTOMERS) {
      head.append(String.format(" %12s", c));
    }
    head.append(String.format(" %12s %15s %12s", "bills", "vendor charges", "margin"));
    out.println(head);
    long billed = 0;
    long charged = 0;
    for (YearMonth m = FROM; !m.isAfter(TO); m = m.plusMonths(1)) {
      Map<String, long[]> month = bills.getOrDefault(m, Map.of());
      StringBuilder row = new StringBuilder(String.format("%-8s", m));
      long sum = 0;
      for (String c : CUSTOMERS) {
        long total = month.containsKey(c) ? month.get(c)[0] : 0;
        row.append(String.format(" %12s", money(total)));
        sum += total;
      }
      long vendor = VendorLedger.totalMinor(nce.vendorCharges(range(m)));
      row.append(String.format(" %12s %15s %12s", money(sum), money(vendor), money(sum - vendor)));
      out.println(row);
      billed += sum;
      charged += vendor;
    }
    StringBuilder total = new StringBuilder(String.format("%-8s", "Year"));
    for (String c : CUSTOMERS) {
      long t = 0;
      for (Map<String, long[]> month : bills.values()) {
        t += month.containsKey(c) ? month.get(c)[0] : 0;
      }
      total.append(String.format(" %12s", money(t)));
    }
    total.append(String.format(" %12s %15s %12s", money(billed), money(charged),
        money(billed - charged)));
    out.println(total);
    out.println();
    out.println("The vendor's charges of " + TO + " as Partner Center's reconciliation columns"
        + " (NCE-10):");
    out.print(VendorChargeCsv.render(nce.vendorCharges(range(TO))).replace("\r\n",
        System.lineSeparator()));
  }

  private static DateRange range(YearMonth m) {
    return DateRange.of(m.atDay(1), m.plusMonths(1).atDay(1));
  }

  private static String money(long minor) {
    return MinorUnits.format(minor, MinorUnits.USD);
  }
}
