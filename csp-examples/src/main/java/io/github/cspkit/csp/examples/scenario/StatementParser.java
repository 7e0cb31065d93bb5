package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;

import io.github.cspkit.csp.access.PartnerKind;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.SuspendedAccess;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.examples.scenario.Operation.MovedSeats;
import io.github.cspkit.csp.examples.scenario.Operation.NextTerm;
import io.github.cspkit.csp.examples.scenario.Operation.PriceEntry;
import io.github.cspkit.csp.examples.scenario.Statement.ActingAs;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.money.CurrencyUnit;

/**
 * Reads the statements of SCENARIOS.md, setup and dated, into {@link Statement} values: every word
 * is checked here, with an exact "expected …, found …" message ({@link ScenarioSyntaxException}),
 * before anything runs. It remembers the SKUs declared so far, which {@code upgrades-to} names.
 */
final class StatementParser {
  private static final Map<String, Integer> SKU_CLAUSES = arity("family", 1, "segment", 1,
      "addon-of", 1, "suspended-access", 1, "max-seats", 1, "trial", 0, "upgrades-to", 1);
  private static final Map<String, Integer> CUSTOMER_CLAUSES = arity("market", 1, "segment", 1,
      "billing-day", 1, "currency", 1, "tenant", 1, "verified", 0);
  private static final Map<String, Integer> ORDER_CLAUSES = arity("seats", 1, "as", 1, "term", 1,
      "plan", 1);
  private static final Map<String, Integer> SEATS_AS = arity("seats", 1, "as", 1);
  private static final Map<String, Integer> LIST_CLAUSES = arity("market", 1, "currency", 1,
      "effective", 1);
  private static final Map<String, Integer> NEXT_TERM = arity("seats", 1, "term", 1, "plan", 1,
      "sku", 1);
  private static final Map<String, Integer> GDAP_CLAUSES = arity("as", 1, "roles", 1, "groups", 1,
      "duration", 1, "auto-extend", 0);

  /** The SKUs declared so far: {@code upgrades-to} may name only those. */
  private final Set<String> skus = new HashSet<>();

  // ------------------------------------------------------------------ setup

  /**
   * @param first the statement's first word, not a date and not {@code expect}
   * @param w the rest of the line
   * @return the setup statement
   */
  Statement setup(String first, Words w) {
    Statement s = switch (first) {
      case "partner" -> partner(w);
      case "sku" -> sku(w);
      case "markup" -> markup(w);
      case "timing" -> timing(w);
      case "program" -> program(w);
      case "security-group" -> securityGroup(w);
      case "role" -> role(w);
      case "map-sku" -> mapSku(w);
      default -> throw expected("a statement (partner, sku, markup, timing, program, security-group,"
          + " role, map-sku, expect, or a dated line such as 2025-02-10 order …)", Words.show(first));
    };
    w.end();
    return s;
  }

  private static Statement partner(Words w) {
    String id = w.name("a partner");
    String kind = w.oneOf("csp", "non-csp");
    return new Statement.PartnerSetup(id, kind.equals("csp") ? PartnerKind.CSP : PartnerKind.NON_CSP);
  }

  private Statement sku(Words w) {
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
    List<String> upgrades = List.of();
    String targets = c.optional("upgrades-to");
    if (targets != null) {
      upgrades = Words.names(targets, "an upgrade target SKU");
      for (String t : upgrades) {
        if (t.equals(id)) {
          throw expected("upgrade targets other than " + id + " itself", Words.show(t));
        }
        if (!skus.contains(t)) {
          throw expected("an upgrade target declared by an earlier sku line", Words.show(t));
        }
      }
    }
    Sku sku;
    try {
      sku = b.build();
    } catch (RuntimeException e) {
      throw expected("a valid SKU", ScenarioRunner.describe(e));
    }
    skus.add(id);
    return new Statement.SkuSetup(sku, upgrades);
  }

  private static Statement markup(Words w) {
    BigDecimal percent = w.decimal("a markup percent");
    Optional<String> customer = Optional.empty();
    if (w.hasNext()) {
      w.keyword("for");
      customer = Optional.of(w.name("a customer"));
    }
    return new Statement.MarkupSetup(percent, customer);
  }

