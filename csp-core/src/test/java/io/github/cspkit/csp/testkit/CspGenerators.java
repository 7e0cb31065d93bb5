package io.github.cspkit.csp.testkit;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Right;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.money.CurrencyUnit;

/**
 * Framework-neutral generators of valid CSP histories and of labelled invalid operations, for
 * integrators' property-based tests (and the library's own). Every method draws from the
 * {@link RandomGenerator} given at construction, so a seed reproduces a case.
 * <p>
 * Guarantees:
 * <ul>
 *   <li>{@link #priceList} respects the 30-day notice and the monthly cadence (PRC-1, PRC-2);</li>
 *   <li>{@link #customer} draws billing days 1 to 31, often 28 to 31 (BIL-2);</li>
 *   <li>every history from {@link #history} replays through {@link #replay} without refusal: it
 *       accepts the agreement, publishes the price lists it needs, creates customers and then
 *       orders, converts trials, adds add-ons, changes seats, suspends, reactivates and cancels,
 *       each valid at its date, and ends with a bill run;</li>
 *   <li>every history from {@link #historyWithNotice} replays without refusal too, the agreement
 *       ending on the way (after its last day only winding down);</li>
 *   <li>every {@link #invalid()} operation is refused, after its valid setup, with exactly the rule
 *       it is labelled with.</li>
 * </ul>
 */
public final class CspGenerators {
  /** The partner of generated histories. */
  public static final String PARTNER_ID = "testkit";
  /** Their market. */
  public static final String MARKET = "US";
  /** Their currency. */
  public static final CurrencyUnit CURRENCY = MinorUnits.USD;
  /** A base SKU. */
  public static final Sku E3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(300).build();
  /** Another base SKU. */
  public static final Sku E5 = Sku.builder().id("O365_E5").family(ProductFamily.OFFICE_365).maxSeats(300).build();
  /** An add-on of both base SKUs. */
  public static final Sku AUDIO = Sku.builder().id("AUDIO_CONF").family(ProductFamily.OFFICE_365)
      .addAttachesTo("O365_E3", "O365_E5").maxSeats(300).build();
  /** A product not in the program (CAT-1). */
  public static final Sku INTUNE = Sku.of("INTUNE_A", ProductFamily.INTUNE);
  /** A government SKU (CAT-2). */
  public static final Sku GOV = Sku.builder().id("O365_E3_GOV").family(ProductFamily.OFFICE_365)
      .segment(Segment.GOVERNMENT).build();
  /** A trial offer (CAT-5). */
  public static final Sku TRIAL = Sku.builder().id("O365_E3_TRIAL").family(ProductFamily.OFFICE_365)
      .trial(true).build();
  /** The catalog of generated histories. */
  public static final Catalog CATALOG = Catalog.of(List.of(E3, E5, AUDIO, INTUNE, GOV, TRIAL));

  private static final Actor ADMIN = HistoryOp.ADMIN;
  private final RandomGenerator random;

  private CspGenerators(RandomGenerator random) {
    this.random = requireNonNull(random, "random");
  }

  /**
   * @param random the source of randomness
   * @return generators drawing from it
   */
  public static CspGenerators of(RandomGenerator random) {
    return new CspGenerators(random);
  }

  /**
   * @param seed a seed
   * @return generators drawing from a new {@code SplittableRandom} with that seed
   */
  public static CspGenerators ofSeed(long seed) {
    return of(new java.util.SplittableRandom(seed));
  }

  /** @return a new in-memory partner entry point with {@link #CATALOG} and the seed's policies */
  public static CspPartner newPartner() {
    return newPartner(CspPolicies.seed());
  }

  /**
   * @param policies the policies
   * @return a new in-memory partner entry point with {@link #CATALOG}
   */
  public static CspPartner newPartner(CspPolicies policies) {
    return newPartner(policies, InMemoryStore.create(policies.priceLists()));
  }

  /**
   * @param policies the policies
   * @param store the store, which the caller keeps to read what the partner stored
   * @return a new partner entry point with {@link #CATALOG} on {@code store}
   */
  public static CspPartner newPartner(CspPolicies policies, CspStore store) {
    return TestWorld.builder().partner(PARTNER_ID).catalog(CATALOG).policies(policies).store(store)
        .buildPartner();
  }

  /**
   * Replays a history the way the scenario runner does: {@link HistoryOp#replay} of
   * {@link #withBillRuns}.
   *
   * @param history the operations, dates ascending
   * @param partner the entry point
   */
  public static void replay(List<HistoryOp> history, CspPartner partner) {
    HistoryOp.replay(withBillRuns(history), partner);
  }

