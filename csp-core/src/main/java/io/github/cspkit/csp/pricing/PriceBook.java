package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory bitemporal index of published price lists (PRC-1..4): "price of a SKU on day D as
 * known on day K".
 * <p>
 * A list is validated by the {@link PriceListPolicy} when published (PRC-1, PRC-2). A second list for
 * the same market, currency and period is a correction: from its publication day on it replaces the
 * first; before, the first still answers (PRC-1, PRC-3). Lists published on the same day: the one
 * published last here wins. A query sees only lists published on or before K (PRC-3), and only the
 * list of D's own period: an earlier period's list never stands in (PRC-4).
 * <p>
 * Lookup costs three hash look-ups (market, currency, SKU column) and a binary search over the
 * periods of one market and currency; prices are precomputed in minor units in a dense array per
 * list, and a lookup allocates only the {@link PriceQuote}. Thread-safe: publishing is serialized, lookups read immutable
 * snapshots without locking.
 */
public final class PriceBook implements PriceSource {
  private final PriceListPolicy policy;
  /** market → currency code → series. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Series>> index =
      new ConcurrentHashMap<>();
  /** SKU id → its column in every list's price array: small, shared, so it stays in cache. */
  private final ConcurrentHashMap<String, Integer> skuIndex = new ConcurrentHashMap<>();
  private final Map<String, PriceList> byId = new HashMap<>();
  private final List<PriceList> lists = new ArrayList<>();

  private PriceBook(PriceListPolicy policy) {
    this.policy = policy;
  }

  /**
   * @param policy the cadence and notice policy
   * @return an empty book
   */
  public static PriceBook create(PriceListPolicy policy) {
    return new PriceBook(requireNonNull(policy, "policy"));
  }

  /** @return an empty book under the seed's policy (monthly, 30 days of notice) */
  public static PriceBook create() {
    return create(PriceListPolicy.seed());
  }

  /** @return the cadence and notice policy */
  public PriceListPolicy policy() {
    return policy;
  }

  /**
   * Publishes a list: validates it (PRC-1, PRC-2), then makes it visible to queries known on or after
   * its publication day (PRC-3). A list for a period that already has one is a correction (PRC-1).
   * Publishing the same list again changes nothing.
   *
   * @param list the list
   * @throws io.github.cspkit.csp.RuleViolation PRC-1 or PRC-2 if the policy refuses it
   * @throws io.github.cspkit.csp.ConflictException if another list with the same id was published
   */
  public synchronized void publish(PriceList list) {
    requireNonNull(list, "list");
    PriceList same = byId.get(list.id());
    if (same != null) {
      if (same.equals(list)) {
        return;
      }
      throw new io.github.cspkit.csp.ConflictException(
          io.github.cspkit.csp.ConflictException.Reason.DUPLICATE_ID,
          "price list " + list.id() + " was already published with other contents");
    }
    policy.validate(list);
    long[] prices = pricesByColumn(list);
    LocalDate start = policy.periodStart(list.effectiveOn());
    Series series = index
        .computeIfAbsent(list.market(), m -> new ConcurrentHashMap<>())
        .computeIfAbsent(list.currency().getCurrencyCode(), c -> new Series());
    series.add(start, policy.latestPublicationFor(start), list, prices);
    byId.put(list.id(), list);
    lists.add(list);
  }

  /** @return the list's prices in minor units by SKU column, {@code -1} where it names none */
  private long[] pricesByColumn(PriceList list) {
    Map<String, Long> minor = list.minorPrices();
    for (String sku : minor.keySet()) {
      if (!skuIndex.containsKey(sku)) {
        skuIndex.put(sku, skuIndex.size()); // one writer: publish holds the book's lock
      }
    }
    long[] prices = new long[skuIndex.size()];
    Arrays.fill(prices, -1L);
    minor.forEach((sku, m) -> prices[requireNonNull(skuIndex.get(sku), sku)] = m);
    return prices;
  }

  /** @return every published list, in the order published */
  public synchronized List<PriceList> lists() {
    return ImmutableList.copyOf(lists);
  }

  /**
   * @param market the market
   * @param currency the currency
   * @param day a day
   * @param knownOn the day of knowledge
   * @return the list that prices {@code day} as known on {@code knownOn}, if any (PRC-3, PRC-4)
   */
  @Override
  public Optional<PriceList> listFor(
      String market, CurrencyUnit currency, LocalDate day, LocalDate knownOn) {
    requireNonNull(day, "day");
    requireNonNull(knownOn, "knownOn");
    Slot slot = slot(requireNonNull(market, "market"), requireNonNull(currency, "currency"),
        policy.periodStart(day).toEpochDay());
    if (slot == null) {
      return Optional.empty();
    }
    int i = slot.indexKnownOn(knownOn.toEpochDay());
    return i < 0 ? Optional.empty() : Optional.of(slot.lists[i]);
  }