  private static Statement timing(Words w) {
    String t = w.oneOf("in-advance", "in-arrears");
    return new Statement.TimingSetup(t.equals("in-advance") ? BillingTiming.IN_ADVANCE
        : BillingTiming.IN_ARREARS);
  }

  private static Statement program(Words w) {
    String p = w.oneOf("seed", "current");
    return new Statement.ProgramSetup(p.equals("seed") ? Statement.Program.SEED
        : Statement.Program.CURRENT);
  }

  private static Statement securityGroup(Words w) {
    String group = w.name("a security group");
    Clauses c = Clauses.read(w, arity("users", 1), null);
    return new Statement.SecurityGroupSetup(group,
        Words.names(c.require("users", "users USER[,USER...]"), "a user"));
  }

  private static Statement role(Words w) {
    String role = w.name("a role");
    Clauses c = Clauses.read(w, arity("tasks", 1), null);
    return new Statement.RoleSetup(role,
        Words.names(c.require("tasks", "tasks TASK[,TASK...]"), "a task"));
  }

  private static Statement mapSku(Words w) {
    String sku = w.name("a SKU");
    String key = w.next("a Partner Center key PRODUCTID:SKUID");
    int colon = key.indexOf(':');
    if (colon < 0 || key.indexOf(':', colon + 1) >= 0) {
      throw expected("a Partner Center key PRODUCTID:SKUID", Words.show(key));
    }
    return new Statement.MapSkuSetup(sku, Words.checkName(key.substring(0, colon), "a ProductId"),
        Words.checkName(key.substring(colon + 1), "a SkuId"));
  }

  // ------------------------------------------------------------------ dated statements

  /**
   * @param date the line's date, already read
   * @param w the rest of the line: {@code [as ACTOR] OPERATION ...}
   * @return the dated statement
   */
  Statement.Dated dated(LocalDate date, Words w) {
    ActingAs actor = new ActingAs.Unnamed();
    if ("as".equals(w.peek())) {
      w.next("as");
      actor = switch (w.oneOf("partner", "customer", "user")) {
        case "partner" -> new ActingAs.Partner();
        case "customer" -> new ActingAs.Customer(w.name("a customer"));
        default -> new ActingAs.User(w.name("a user"));
      };
    }
    Operation operation = operation(w.next("an operation"), w);
    w.end();
    return new Statement.Dated(date, actor, operation);
  }