  /**
   * @param history operations, dates ascending
   * @return them with, before each operation dated {@code d}, a bill run issuing every bill due by
   *     the end of {@code d - 1} (when that day is later than the previous run's)
   */
  public static List<HistoryOp> withBillRuns(List<HistoryOp> history) {
    List<HistoryOp> out = new ArrayList<>(2 * history.size());
    LocalDate billedThrough = null;
    for (HistoryOp op : history) {
      LocalDate before = op.date().minusDays(1);
      if (billedThrough == null || before.isAfter(billedThrough)) {
        out.add(new HistoryOp.IssueBills(before));
        billedThrough = before;
      }
      out.add(op);
    }
    return out;
  }

  /** @return the first day of a random month from 2023 to 2030 */
  public LocalDate baseDate() {
    return YearMonth.of(2023 + random.nextInt(8), 1 + random.nextInt(12)).atDay(1);
  }

  /**
   * A price list for {@code month}, published on {@code publishedOn} (at least 30 days before the
   * month), with a random price per SKU of the catalog.
   *
   * @param month the month it covers
   * @param publishedOn its publication day
   * @return the list
   */
  public PriceList priceList(YearMonth month, LocalDate publishedOn) {
    PriceList.Builder b = PriceList.builder().id("L-" + month + "-" + publishedOn).market(MARKET)
        .currency(CURRENCY).publishedOn(publishedOn).effectiveOn(month.atDay(1));
    for (Sku s : CATALOG.skus()) {
      b.putPrices(s.id(), MinorUnits.toAmount(1_000 + random.nextInt(60_000), CURRENCY));
    }
    return b.build();
  }

  /**
   * @param id the customer id
   * @param origin its tenant's origin
   * @return a commercial customer in {@link #MARKET}, billed in {@link #CURRENCY}
   */
  public NewCustomer customer(String id, TenantOrigin origin) {
    int day = random.nextInt(3) == 0 ? 28 + random.nextInt(4) : 1 + random.nextInt(31);
    return NewCustomer.builder().id(id).market(MARKET).currency(CURRENCY).billingDay(day)
        .tenant(origin).build();
  }

  /**
   * A valid history: the agreement, 15 months of price lists, {@code customers} customers and
   * about {@code operations} subscription operations over eleven months, then a bill run.
   *
   * @param customers customers, at least 1
   * @param operations subscription operations
   * @return the operations, dates ascending
   */
  public List<HistoryOp> history(int customers, int operations) {
    Model m = new Model(Math.max(1, customers));
    LocalDate last = m.start.plusMonths(2);
    for (LocalDate d : sortedDates(last, 330, operations)) {
      m.step(d);
      last = d;
    }
    m.ops.add(new HistoryOp.IssueBills(last.plusDays(40)));
    return m.ops;
  }

  /**
   * A valid history in which the partner gives written notice (AGR-3) on a random day: the
   * agreement, five years of price lists, {@code customers} customers and about {@code operations}
   * operations over some thirty months. Before the agreement's last day any operation; after it
   * only winding down: cancel, suspend, remove seats, auto-renewal off (AGR-1). It ends with a bill
   * run two years after the agreement's last day, when every term has ended.
   *
   * @param customers customers, at least 1
   * @param operations operations
   * @return the operations, dates ascending
   */
  public List<HistoryOp> historyWithNotice(int customers, int operations) {
    return new NoticeHistories(this, random).build(Math.max(1, customers), operations);
  }

