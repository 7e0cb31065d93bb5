package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.examples.scenario.Expectation.Amount;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.money.CurrencyUnit;

/**
 * Reads the {@code expect} lines of SCENARIOS.md into {@link Expectation} values, each word checked
 * with an exact "expected …, found …" message ({@link ScenarioSyntaxException}).
 */
final class ExpectationParser {
  /** What {@code expect refused} takes. */
  private static final String REFUSAL_CODE =
      "a rule id such as SUB-6, or UNKNOWN_ID, CONFLICT or OUT_OF_RANGE";
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}-[0-9]{1,4}|" + UnknownIdException.CODE
      + "|" + ConflictException.CODE + "|" + OutOfRangeException.CODE);

  private ExpectationParser() {}

  /**
   * @param w the line after {@code expect}
   * @param today the current date (the last dated line's), if any: {@code known} may not be later
   * @return the expectation
   */
  static Expectation parse(Words w, Optional<LocalDate> today) {
    String what = w.next("what to expect");
    Expectation e = what.equals("refused") ? refused(w) : other(what, w, today);
    w.end();
    return e;
  }

  private static Expectation refused(Words w) {
    String code = w.next(REFUSAL_CODE);
    if (!CODE.matcher(code).matches()) {
      throw expected(REFUSAL_CODE, Words.show(code));
    }
    return new Expectation.Refused(code);
  }

  private static Expectation other(String what, Words w, Optional<LocalDate> today) {
    switch (what) {
      case "agreement-ends": {
        String v = w.next("a date or none");
        return new Expectation.AgreementEnds(v.equals("none") ? Optional.empty()
            : Optional.of(Words.parseDate(v, "a date or none")));
      }
      case "agreement": {
        w.keyword("on");
        LocalDate on = w.date("a date");
        return new Expectation.AgreementOn(on, w.oneOf("in-force", "not-in-force").equals("in-force"));
      }
      case "price":
        return price(w, today);
      case "quote": {
        LocalDate on = w.date("a date");
        w.keyword("add-seats");
        String sub = w.name("a subscription");
        int seats = w.count("a number of seats");
        return new Expectation.Quote(on, sub, seats, amount(w));
      }
      case "seats": {
        String sub = w.name("a subscription");
        return new Expectation.Seats(sub, w.count("a number of seats"));
      }
      case "status": {
        String sub = w.name("a subscription");
        return new Expectation.Status(sub, switch (w.oneOf("active", "suspended", "ended")) {
          case "active" -> SubscriptionStatus.ACTIVE;
          case "suspended" -> SubscriptionStatus.SUSPENDED;
          default -> SubscriptionStatus.ENDED;
        });
      }
      case "term-end": {
        String sub = w.name("a subscription");
        return new Expectation.TermEnd(sub, w.date("a date"));
      }
      case "bill":
      case "cost": {
        String customer = w.name("a customer");
        YearMonth month = w.month("a month");
        Amount a = amount(w);
        return what.equals("bill") ? new Expectation.Bill(customer, month, a)
            : new Expectation.Cost(customer, month, a);
      }
      case "billed": {
        String customer = w.name("a customer");
        YearMonth from = w.month("a first month");
        YearMonth to = w.month("a last month");
        if (to.isBefore(from)) {
          throw expected("a last month on or after " + from, to.toString());
        }
        return new Expectation.Billed(customer, from, to, amount(w));
      }
      case "cancellable": {
        String sub = w.name("a subscription");
        return new Expectation.Cancellable(sub, w.oneOf("yes", "no").equals("yes"));
      }
      case "refundable": {
        String sub = w.name("a subscription");
        return new Expectation.Refundable(sub, w.count("a number of seats"));
      }
      case "scheduled": {
        String sub = w.name("a subscription");
        if ("none".equals(w.peek())) {
          w.next("none");
          return new Expectation.Scheduled(sub, Optional.empty());
        }
        return new Expectation.Scheduled(sub, Optional.of(StatementParser.nextTerm(
            Clauses.read(w, StatementParser.arity("seats", 1, "term", 1, "plan", 1, "sku", 1), null))));
      }
      case "vendor-charges": {
        String sub = w.name("a subscription");
        YearMonth month = w.month("a month");
        return new Expectation.VendorCharges(sub, month, amount(w));
      }
      case "vendor-charge": {
        String sub = w.name("a subscription");
        LocalDate start = w.date("a charge start date");
        LocalDate end = w.date("a charge end date");
        if (end.isBefore(start)) {
          throw expected("a charge end date (its last day) on or after " + start, end.toString());
        }
        int quantity = w.count("a quantity");
        return new Expectation.VendorCharge(sub, start, end, quantity, amount(w));
      }
      case "gdap": {
        String rel = w.name("a GDAP relationship");
        return new Expectation.Gdap(rel, switch (w.oneOf("pending", "active", "ended")) {
          case "pending" -> GdapStatus.Kind.PENDING;
          case "active" -> GdapStatus.Kind.ACTIVE;
          default -> GdapStatus.Kind.ENDED;
        });
      }
      case "reconciliation": {
        String file = Words.checkPath(w.next("a file path"), "a reconciliation file");
        YearMonth month = w.month("a month");
        w.keyword("matched");
        int matched = w.count("a number of lines");
        w.keyword("missing-here");
        int here = w.count("a number of lines");
        w.keyword("missing-there");
        int there = w.count("a number of lines");
        w.keyword("different");
        int different = w.count("a number of lines");
        return new Expectation.Reconciliation(file, month, matched, here, there, different);
      }
      case "gdap-ends": {
        String rel = w.name("a GDAP relationship");
        String v = w.next("a date or none");
        return new Expectation.GdapEnds(rel, v.equals("none") ? Optional.empty()
            : Optional.of(Words.parseDate(v, "a date or none")));
      }
      default:
        throw expected("an expectation (refused, agreement-ends, agreement, price, quote, seats,"
            + " status, term-end, bill, cost, billed, cancellable, refundable, scheduled,"
            + " vendor-charges, vendor-charge, gdap, reconciliation, gdap-ends)", Words.show(what));
    }
  }

  private static Expectation price(Words w, Optional<LocalDate> today) {
    String sku = w.name("a SKU");
    w.keyword("market");
    String market = w.name("a market");
    w.keyword("on");
    LocalDate on = w.date("a date");
    w.keyword("known");
    LocalDate known = w.date("a known date");
    if (today.isEmpty() || known.isAfter(today.get())) {
      throw expected("a known date on or before the current date "
          + today.map(LocalDate::toString).orElse("(there is no dated line yet)"), known.toString());
    }
    if ("not-published".equals(w.peek())) {
      w.next("not-published");
      w.keyword("due");
      return new Expectation.PriceNotPublished(sku, market, on, known, w.date("a due date"));
    }
    String amount = w.amountText("an amount or not-published");
    CurrencyUnit cur = w.currency();
    return new Expectation.Price(sku, market, on, known,
        new Amount(Words.amount(amount, cur, "an amount"), cur));
  }

  /** @return {@code AMOUNT CUR}, the amount with at most the currency's minor digits */
  private static Amount amount(Words w) {
    String text = w.amountText("an amount");
    CurrencyUnit cur = w.currency();
    return new Amount(Words.amount(text, cur, "an amount"), cur);
  }
}