  private static Operation operation(String op, Words w) {
    switch (op) {
      case "advance":
        return new Operation.Advance();
      case "accept-agreement":
        return new Operation.AcceptAgreement();
      case "notice":
        return new Operation.Notice(NoticeChannel.parse(w.oneOf("written", "email", "phone")));
      case "publish-price-list":
        return publishPriceList(w);
      case "create-customer":
        return createCustomer(w);
      case "order":
        return order(w);
      case "convert-trial":
      case "order-addon": {
        String first = op.equals("order-addon") ? w.name("a base subscription") : w.name("a customer");
        String sku = w.name("a SKU");
        Clauses c = Clauses.read(w, SEATS_AS, null);
        int seats = Words.parseCount(c.require("seats", "seats N"), "seats N");
        String sub = Words.checkName(c.require("as", "as SUB"), "a subscription");
        return op.equals("order-addon") ? new Operation.OrderAddon(first, sku, seats, sub)
            : new Operation.ConvertTrial(first, sku, seats, sub);
      }
      case "add-seats":
      case "remove-seats": {
        String sub = w.name("a subscription");
        int n = w.count("a number of seats");
        return op.equals("add-seats") ? new Operation.AddSeats(sub, n)
            : new Operation.RemoveSeats(sub, n);
      }
      case "suspend":
        return new Operation.Suspend(w.name("a subscription"));
      case "reactivate":
        return new Operation.Reactivate(w.name("a subscription"));
      case "cancel":
        return new Operation.Cancel(w.name("a subscription"));
      case "auto-renew": {
        String sub = w.name("a subscription");
        return new Operation.AutoRenew(sub, w.oneOf("on", "off").equals("on"));
      }
      case "remove-delegated-admin":
        return new Operation.RemoveDelegatedAdmin(w.name("a customer"));
      case "service": {
        String customer = w.name("a customer");
        String service = w.name("a service");
        String amount = w.amountText("an amount");
        Recurrence recurrence = w.oneOf("monthly", "once").equals("monthly") ? Recurrence.MONTHLY
            : Recurrence.ONCE;
        return new Operation.Service(customer, service, amount, recurrence);
      }
      case "financing":
        return financing(w);
      case "schedule": {
        String sub = w.name("a subscription");
        return new Operation.Schedule(sub, nextTerm(Clauses.read(w, NEXT_TERM, null)));
      }
      case "upgrade":
        return upgrade(w);
      case "terminate-agreement": {
        Clauses c = Clauses.read(w, arity("effective", 1), null);
        return new Operation.TerminateAgreement(
            Words.parseDate(c.require("effective", "effective DATE"), "an effective date"));
      }
      case "gdap-request":
        return gdapRequest(w);
      case "gdap-approve":
        return new Operation.GdapApprove(w.name("a GDAP relationship"));
      case "gdap-terminate":
        return new Operation.GdapTerminate(w.name("a GDAP relationship"));
      case "administer": {
        String customer = w.name("a customer");
        return new Operation.Administer(customer, w.name("a task"));
      }
      case "import-price-list": {
        String file = Words.checkPath(w.next("a file path"), "a price list file");
        Clauses c = Clauses.read(w, arity("published", 1), null);
        return new Operation.ImportPriceList(file,
            Words.parseDate(c.require("published", "published DATE"), "a publication date"));
      }
      default:
        throw expected("an operation (accept-agreement, notice, publish-price-list, create-customer,"
            + " order, order-addon, convert-trial, add-seats, remove-seats, suspend, reactivate,"
            + " cancel, auto-renew, remove-delegated-admin, service, financing, advance, schedule,"
            + " upgrade, terminate-agreement, gdap-request, gdap-approve, gdap-terminate, administer,"
            + " import-price-list)", Words.show(op));
    }
  }