  @Override
  public PriceQuote quote(
      String sku, String market, CurrencyUnit currency, LocalDate day, LocalDate knownOn) {
    requireNonNull(sku, "sku");
    requireNonNull(market, "market");
    requireNonNull(currency, "currency");
    requireNonNull(day, "day");
    requireNonNull(knownOn, "knownOn");
    LocalDate start = policy.periodStart(day);
    Slot slot = slot(market, currency, start.toEpochDay());
    if (slot == null) {
      return new PriceQuote.NotYetPublished(sku, market, currency, day, knownOn,
          policy.latestPublicationFor(start));
    }
    long known = knownOn.toEpochDay();
    PriceList list;
    long[] prices;
    if (known >= slot.lastPublished) {
      list = slot.lastList;
      prices = slot.lastPrices;
    } else {
      int i = slot.indexKnownOn(known);
      if (i < 0) {
        return new PriceQuote.NotYetPublished(sku, market, currency, day, knownOn,
            slot.publishBy);
      }
      list = slot.lists[i];
      prices = slot.prices[i];
    }
    Integer column = skuIndex.get(sku);
    long minor = column == null || column >= prices.length ? -1L : prices[column];
    if (minor < 0) {
      return new PriceQuote.NotListed(sku, list, day, knownOn, slot.publishBy);
    }
    return new PriceQuote.Published(sku, list, day, knownOn, slot.publishBy, minor);
  }

  @Override
  public boolean hasCurrency(String market, CurrencyUnit currency, LocalDate knownOn) {
    requireNonNull(market, "market");
    requireNonNull(currency, "currency");
    requireNonNull(knownOn, "knownOn");
    Series series = series(market, currency);
    return series != null && series.state.firstPublished <= knownOn.toEpochDay();
  }

  @Override
  public String toString() {
    return "PriceBook{" + policy + ", " + lists().size() + " lists}";
  }

  private @Nullable Series series(String market, CurrencyUnit currency) {
    Map<String, Series> byCurrency = index.get(market);
    return byCurrency == null ? null : byCurrency.get(currency.getCurrencyCode());
  }

  private @Nullable Slot slot(String market, CurrencyUnit currency, long startEpochDay) {
    Series series = series(market, currency);
    return series == null ? null : series.state.find(startEpochDay);
  }

  /** The lists of one market and currency, by period: a copy-on-write snapshot. */
  private static final class Series {
    volatile State state = new State(new long[0], new Slot[0], Long.MAX_VALUE);

    /** Called under the book's lock. */
    void add(LocalDate start, LocalDate publishBy, PriceList list, long[] prices) {
      State s = state;
      long key = start.toEpochDay();
      int i = Arrays.binarySearch(s.starts, key);
      long[] starts;
      Slot[] slots;
      if (i >= 0) {
        starts = s.starts;
        slots = s.slots.clone();
        slots[i] = slots[i].with(list, prices);
      } else {
        int at = -i - 1;
        starts = new long[s.starts.length + 1];
        slots = new Slot[s.slots.length + 1];
        System.arraycopy(s.starts, 0, starts, 0, at);
        System.arraycopy(s.slots, 0, slots, 0, at);
        starts[at] = key;
        slots[at] = new Slot(publishBy, new long[] {list.publishedOn().toEpochDay()},
            new PriceList[] {list}, new long[][] {prices});
        System.arraycopy(s.starts, at, starts, at + 1, s.starts.length - at);
        System.arraycopy(s.slots, at, slots, at + 1, s.slots.length - at);
      }
      state = new State(starts, slots,
          Math.min(s.firstPublished, list.publishedOn().toEpochDay()));
    }
  }

  /** An immutable snapshot of a series: period starts (epoch days, sorted) and their slots. */
  private static final class State {
    final long[] starts;
    final Slot[] slots;
    final long firstPublished;

    State(long[] starts, Slot[] slots, long firstPublished) {
      this.starts = starts;
      this.slots = slots;
      this.firstPublished = firstPublished;
    }

    @Nullable Slot find(long startEpochDay) {
      int i = Arrays.binarySearch(starts, startEpochDay);
      return i >= 0 ? slots[i] : null;
    }
  }

  /**
   * The lists of one period, at least one, sorted by publication day (stable: of two published the
   * same day, the one published here last comes last). The newest is also held in fields, for the
   * common query.
   */
  private static final class Slot {
    final LocalDate publishBy;
    final long[] published;
    final PriceList[] lists;
    final long[][] prices;
    final long lastPublished;
    final PriceList lastList;
    final long[] lastPrices;

    Slot(LocalDate publishBy, long[] published, PriceList[] lists, long[][] prices) {
      this.publishBy = publishBy;
      this.published = published;
      this.lists = lists;
      this.prices = prices;
      int n = published.length;
      this.lastPublished = published[n - 1];
      this.lastList = lists[n - 1];
      this.lastPrices = prices[n - 1];
    }

    /** @return the index of the latest list published on or before the day, or -1 */
    int indexKnownOn(long knownOnEpochDay) {
      int i = published.length - 1;
      while (i >= 0 && published[i] > knownOnEpochDay) {
        i--;
      }
      return i;
    }

    Slot with(PriceList list, long[] listPrices) {
      long day = list.publishedOn().toEpochDay();
      int at = published.length;
      while (at > 0 && published[at - 1] > day) {
        at--;
      }
      int n = published.length;
      long[] p = new long[n + 1];
      PriceList[] l = new PriceList[n + 1];
      long[][] x = new long[n + 1][];
      System.arraycopy(published, 0, p, 0, at);
      System.arraycopy(lists, 0, l, 0, at);
      System.arraycopy(prices, 0, x, 0, at);
      p[at] = day;
      l[at] = list;
      x[at] = listPrices;
      System.arraycopy(published, at, p, at + 1, n - at);
      System.arraycopy(lists, at, l, at + 1, n - at);
      System.arraycopy(prices, at, x, at + 1, n - at);
      return new Slot(publishBy, p, l, x);
    }
  }
}
