package io.github.cspkit.csp.hardening;

import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Right;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.HistoryOp;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;

/**
 * Interprets an {@link Op.Sequence} against a fresh in-memory partner (set up with
 * {@link CspGenerators}) and checks, after every step:
 * <ul>
 *   <li>a refusal is a {@link RuleViolation} with a rule id of DOMAIN.md, or another member of
 *       the {@link CspException} family (UNKNOWN_ID, CONFLICT, OUT_OF_RANGE) or a
 *       NullPointerException whose message names the parameter or the id; nothing else is
 *       thrown;</li>
 *   <li>a refused call, a read-only call and an idempotent replay leave the whole store as it was
 *       ({@link StoreSnapshot});</li>
 *   <li>a successful command appended exactly the events its result reports (at least one), and
 *       recorded its idempotency key;</li>
 *   <li>money is conserved ({@link Conservation}).</li>
 * </ul>
 */
final class SequenceRunner {
  /** Every rule id of /work/shared/DOMAIN.md. */
  static final Set<String> RULES = rules();

  private static final Actor ADMIN = HistoryOp.ADMIN;
  private static final Set<Op.Kind> SUBSCRIPTION_KINDS = java.util.EnumSet.of(Op.Kind.ADD_SEATS,
      Op.Kind.REMOVE_SEATS, Op.Kind.ADD_ON, Op.Kind.SUSPEND, Op.Kind.REACTIVATE, Op.Kind.CANCEL,
      Op.Kind.AUTO_RENEW, Op.Kind.QUOTE_ADD_SEATS);
  private static final String PARTNER_ID = CspGenerators.PARTNER_ID;
  private static final CurrencyUnit USD = CspGenerators.CURRENCY;
  private static final List<String> PARAMETER_NAMES = List.of("date", "seats", "key", "discountPercent",
      "parts", "billingDay", "amount", "subscriptionId", "customerId", "list", "idempotency");

  /** Counts across sequences, to show the test is not vacuous. */
  static final class Stats {
    long sequences;
    long steps;
    long successes;
    long refusals;
    long replays;
    long bills;
    long maxSpanDays;
    final Map<String, Long> refusedBy = new TreeMap<>();
    final Conservation.Tally tally = new Conservation.Tally();

    @Override
    public String toString() {
      return sequences + " sequences, " + steps + " steps: " + successes + " accepted, " + refusals
          + " refused " + refusedBy + ", " + replays + " idempotent replays, " + bills + " bills, "
          + tally.finishedTerms + " finished-term checks, " + tally.billedTerms
          + " billed-to-date checks, longest span " + maxSpanDays + " days";
    }
  }

  private record Replay(String key, String name, Supplier<Result<?>> rerun, Result<?> first) {}

  private final CspPartner p;
  private final CspStore rawStore = InMemoryStore.create();
  private final CspStore store;
  private final CspGenerators gens;
  private final boolean nightly;
  private final Stats stats;
  private final LocalDate start;
  private LocalDate cursor;
  private LocalDate billedThrough;
  private int counter;
  private final Set<String> keys = new HashSet<>();
  private final Set<String> triedSubscriptionIds = new HashSet<>();
  private final Set<String> triedCustomerIds = new HashSet<>();
  private Replay lastKeyed;

  SequenceRunner(long seed, boolean nightly, Stats stats) {
    this.p = CspGenerators.newPartner(CspPolicies.seed(), rawStore);
    this.store = rawStore.forPartner(p.partner().id());
    this.gens = CspGenerators.ofSeed(seed);
    this.nightly = nightly;
    this.stats = stats;
    this.start = gens.baseDate();
    p.acceptAgreement(Request.of(ADMIN, start));
    for (int i = 2; i <= 27; i++) {
      p.publishPriceList(Request.of(Actor.vendor(), start),
          gens.priceList(YearMonth.from(start).plusMonths(i), start));
    }
    p.createCustomer(Request.of(ADMIN, start.plusDays(1)), gens.customer("c0", TenantOrigin.NEW));
    p.createCustomer(Request.of(ADMIN, start.plusDays(2)), gens.customer("c1", TenantOrigin.DIRECT_TRIAL));
    this.cursor = start.plusMonths(2);
    this.billedThrough = start;
  }

  /** @return the entry point, for extra checks */
  CspPartner partner() {
    return p;
  }

