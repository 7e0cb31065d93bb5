package io.github.cspkit.csp.examples.scenario;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * An {@code expect} line of a scenario file, as parsed (SCENARIOS.md "Expectations"): one record
 * per expectation, its values checked once by {@link ExpectationParser}. {@link #text()} is what
 * was expected, as failure messages show it ({@code FILE:LINE: expected TEXT, found …}).
 */
sealed interface Expectation extends ScenarioLine {
  /** @return what is expected, for messages: the line after {@code expect}, amounts normalized */
  String text();

  /**
   * @param v what to do with it
   * @param <R> the result type
   * @return what {@code v} returned
   */
  <R> R accept(Visitor<R> v);

  /** One method per expectation, so that every use handles them all. */
  interface Visitor<R> {
    R refused(Refused e);
    R agreementEnds(AgreementEnds e);
    R agreementOn(AgreementOn e);
    R price(Price e);
    R priceNotPublished(PriceNotPublished e);
    R quote(Quote e);
    R seats(Seats e);
    R status(Status e);
    R termEnd(TermEnd e);
    R bill(Bill e);
    R cost(Cost e);
    R billed(Billed e);
    R cancellable(Cancellable e);
    R refundable(Refundable e);
    R scheduled(Scheduled e);
    R vendorCharges(VendorCharges e);
    R vendorCharge(VendorCharge e);
    R gdap(Gdap e);
    R reconciliation(Reconciliation e);
    R gdapEnds(GdapEnds e);
  }

  /**
   * An amount as an expectation writes it.
   *
   * @param minor the amount in minor units of {@code currency}
   * @param currency the currency
   */
  record Amount(long minor, CurrencyUnit currency) {
    public Amount {
      requireNonNull(currency, "currency");
    }

    /** @return {@code 394.52 USD} */
    @Override
    public String toString() {
      return money(minor, currency);
    }
  }

  /**
   * @param minor an amount in minor units
   * @param currency its currency
   * @return the amount as scenario files and messages write it: {@code -114.92 USD}
   */
  static String money(long minor, CurrencyUnit currency) {
    return MinorUnits.format(minor, currency) + " " + currency.getCurrencyCode();
  }

  /**
   * {@code expect refused CODE}: the previous statement was refused with that code.
   *
   * @param code a rule id such as {@code SUB-6}, or {@code UNKNOWN_ID}, {@code CONFLICT} or
   *     {@code OUT_OF_RANGE}
   */
  record Refused(String code) implements Expectation {
    public Refused {
      requireNonNull(code, "code");
    }

    @Override public String text() { return "refused " + code; }
    @Override public <R> R accept(Visitor<R> v) { return v.refused(this); }
  }

  /** {@code expect agreement-ends DATE|none}. @param lastDay the last day in force; empty: none */
  record AgreementEnds(Optional<LocalDate> lastDay) implements Expectation {
    public AgreementEnds {
      requireNonNull(lastDay, "lastDay");
    }

    @Override public String text() {
      return "agreement-ends " + lastDay.map(LocalDate::toString).orElse("none");
    }

    @Override public <R> R accept(Visitor<R> v) { return v.agreementEnds(this); }
  }

  /** {@code expect agreement on DATE in-force|not-in-force}. @param on the day @param inForce in force */
  record AgreementOn(LocalDate on, boolean inForce) implements Expectation {
    public AgreementOn {
      requireNonNull(on, "on");
    }

    @Override public String text() {
      return "agreement on " + on + " " + (inForce ? "in-force" : "not-in-force");
    }

    @Override public <R> R accept(Visitor<R> v) { return v.agreementOn(this); }
  }

  /**
   * {@code expect price SKU market MARKET on DATE known DATE AMOUNT CUR}: the list price.
   *
   * @param sku the SKU
   * @param market the market
   * @param on the day priced
   * @param known the day it is known on, not after the current date
   * @param price the price
   */
  record Price(String sku, String market, LocalDate on, LocalDate known, Amount price)
      implements Expectation {
    public Price {
      requireNonNull(sku, "sku");
      requireNonNull(market, "market");
      requireNonNull(on, "on");
      requireNonNull(known, "known");
      requireNonNull(price, "price");
    }

    @Override public String text() {
      return "price " + sku + " market " + market + " on " + on + " known " + known + " " + price;
    }

    @Override public <R> R accept(Visitor<R> v) { return v.price(this); }
  }

  /**
   * {@code expect price SKU market MARKET on DATE known DATE not-published due DATE}.
   *
   * @param sku the SKU
   * @param market the market
   * @param on the day priced
   * @param known the day it is known on, not after the current date
   * @param due the day a list for it must be published by
   */
  record PriceNotPublished(String sku, String market, LocalDate on, LocalDate known,
      LocalDate due) implements Expectation {
    public PriceNotPublished {
      requireNonNull(sku, "sku");
      requireNonNull(market, "market");
      requireNonNull(on, "on");
      requireNonNull(known, "known");
      requireNonNull(due, "due");
    }

    @Override public String text() {
      return "price " + sku + " market " + market + " on " + on + " known " + known
          + " not-published due " + due;
    }

    @Override public <R> R accept(Visitor<R> v) { return v.priceNotPublished(this); }
  }

  /**
   * {@code expect quote DATE add-seats SUB N AMOUNT CUR}: the sale charge of adding seats.
   *
   * @param on the day
   * @param sub the subscription
   * @param seats how many
   * @param charge the charge
   */
  record Quote(LocalDate on, String sub, int seats, Amount charge) implements Expectation {
    public Quote {
      requireNonNull(on, "on");
      requireNonNull(sub, "sub");
      requireNonNull(charge, "charge");
    }

    @Override public String text() {
      return "quote " + on + " add-seats " + sub + " " + seats + " " + charge;
    }

    @Override public <R> R accept(Visitor<R> v) { return v.quote(this); }
  }

  /** {@code expect seats SUB N}. @param sub the subscription @param seats its seats */
  record Seats(String sub, int seats) implements Expectation {
    public Seats {
      requireNonNull(sub, "sub");
    }

    @Override public String text() { return "seats " + sub + " " + seats; }
    @Override public <R> R accept(Visitor<R> v) { return v.seats(this); }
  }

  /** {@code expect status SUB active|suspended|ended}. @param sub the subscription @param status its status */
  record Status(String sub, SubscriptionStatus status) implements Expectation {
    public Status {
      requireNonNull(sub, "sub");
      requireNonNull(status, "status");
    }

    @Override public String text() {
      return "status " + sub + " " + status.name().toLowerCase(Locale.ROOT);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.status(this); }
  }

  /** {@code expect term-end SUB DATE}. @param sub the subscription @param lastDay the term's last day */
  record TermEnd(String sub, LocalDate lastDay) implements Expectation {
    public TermEnd {
      requireNonNull(sub, "sub");
      requireNonNull(lastDay, "lastDay");
    }

    @Override public String text() { return "term-end " + sub + " " + lastDay; }
    @Override public <R> R accept(Visitor<R> v) { return v.termEnd(this); }
  }

  /**
   * {@code expect bill CUSTOMER YYYY-MM AMOUNT CUR}: the total of a bill.
   *
   * @param customer the customer
   * @param month the month its period starts in
   * @param total the total
   */
  record Bill(String customer, YearMonth month, Amount total) implements Expectation {
    public Bill {
      requireNonNull(customer, "customer");
      requireNonNull(month, "month");
      requireNonNull(total, "total");
    }

    @Override public String text() { return "bill " + customer + " " + month + " " + total; }
    @Override public <R> R accept(Visitor<R> v) { return v.bill(this); }
  }

  /**
   * {@code expect cost CUSTOMER YYYY-MM AMOUNT CUR}: the partner's cost on a bill (BIL-4).
   *
   * @param customer the customer
   * @param month the month its period starts in
   * @param cost the cost
   */
  record Cost(String customer, YearMonth month, Amount cost) implements Expectation {
    public Cost {
      requireNonNull(customer, "customer");
      requireNonNull(month, "month");
      requireNonNull(cost, "cost");
    }

    @Override public String text() { return "cost " + customer + " " + month + " " + cost; }
    @Override public <R> R accept(Visitor<R> v) { return v.cost(this); }
  }

  /**
   * {@code expect billed CUSTOMER YYYY-MM YYYY-MM AMOUNT CUR}: the bills of a month range.
   *
   * @param customer the customer
   * @param from the first month
   * @param to the last month, not before {@code from}
   * @param sum their totals' sum
   */
  record Billed(String customer, YearMonth from, YearMonth to, Amount sum) implements Expectation {
    public Billed {
      requireNonNull(customer, "customer");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(sum, "sum");
    }

    @Override public String text() {
      return "billed " + customer + " " + from + " " + to + " " + sum;
    }

    @Override public <R> R accept(Visitor<R> v) { return v.billed(this); }
  }

  /** {@code expect cancellable SUB yes|no} (NCE-5). @param sub the subscription @param yes cancellable */
  record Cancellable(String sub, boolean yes) implements Expectation {
    public Cancellable {
      requireNonNull(sub, "sub");
    }

    @Override public String text() { return "cancellable " + sub + " " + (yes ? "yes" : "no"); }
    @Override public <R> R accept(Visitor<R> v) { return v.cancellable(this); }
  }

  /** {@code expect refundable SUB N} (NCE-6). @param sub the subscription @param seats removable seats */
  record Refundable(String sub, int seats) implements Expectation {
    public Refundable {
      requireNonNull(sub, "sub");
    }

    @Override public String text() { return "refundable " + sub + " " + seats; }
    @Override public <R> R accept(Visitor<R> v) { return v.refundable(this); }
  }

  /**
   * {@code expect scheduled SUB none|[seats N] [term TERM] [plan PLAN] [sku SKU]} (NCE-8).
   *
   * @param sub the subscription
   * @param changes the changes scheduled for its next term; empty: none
   */
  record Scheduled(String sub, Optional<Operation.NextTerm> changes) implements Expectation {
    public Scheduled {
      requireNonNull(sub, "sub");
      requireNonNull(changes, "changes");
    }

    @Override public String text() {
      return "scheduled " + sub + " " + changes.map(Operation.NextTerm::text).orElse("none");
    }

    @Override public <R> R accept(Visitor<R> v) { return v.scheduled(this); }
  }

  /**
   * {@code expect vendor-charges SUB YYYY-MM AMOUNT CUR} (NCE-10).
   *
   * @param sub the subscription
   * @param month the month the charges start in
   * @param sum the sum of their subtotals
   */
  record VendorCharges(String sub, YearMonth month, Amount sum) implements Expectation {
    public VendorCharges {
      requireNonNull(sub, "sub");
      requireNonNull(month, "month");
      requireNonNull(sum, "sum");
    }

    @Override public String text() { return "vendor-charges " + sub + " " + month + " " + sum; }
    @Override public <R> R accept(Visitor<R> v) { return v.vendorCharges(this); }
  }

  /**
   * {@code expect vendor-charge SUB START END QUANTITY SUBTOTAL CUR} (NCE-10).
   *
   * @param sub the subscription
   * @param start the charge's start date
   * @param end the charge's last day, not before {@code start}
   * @param quantity the quantity
   * @param subtotal the subtotal (negative for a refund)
   */
  record VendorCharge(String sub, LocalDate start, LocalDate end, int quantity, Amount subtotal)
      implements Expectation {
    public VendorCharge {
      requireNonNull(sub, "sub");
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      requireNonNull(subtotal, "subtotal");
    }

    @Override public String text() {
      return "vendor-charge " + sub + " " + start + " " + end + " " + quantity + " " + subtotal;
    }

    @Override public <R> R accept(Visitor<R> v) { return v.vendorCharge(this); }
  }

  /**
   * {@code expect gdap REL pending|active|ended} (GDA-1, GDA-3, GDA-4).
   *
   * @param relationship the relationship
   * @param state its state on the current date
   */
  record Gdap(String relationship, GdapStatus.Kind state) implements Expectation {
    public Gdap {
      requireNonNull(relationship, "relationship");
      requireNonNull(state, "state");
    }

    @Override public String text() {
      return "gdap " + relationship + " " + state.name().toLowerCase(Locale.ROOT);
    }

    @Override public <R> R accept(Visitor<R> v) { return v.gdap(this); }
  }

  /**
   * {@code expect reconciliation FILE YYYY-MM matched N missing-here N missing-there N
   * different N} (PCF-2).
   *
   * @param file the reconciliation file, relative to the scenario file
   * @param month the month the charges start in
   * @param matched lines matched
   * @param missingHere lines only in the file
   * @param missingThere lines only in the library
   * @param different lines in both with other figures
   */
  record Reconciliation(String file, YearMonth month, int matched, int missingHere,
      int missingThere, int different) implements Expectation {
    public Reconciliation {
      requireNonNull(file, "file");
      requireNonNull(month, "month");
    }

    @Override public String text() {
      return "reconciliation " + file + " " + month + " matched " + matched + " missing-here "
          + missingHere + " missing-there " + missingThere + " different " + different;
    }

    @Override public <R> R accept(Visitor<R> v) { return v.reconciliation(this); }
  }

  /**
   * {@code expect gdap-ends REL DATE|none} (GDA-3).
   *
   * @param relationship the relationship
   * @param lastDay the last day of its current period; empty: none
   */
  record GdapEnds(String relationship, Optional<LocalDate> lastDay) implements Expectation {
    public GdapEnds {
      requireNonNull(relationship, "relationship");
      requireNonNull(lastDay, "lastDay");
    }

    @Override public String text() {
      return "gdap-ends " + relationship + " " + lastDay.map(LocalDate::toString).orElse("none");
    }

    @Override public <R> R accept(Visitor<R> v) { return v.gdapEnds(this); }
  }
}
