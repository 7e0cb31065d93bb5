package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.Expectation.money;
import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.notSupportedYet;

import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.examples.files.ReconciliationFile;
import io.github.cspkit.csp.examples.files.ReconciliationReport;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.DelegatedAdmin;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.time.DateRange;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;

/**
 * Answers an expectation from the world, as of the scenario's current date: what was found when it
 * does not hold. {@code expect seats|status|term-end} look at the subscription as of the current
 * date (rolled through a term end, renewed or ended, as the library would on its next operation).
 * {@code expect price … not-published due D} holds when no currency the market has published lists
 * in (in this scenario; USD if none) has a price for that day as known on {@code known}.
 * {@code expect billed} fails, saying so, while a bill of the range is not issued yet;
 * {@code expect bill} and {@code expect cost} for a month before the customer's first bill say that
 * it will never be issued. Under {@code program current}, the subscription expectations read the
 * new-commerce subscription as of the current date, rolled through its renewals (NCE-1, NCE-7,
 * NCE-8); {@code expect vendor-charge} holds when one of the vendor's charge lines of the
 * subscription starting that day has that end, quantity and subtotal (NCE-10); {@code expect
 * reconciliation} matches the file with the vendor's charges whose charge start falls in the month
 * (PCF-2) and prints the report when it does not hold. An expectation whose rules are not wired
 * into {@link CspPartner} yet (GDAP's) throws {@link ScenarioSyntaxException#notSupportedYet}.
 */
final class ScenarioAnswers implements Expectation.Visitor<Optional<String>> {
  private final ScenarioWorld world;

  /** @param world the world asked */
  ScenarioAnswers(ScenarioWorld world) {
    this.world = world;
  }

  /**
   * @param e an expectation other than {@code refused}
   * @return what was found, when it does not hold; empty when it holds
   */
  Optional<String> found(Expectation e) {
    return e.accept(this);
  }

  private static Optional<String> holds() {
    return Optional.empty();
  }

  private static Optional<String> found(String what) {
    return Optional.of(what);
  }

  private CspPartner p() {
    return world.partner();
  }

  @Override
  public Optional<String> refused(Expectation.Refused e) {
    throw new IllegalArgumentException("expect refused is about the statement before it");
  }

  @Override
  public Optional<String> agreementEnds(Expectation.AgreementEnds e) {
    if (world.current()) { // MPA-1: the last day in force given the notices of termination
      Optional<PartnerAgreement> mpa = p().partnerAgreement();
      if (mpa.isEmpty()) {
        return found("no accepted partner agreement");
      }
      Optional<LocalDate> end = mpa.get().endDate();
      return end.equals(e.lastDay()) ? holds() : found(end.map(LocalDate::toString).orElse("none"));
    }
    Optional<Agreement> a = p().agreement();
    if (a.isEmpty()) {
      return found("no accepted agreement");
    }
    Optional<LocalDate> actual = a.get().endDate();
    return actual.equals(e.lastDay()) ? holds()
        : found(actual.map(LocalDate::toString).orElse("none"));
  }

  @Override
  public Optional<String> agreementOn(Expectation.AgreementOn e) {
    if (world.current()) {
      Optional<PartnerAgreement> mpa = p().partnerAgreement();
      boolean inForce = mpa.map(a -> a.isInForce(e.on())).orElse(false);
      return inForce == e.inForce() ? holds() : found((inForce ? "in-force" : "not-in-force")
          + (mpa.isEmpty() ? " (no accepted partner agreement)" : ""));
    }
    boolean inForce = p().agreement().map(a -> a.isInForce(e.on())).orElse(false);
    return inForce == e.inForce() ? holds() : found((inForce ? "in-force" : "not-in-force")
        + (p().agreement().isEmpty() ? " (no accepted agreement)" : ""));
  }

  @Override
  public Optional<String> price(Expectation.Price e) {
    PriceQuote q = p().priceQuote(Request.of(world.admin(), e.known()), e.sku(), e.market(),
        e.price().currency(), e.on());
    return q.isPublished() && q.priceMinor() == e.price().minor() ? holds() : found(describe(q));
  }

  @Override
  public Optional<String> priceNotPublished(Expectation.PriceNotPublished e) {
    for (CurrencyUnit cur : world.currencies(e.market())) {
      PriceQuote q = p().priceQuote(Request.of(world.admin(), e.known()), e.sku(), e.market(), cur,
          e.on());
      if (q.status() != PriceQuote.Status.NOT_YET_PUBLISHED) {
        return found(describe(q));
      }
      if (!q.publishBy().equals(e.due())) {
        return found("not-published due " + q.publishBy());
      }
    }
    return holds();
  }

