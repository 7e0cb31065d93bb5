package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.Expectation.money;
import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.notSupportedYet;

import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.DelegatedAdmin;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
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
 * it will never be issued. An expectation whose rules are not wired into {@link CspPartner} yet
 * throws {@link ScenarioSyntaxException#notSupportedYet}.
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
    SubscriptionEvent q = p().quoteAddSeats(Request.of(world.admin(), e.on()), e.sub(), e.seats());
    return q.chargeMinor() == e.charge().minor() && q.currency().equals(e.charge().currency())
        ? holds() : found(money(q.chargeMinor(), q.currency()) + " (" + q.formula() + ")");
  }

  /** Answers from the subscription as of the current date, or says there is none. */
  private Optional<String> subscription(String id, Function<Subscription, Optional<String>> check) {
    Optional<Subscription> s = world.view(id);
    return s.isEmpty() ? found("no subscription " + id) : check.apply(s.get());
  }

  @Override
  public Optional<String> seats(Expectation.Seats e) {
    return subscription(e.sub(), s -> s.seats() == e.seats() ? holds() : found(s.seats() + " seats"));
  }

  @Override
  public Optional<String> status(Expectation.Status e) {
    return subscription(e.sub(), s -> s.status() == e.status() ? holds()
        : found(s.status().name().toLowerCase(Locale.ROOT)));
  }

  @Override
  public Optional<String> termEnd(Expectation.TermEnd e) {
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
    throw notSupportedYet("expect cancellable (NCE-5: the cancellation window is not wired into"
        + " CspPartner yet)");
  }

  @Override
  public Optional<String> refundable(Expectation.Refundable e) {
    throw notSupportedYet("expect refundable (NCE-6: seat reduction windows are not wired into"
        + " CspPartner yet)");
  }

  @Override
  public Optional<String> scheduled(Expectation.Scheduled e) {
    throw notSupportedYet("expect scheduled (NCE-8: scheduled changes are not wired into"
        + " CspPartner yet)");
  }

  @Override
  public Optional<String> vendorCharges(Expectation.VendorCharges e) {
    throw notSupportedYet("expect vendor-charges (NCE-10: the vendor's charges are not wired into"
        + " CspPartner yet)");
  }

  @Override
  public Optional<String> vendorCharge(Expectation.VendorCharge e) {
    throw notSupportedYet("expect vendor-charge (NCE-10: the vendor's charges are not wired into"
        + " CspPartner yet)");
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
    throw notSupportedYet("expect reconciliation (PCF-2: Partner Center reconciliation files are"
        + " not read yet)");
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