  /** @return an invalid operation, after a valid setup, labelled with the rule that refuses it */
  public LabelledOp invalid() {
    Model m = new Model(2);
    LocalDate d = m.start.plusMonths(2);
    for (LocalDate day : sortedDates(d, 60, random.nextInt(6))) {
      m.step(day);
      d = day;
    }
    d = d.plusDays(1);
    String c = m.customers.get(0);
    switch (random.nextInt(20)) {
      case 0: {
        Sub s = m.activeOrOrder(d);
        return m.label(new HistoryOp.AddSeats(d, Actor.customerAdmin(s.customer), s.id, 1), "SUB-6");
      }
      case 1:
        return m.label(new HistoryOp.Order(d, ADMIN, c, "O365_E3", random.nextBoolean() ? 0 : 301, "X"), "SUB-1");
      case 2:
        return m.label(new HistoryOp.Order(d, ADMIN, c, INTUNE.id(), 1, "X"), "CAT-1");
      case 3:
        return m.label(new HistoryOp.Order(d, ADMIN, c, TRIAL.id(), 1, "X"), "CAT-5");
      case 4:
        return m.label(new HistoryOp.Order(d, ADMIN, c, GOV.id(), 1, "X"), "CAT-2");
      case 5: {
        Sub s = m.activeOrOrder(d);
        m.add(new HistoryOp.Suspend(d, ADMIN, s.id));
        s.status = 1;
        return m.label(new HistoryOp.OrderAddOn(d, ADMIN, s.id, AUDIO.id(), 1, "X"), "CAT-3");
      }
      case 6: {
        m.add(new HistoryOp.CreateCustomer(d, ADMIN, customer("synd", TenantOrigin.SYNDICATION)));
        return m.label(new HistoryOp.Order(d, ADMIN, "synd", "O365_E3", 1, "X"), "CUS-2");
      }
      case 7: {
        m.add(new HistoryOp.CreateCustomer(d, ADMIN, customer("plain", TenantOrigin.NEW)));
        return m.label(new HistoryOp.ConvertTrial(d, ADMIN, "plain", "O365_E3", 1, "X"), "CUS-3");
      }
      case 8: {
        Sub s = m.activeOrOrder(d);
        return m.label(new HistoryOp.Reactivate(d, ADMIN, s.id), "SUB-7");
      }
      case 9: {
        Sub s = m.activeOrOrder(d);
        return m.label(new HistoryOp.RemoveSeats(d, ADMIN, s.id, s.seats), "SUB-7");
      }
      case 10: {
        Sub s = m.activeOrOrder(d);
        m.add(new HistoryOp.Suspend(d, ADMIN, s.id));
        s.status = 1;
        return m.label(new HistoryOp.Suspend(d, ADMIN, s.id), "SUB-4");
      }
      case 11: {
        Sub s = m.activeOrOrder(d);
        m.add(new HistoryOp.Cancel(d, ADMIN, s.id));
        s.status = 2;
        return m.label(new HistoryOp.Cancel(d, ADMIN, s.id), "SUB-5");
      }
      case 12:
        return m.label(new HistoryOp.GiveNotice(d, ADMIN,
            random.nextBoolean() ? NoticeChannel.EMAIL : NoticeChannel.PHONE), "AGR-4");
      case 13: {
        m.add(new HistoryOp.GiveNotice(d, ADMIN, NoticeChannel.WRITTEN));
        return m.label(new HistoryOp.Order(d.plusYears(3), ADMIN, c, "O365_E3", 1, "X"), "AGR-1");
      }
      case 14:
        return m.label(new HistoryOp.Order(m.start.plusMonths(16).plusDays(random.nextInt(200)),
            ADMIN, c, "O365_E3", 1, "X"), "PRC-3");
      case 15: {
        YearMonth month = YearMonth.from(d).plusMonths(1);
        LocalDate late = month.atDay(1).minusDays(1 + random.nextInt(29));
        LocalDate when = late.isBefore(d) ? d : late;
        PriceList list = priceList(YearMonth.from(when.plusDays(29)).plusMonths(0), when);
        if (!list.effectiveOn().isAfter(when)) {
          list = priceList(YearMonth.from(when).plusMonths(1), when);
        }
        return m.label(new HistoryOp.Publish(when, Actor.vendor(), list), "PRC-2");
      }
      case 16:
        return m.label(new HistoryOp.RemoveDelegatedAdmin(d, Actor.customerAdmin(c), c), "ACC-2");
      case 17:
        return m.label(new HistoryOp.Order(d, Actor.distributor("westcoast"), c, "O365_E3", 1, "X"), "DIS-1");
      case 18:
        return m.label(new HistoryOp.CreateCustomer(d, ADMIN, NewCustomer.builder().id("eur")
            .market(MARKET).currency(MinorUnits.EUR).build()), "BIL-2");
      default:
        return m.label(new HistoryOp.Order(d, Actor.partnerUser(PARTNER_ID, "owner",
            Right.OWN_TENANT_ADMIN), c, "O365_E3", 1, "X"), "ACC-3");
    }
  }