  /**
   * Runs the ops, then issues every bill due 400 days after the last one and checks again.
   *
   * @param ops the ops
   */
  void run(List<Op> ops) {
    stats.sequences++;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      try {
        step(i, op);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("step #" + i + " " + op + " (now " + cursor + "): " + e.getMessage(), e);
      }
    }
    LocalDate end = cursor.plusDays(400);
    List<Bill> last = p.issueBills(Request.of(ADMIN, end));
    stats.bills += last.size();
    Conservation.check(store, stats.tally);
    stats.maxSpanDays = Math.max(stats.maxSpanDays, cursor.toEpochDay() - start.plusMonths(2).toEpochDay());
  }

  private void step(int index, Op op) {
    stats.steps++;
    LocalDate date;
    switch (op.kind()) {
      case ADVANCE:
        date = cursor.plusDays(1 + 4L * Math.max(0, op.days()));
        break;
      case ORDER_UNPUBLISHED:
        date = YearMonth.from(start).plusMonths(28 + op.variant()).atDay(1 + Math.floorMod(op.n(), 28));
        break;
      default:
        date = cursor.plusDays(op.days());
    }
    if (op.kind() != Op.Kind.ORDER_UNPUBLISHED && date.isAfter(cursor)) {
      cursor = date;
    }
    if (nightly && op.kind() != Op.Kind.ORDER_UNPUBLISHED && date.minusDays(1).isAfter(billedThrough)) {
      billedThrough = date.minusDays(1);
      stats.bills += p.issueBills(Request.of(ADMIN, billedThrough)).size();
      Conservation.check(store, stats.tally);
    }
    String key = "k" + index;
    Call call = call(op, date, key);
    StoreSnapshot before = snapshot();
    Object out;
    try {
      out = call.action.get();
    } catch (RuntimeException e) {
      stats.refusals++;
      checkRefusal(e, call.tokens);
      if (e instanceof RuleViolation v) {
        stats.refusedBy.merge(v.rule(), 1L, Long::sum);
      } else {
        stats.refusedBy.merge(kindOf(e), 1L, Long::sum);
        if (System.getProperty("hardening.debug") != null) {
          System.out.println("IAE " + op.kind() + ": " + e.getMessage().replaceAll("[0-9-]+", "#"));
        }
      }
      requireUnchanged(before, "refused call " + e);
      Conservation.check(store, stats.tally);
      return;
    }
    stats.successes++;
    if (call.readOnly) {
      requireUnchanged(before, "read-only call");
    } else if (call.replayOf != null) {
      stats.replays++;
      Result<?> r = (Result<?>) out;
      check(r.replayed(), "a repeated key %s is a replay", call.replayOf.key);
      requireUnchanged(before, "replay of " + call.replayOf.key);
      check(r.events().equals(call.replayOf.first.events()), "replay returns the first run's events:"
          + " %s, not %s", call.replayOf.first.events(), r.events());
      check(r.value().equals(reload(r.value())), "replay returns the aggregate as stored now");
    } else if (out instanceof Result<?> r) {
      check(!r.replayed(), "a new key %s is not a replay", key);
      StoreSnapshot after = snapshot();
      List<DomainEvent> appended = after.events().subList(before.events().size(), after.events().size());
      check(!r.events().isEmpty(), "a successful %s appends an event", call.name);
      check(appended.equals(r.events()), "the log gained exactly the result's events: %s, not %s",
          r.events(), appended);
      check(after.eventCount() == before.eventCount() + r.events().size(), "event count");
      for (DomainEvent e : r.events()) {
        check(e.commandKey().equals(p.partner().id() + ":" + key), "event %s carries the command's key %s", e, key);
      }
      check(p.events(key).equals(r.events()), "the command's events are found by its key %s", key);
      CommandRecord rec = store.read().idempotency().find(p.partner().id() + ":" + key).orElse(null);
      check(rec != null && (rec.command().equals(call.name) || rec.command().startsWith(call.name + "(")),
          "key %s is recorded for %s: %s", key, call.name, rec);
      check(r.value().equals(reload(r.value())), "the result is the aggregate as stored");
      lastKeyed = new Replay(key, call.name, call.rerun, r);
    } else if (out instanceof List<?> bills) {
      stats.bills += bills.size();
      for (Object o : bills) {
        Bill b = (Bill) o;
        check(!b.issuedOn().isAfter(date), "bill %s issued on %s, after the run's day %s", b, b.issuedOn(), date);
      }
    }
    Conservation.check(store, stats.tally);
  }

  // ------------------------------------------------------------------ calls

  private record Call(String name, Supplier<Object> action, Supplier<Result<?>> rerun,
      boolean readOnly, Replay replayOf, List<String> tokens) {}

  private Call command(String name, String key, List<String> tokens, Supplier<Result<?>> run) {
    keys.add(key);
    return new Call(name, run::get, run, false, null, withKey(tokens, key));
  }

  private static List<String> withKey(List<String> tokens, String key) {
    List<String> all = new ArrayList<>(tokens);
    all.add(key);
    return all;
  }

  private Call read(List<String> tokens, Supplier<Object> run) {
    return new Call("read", run, null, true, null, tokens);
  }

  private Call call(Op op, LocalDate date, String key) {
    List<String> customers = store.read().customers().ids();
    String customerId = pick(customers, op.target(), "ghost-customer-");
    List<Subscription> subs = subscriptions(customers);
    List<Subscription> live = subs.stream()
        .filter(s -> s.status() != io.github.cspkit.csp.subscription.SubscriptionStatus.ENDED).toList();
    List<Subscription> candidates = op.target() < 30 && !live.isEmpty() ? live : subs;
    Subscription sub = candidates.isEmpty() || op.target() >= Op.UNKNOWN_FROM ? null
        : candidates.get(op.target() % candidates.size());
    Op.Kind kind = op.kind();
    if (sub == null && op.target() < Op.UNKNOWN_FROM && SUBSCRIPTION_KINDS.contains(kind)) {
      kind = Op.Kind.ORDER; // nothing to change yet: order first
    }
    String subId = sub == null ? "ghost-sub-" + op.target() : sub.id();
    String subCustomer = sub == null ? customerId : sub.customerId();
    if (customerId.startsWith("ghost")) {
      triedCustomerIds.add(customerId);
    }
    triedSubscriptionIds.add(subId);
    String newSub = "s" + (++counter);
    triedSubscriptionIds.add(newSub);
    int n = op.n();
    int v = op.variant();
    switch (kind) {
      case ADVANCE: {
        Request r = Request.of(actor(op.who(), customerId, false), date);
        return new Call("issueBills", () -> p.issueBills(r), null, false, null, List.of());
      }
      case ORDER:
      case ORDER_UNPUBLISHED:
      case CONVERT_TRIAL: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        String sku = v <= 6 ? (v % 2 == 0 ? "O365_E3" : "O365_E5") : v == 7 ? "AUDIO_CONF"
            : v == 8 ? (n % 2 == 0 ? "INTUNE_A" : "O365_E3_GOV") : "O365_E3_TRIAL";
        String id = v == 5 && n % 4 == 0 && sub != null ? sub.id() : newSub; // an id already taken
        List<String> tokens = List.of(customerId, id, sku, date.toString());
        if (kind == Op.Kind.CONVERT_TRIAL) {
          return command("convertTrial", key, tokens, () -> p.convertTrial(r, customerId, sku, n, id));
        }
        return command("order", key, tokens, () -> p.order(r, customerId, sku, n, id));
      }
      case ADD_ON: {
        Request r = Request.of(actor(op.who(), subCustomer, false), date).withKey(key);
        String sku = v <= 6 ? "AUDIO_CONF" : v == 7 ? "O365_E3" : v == 8 ? "O365_E3_TRIAL" : "NO_SUCH_SKU";
        return command("orderAddOn", key, List.of(subId, newSub, sku, date.toString()),
            () -> p.orderAddOn(r, subId, sku, n, newSub));
      }
      case ADD_SEATS:
      case REMOVE_SEATS:
      case SUSPEND:
      case REACTIVATE:
      case CANCEL:
      case AUTO_RENEW: {
        Request r = Request.of(actor(op.who(), subCustomer, false), date).withKey(key);
        List<String> tokens = List.of(subId, subCustomer, date.toString());
        switch (kind) {
          case ADD_SEATS:
            return command("addSeats", key, tokens, () -> p.addSeats(r, subId, n));
          case REMOVE_SEATS:
            return command("removeSeats", key, tokens, () -> p.removeSeats(r, subId, n));
          case SUSPEND:
            return command("suspend", key, tokens, () -> p.suspend(r, subId));
          case REACTIVATE:
            return command("reactivate", key, tokens, () -> p.reactivate(r, subId));
          case CANCEL:
            return command("cancel", key, tokens, () -> p.cancel(r, subId));
          default:
            return command("autoRenew", key, tokens, () -> p.autoRenew(r, subId, v < 7));
        }
      }
      case QUOTE_ADD_SEATS: {
        Request r = Request.of(actor(op.who(), subCustomer, false), date);
        return read(List.of(subId, subCustomer, date.toString()), () -> p.quoteAddSeats(r, subId, n));
      }
      case QUOTE: {
        Request r = Request.of(actor(op.who(), customerId, false), date);
        LocalDate day = date.plusMonths(n % 40);
        return read(List.of(date.toString()), () -> p.priceQuote(r, "O365_E3", "US", USD, day));
      }
      case ADD_SERVICE: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        String service = v == 9 ? "svc1" : "svc" + counter;
        CurrencyUnit currency = v == 8 ? MinorUnits.EUR : USD;
        Recurrence recurrence = v % 2 == 0 ? Recurrence.MONTHLY : Recurrence.ONCE;
        long amount = 100L * n;
        return command("addService", key, List.of(customerId, service, date.toString()),
            () -> p.addService(r, customerId, service, service, MinorUnits.toAmount(amount, currency), recurrence));
      }
      case CREATE_CUSTOMER: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        String id = v == 9 ? "c0" : "n" + counter;
        triedCustomerIds.add(id);
        TenantOrigin origin = v <= 5 ? TenantOrigin.NEW : v <= 7 ? TenantOrigin.DIRECT_TRIAL : TenantOrigin.SYNDICATION;
        int day = n >= 1 && n <= 31 ? (n * 5) % 31 + 1 : n;
        CurrencyUnit currency = v == 8 && n % 2 == 0 ? MinorUnits.EUR : USD;
        NewCustomer spec = NewCustomer.builder().id(id).market("US").currency(currency).billingDay(day)
            .tenant(origin).build();
        return command("createCustomer", key, List.of(id, date.toString()), () -> p.createCustomer(r, spec));
      }
      case SET_BILLING_PROFILE: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        int day = n >= 1 && n <= 31 ? (n * 5) % 31 + 1 : n;
        CurrencyUnit currency = v == 9 ? MinorUnits.EUR : USD;
        return command("setBillingProfile", key, List.of(customerId, date.toString()),
            () -> p.setBillingProfile(r, customerId, BillingProfile.of(day, currency)));
      }
      case SET_FINANCING: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        Supplier<FinancingPlan> plan = v <= 3 ? FinancingPlan::none
            : v <= 6 ? () -> FinancingPlan.annualPrepayment(BigDecimal.valueOf(n, 1))
            : () -> FinancingPlan.instalments(n);
        return command("setFinancing", key, List.of(customerId, date.toString()),
            () -> p.setFinancing(r, customerId, plan.get()));
      }
      case PUBLISH: {
        Request r = Request.of(actor(op.who(), customerId, true), date).withKey(key);
        YearMonth month = YearMonth.from(date).plusMonths(v <= 4 ? 1 : 2);
        PriceList list = gens.priceList(month, date);
        PriceList toPublish = v == 9
            ? PriceList.builder().from(list).id("mid-" + counter).effectiveOn(month.atDay(15)).build()
            : PriceList.builder().from(list).id("P" + counter).build();
        return command("publishPriceList", key, List.of(toPublish.id(), date.toString()),
            () -> p.publishPriceList(r, toPublish));
      }
      case NOTICE: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        NoticeChannel channel = v <= 4 ? NoticeChannel.EMAIL : v <= 8 ? NoticeChannel.PHONE
            : n % 3 == 0 ? NoticeChannel.WRITTEN : NoticeChannel.EMAIL;
        return command("giveNotice", key, List.of(date.toString()), () -> p.giveNotice(r, channel));
      }
      case REMOVE_DELEGATED_ADMIN: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        return command("removeDelegatedAdmin", key, List.of(customerId), () -> p.removeDelegatedAdmin(r, customerId));
      }
      case ADMINISTER: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        return command("administerTenant", key, List.of(customerId), () -> p.administerTenant(r, customerId, "reset password"));
      }
      case CONFIGURE: {
        Request r = Request.of(actor(op.who(), customerId, false), date).withKey(key);
        return command("configureService", key, List.of(customerId), () -> p.configureService(r, customerId, "mail", "retention 30 days"));
      }
      case REPEAT: {
        Replay last = lastKeyed;
        if (last == null) {
          return read(List.of(), () -> null);
        }
        if (v >= 8) { // the same key for another command: a programming error naming the key
          Request r = Request.of(ADMIN, date).withKey(last.key);
          String c = customers.get(0);
          Supplier<Result<?>> other = last.name.equals("administerTenant")
              ? () -> p.configureService(r, c, "mail", "x") : () -> p.administerTenant(r, c, "x");
          return new Call("misuse", other::get, null, true, null, List.of(last.key));
        }
        return new Call(last.name, last.rerun::get, last.rerun, false, last, List.of(last.key));
      }
      default:
        throw new IllegalStateException(op.kind().toString());
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String pick(List<String> ids, int target, String unknownPrefix) {
    if (ids.isEmpty() || target >= Op.UNKNOWN_FROM) {
      return unknownPrefix + target;
    }
    return ids.get(target % ids.size());
  }

  private List<Subscription> subscriptions(List<String> customers) {
    List<Subscription> all = new ArrayList<>();
    for (String c : customers) {
      for (Versioned<Subscription> v : store.read().subscriptions().byCustomer(c)) {
        all.add(v.value());
      }
    }
    return all;
  }

  private static Actor actor(Op.Who who, String customerId, boolean vendorIsProper) {
    switch (who) {
      case PROPER:
        return vendorIsProper ? Actor.vendor() : ADMIN;
      case CUSTOMER_ADMIN:
        return Actor.customerAdmin(customerId);
      case CUSTOMER_USER:
        return new Actor.CustomerUser(customerId, customerId + "-user", false);
      case DISTRIBUTOR:
        return Actor.distributor("westcoast");
      case OTHER_PARTNER:
        return Actor.partnerAdmin("tailspin", "mallory");
      case NO_RIGHTS:
        return Actor.partnerUser(PARTNER_ID, "intern");
      case OWN_TENANT_ONLY:
        return Actor.partnerUser(PARTNER_ID, "it-admin", Right.OWN_TENANT_ADMIN);
      case DELEGATED_ONLY:
        return Actor.partnerUser(PARTNER_ID, "helpdesk", Right.DELEGATED_ADMIN);
      default:
        return vendorIsProper ? ADMIN : Actor.vendor();
    }
  }

  private Object reload(Object value) {
    if (value instanceof Subscription s) {
      return p.subscription(s.id()).orElse(null);
    } else if (value instanceof Customer c) {
      return p.customer(c.id()).orElse(null);
    } else if (value instanceof Agreement) {
      return p.agreement().orElse(null);
    } else if (value instanceof BillingAccount a) {
      return p.billingAccount(a.customerId()).orElse(null);
    } else if (value instanceof PriceList l) {
      return store.read().priceLists().find(l.id()).orElse(null);
    } else if (value instanceof OwnService s) {
      return store.read().bills().services(s.customerId()).stream()
          .filter(x -> x.id().equals(s.id())).findFirst().orElse(null);
    }
    throw new AssertionError("unexpected result value " + value);
  }

  private StoreSnapshot snapshot() {
    return StoreSnapshot.of(store, PARTNER_ID, triedCustomerIds, triedSubscriptionIds, keys);
  }

  private void requireUnchanged(StoreSnapshot before, String what) {
    StoreSnapshot after = snapshot();
    if (!before.equals(after)) {
      throw new AssertionError(what + " changed the store: " + before.firstDifference(after));
    }
  }

  static void checkRefusal(RuntimeException e, List<String> tokens) {
    if (e instanceof RuleViolation v) {
      check(RULES.contains(v.rule()), "refused with %s, which is not a rule id of DOMAIN.md: %s", v.rule(), v);
      check(v.reason() != null && !v.reason().isBlank(), "a refusal gives its reason: %s", v);
      return;
    }
    if (e instanceof CspException || e instanceof NullPointerException) {
      String m = e.getMessage();
      check(m != null && !m.isBlank(), "%s without a message", e);
      boolean names = tokens.stream().anyMatch(m::contains) || PARAMETER_NAMES.stream().anyMatch(m::contains);
      check(names, "%s names neither a parameter nor an id among %s", e, tokens);
      return;
    }
    throw new AssertionError("unexpected exception " + e, e);
  }

  /** @return a label for a refusal that is not a rule violation, for the statistics */
  static String kindOf(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    String what = m.contains("unknown") ? "unknown id"
        : m.contains("before the latest change") ? "before latest change"
        : m.contains("before customer") ? "before customer created"
        : m.contains("already exists") ? "duplicate id"
        : m.contains("idempotency key") ? "key reuse"
        : "other";
    return (e instanceof CspException c ? c.code() : e.getClass().getSimpleName()) + ": " + what;
  }

  static void check(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new AssertionError(String.format(template, args));
    }
  }

  private static Set<String> rules() {
    Set<String> ids = new HashSet<>();
    add(ids, "AGR", 5);
    add(ids, "PRC", 6);
    add(ids, "CAT", 5);
    add(ids, "CUS", 4);
    add(ids, "SUB", 7);
    add(ids, "BIL", 7);
    add(ids, "ACC", 5);
    add(ids, "DIS", 1);
    return Set.copyOf(ids);
  }

  private static void add(Set<String> ids, String prefix, int count) {
    for (int i = 1; i <= count; i++) {
      ids.add(prefix + "-" + i);
    }
  }
}