  private static String describe(PriceQuote q) {
    return switch (q.status()) {
      case PUBLISHED -> money(q.priceMinor(), q.currency()) + " (list " + q.listId().orElse("?") + ")";
      case NOT_LISTED -> "list " + q.listId().orElse("?") + " known, without " + q.sku();
      default -> "not-published due " + q.publishBy() + " (" + q.currency().getCurrencyCode() + ")";
    };
  }

  @Override
  public Optional<String> quote(Expectation.Quote e) {
    if (world.current()) {
      return nceQuote(e);
    }
    SubscriptionEvent q = p().quoteAddSeats(Request.of(world.admin(), e.on()), e.sub(), e.seats());
    return q.chargeMinor() == e.charge().minor() && q.currency().equals(e.charge().currency())
        ? holds() : found(money(q.chargeMinor(), q.currency()) + " (" + q.formula() + ")");
  }

  /**
   * The sale charge of adding seats to a new-commerce subscription on a day, on the partner's bill
   * (SUB-2, kept under the current program): the term's sale price × seats × days left in the term
   * ÷ days in the term, rounded once by the partner's rounding (BIL-6), at the subscription as it
   * stands on that day (renewed through its term ends).
   */
  private Optional<String> nceQuote(Expectation.Quote e) {
    Optional<NceSubscription> found = p().newCommerce().subscription(e.sub(), e.on());
    if (found.isEmpty()) {
      return found("no subscription " + e.sub());
    }
    NceSubscription s = found.get();
    if (s.status() == SubscriptionStatus.ENDED || e.on().isBefore(s.term().start())) {
      return found("no term of " + e.sub() + " running on " + e.on());
    }
    long left = DateRange.daysBetween(e.on(), s.term().end());
    long days = s.term().calendar().days();
    long charge = p().policies().rounding().divide(MinorUnits.multiply(MinorUnits.multiply(
        s.price().saleMinor(), e.seats()), left), days);
    String formula = MinorUnits.format(s.price().saleMinor(), s.currency()) + " × " + e.seats()
        + " × " + left + "/" + days;
    return charge == e.charge().minor() && s.currency().equals(e.charge().currency()) ? holds()
        : found(money(charge, s.currency()) + " (" + formula + ")");
  }

  /** Answers from the subscription as of the current date, or says there is none. */
  private Optional<String> subscription(String id, Function<Subscription, Optional<String>> check) {
    Optional<Subscription> s = world.view(id);
    return s.isEmpty() ? found("no subscription " + id) : check.apply(s.get());
  }

  /**
   * Answers from the new-commerce subscription as of the current date (NCE-1..9), or says there is
   * none.
   */
  private Optional<String> nce(String id, Function<NceSubscription, Optional<String>> check) {
    if (!world.current()) {
      throw ScenarioSyntaxException.expected("'program current' before the first dated line for"
          + " an expectation about new-commerce subscriptions", "the seed program");
    }
    Optional<NceSubscription> s = world.nceView(id);
    return s.isEmpty() ? found("no subscription " + id) : check.apply(s.get());
  }

  @Override
  public Optional<String> seats(Expectation.Seats e) {
    if (world.current()) {
      return nce(e.sub(), s -> s.seats() == e.seats() ? holds() : found(s.seats() + " seats"));
    }
    return subscription(e.sub(), s -> s.seats() == e.seats() ? holds() : found(s.seats() + " seats"));
  }

  @Override
  public Optional<String> status(Expectation.Status e) {
    if (world.current()) {
      return nce(e.sub(), s -> s.status() == e.status() ? holds()
          : found(s.status().name().toLowerCase(Locale.ROOT)));
    }
    return subscription(e.sub(), s -> s.status() == e.status() ? holds()
        : found(s.status().name().toLowerCase(Locale.ROOT)));
  }

  @Override
  public Optional<String> termEnd(Expectation.TermEnd e) {
    if (world.current()) {
      return nce(e.sub(), s -> {
        LocalDate last = s.term().end().minusDays(1);
        return last.equals(e.lastDay()) ? holds() : found(last.toString());
      });
    }
    return subscription(e.sub(), s -> s.term().lastDay().equals(e.lastDay()) ? holds()
        : found(s.term().lastDay().toString()));
  }

  @Override
  public Optional<String> bill(Expectation.Bill e) {
    return bill(e.customer(), e.month(), e.total(), false);
  }

  @Override
  public Optional<String> cost(Expectation.Cost e) {
    return bill(e.customer(), e.month(), e.cost(), true);
  }