  private static Operation publishPriceList(Words w) {
    String id = w.name("a price list");
    List<String> pairs = new ArrayList<>();
    Clauses c = Clauses.read(w, LIST_CLAUSES, pairs::add);
    String market = Words.checkName(c.require("market", "market MARKET"), "a market");
    CurrencyUnit currency = Words.parseCurrency(c.require("currency", "currency CUR"));
    LocalDate effective = Words.parseDate(c.require("effective", "effective DATE"), "an effective date");
    if (pairs.isEmpty()) {
      throw expected("at least one SKU=PRICE", "end of line without one");
    }
    Map<TermOffer, PriceEntry> prices = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String key = pair.substring(0, eq);
      boolean row = key.indexOf('/') >= 0;
      TermOffer offer = row ? offer(key) : TermOffer.annual(Words.checkName(key, "a SKU"));
      String text = pair.substring(eq + 1);
      if (text.startsWith("-")) {
        throw expected("a price of at least 0 for " + key, Words.show(text));
      }
      long minor = Words.amount(text, currency, "a price for " + key);
      if (prices.put(offer, new PriceEntry(offer, minor)) != null) {
        throw row ? expected("each SKU/TERM/PLAN once on the list", "a second price for " + offer)
            : expected("each SKU once on the list", "a second price for " + key);
      }
    }
    return new Operation.PublishPriceList(id, market, currency, effective,
        List.copyOf(prices.values()));
  }

  /** @return {@code SKU/TERM/PLAN} read, its plan fitting its term (NCE-1) */
  private static TermOffer offer(String key) {
    String[] parts = key.split("/", -1);
    if (parts.length != 3) {
      throw expected("SKU=PRICE or SKU/TERM/PLAN=PRICE", Words.show(key));
    }
    String sku = Words.checkName(parts[0], "a SKU");
    TermLength term = term(parts[1]);
    BillingPlan plan = plan(parts[2]);
    if (!plan.fits(term)) {
      throw expected("a billing plan that fits a " + term.code() + " term ("
          + (term == TermLength.P1M ? "monthly" : term == TermLength.P1Y ? "monthly or annual"
          : "monthly, annual or triennial") + ")", Words.show(key));
    }
    return TermOffer.of(sku, term, plan);
  }

  private static Operation createCustomer(Words w) {
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
    return new Operation.CreateCustomer(id, market, segment, day, currency, origin,
        c.has("verified"));
  }

  private static Operation order(Words w) {
    String customer = w.name("a customer");
    String sku = w.name("a SKU");
    Clauses c = Clauses.read(w, ORDER_CLAUSES, null);
    int seats = Words.parseCount(c.require("seats", "seats N"), "seats N");
    String sub = Words.checkName(c.require("as", "as SUB"), "a subscription");
    Optional<TermLength> term = Optional.ofNullable(c.optional("term")).map(StatementParser::term);
    Optional<BillingPlan> plan = Optional.ofNullable(c.optional("plan")).map(StatementParser::plan);
    return new Operation.Order(customer, sku, seats, sub, term, plan);
  }

  private static Operation financing(Words w) {
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
    return new Operation.Financing(customer, plan);
  }

  /**
   * @param c the clauses {@code seats}, {@code term}, {@code plan}, {@code sku}
   * @return the changes they name, at least one
   */
  static NextTerm nextTerm(Clauses c) {
    if (!c.has("seats") && !c.has("term") && !c.has("plan") && !c.has("sku")) {
      throw expected("at least one of the clauses seats N, term TERM, plan PLAN, sku SKU",
          "end of line without one");
    }
    String seats = c.optional("seats");
    return new NextTerm(
        seats == null ? OptionalInt.empty() : OptionalInt.of(Words.parseCount(seats, "seats N")),
        Optional.ofNullable(c.optional("term")).map(StatementParser::term),
        Optional.ofNullable(c.optional("plan")).map(StatementParser::plan),
        Optional.ofNullable(c.optional("sku")).map(s -> Words.checkName(s, "a SKU")));
  }

  private static Operation upgrade(Words w) {
    String sub = w.name("a subscription");
    w.keyword("to");
    String to = w.name("a SKU");
    Clauses c = Clauses.read(w, SEATS_AS, null);
    Optional<MovedSeats> moved = Optional.empty();
    if (c.has("seats") || c.has("as")) {
      int seats = Words.parseCount(c.require("seats", "seats N"), "seats N");
      String sub2 = Words.checkName(c.require("as", "as SUB2"), "a subscription");
      if (sub2.equals(sub)) {
        throw expected("a new subscription for the moved seats, other than " + sub, Words.show(sub2));
      }
      moved = Optional.of(new MovedSeats(seats, sub2));
    }
    return new Operation.Upgrade(sub, to, moved);
  }

  private static Operation gdapRequest(Words w) {
    String customer = w.name("a customer");
    Clauses c = Clauses.read(w, GDAP_CLAUSES, null);
    String rel = Words.checkName(c.require("as", "as REL"), "a GDAP relationship");
    List<String> roles = Words.names(c.require("roles", "roles ROLE[,ROLE...]"), "a role");
    List<String> groups = Words.names(c.require("groups", "groups GROUP[,GROUP...]"),
        "a security group");
    return new Operation.GdapRequest(customer, rel, roles, groups,
        Words.parsePeriod(c.require("duration", "duration DURATION"), "a duration"),
        c.has("auto-extend"));
  }

  // ------------------------------------------------------------------ words

  static TermLength term(String word) {
    return switch (word) {
      case "P1M" -> TermLength.P1M;
      case "P1Y" -> TermLength.P1Y;
      case "P3Y" -> TermLength.P3Y;
      default -> throw expected("a term P1M|P1Y|P3Y", Words.show(word));
    };
  }

  static BillingPlan plan(String word) {
    return switch (word) {
      case "monthly" -> BillingPlan.MONTHLY;
      case "annual" -> BillingPlan.ANNUAL;
      case "triennial" -> BillingPlan.TRIENNIAL;
      default -> throw expected("a billing plan monthly|annual|triennial", Words.show(word));
    };
  }

  private static Segment segment(String s) {
    return switch (s) {
      case "commercial" -> Segment.COMMERCIAL;
      case "government" -> Segment.GOVERNMENT;
      case "education" -> Segment.EDUCATION;
      default -> throw expected("a segment commercial|government|education", Words.show(s));
    };
  }

  static Map<String, Integer> arity(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return m;
  }
}
