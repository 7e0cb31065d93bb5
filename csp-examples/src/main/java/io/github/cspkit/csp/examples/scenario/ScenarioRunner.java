package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.access.PartnerKind;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillText;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.SuspendedAccess;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Replays a scenario file ({@code .csp}, SCENARIOS.md) through the library's public API
 * ({@link CspPartner}) on an {@link InMemoryStore}, prints every bill as it is issued, and checks
 * every {@code expect} line.
 *
 * <h2>How a file runs</h2>
 * The file is streamed line by line; each line is parsed whole before anything runs. Setup
 * statements ({@code partner}, {@code sku}, {@code markup}, {@code timing}) change the runner's
 * configuration; the {@link CspPartner} is built on first use and rebuilt over the <em>same</em>
 * store after a later setup statement (the store holds all data, the partner holds none). A
 * {@code markup} placed after the dated lines of day D applies to the terms that start after D,
 * orders and renewals alike, and never to a running term (PRC-5); one placed before the first
 * dated line applies to every term. A {@code markup … for CUSTOMER} may come before the customer
 * is created; a customer that the file never creates is reported at the markup's line. Before a
 * dated line of day D runs, every bill due by the end of D−1 is issued (in advance: a bill is issued
 * at the end of its period's first day, so it sees every statement dated that day or earlier);
 * {@code D advance} issues every bill due by the end of D, and the next dated line must be later.
 *
 * <h2>Actors</h2>
 * A dated line runs as the partner's admin agent unless it says {@code as customer C} (that
 * customer's admin). {@code publish-price-list} runs as the vendor, who publishes price lists
 * (PRC-1), unless the line names an actor explicitly ({@code as partner} or
 * {@code as customer C}), so that a scenario can show that nobody else may publish.
 *
 * <h2>Extension: {@code financing}</h2>
 * Besides the statements of SCENARIOS.md, the runner accepts the dated statement
 * <pre>
 * DATE financing CUSTOMER prepaid PERCENT | instalments N | none      # BIL-3
 * </pre>
 * which calls {@link CspPartner#setFinancing}: annual prepayment with a discount of PERCENT, N
 * monthly instalments, or no financing. It is needed to replay a customer on annual prepayment.
 *
 * <h2>Outcomes</h2>
 * Exit status 0 when every line parsed and every expectation held; 1 when an expectation failed or
 * a statement was refused without {@code expect refused} on the very next line; 2 when the file
 * cannot be read or parsed (the file stops at that line). Each problem is printed to {@code err} as
 * {@code FILE:LINE: expected …, found …}. Any exception the library throws while running a statement
 * is a refusal of that statement; no stack trace is ever printed. {@code expect refused CODE}
 * matches the refusal's {@link CspException#code()}: a rule id such as {@code SUB-6} (a
 * {@link RuleViolation}), or {@code UNKNOWN_ID}, {@code CONFLICT} or {@code OUT_OF_RANGE} (an
 * unknown id, a taken id or reused key, a value out of range or an overflow). Limits that keep hostile input from hanging the runner: lines of
 * at most {@value #MAX_LINE} characters, names of at most 100 characters, numbers of at most 30
 * characters, and dated lines at most {@value #MAX_YEARS} years after the first one. Currency
 * codes must name money with a minor unit: ISO 4217's {@code XXX} ("no currency"), {@code XTS}
 * and the metals are refused.
 *
 * <h2>Expectations</h2>
 * {@code expect seats|status|term-end} look at the subscription as of the current date (rolled
 * through a term end, renewed or ended, as the library would on its next operation). {@code expect
 * price … not-published due D} holds when no currency the market has published lists in (in this
 * scenario; USD if none) has a price for that day as known on {@code known}. {@code expect billed}
 * fails, saying so, while a bill of the range is not issued yet; {@code expect bill} and
 * {@code expect cost} for a month before the customer's first bill say that it will never be
 * issued.
 */
public final class ScenarioRunner {
  /** What {@code expect refused} takes. */
  private static final String REFUSAL_CODE =
      "a rule id such as SUB-6, or UNKNOWN_ID, CONFLICT or OUT_OF_RANGE";
  /** Every line parsed and every expectation held. */
  public static final int PASSED = 0;
  /** An expectation failed, or a statement was refused without {@code expect refused}. */
  public static final int FAILED = 1;
  /** The file could not be read or parsed. */
  public static final int BROKEN = 2;

  /** The longest line accepted, in characters. */
  static final int MAX_LINE = 100_000;
  /** How far after the first dated line a dated line may go. */
  static final int MAX_YEARS = 100;

  private static final Map<String, Integer> SKU_CLAUSES = arity("family", 1, "segment", 1,
      "addon-of", 1, "suspended-access", 1, "max-seats", 1, "trial", 0);
  private static final Map<String, Integer> CUSTOMER_CLAUSES = arity("market", 1, "segment", 1,
      "billing-day", 1, "currency", 1, "tenant", 1, "verified", 0);
  private static final Map<String, Integer> ORDER_CLAUSES = arity("seats", 1, "as", 1);
  private static final Map<String, Integer> LIST_CLAUSES = arity("market", 1, "currency", 1,
      "effective", 1);

  private final String name;
  private final PrintStream out;
  private final PrintStream err;

  // configuration (setup statements)
  private Partner partnerId = new Partner("partner", "partner", PartnerKind.CSP);
  private Catalog catalog = Catalog.empty();
  /** The markups in file order (PRC-5). */
  private final List<MarkupChange> markups = new ArrayList<>();
  /** The line of each {@code markup … for CUSTOMER}: the customer must exist by the file's end. */
  private final Map<String, Integer> markupLines = new LinkedHashMap<>();
  private BillingTiming timing = BillingTiming.IN_ADVANCE;

  // the library
  private final CspStore store;
  private CspPartner partner;

  // time
  private LocalDate firstDate;
  private LocalDate today;
  private LocalDate advancedTo;
  private LocalDate issuedThrough;
  /** Customers by the day their next bill is issued: a bill run touches only those due. */
  private final java.util.TreeMap<LocalDate, java.util.ArrayDeque<String>> due = new java.util.TreeMap<>();
  private boolean dueStale = true;
  private final Map<String, Set<CurrencyUnit>> marketCurrencies = new LinkedHashMap<>();

  // the last statement, for `expect refused`
  private int lastLine;
  private String lastOp;
  private RuntimeException lastRefusal;
  private boolean refusalPending;
  private boolean expectedSinceStatement;

  // counts
  private int status = PASSED;
  private int lineNo;
  private int statements;
  private int expectations;
  private int failures;
  private int billsIssued;

  private ScenarioRunner(String name, PrintStream out, PrintStream err) {
    this(name, InMemoryStore.create(CspPolicies.seed().priceLists()), out, err);
  }

  private ScenarioRunner(String name, CspStore store, PrintStream out, PrintStream err) {
    this.name = name;
    this.store = store;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs one scenario file on a store of the caller's (empty, made with the seed's price list
   * policy), for example a {@code PostgresStore} over a fresh schema.
   *
   * @param file the file
   * @param store where its data goes
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes
   * @return the exit status, as {@link #run(Path, PrintStream, PrintStream)}
   */
  public static int run(Path file, CspStore store, PrintStream out, PrintStream err) {
    requireNonNull(file, "file");
    ScenarioRunner r = new ScenarioRunner(file.toString(), requireNonNull(store, "store"),
        requireNonNull(out, "out"), requireNonNull(err, "err"));
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return r.unreadable("an existing file", "no such file");
    } catch (IOException | RuntimeException e) {
      return r.unreadable("a readable file", describe(e));
    }
    try (in) {
      return r.run(new StrictUtf8Reader(in));
    } catch (IOException e) {
      return r.status;
    }
  }

  /**
   * Runs one scenario file and prints a summary line for it to {@code out}.
   *
   * @param file the file
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes, as {@code FILE:LINE: expected …, found …}
   * @return 0 passed, 1 an expectation failed or a refusal was not expected, 2 unreadable or
   *     unparsable
   */
  public static int run(Path file, PrintStream out, PrintStream err) {
    requireNonNull(file, "file");
    ScenarioRunner r = new ScenarioRunner(file.toString(), requireNonNull(out, "out"),
        requireNonNull(err, "err"));
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return r.unreadable("an existing file", "no such file");
    } catch (IOException | RuntimeException e) {
      return r.unreadable("a readable file", describe(e));
    }
    try (in) {
      return r.run(new StrictUtf8Reader(in));
    } catch (IOException e) {
      // only close() can get here: the run itself reports read errors at their line
      return r.status;
    }
  }

  /**
   * Runs a scenario read as UTF-8 bytes from {@code in} (which it does not close), exactly as
   * {@link #run(Path, PrintStream, PrintStream)} reads a file: bytes that are not UTF-8 stop the
   * file with exit status 2 at the line that holds them.
   *
   * @param name the file name used in messages
   * @param in the scenario bytes
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes
   * @return the exit status, as {@link #run(Path, PrintStream, PrintStream)}
   */
  static int run(String name, InputStream in, PrintStream out, PrintStream err) {
    return new ScenarioRunner(requireNonNull(name, "name"), requireNonNull(out, "out"),
        requireNonNull(err, "err")).run(new StrictUtf8Reader(requireNonNull(in, "in")));
  }

  /**
   * Runs a scenario read from {@code reader} (which it does not close).
   *
   * @param name the file name used in messages
   * @param reader the scenario text
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes
   * @return the exit status, as {@link #run(Path, PrintStream, PrintStream)}
   */
  public static int run(String name, Reader reader, PrintStream out, PrintStream err) {
    return new ScenarioRunner(requireNonNull(name, "name"), requireNonNull(out, "out"),
        requireNonNull(err, "err")).run(requireNonNull(reader, "reader"));
  }

  private int unreadable(String expectedWhat, String found) {
    err.println(name + ": expected " + expectedWhat + ", found " + found);
    status = BROKEN;
    summary();
    return status;
  }

  // ------------------------------------------------------------------ the loop

  private int run(Reader reader) {
    LineReader lines = new LineReader(reader);
    try {
      while (true) {
        String raw;
        try {
          raw = lines.next();
        } catch (CharacterCodingException e) {
          lineNo++; // the line being read holds the bytes (StrictUtf8Reader delivers all before them)
          throw expected("UTF-8 text", "bytes that are not UTF-8");
        } catch (IOException e) {
          lineNo++;
          throw expected("a readable file", describe(e));
        }
        if (raw == null) {
          break;
        }
        lineNo++;
        if (lines.truncated()) {
          throw expected("a line of at most " + MAX_LINE + " characters", "a longer line");
        }
        line(raw);
      }
      flushRefusal();
      unknownMarkupCustomers();
    } catch (ScenarioSyntaxException e) {
      flushRefusal();
      problem(e.getMessage(), BROKEN);
    } catch (RuntimeException | StackOverflowError e) {
      flushRefusal();
      problem("expected the line to run, found an internal error: " + describe(e), BROKEN);
    }
    summary();
    return status;
  }

  private void summary() {
    String verdict = status == PASSED ? "passed" : status == FAILED ? "FAILED" : "BROKEN";
    out.println(name + ": " + verdict + " (exit " + status + "): " + lineNo + " lines, " + statements
        + " statements, " + expectations + " expectations, " + billsIssued + " bills issued"
        + (failures > 0 ? ", " + failures + (failures == 1 ? " problem" : " problems") : ""));
  }

  private void problem(String message, int severity) {
    err.println(name + ":" + lineNo + ": " + message);
    failures++;
    status = Math.max(status, severity);
  }

  private void problemAt(int line, String message, int severity) {
    err.println(name + ":" + line + ": " + message);
    failures++;
    status = Math.max(status, severity);
  }

  private void line(String raw) {
    Words w = Words.of(raw);
    if (w.isEmpty()) {
      return;
    }
    String first = w.next("a statement");
    if (first.equals("expect")) {
      expect(w);
      return;
    }
    flushRefusal();
    if (!first.isEmpty() && first.charAt(0) >= '0' && first.charAt(0) <= '9') {
      dated(Words.parseDate(first, "a date"), w);
      return;
    }
    switch (first) {
      case "partner" -> setupPartner(w);
      case "sku" -> setupSku(w);
      case "markup" -> setupMarkup(w);
      case "timing" -> setupTiming(w);
      default -> throw expected("a statement (partner, sku, markup, timing, expect, or a dated line"
          + " such as 2025-02-10 order …)", Words.show(first));
    }
  }

  /**
   * Reports, at its line, a {@code markup … for CUSTOMER} whose customer the file never created: a
   * markup may name a customer created later (it applies from then on), but not one that never is.
   */
  private void unknownMarkupCustomers() {
    markupLines.forEach((customer, line) -> {
      if (store.read().customers().find(customer).isEmpty()) {
        problemAt(line, "expected customer " + customer + " (markup … for " + customer + ") to be"
            + " created in this file, found no customer " + customer, FAILED);
      }
    });
  }

  /** Reports a refused statement that no {@code expect refused} followed. */
  private void flushRefusal() {
    if (refusalPending) {
      refusalPending = false;
      problemAt(lastLine, "expected " + lastOp + " to succeed (or an 'expect refused' line right"
          + " after it), found " + refusal(lastRefusal), FAILED);
    }
  }

  private void statement(String op) {
    statements++;
    lastLine = lineNo;
    lastOp = op;
    lastRefusal = null;
    refusalPending = false;
    expectedSinceStatement = false;
  }

  // ------------------------------------------------------------------ setup

  private void setupPartner(Words w) {
    String id = w.name("a partner");
    String kind = w.oneOf("csp", "non-csp");
    w.end();
    statement("partner");
    partnerId = new Partner(id, id, kind.equals("csp") ? PartnerKind.CSP : PartnerKind.NON_CSP);
    partner = null;
  }

  private void setupSku(Words w) {
    String id = w.name("a SKU");
    Clauses c = Clauses.read(w, SKU_CLAUSES, null);
    String family = Words.checkName(c.require("family", "family FAMILY"), "a family");
    Segment segment = segment(c.require("segment", "segment commercial|government|education"));
    Sku.Builder b = Sku.builder().id(id).family(ProductFamily.of(family)).segment(segment)
        .trial(c.has("trial"));
    String bases = c.optional("addon-of");
    if (bases != null) {
      for (String base : bases.split(",", -1)) {
        b.addAttachesTo(Words.checkName(base, "a base SKU"));
      }
    }
    String access = c.optional("suspended-access");
    if (access != null) {
      switch (access) {
        case "limited" -> b.suspendedAccess(SuspendedAccess.LIMITED);
        case "none" -> b.suspendedAccess(SuspendedAccess.NONE);
        default -> throw expected("suspended-access limited|none", Words.show(access));
      }
    }
    String max = c.optional("max-seats");
    if (max != null) {
      int n = Words.parseCount(max, "max-seats N");
      if (n < 1) {
        throw expected("max-seats of at least 1", Words.show(max));
      }
      b.maxSeats(n);
    }
    Sku sku;
    try {
      sku = b.build();
    } catch (RuntimeException e) {
      throw expected("a valid SKU", describe(e));
    }
    statement("sku");
    catalog = catalog.with(sku);
    partner = null;
  }

  private void setupMarkup(Words w) {
    BigDecimal percent = w.decimal("a markup percent");
    String customer = null;
    if (w.hasNext()) {
      w.keyword("for");
      customer = w.name("a customer");
    }
    w.end();
    statement("markup");
    // PRC-5: after the lines of day D, the change applies to terms that start after D
    markups.add(new MarkupChange(today == null ? null : today.plusDays(1), customer, percent));
    if (customer != null) {
      markupLines.putIfAbsent(customer, lineNo);
    }
    partner = null;
  }

  private void setupTiming(Words w) {
    String t = w.oneOf("in-advance", "in-arrears");
    w.end();
    statement("timing");
    timing = t.equals("in-advance") ? BillingTiming.IN_ADVANCE : BillingTiming.IN_ARREARS;
    partner = null;
  }

  /**
   * A {@code markup} statement: from the first day of the terms it prices (null: every term, for a
   * markup before the first dated line), for whom (null: every customer without its own).
   */
  private record MarkupChange(LocalDate from, String customer, BigDecimal percent) {}

  /**
   * The pricing policy of the markups so far (PRC-5): each applies to terms that start on or after
   * its first day, renewals included, whenever they are computed; a customer's own markups
   * override the others from their first day, before which the customer follows the others.
   */
  private PricingPolicy pricing() {
    PricingPolicy all = PricingPolicy.atCost();
    for (MarkupChange m : markups) {
      if (m.customer() == null) {
        all = dated(all, m);
      }
    }
    Map<String, PricingPolicy> per = new LinkedHashMap<>();
    for (MarkupChange m : markups) {
      if (m.customer() != null) {
        per.put(m.customer(), dated(per.getOrDefault(m.customer(), all), m));
      }
    }
    return per.isEmpty() ? all : PricingPolicy.perCustomer(per, all);
  }

  private static PricingPolicy dated(PricingPolicy before, MarkupChange m) {
    PricingPolicy p = PricingPolicy.markup(m.percent());
    return m.from() == null ? p : before.changingOn(m.from(), p);
  }

  private CspPartner partner() {
    if (partner == null) {
      PricingPolicy pricing = pricing();
      CspPolicies policies = CspPolicies.builder().pricing(pricing).timing(timing).build();
      partner = CspPartner.builder().partner(partnerId).store(store).catalog(catalog)
          .policies(policies).build();
      dueStale = true;
    }
    return partner;
  }

  private Actor admin() {
    return Actor.partnerAdmin(partnerId.id(), "admin");
  }

  // ------------------------------------------------------------------ dated statements

  /** A parsed dated operation, run later. */
  @FunctionalInterface
  private interface Operation {
    void run(CspPartner p, Request r);
  }

  private enum Who { DEFAULT, PARTNER, CUSTOMER }

  private void dated(LocalDate date, Words w) {
    Who who = Who.DEFAULT;
    String customerActor = null;
    if ("as".equals(w.peek())) {
      w.next("as");
      String kind = w.oneOf("partner", "customer");
      if (kind.equals("customer")) {
        who = Who.CUSTOMER;
        customerActor = w.name("a customer");
      } else {
        who = Who.PARTNER;
      }
    }
    String op = w.next("an operation");
    Operation operation = parseOperation(op, w);
    w.end();

    if (today != null && date.isBefore(today)) {
      throw expected("a date on or after " + today + " (dates never go backwards)", date.toString());
    }
    if (advancedTo != null && !date.isAfter(advancedTo)) {
      throw expected("a date after " + advancedTo + " (the day of the last advance)", date.toString());
    }
    if (firstDate == null) {
      firstDate = date;
    } else if (date.isAfter(firstDate.plusYears(MAX_YEARS))) {
      // every bill of every period in between would be issued: bound the work a typo can cause
      throw expected("a date at most " + MAX_YEARS + " years after the first dated line ("
          + firstDate + ")", date.toString());
    }
    issueThrough(date.minusDays(1));
    today = date;
    statement(op);
    if (operation == null) {
      issueThrough(date);
      advancedTo = date;
      return;
    }
    Actor actor = who == Who.CUSTOMER ? Actor.customerAdmin(customerActor)
        : who == Who.DEFAULT && op.equals("publish-price-list") ? Actor.vendor() : admin();
    CspPartner p = partner();
    long eventsBefore = store.forPartner(p.partner().id()).read().events().size();
    try {
      operation.run(p, Request.of(actor, date));
    } catch (ScenarioSyntaxException e) {
      throw e;
    } catch (RuntimeException e) {
      lastRefusal = e;
      refusalPending = true;
      long changed = store.forPartner(p.partner().id()).read().events().size() - eventsBefore;
      if (changed != 0) {
        problem("expected a refused " + op + " to change nothing, found " + changed
            + " new events in the store", FAILED);
      }
    }
  }

  /** @return the operation, or null for {@code advance} */
  private Operation parseOperation(String op, Words w) {
    switch (op) {
      case "advance":
        return null;
      case "accept-agreement":
        return (p, r) -> p.acceptAgreement(r);
      case "notice": {
        NoticeChannel channel = NoticeChannel.parse(w.oneOf("written", "email", "phone"));
        return (p, r) -> p.giveNotice(r, channel);
      }
      case "publish-price-list":
        return publishPriceList(w);
      case "create-customer":
        return createCustomer(w);
      case "order":
      case "convert-trial": {
        String customer = w.name("a customer");
        String sku = w.name("a SKU");
        Clauses c = Clauses.read(w, ORDER_CLAUSES, null);
        int seats = Words.parseCount(c.require("seats", "seats N"), "seats N");
        String sub = Words.checkName(c.require("as", "as SUB"), "a subscription");
        return op.equals("order") ? (p, r) -> p.order(r, customer, sku, seats, sub)
            : (p, r) -> p.convertTrial(r, customer, sku, seats, sub);
      }
      case "order-addon": {
        String base = w.name("a base subscription");
        String sku = w.name("a SKU");
        Clauses c = Clauses.read(w, ORDER_CLAUSES, null);
        int seats = Words.parseCount(c.require("seats", "seats N"), "seats N");
        String sub = Words.checkName(c.require("as", "as SUB"), "a subscription");
        return (p, r) -> p.orderAddOn(r, base, sku, seats, sub);
      }
      case "add-seats":
      case "remove-seats": {
        String sub = w.name("a subscription");
        int n = w.count("a number of seats");
        return op.equals("add-seats") ? (p, r) -> p.addSeats(r, sub, n)
            : (p, r) -> p.removeSeats(r, sub, n);
      }
      case "suspend": {
        String sub = w.name("a subscription");
        return (p, r) -> p.suspend(r, sub);
      }
      case "reactivate": {
        String sub = w.name("a subscription");
        return (p, r) -> p.reactivate(r, sub);
      }
      case "cancel": {
        String sub = w.name("a subscription");
        return (p, r) -> p.cancel(r, sub);
      }
      case "auto-renew": {
        String sub = w.name("a subscription");
        boolean on = w.oneOf("on", "off").equals("on");
        return (p, r) -> p.autoRenew(r, sub, on);
      }
      case "remove-delegated-admin": {
        String customer = w.name("a customer");
        return (p, r) -> p.removeDelegatedAdmin(r, customer);
      }
      case "service":
        return service(w);
      case "financing":
        return financing(w);
      default:
        throw expected("an operation (accept-agreement, notice, publish-price-list, create-customer,"
            + " order, order-addon, convert-trial, add-seats, remove-seats, suspend, reactivate,"
            + " cancel, auto-renew, remove-delegated-admin, service, financing, advance)",
            Words.show(op));
    }
  }

  private Operation publishPriceList(Words w) {
    String id = w.name("a price list");
    List<String> pairs = new ArrayList<>();
    Clauses c = Clauses.read(w, LIST_CLAUSES, pairs::add);
    String market = Words.checkName(c.require("market", "market MARKET"), "a market");
    CurrencyUnit currency = Words.parseCurrency(c.require("currency", "currency CUR"));
    LocalDate effective = Words.parseDate(c.require("effective", "effective DATE"), "an effective date");
    if (pairs.isEmpty()) {
      throw expected("at least one SKU=PRICE", "end of line without one");
    }
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String sku = Words.checkName(pair.substring(0, eq), "a SKU");
      String text = pair.substring(eq + 1);
      if (text.startsWith("-")) {
        throw expected("a price of at least 0 for " + sku, Words.show(text));
      }
      long minor = Words.amount(text, currency, "a price for " + sku);
      if (prices.put(sku, MinorUnits.toAmount(minor, currency)) != null) {
        throw expected("each SKU once on the list", "a second price for " + sku);
      }
    }
    return (p, r) -> {
      PriceList list = PriceList.builder().id(id).market(market).currency(currency)
          .publishedOn(r.date()).effectiveOn(effective).putAllPrices(prices).build();
      p.publishPriceList(r, list);
      marketCurrencies.computeIfAbsent(market, m -> new LinkedHashSet<>()).add(currency);
    };
  }

  private Operation createCustomer(Words w) {
    String id = w.name("a customer");
    Clauses c = Clauses.read(w, CUSTOMER_CLAUSES, null);
    String market = Words.checkName(c.require("market", "market MARKET"), "a market");
    Segment segment = segment(c.require("segment", "segment SEGMENT"));
    int day = Words.parseCount(c.require("billing-day", "billing-day N"), "billing-day N");
    CurrencyUnit currency = Words.parseCurrency(c.require("currency", "currency CUR"));
    TenantOrigin origin = TenantOrigin.NEW;
    String tenant = c.optional("tenant");
    if (tenant != null) {
      origin = switch (tenant) {
        case "new" -> TenantOrigin.NEW;
        case "direct-trial" -> TenantOrigin.DIRECT_TRIAL;
        case "syndication" -> TenantOrigin.SYNDICATION;
        default -> throw expected("tenant new|direct-trial|syndication", Words.show(tenant));
      };
    }
    TenantOrigin o = origin;
    boolean verified = c.has("verified");
    return (p, r) -> {
      NewCustomer spec = NewCustomer.builder().id(id).market(market).segment(segment)
          .billingDay(day).currency(currency).tenant(o).verified(verified).build();
      p.createCustomer(r, spec);
      if (!dueStale) {
        track(p, id);
      }
    };
  }

  private Operation service(Words w) {
    String customer = w.name("a customer");
    String service = w.name("a service");
    String amount = w.amountText("an amount");
    Recurrence recurrence = w.oneOf("monthly", "once").equals("monthly") ? Recurrence.MONTHLY
        : Recurrence.ONCE;
    return (p, r) -> {
      Customer c = p.customer(customer)
          .orElseThrow(() -> new UnknownIdException("customer", customer));
      CurrencyUnit cur = c.billing().currency();
      long minor = Words.amount(amount, cur, "an amount");
      p.addService(r, customer, service, service, MinorUnits.toAmount(minor, cur), recurrence);
    };
  }

  private Operation financing(Words w) {
    String customer = w.name("a customer");
    String kind = w.oneOf("prepaid", "instalments", "none");
    FinancingPlan plan;
    switch (kind) {
      case "prepaid" -> {
        BigDecimal percent = w.decimal("a discount percent");
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.stripTrailingZeros().scale() > 2) {
          throw expected("a discount percent from 0 to 100 with at most two decimals",
              percent.toPlainString());
        }
        plan = FinancingPlan.annualPrepayment(percent);
      }
      case "instalments" -> {
        int n = w.count("a number of instalments");
        if (n < 2 || n > 36) {
          throw expected("a number of instalments from 2 to 36", Integer.toString(n));
        }
        plan = FinancingPlan.instalments(n);
      }
      default -> plan = FinancingPlan.none();
    }
    return (p, r) -> p.setFinancing(r, customer, plan);
  }

  private static Segment segment(String s) {
    return switch (s) {
      case "commercial" -> Segment.COMMERCIAL;
      case "government" -> Segment.GOVERNMENT;
      case "education" -> Segment.EDUCATION;
      default -> throw expected("a segment commercial|government|education", Words.show(s));
    };
  }

  // ------------------------------------------------------------------ bills

  /** Issues every bill due by the end of {@code day}, printing each. */
  private void issueThrough(LocalDate day) {
    if (issuedThrough != null && !day.isAfter(issuedThrough)) {
      return;
    }
    CspPartner p = partner();
    if (dueStale) {
      due.clear();
      for (String id : store.forPartner(p.partner().id()).read().customers().ids()) {
        track(p, id);
      }
      dueStale = false;
    }
    issuedThrough = day;
    Request r = Request.of(admin(), day);
    while (!due.isEmpty() && !due.firstKey().isAfter(day)) {
      for (String id : due.pollFirstEntry().getValue()) {
        List<Bill> bills;
        try {
          bills = p.issueBills(r, id);
        } catch (RuntimeException e) {
          problem("expected the bills of " + id + " due by the end of " + day + " to be issued, found "
              + refusal(e), FAILED);
          continue;
        }
        for (Bill b : bills) {
          billsIssued++;
          out.print(BillText.render(b));
          out.println();
        }
        track(p, id);
      }
    }
  }

  /** Files a customer of this partner under the day its next bill is issued. */
  private void track(CspPartner p, String id) {
    Optional<Customer> c = p.customer(id);
    if (c.isEmpty() || !c.get().isManagedBy(partnerId.id())) {
      return;
    }
    p.nextBillDue(id).ifPresent(next ->
        due.computeIfAbsent(next, k -> new java.util.ArrayDeque<>()).add(id));
  }

  // ------------------------------------------------------------------ expectations

  private void expect(Words w) {
    String what = w.next("what to expect");
    if (what.equals("refused")) {
      String rule = w.next(REFUSAL_CODE);
      if (!rule.matches("[A-Z]{3}-[0-9]{1,4}|" + UnknownIdException.CODE + "|"
          + ConflictException.CODE + "|" + OutOfRangeException.CODE)) {
        throw expected(REFUSAL_CODE, Words.show(rule));
      }
      w.end();
      expectations++;
      expectRefused(rule);
      return;
    }
    flushRefusal();
    expectedSinceStatement = true;
    Check check = parseExpectation(what, w);
    w.end();
    expectations++;
    String found;
    try {
      found = check.found();
    } catch (ScenarioSyntaxException e) {
      throw e;
    } catch (RuntimeException e) {
      found = refusal(e);
    }
    if (found != null) {
      problem("expected " + check.expected + ", found " + found, FAILED);
    }
  }

  private void expectRefused(String rule) {
    refusalPending = false;
    String expectedText = "refused " + rule;
    if (lastOp == null) {
      problem("expected " + expectedText + ", found no statement before it", FAILED);
    } else if (lastRefusal == null) {
      problem("expected " + expectedText + ", found " + lastOp + " on line " + lastLine
          + " succeeded", FAILED);
    } else if (expectedSinceStatement) {
      problem("expected " + expectedText + " right after the refused " + lastOp + " on line "
          + lastLine + ", found another expectation in between", FAILED);
    } else if (!(lastRefusal instanceof CspException v) || !v.code().equals(rule)) {
      problem("expected " + expectedText + ", found " + refusal(lastRefusal), FAILED);
    } else {
      out.println(name + ":" + lastLine + ": " + lastOp + " refused as expected: " + v.getMessage());
    }
  }

  /** An expectation: its text and how to find what holds; found() returns null when it holds. */
  private static final class Check {
    final String expected;
    final java.util.function.Supplier<String> finder;

    Check(String expected, java.util.function.Supplier<String> finder) {
      this.expected = expected;
      this.finder = finder;
    }

    String found() {
      return finder.get();
    }
  }

  private Check parseExpectation(String what, Words w) {
    switch (what) {
      case "agreement-ends": {
        String v = w.next("a date or none");
        if (!v.equals("none")) {
          Words.parseDate(v, "a date or none");
        }
        return new Check("agreement-ends " + v, () -> {
          Optional<Agreement> a = partner().agreement();
          if (a.isEmpty()) {
            return "no accepted agreement";
          }
          Optional<LocalDate> actual = a.get().endDate();
          String shown = actual.map(LocalDate::toString).orElse("none");
          return shown.equals(v) ? null : shown;
        });
      }
      case "agreement": {
        w.keyword("on");
        LocalDate on = w.date("a date");
        String state = w.oneOf("in-force", "not-in-force");
        return new Check("agreement on " + on + " " + state, () -> {
          boolean inForce = partner().agreement().map(a -> a.isInForce(on)).orElse(false);
          String actual = inForce ? "in-force" : "not-in-force";
          return actual.equals(state) ? null
              : actual + (partner().agreement().isEmpty() ? " (no accepted agreement)" : "");
        });
      }
      case "price":
        return expectPrice(w);
      case "quote": {
        LocalDate on = w.date("a date");
        w.keyword("add-seats");
        String sub = w.name("a subscription");
        int seats = w.count("a number of seats");
        String amount = w.amountText("an amount");
        CurrencyUnit cur = w.currency();
        long minor = Words.amount(amount, cur, "an amount");
        String exp = "quote " + on + " add-seats " + sub + " " + seats + " " + money(minor, cur);
        return new Check(exp, () -> {
          SubscriptionEvent e = partner().quoteAddSeats(Request.of(admin(), on), sub, seats);
          String actual = money(e.chargeMinor(), e.currency());
          return e.chargeMinor() == minor && e.currency().equals(cur) ? null
              : actual + " (" + e.formula() + ")";
        });
      }
      case "seats": {
        String sub = w.name("a subscription");
        int seats = w.count("a number of seats");
        return new Check("seats " + sub + " " + seats, () -> {
          Subscription s = view(sub);
          return s == null ? "no subscription " + sub : s.seats() == seats ? null
              : s.seats() + " seats";
        });
      }
      case "status": {
        String sub = w.name("a subscription");
        String st = w.oneOf("active", "suspended", "ended");
        return new Check("status " + sub + " " + st, () -> {
          Subscription s = view(sub);
          if (s == null) {
            return "no subscription " + sub;
          }
          String actual = s.status().name().toLowerCase(Locale.ROOT);
          return actual.equals(st) ? null : actual;
        });
      }
      case "term-end": {
        String sub = w.name("a subscription");
        LocalDate end = w.date("a date");
        return new Check("term-end " + sub + " " + end, () -> {
          Subscription s = view(sub);
          if (s == null) {
            return "no subscription " + sub;
          }
          LocalDate last = s.term().lastDay();
          return last.equals(end) ? null : last.toString();
        });
      }
      case "bill":
      case "cost": {
        String customer = w.name("a customer");
        YearMonth month = w.month("a month");
        String amount = w.amountText("an amount");
        CurrencyUnit cur = w.currency();
        long minor = Words.amount(amount, cur, "an amount");
        boolean cost = what.equals("cost");
        return new Check(what + " " + customer + " " + month + " " + money(minor, cur), () -> {
          if (partner().customer(customer).isEmpty()) {
            return "no customer " + customer;
          }
          Optional<Bill> b = partner().bill(customer, month);
          if (b.isEmpty()) {
            YearMonth first = firstBillMonth(customer);
            if (month.isBefore(first)) {
              return "no bill of " + customer + " for " + month + ": it will never be issued ("
                  + customer + " was created on " + partner().customer(customer).get().createdOn()
                  + "; its first bill is for " + first + ")";
            }
            return "no bill of " + customer + " for " + month + ": it has not been issued yet"
                + (issuedThrough == null ? "" : " (bills are issued through the end of "
                + issuedThrough + ")");
          }
          long actual = cost ? b.get().costMinor() : b.get().totalMinor();
          return actual == minor && b.get().currency().equals(cur) ? null
              : money(actual, b.get().currency());
        });
      }
      case "billed": {
        String customer = w.name("a customer");
        YearMonth from = w.month("a first month");
        YearMonth to = w.month("a last month");
        if (to.isBefore(from)) {
          throw expected("a last month on or after " + from, to.toString());
        }
        String amount = w.amountText("an amount");
        CurrencyUnit cur = w.currency();
        long minor = Words.amount(amount, cur, "an amount");
        return new Check("billed " + customer + " " + from + " " + to + " " + money(minor, cur), () -> {
          if (partner().customer(customer).isEmpty()) {
            return "no customer " + customer;
          }
          Optional<BillingAccount> a = partner().billingAccount(customer);
          if (a.isPresent() && !YearMonth.from(a.get().nextPeriodStart()).isAfter(to)) {
            return "the bill of " + customer + " for " + YearMonth.from(a.get().nextPeriodStart())
                + " has not been issued yet";
          }
          long sum = 0;
          CurrencyUnit c = cur;
          for (Bill b : partner().bills(customer)) {
            if (!b.month().isBefore(from) && !b.month().isAfter(to)) {
              sum = Math.addExact(sum, b.totalMinor());
              c = b.currency();
            }
          }
          return sum == minor && c.equals(cur) ? null : money(sum, c);
        });
      }
      default:
        throw expected("an expectation (refused, agreement-ends, agreement, price, quote, seats,"
            + " status, term-end, bill, cost, billed)", Words.show(what));
    }
  }

  private Check expectPrice(Words w) {
    String sku = w.name("a SKU");
    w.keyword("market");
    String market = w.name("a market");
    w.keyword("on");
    LocalDate on = w.date("a date");
    w.keyword("known");
    LocalDate known = w.date("a known date");
    if (today == null || known.isAfter(today)) {
      throw expected("a known date on or before the current date "
          + (today == null ? "(there is no dated line yet)" : today.toString()), known.toString());
    }
    String head = "price " + sku + " market " + market + " on " + on + " known " + known + " ";
    if ("not-published".equals(w.peek())) {
      w.next("not-published");
      w.keyword("due");
      LocalDate due = w.date("a due date");
      return new Check(head + "not-published due " + due, () -> {
        Set<CurrencyUnit> currencies = marketCurrencies.getOrDefault(market, Set.of(MinorUnits.USD));
        for (CurrencyUnit cur : currencies) {
          PriceQuote q = partner().priceQuote(Request.of(admin(), known), sku, market, cur, on);
          if (q.status() != PriceQuote.Status.NOT_YET_PUBLISHED) {
            return describe(q);
          }
          if (!q.publishBy().equals(due)) {
            return "not-published due " + q.publishBy();
          }
        }
        return null;
      });
    }
    String amount = w.amountText("an amount or not-published");
    CurrencyUnit cur = w.currency();
    long minor = Words.amount(amount, cur, "an amount");
    return new Check(head + money(minor, cur), () -> {
      PriceQuote q = partner().priceQuote(Request.of(admin(), known), sku, market, cur, on);
      return q.isPublished() && q.priceMinor() == minor ? null : describe(q);
    });
  }

  private static String describe(PriceQuote q) {
    return switch (q.status()) {
      case PUBLISHED -> money(q.priceMinor(), q.currency()) + " (list " + q.listId().orElse("?") + ")";
      case NOT_LISTED -> "list " + q.listId().orElse("?") + " known, without " + q.sku();
      default -> "not-published due " + q.publishBy() + " (" + q.currency().getCurrencyCode() + ")";
    };
  }

  /** @return the month of a customer's first bill, issued or not (BIL-1: none before it) */
  private YearMonth firstBillMonth(String customer) {
    List<Bill> bills = partner().bills(customer);
    if (!bills.isEmpty()) {
      return bills.get(0).month();
    }
    return partner().billingAccount(customer).map(a -> YearMonth.from(a.nextPeriodStart()))
        .orElseGet(() -> {
          Customer c = partner().customer(customer).orElseThrow();
          return YearMonth.from(c.billing().firstPeriodFrom(c.createdOn()).start());
        });
  }

  /** @return the subscription as of the current date: rolled through any term end (SUB-7) */
  private Subscription view(String id) {
    CspPartner p = partner();
    return (today == null ? p.subscription(id) : p.subscription(id, today)).orElse(null);
  }

  // ------------------------------------------------------------------ helpers

  private static String money(long minor, CurrencyUnit cur) {
    return MinorUnits.format(minor, cur) + " " + cur.getCurrencyCode();
  }

  private static String refusal(Throwable e) {
    if (e instanceof RuleViolation v) {
      return "refused " + v.rule() + ": " + v.reason();
    }
    if (e instanceof CspException c) {
      return "refused " + c.getMessage(); // "CODE: reason"
    }
    return "refused: " + describe(e);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static Map<String, Integer> arity(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return m;
  }

  /**
   * Decodes UTF-8 and refuses malformed bytes, like an {@link java.io.InputStreamReader} with
   * {@link CodingErrorAction#REPORT}, but delivers every character before the malformed bytes
   * first and throws only on the next read. (An InputStreamReader drops the characters it decoded
   * in the same read, so the error seemed to be on the first line of an 8 KiB block.) Reads must
   * ask for at least two characters.
   */
  private static final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean eof;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      CharBuffer chars = CharBuffer.wrap(cbuf, off, len);
      while (true) {
        if (pending != null) {
          if (chars.position() > off) {
            return chars.position() - off;
          }
          throw pending;
        }
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (result.isError()) {
          pending = result.isMalformed() ? new MalformedInputException(result.length())
              : new UnmappableCharacterException(result.length());
          continue;
        }
        if (chars.position() > off) {
          return chars.position() - off;
        }
        if (eof) {
          decoder.flush(chars);
          return chars.position() > off ? chars.position() - off : -1;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }

  /** Reads lines of at most {@link #MAX_LINE} characters, without holding a longer one. */
  private static final class LineReader {
    private final Reader in;
    private final char[] buf = new char[8192];
    private int len;
    private int pos;
    private final StringBuilder line = new StringBuilder(128);
    private boolean truncated;

    LineReader(Reader in) {
      this.in = in;
    }

    boolean truncated() {
      return truncated;
    }

    String next() throws IOException {
      line.setLength(0);
      truncated = false;
      boolean any = false;
      while (true) {
        if (pos == len) {
          len = in.read(buf, 0, buf.length);
          pos = 0;
          if (len <= 0) {
            len = 0;
            return any ? line.toString() : null;
          }
        }
        any = true;
        int start = pos;
        while (pos < len && buf[pos] != '\n') {
          pos++;
        }
        int n = pos - start;
        if (line.length() + n > MAX_LINE) {
          truncated = true;
          n = Math.max(0, MAX_LINE - line.length());
        }
        line.append(buf, start, n);
        if (pos < len) {
          pos++;
          return line.toString();
        }
      }
    }
  }
}