  private Optional<String> bill(String customer, YearMonth month, Expectation.Amount amount,
      boolean cost) {
    if (p().customer(customer).isEmpty()) {
      return found("no customer " + customer);
    }
    Optional<Bill> b = p().bill(customer, month);
    if (b.isEmpty()) {
      YearMonth first = firstBillMonth(customer);
      if (month.isBefore(first)) {
        return found("no bill of " + customer + " for " + month + ": it will never be issued ("
            + customer + " was created on " + p().customer(customer).get().createdOn()
            + "; its first bill is for " + first + ")");
      }
      return found("no bill of " + customer + " for " + month + ": it has not been issued yet"
          + world.issuedThrough().map(d -> " (bills are issued through the end of " + d + ")")
          .orElse(""));
    }
    long actual = cost ? b.get().costMinor() : b.get().totalMinor();
    return actual == amount.minor() && b.get().currency().equals(amount.currency()) ? holds()
        : found(money(actual, b.get().currency()));
  }

  /** @return the month of a customer's first bill, issued or not (BIL-1: none before it) */
  private YearMonth firstBillMonth(String customer) {
    List<Bill> bills = p().bills(customer);
    if (!bills.isEmpty()) {
      return bills.get(0).month();
    }
    return p().billingAccount(customer).map(a -> YearMonth.from(a.nextPeriodStart()))
        .orElseGet(() -> {
          Customer c = p().customer(customer).orElseThrow();
          return YearMonth.from(c.billing().firstPeriodFrom(c.createdOn()).start());
        });
  }

  @Override
  public Optional<String> billed(Expectation.Billed e) {
    String customer = e.customer();
    if (p().customer(customer).isEmpty()) {
      return found("no customer " + customer);
    }
    Optional<BillingAccount> a = p().billingAccount(customer);
    if (a.isPresent() && !YearMonth.from(a.get().nextPeriodStart()).isAfter(e.to())) {
      return found("the bill of " + customer + " for " + YearMonth.from(a.get().nextPeriodStart())
          + " has not been issued yet");
    }
    long sum = 0;
    CurrencyUnit c = e.sum().currency();
    for (Bill b : p().bills(customer)) {
      if (!b.month().isBefore(e.from()) && !b.month().isAfter(e.to())) {
        sum = Math.addExact(sum, b.totalMinor());
        c = b.currency();
      }
    }
    return sum == e.sum().minor() && c.equals(e.sum().currency()) ? holds() : found(money(sum, c));
  }

  @Override
  public Optional<String> cancellable(Expectation.Cancellable e) {
    LocalDate today = today();
    return nce(e.sub(), s -> {
      boolean yes = s.isCancellableOn(today);
      return yes == e.yes() ? holds() : found((yes ? "yes" : "no") + " (the window of its term from "
          + s.term().start() + " runs through " + s.cancellableThrough() + ")");
    });
  }

  @Override
  public Optional<String> refundable(Expectation.Refundable e) {
    LocalDate today = today();
    return nce(e.sub(), s -> {
      int n = s.refundableQuantityOn(today);
      return n == e.seats() ? holds() : found(n + " " + s.refundableOn(today));
    });
  }

  @Override
  public Optional<String> scheduled(Expectation.Scheduled e) {
    return nce(e.sub(), s -> {
      Optional<ScheduledChange> actual = s.scheduled();
      Optional<Operation.NextTerm> wanted = e.changes();
      boolean same = actual.isEmpty() ? wanted.isEmpty() : wanted.isPresent()
          && actual.get().seats().equals(wanted.get().seats())
          && actual.get().term().equals(wanted.get().term())
          && actual.get().plan().equals(wanted.get().plan())
          && actual.get().sku().equals(wanted.get().sku());
      return same ? holds() : found(actual.map(ScenarioAnswers::text).orElse("none"));
    });
  }

  /** @return a scheduled change as the scenario writes it: {@code seats 8 term P1M} */
  private static String text(ScheduledChange c) {
    StringBuilder b = new StringBuilder();
    c.seats().ifPresent(n -> b.append(" seats ").append(n));
    c.term().ifPresent(t -> b.append(" term ").append(t.code()));
    c.plan().ifPresent(q -> b.append(" plan ").append(q.code()));
    c.sku().ifPresent(k -> b.append(" sku ").append(k));
    return b.length() == 0 ? "none" : b.substring(1);
  }

  /** @return the current date; an expectation about subscriptions needs a dated line before it */
  private LocalDate today() {
    return world.today().orElseThrow(() -> ScenarioSyntaxException.expected(
        "a dated line before this expectation", "none"));
  }

  private static DateRange month(YearMonth m) {
    return DateRange.of(m.atDay(1), m.plusMonths(1).atDay(1));
  }