  private List<LocalDate> sortedDates(LocalDate from, int spanDays, int count) {
    List<LocalDate> dates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      dates.add(from.plusDays(random.nextInt(spanDays)));
    }
    dates.sort(null);
    return dates;
  }

  /** A subscription as the generator tracks it. */
  private static final class Sub {
    final String id;
    final String customer;
    final String baseId;
    int seats;
    int status; // 0 active, 1 suspended, 2 ended

    Sub(String id, String customer, String baseId, int seats) {
      this.id = id;
      this.customer = customer;
      this.baseId = baseId;
      this.seats = seats;
    }
  }

  /** The generator's model of the partner's state, so each operation is valid at its date. */
  private final class Model {
    final List<HistoryOp> ops = new ArrayList<>();
    final List<String> customers = new ArrayList<>();
    final Map<String, Boolean> trials = new LinkedHashMap<>();
    final Map<String, Sub> subs = new LinkedHashMap<>();
    final LocalDate start = baseDate();
    int services;

    Model(int customerCount) {
      ops.add(new HistoryOp.AcceptAgreement(start, ADMIN));
      for (int i = 2; i <= 15; i++) {
        YearMonth month = YearMonth.from(start).plusMonths(i);
        ops.add(new HistoryOp.Publish(start, Actor.vendor(), priceList(month, start)));
      }
      for (int i = 0; i < customerCount; i++) {
        String id = "c" + i;
        boolean trial = random.nextInt(4) == 0;
        ops.add(new HistoryOp.CreateCustomer(start.plusDays(1 + i % 20), ADMIN,
            customer(id, trial ? TenantOrigin.DIRECT_TRIAL : TenantOrigin.NEW)));
        customers.add(id);
        trials.put(id, trial);
      }
      ops.sort(java.util.Comparator.comparing(HistoryOp::date));
    }

    void add(HistoryOp op) {
      ops.add(op);
    }

    LabelledOp label(HistoryOp op, String rule) {
      return new LabelledOp(ops, op, rule);
    }

    Sub activeOrOrder(LocalDate d) {
      for (Sub s : subs.values()) {
        if (s.status == 0 && s.baseId == null && s.seats >= 2) {
          return s;
        }
      }
      return order(d);
    }

    Sub order(LocalDate d) {
      String c = customers.get(random.nextInt(customers.size()));
      String id = "s" + subs.size();
      int seats = 2 + random.nextInt(40);
      String sku = random.nextBoolean() ? E3.id() : E5.id();
      if (trials.get(c) && random.nextBoolean()) {
        ops.add(new HistoryOp.ConvertTrial(d, ADMIN, c, sku, seats, id));
        trials.put(c, false);
      } else {
        ops.add(new HistoryOp.Order(d, ADMIN, c, sku, seats, id));
      }
      Sub s = new Sub(id, c, null, seats);
      subs.put(id, s);
      return s;
    }

    void step(LocalDate d) {
      List<Sub> active = new ArrayList<>();
      List<Sub> suspended = new ArrayList<>();
      for (Sub s : subs.values()) {
        (s.status == 0 ? active : s.status == 1 ? suspended : new ArrayList<Sub>()).add(s);
      }
      int pick = random.nextInt(10);
      if (active.isEmpty() || pick == 0) {
        order(d);
        return;
      }
      Sub s = active.get(random.nextInt(active.size()));
      switch (pick) {
        case 1: {
          List<Sub> bases = active.stream().filter(x -> x.baseId == null).toList();
          if (bases.isEmpty()) {
            order(d);
            return;
          }
          Sub base = bases.get(random.nextInt(bases.size()));
          String id = "s" + subs.size();
          int seats = 1 + random.nextInt(10);
          ops.add(new HistoryOp.OrderAddOn(d, ADMIN, base.id, AUDIO.id(), seats, id));
          subs.put(id, new Sub(id, base.customer, base.id, seats));
          return;
        }
        case 2:
        case 3: {
          int n = 1 + random.nextInt(Math.max(1, Math.min(20, 300 - s.seats)));
          if (s.seats + n > 300) {
            return;
          }
          ops.add(new HistoryOp.AddSeats(d, ADMIN, s.id, n));
          s.seats += n;
          return;
        }
        case 4: {
          if (s.seats < 2) {
            return;
          }
          int n = 1 + random.nextInt(s.seats - 1);
          ops.add(new HistoryOp.RemoveSeats(d, ADMIN, s.id, n));
          s.seats -= n;
          return;
        }
        case 5:
          ops.add(new HistoryOp.Suspend(d, ADMIN, s.id));
          s.status = 1;
          return;
        case 6:
          if (!suspended.isEmpty()) {
            Sub r = suspended.get(random.nextInt(suspended.size()));
            ops.add(new HistoryOp.Reactivate(d, ADMIN, r.id));
            r.status = 0;
          }
          return;
        case 7:
          ops.add(new HistoryOp.Cancel(d, ADMIN, s.id));
          s.status = 2;
          for (Sub a : subs.values()) {
            if (s.id.equals(a.baseId)) {
              a.status = 2;
            }
          }
          return;
        case 8:
          ops.add(new HistoryOp.AddService(d, ADMIN, s.customer, "svc" + services++,
              500 + random.nextInt(20_000), random.nextBoolean() ? Recurrence.MONTHLY : Recurrence.ONCE));
          return;
        default:
          order(d);
      }
    }
  }

  /**
   * Applies an operation and returns the rule that refused it, or null if it was applied.
   *
   * @param op the operation
   * @param partner the entry point
   * @return the refusing rule id, or null
   */
  public static String ruleRefusing(HistoryOp op, CspPartner partner) {
    try {
      op.applyTo(partner);
      return null;
    } catch (RuleViolation v) {
      return v.rule();
    }
  }
}
