package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.SuspendedAccess;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceSource;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators for catalog, customers and subscriptions (CAT-1..5, CUS-1..4, SUB-1..7):
 * customers with billing profiles (billing days 29 to 31 often), SKUs, start dates around leap
 * days, and random operation histories ({@link Op}) that {@link #run} applies to a subscription.
 * <p>
 * A history is a plain {@code List<Op>}, so QuickTheories shrinks it by dropping and simplifying
 * operations. Each operation carries a gap in days after the previous change, so every shrunk
 * history is still a valid history. {@link #run} skips an operation that the rules would refuse
 * ({@link Op#refusal}) and stops at the end of the term.
 * <p>
 * Prices come from {@link #priceBook()}: one list a month for market {@link #MARKET} in each of
 * {@link #CURRENCIES}, from {@link #FIRST_MONTH} to {@link #LAST_MONTH}, each published 45 days
 * before it takes effect, with the price {@link #costMinor} (different from month to month).
 */
public final class SubscriptionGen {
  /** The market of every generated customer and list. */
  public static final String MARKET = "US";
  /** The bill currencies generated (two minor digits, none, three). */
  public static final List<CurrencyUnit> CURRENCIES =
      List.of(MinorUnits.USD, MinorUnits.JPY, MinorUnits.BHD);
  /** The first month {@link #priceBook()} prices. */
  public static final YearMonth FIRST_MONTH = YearMonth.of(2022, 1);
  /** The last month {@link #priceBook()} prices; renewals after it end (no published price). */
  public static final YearMonth LAST_MONTH = YearMonth.of(2031, 12);

  /** Office 365 E1: a base SKU, limited access while suspended, at most 300 seats. */
  public static final Sku E1 = Sku.builder().id("O365_E1").family(ProductFamily.OFFICE_365)
      .maxSeats(300).build();
  /** Office 365 E3: a base SKU, limited access while suspended. */
  public static final Sku E3 = Sku.of("O365_E3", ProductFamily.OFFICE_365);
  /** Office 365 E5: a base SKU, no access while suspended. */
  public static final Sku E5 = Sku.builder().id("O365_E5").family(ProductFamily.OFFICE_365)
      .suspendedAccess(SuspendedAccess.NONE).build();
  /** An add-on that attaches to E3 and E5 (CAT-3). */
  public static final Sku ADVANCED_THREAT = Sku.builder().id("O365_ATP")
      .family(ProductFamily.OFFICE_365).addAttachesTo("O365_E3", "O365_E5").build();
  /** An Intune SKU: not in the program (CAT-1). */
  public static final Sku INTUNE = Sku.of("INTUNE_A", ProductFamily.INTUNE);
  /** An Enterprise Mobility Suite SKU: not in the program (CAT-1). */
  public static final Sku EMS = Sku.of("EMS_E3", ProductFamily.EMS);
  /** A government SKU (CAT-2). */
  public static final Sku E3_GOV = Sku.builder().id("O365_E3_GOV")
      .family(ProductFamily.OFFICE_365).segment(Segment.GOVERNMENT).build();
  /** An education SKU (CAT-2). */
  public static final Sku A3_EDU = Sku.builder().id("O365_A3_EDU")
      .family(ProductFamily.OFFICE_365).segment(Segment.EDUCATION).build();
  /** A trial offer (CAT-5). */
  public static final Sku E3_TRIAL = Sku.builder().id("O365_E3_TRIAL")
      .family(ProductFamily.OFFICE_365).trial(true).build();

  /** The base SKUs the program sells to every customer. */
  public static final List<Sku> BASE_SKUS = List.of(E1, E3, E5);
  /** Every SKU above; {@link #priceBook()} prices each of them. */
  public static final Catalog CATALOG =
      Catalog.of(List.of(E1, E3, E5, ADVANCED_THREAT, INTUNE, EMS, E3_GOV, A3_EDU, E3_TRIAL));

  private static final LocalDate FIRST_START = LocalDate.of(2023, 1, 1);
  private static final LocalDate LAST_START = LocalDate.of(2028, 12, 31);
  private static final int MAX_GAP = 60;

  private static volatile PriceBook book;

  private SubscriptionGen() {}

  // ---------------------------------------------------------------- prices

  /**
   * The cost of one seat for one annual term in {@code month}: deterministic, different from month
   * to month, so a test can predict the price a term locks (PRC-6).
   *
   * @param sku a SKU id of {@link #CATALOG}
   * @param currency a currency of {@link #CURRENCIES}
   * @param month a month from {@link #FIRST_MONTH} to {@link #LAST_MONTH}
   * @return the unit price in minor units
   */
  public static long costMinor(String sku, CurrencyUnit currency, YearMonth month) {
    long base = 10_000L + Math.floorMod(sku.hashCode(), 9) * 2_345L;
    long monthly = (month.getYear() - 2020) * 12L + month.getMonthValue();
    long minor = base + Math.floorMod(monthly * 37, 101) * 11; // varies from month to month
    // a non-round price in every currency: 0, 2 or 3 minor digits
    return MinorUnits.digits(currency) == 3 ? minor * 10 + 7 : minor + 3;
  }

  /** @return a price book with a list for every month, currency and SKU (shared, built once) */
  public static PriceBook priceBook() {
    PriceBook b = book;
    if (b == null) {
      synchronized (SubscriptionGen.class) {
        b = book;
        if (b == null) {
          b = PriceBook.create();
          for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
            for (CurrencyUnit c : CURRENCIES) {
              Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
              for (Sku s : CATALOG.skus()) {
                prices.put(s.id(), MinorUnits.toAmount(costMinor(s.id(), c, m), c));
              }
              b.publish(PriceList.monthly(MARKET, c, m, m.atDay(1).minusDays(45), prices));
            }
          }
          book = b;
        }
      }
    }
    return b;
  }

  // ---------------------------------------------------------------- dates

  /**
   * @return start days from 2023 to 2028, often around a leap day (Feb 28, Feb 29, Mar 1) or at a
   *     month's end
   */
  public static Gen<LocalDate> startDates() {
    Gen<LocalDate> any = PricingGen.dates(FIRST_START, LAST_START);
    Gen<LocalDate> nearLeap = Generate.pick(List.of(2024, 2028)).zip(Generate.range(-2, 2),
        (y, d) -> LocalDate.of(y, Month.FEBRUARY, 29).plusDays(d));
    Gen<LocalDate> monthEnds = Generate.range(0, 71)
        .map(i -> YearMonth.from(FIRST_START).plusMonths(i).atEndOfMonth());
    return Generate.frequency(List.of(Pair.of(6, any), Pair.of(2, nearLeap), Pair.of(2, monthEnds)));
  }

  // ---------------------------------------------------------------- customers

  /** @return billing days 1 to 31, half of them 28 to 31 */
  public static Gen<Integer> billingDays() {
    return Generate.frequency(List.of(Pair.of(1, Generate.range(1, 31)),
        Pair.of(1, Generate.range(28, 31))));
  }

  /** @return billing profiles in a currency of {@link #CURRENCIES} */
  public static Gen<BillingProfile> billingProfiles() {
    return billingDays().zip(Generate.pick(CURRENCIES), BillingProfile::of);
  }

  /** @return tenants of any origin */
  public static Gen<Tenant> tenants() {
    return Generate.range(1, 9999).zip(Generate.enumValues(TenantOrigin.class),
        (n, o) -> Tenant.of("t" + n, o));
  }

  /**
   * @return commercial customers of partner {@code p1} in {@link #MARKET} with a new tenant (CUS-1),
   *     created on 2022-01-01, with any billing profile
   */
  public static Gen<Customer> customers() {
    return Generate.range(1, 9999).zip(billingProfiles(), (n, profile) -> customer("c" + n, profile));
  }

  /**
   * @return customers of any tenant origin, segment and verification (CAT-2, CUS-2, CUS-3)
   */
  public static Gen<Customer> anyCustomers() {
    return customers().zip(tenants(), Generate.enumValues(Segment.class), Generate.booleans(),
        (c, t, seg, verified) -> Customer.builder().from(c).tenant(t).segment(seg)
            .verified(verified).build());
  }

  /**
   * @param id the customer id
   * @param profile its billing profile
   * @return a commercial customer of partner {@code p1} in {@link #MARKET}, new tenant {@code t-id}
   */
  public static Customer customer(String id, BillingProfile profile) {
    return Customer.builder().id(id).partnerId("p1").market(MARKET)
        .tenant(Tenant.of("t-" + id, TenantOrigin.NEW)).billing(profile)
        .createdOn(LocalDate.of(2022, 1, 1)).build();
  }

  // ---------------------------------------------------------------- SKUs

  /** @return a base SKU of {@link #BASE_SKUS} */
  public static Gen<Sku> baseSkus() {
    return Generate.pick(BASE_SKUS);
  }

  /** @return a SKU of {@link #CATALOG}: orderable or not */
  public static Gen<Sku> catalogSkus() {
    return Generate.pick(List.copyOf(CATALOG.skus()));
  }

  /**
   * @return freshly made SKUs with random family, segment, access, seat maximum and trial flag
   *     (not in {@link #CATALOG}, so not priced)
   */
  public static Gen<Sku> skus() {
    Gen<ProductFamily> families = Generate.pick(
        List.of(ProductFamily.OFFICE_365, ProductFamily.INTUNE, ProductFamily.EMS));
    return Generate.range(1, 999).zip(families, Generate.enumValues(Segment.class),
        Generate.enumValues(SuspendedAccess.class), (n, f, seg, acc) -> new Object[] {n, f, seg, acc})
        .zip(Generate.range(1, 10_000), Generate.booleans(), (h, max, trial) -> Sku.builder()
            .id("SKU_" + h[0]).family((ProductFamily) h[1]).segment((Segment) h[2])
            .suspendedAccess((SuspendedAccess) h[3]).maxSeats(max).trial(trial).build());
  }

  /** @return seat counts for an order: 1 to 50, sometimes 1 */
  public static Gen<Integer> seats() {
    return Generate.range(1, 50);
  }

  // ---------------------------------------------------------------- operations

  /**
   * One partner operation in a history, dated {@link #gap()} days after the previous change (or after
   * the term's start).
   */
  public sealed interface Op permits AddSeats, RemoveSeats, Suspend, Reactivate, Cancel {
    /** @return days after the previous change, 0 or more */
    int gap();

    /**
     * @param sub the subscription the operation would apply to
     * @param sku its SKU
     * @return the rule that refuses the operation on {@code sub}, if any
     */
    Optional<String> refusal(Subscription sub, Sku sku);

    /**
     * Applies the operation.
     *
     * @param ops the operations
     * @param sub the subscription
     * @param customer its customer
     * @param sku its SKU
     * @param date the day
     * @param prices the prices
     * @return the change
     */
    SubscriptionChange apply(SubscriptionOperations ops, Subscription sub, Customer customer, Sku sku,
        LocalDate date, PriceSource prices);
  }

  /** Adds seats (SUB-2). @param gap days after the previous change @param seats seats to add */
  public record AddSeats(int gap, int seats) implements Op {
    @Override
    public Optional<String> refusal(Subscription sub, Sku sku) {
      if (seats < 1) {
        return Optional.of("SUB-1");
      }
      if (sub.status() != SubscriptionStatus.ACTIVE) {
        return Optional.of("SUB-7");
      }
      return (long) sub.seats() + seats > sku.maxSeats() ? Optional.of("SUB-1") : Optional.empty();
    }

    @Override
    public SubscriptionChange apply(SubscriptionOperations ops, Subscription sub, Customer customer,
        Sku sku, LocalDate date, PriceSource prices) {
      return ops.addSeats(sub, customer, sku, seats, date, prices);
    }
  }

  /** Removes seats (SUB-7). @param gap days after the previous change @param seats seats to remove */
  public record RemoveSeats(int gap, int seats) implements Op {
    @Override
    public Optional<String> refusal(Subscription sub, Sku sku) {
      boolean ok = seats >= 1 && sub.status() == SubscriptionStatus.ACTIVE && seats < sub.seats();
      return ok ? Optional.empty() : Optional.of("SUB-7");
    }

    @Override
    public SubscriptionChange apply(SubscriptionOperations ops, Subscription sub, Customer customer,
        Sku sku, LocalDate date, PriceSource prices) {
      return ops.removeSeats(sub, customer, sku, seats, date, prices);
    }
  }

  /** Suspends (SUB-4, SUB-5). @param gap days after the previous change */
  public record Suspend(int gap) implements Op {
    @Override
    public Optional<String> refusal(Subscription sub, Sku sku) {
      return sub.status() == SubscriptionStatus.ACTIVE ? Optional.empty() : Optional.of("SUB-4");
    }

    @Override
    public SubscriptionChange apply(SubscriptionOperations ops, Subscription sub, Customer customer,
        Sku sku, LocalDate date, PriceSource prices) {
      return ops.suspend(sub, date);
    }
  }

  /** Reactivates (SUB-7). @param gap days after the previous change */
  public record Reactivate(int gap) implements Op {
    @Override
    public Optional<String> refusal(Subscription sub, Sku sku) {
      return sub.status() == SubscriptionStatus.SUSPENDED ? Optional.empty() : Optional.of("SUB-7");
    }

    @Override
    public SubscriptionChange apply(SubscriptionOperations ops, Subscription sub, Customer customer,
        Sku sku, LocalDate date, PriceSource prices) {
      return ops.reactivate(sub, date);
    }
  }

  /** Cancels (SUB-5). @param gap days after the previous change */
  public record Cancel(int gap) implements Op {
    @Override
    public Optional<String> refusal(Subscription sub, Sku sku) {
      return sub.status() != SubscriptionStatus.ENDED ? Optional.empty() : Optional.of("SUB-5");
    }

    @Override
    public SubscriptionChange apply(SubscriptionOperations ops, Subscription sub, Customer customer,
        Sku sku, LocalDate date, PriceSource prices) {
      return ops.cancel(sub, date);
    }
  }

  /** @return gaps of 0 to 60 days, often 0 (several changes on one day) */
  public static Gen<Integer> gaps() {
    return Generate.frequency(List.of(Pair.of(1, Generate.constant(0)),
        Pair.of(4, Generate.range(0, MAX_GAP))));
  }

  /** @return a seat change, suspension or reactivation */
  public static Gen<Op> ops() {
    Gen<Op> add = gaps().zip(Generate.range(1, 20), AddSeats::new);
    Gen<Op> remove = gaps().zip(Generate.range(1, 10), RemoveSeats::new);
    Gen<Op> suspend = gaps().map(Suspend::new);
    Gen<Op> reactivate = gaps().map(Reactivate::new);
    return Generate.frequency(List.of(Pair.of(4, add), Pair.of(3, remove), Pair.of(2, suspend),
        Pair.of(2, reactivate)));
  }

  /** @return {@link #ops()}, and now and then a cancellation */
  public static Gen<Op> opsWithCancel() {
    return Generate.frequency(List.of(Pair.of(12, ops()), Pair.of(1, gaps().map(Cancel::new))));
  }

  /** @return histories of 0 to 20 seat changes, suspensions and reactivations */
  public static Gen<List<Op>> histories() {
    return SourceDSL.lists().of(ops()).ofSizeBetween(0, 20);
  }

  /** @return histories of 0 to 20 operations, cancellations included */
  public static Gen<List<Op>> historiesWithCancel() {
    return SourceDSL.lists().of(opsWithCancel()).ofSizeBetween(0, 20);
  }

  // ---------------------------------------------------------------- scenarios

  /**
   * A subscription to order and a history to apply to it.
   *
   * @param customer the customer
   * @param sku a base SKU
   * @param seats the seats ordered
   * @param start the first day
   * @param history the operations
   */
  public record Scenario(Customer customer, Sku sku, int seats, LocalDate start, List<Op> history) {
    /**
     * @param ops the operations
     * @return the order and the history applied with {@link SubscriptionGen#run}
     */
    public History run(SubscriptionOperations ops) {
      return SubscriptionGen.run(ops, customer, sku, seats, start, priceBook(), history);
    }
  }

  /** @return scenarios over {@link #customers()}, {@link #baseSkus()} and {@link #histories()} */
  public static Gen<Scenario> scenarios() {
    return scenarios(histories());
  }

  /**
   * @param histories the histories to apply
   * @return scenarios over {@link #customers()}, {@link #baseSkus()} and {@code histories}
   */
  public static Gen<Scenario> scenarios(Gen<List<Op>> histories) {
    return customers().zip(baseSkus(), seats(), startDates(), (c, s, n, d) -> new Object[] {c, s, n, d})
        .zip(histories, (h, ops) -> new Scenario((Customer) h[0], (Sku) h[1], (Integer) h[2],
            (LocalDate) h[3], ops));
  }

  /**
   * An operation {@link #run} applied.
   *
   * @param op the operation
   * @param date its day
   */
  public record Applied(Op op, LocalDate date) {}

  /**
   * An operation {@link #run} skipped because a rule refuses it.
   *
   * @param op the operation
   * @param date the day it would have had
   * @param sub the subscription it met
   * @param rule the rule that refuses it ({@link Op#refusal})
   */
  public record Skipped(Op op, LocalDate date, Subscription sub, String rule) {}

  /**
   * What {@link #run} did.
   *
   * @param states the subscription after the order, then after each applied operation
   * @param events every event, the order's first
   * @param applied the operations applied, each with its day
   * @param skipped the operations skipped because a rule refuses them
   */
  public record History(List<Subscription> states, List<SubscriptionEvent> events,
      List<Applied> applied, List<Skipped> skipped) {
    /** @return the subscription at the end */
    public Subscription last() {
      return states.get(states.size() - 1);
    }

    /** @return the day of the latest change (the order's first day if none was applied) */
    public LocalDate lastDate() {
      return last().last().date();
    }
  }

  /**
   * Orders a subscription, then applies {@code history} within its first term: each operation on the
   * previous change's day plus its gap; an operation that a rule refuses is skipped; the history stops
   * at the term's last day.
   *
   * @param ops the operations
   * @param customer the customer
   * @param sku a base SKU
   * @param seats the seats ordered
   * @param start the first day
   * @param prices the price book
   * @param history the operations to apply
   * @return what happened
   */
  public static History run(SubscriptionOperations ops, Customer customer, Sku sku, int seats,
      LocalDate start, PriceSource prices, List<Op> history) {
    SubscriptionChange first = ops.order("S1", customer, sku, seats, start, prices);
    return runFrom(ops, first, customer, sku, prices, history);
  }

  /**
   * Applies {@code history} to the subscription of {@code first} (an order, an add-on order, a
   * renewal...) within its current term, as {@link #run} does.
   *
   * @param ops the operations
   * @param first the change that made the subscription; its events open the history
   * @param customer the customer
   * @param sku the subscription's SKU
   * @param prices the price book
   * @param history the operations to apply
   * @return what happened
   */
  public static History runFrom(SubscriptionOperations ops, SubscriptionChange first,
      Customer customer, Sku sku, PriceSource prices, List<Op> history) {
    List<Subscription> states = new ArrayList<>();
    List<SubscriptionEvent> events = new ArrayList<>(first.events());
    List<Applied> applied = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Subscription sub = first.subscription();
    states.add(sub);
    LocalDate date = sub.last().date();
    for (Op op : history) {
      date = date.plusDays(op.gap());
      if (!date.isBefore(sub.term().end())) {
        break;
      }
      Optional<String> refusal = op.refusal(sub, sku);
      if (refusal.isPresent()) {
        skipped.add(new Skipped(op, date, sub, refusal.get()));
        continue;
      }
      SubscriptionChange change = op.apply(ops, sub, customer, sku, date, prices);
      sub = change.subscription();
      states.add(sub);
      events.addAll(change.events());
      applied.add(new Applied(op, date));
    }
    return new History(List.copyOf(states), List.copyOf(events), List.copyOf(applied),
        List.copyOf(skipped));
  }

  /**
   * Calls {@code op} where it should be refused and returns the violation (for properties that check
   * that refusals change nothing).
   *
   * @param op the operation
   * @param ops the operations
   * @param sub the subscription
   * @param customer its customer
   * @param sku its SKU
   * @param date the day
   * @return the violation thrown, or empty if the call was accepted
   */
  public static Optional<RuleViolation> tryRefused(Op op, SubscriptionOperations ops, Subscription sub,
      Customer customer, Sku sku, LocalDate date) {
    try {
      op.apply(ops, sub, customer, sku, date, priceBook());
      return Optional.empty();
    } catch (RuleViolation v) {
      return Optional.of(v);
    }
  }
}