  @Override
  public Optional<String> vendorCharges(Expectation.VendorCharges e) {
    return nce(e.sub(), s -> {
      List<VendorCharge> lines = p().newCommerce().vendorCharges(e.sub(), month(e.month()));
      long sum = VendorLedger.totalMinor(lines);
      CurrencyUnit c = s.currency();
      return sum == e.sum().minor() && c.equals(e.sum().currency()) ? holds()
          : found(money(sum, c) + lines(lines));
    });
  }

  @Override
  public Optional<String> vendorCharge(Expectation.VendorCharge e) {
    return nce(e.sub(), s -> {
      List<VendorCharge> lines = p().newCommerce().vendorCharges(e.sub(),
          DateRange.of(e.start(), e.start().plusDays(1)));
      for (VendorCharge c : lines) {
        if (c.chargeEndDate().equals(e.end()) && c.quantity() == e.quantity()
            && c.subtotalMinor() == e.subtotal().minor()
            && c.currency().equals(e.subtotal().currency())) {
          return holds();
        }
      }
      return found(lines.isEmpty() ? "no charge of " + e.sub() + " starting on " + e.start()
          : "the charges starting on " + e.start() + lines(lines));
    });
  }

  /** @return charge lines on the message's one line: {@code  (L1; L2)} */
  private static String lines(List<VendorCharge> lines) {
    StringBuilder b = new StringBuilder();
    for (VendorCharge c : lines) {
      b.append(b.length() == 0 ? " (" : "; ").append(c);
    }
    return b.length() == 0 ? "" : b.append(')').toString();
  }

  @Override
  public Optional<String> gdap(Expectation.Gdap e) {
    Optional<GdapRelationship> rel = relationship("expect gdap", e.relationship());
    if (rel.isEmpty()) {
      return found("no GDAP relationship " + e.relationship());
    }
    GdapStatus status = rel.get().statusOn(world.today().orElseThrow());
    if (status.kind() == e.state()) {
      return holds();
    }
    if (status instanceof GdapStatus.Pending p) {
      return found("pending (requested on " + p.requestedOn() + ", approvable through "
          + p.approvableThrough() + ")");
    }
    if (status instanceof GdapStatus.Active a) {
      return found("active (approved on " + a.approvedOn() + ", last day " + a.lastDay() + ")");
    }
    GdapStatus.Ended x = (GdapStatus.Ended) status;
    return found("ended (on " + x.on() + ": " + x.reason().words() + ")");
  }

  @Override
  public Optional<String> reconciliation(Expectation.Reconciliation e) {
    if (!world.current()) {
      throw ScenarioSyntaxException.expected("'program current' before the first dated line for"
          + " expect reconciliation", "the seed program");
    }
    List<VendorCharge> charges = p().newCommerce().vendorCharges(month(e.month()));
    Reconciliation r;
    try {
      r = ReconciliationFile.reconcile(world.file(e.file()), e.month(), charges);
    } catch (UncheckedIOException x) {
      throw ScenarioSyntaxException.expected("a readable reconciliation file "
          + Words.show(e.file()), ScenarioRunner.describe(x.getCause()));
    }
    if (r.matched().size() == e.matched() && r.missingHere().size() == e.missingHere()
        && r.missingThere().size() == e.missingThere() && r.different().size() == e.different()) {
      return holds();
    }
    // the report on the message's one line (every problem is one FILE:LINE line)
    return found("matched " + r.matched().size() + " missing-here " + r.missingHere().size()
        + " missing-there " + r.missingThere().size() + " different " + r.different().size()
        + " (" + String.join("; ", ReconciliationReport.text(r).strip().lines().map(String::strip)
            .toList()) + ")");
  }

  @Override
  public Optional<String> gdapEnds(Expectation.GdapEnds e) {
    Optional<GdapRelationship> rel = relationship("expect gdap-ends", e.relationship());
    if (rel.isEmpty()) {
      return found("no GDAP relationship " + e.relationship());
    }
    Optional<LocalDate> actual = rel.get().endsOn(world.today().orElseThrow());
    return actual.equals(e.lastDay()) ? holds()
        : found(actual.map(LocalDate::toString).orElse("none"));
  }

  /** A relationship of the partner, as of now (GDA-1..4); empty before the first dated line. */
  private Optional<GdapRelationship> relationship(String what, String id) {
    DelegatedAdmin gdap = world.gdap(what);
    Optional<GdapRelationship> rel = gdap.relationship(id);
    return rel.filter(x -> world.today().filter(d -> !d.isBefore(x.requestedOn())).isPresent());
  }
}
