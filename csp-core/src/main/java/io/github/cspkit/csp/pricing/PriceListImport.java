package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.internal.FileFields;
import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.UnknownCurrencyException;

/**
 * Reads the rows of Partner Center's new-commerce license-based price list file into an
 * {@link ImportedPriceList} (PCF-1), one row at a time, so that a file of any length is read in
 * one pass while only the rows kept are held. The file's reader (in csp-examples, or the
 * integrator's) turns each record into a {@link PriceListFileRow}; this class validates it:
 * <ul>
 *   <li>{@code ProductId} and {@code SkuId} are words; the key {@code PRODUCTID:SKUID} maps to a
 *       catalog SKU through the {@link SkuMapping}, or is kept as it is (priced, not orderable);
 *   <li>{@code TermDuration} and {@code BillingPlan} name a term and a plan that fits it (NCE-1);
 *   <li>{@code Market} and {@code Currency} are the same on every row: the file is one market's
 *       and currency's list;
 *   <li>{@code UnitPrice} and {@code ERP Price} (optional) are plain decimals, not negative, no
 *       finer than the currency's minor unit;
 *   <li>{@code EffectiveStartDate} and {@code EffectiveEndDate} are ISO dates or UTC date-times,
 *       the start not after the end.
 * </ul>
 * The list's month is the month of the latest {@code EffectiveStartDate}; a row whose
 * {@code EffectiveEndDate} falls before that month has expired and is skipped. Two rows kept for
 * the same SKU, term and plan are refused, naming both lines. <b>Interpretation</b> (the
 * library prices a seat whatever the count): of a product's pricing tiers, the row whose
 * {@code PricingTierRangeMin} is empty, 0 or 1 is the price; rows of higher tiers are skipped and
 * counted.
 * <p>
 * A malformed row is refused with its line number ({@link RuleViolation} {@code PCF-1},
 * {@code "line 7: …"}) and the whole file with it: the caller keeps nothing of an import that
 * threw. Not thread-safe: one import per file.
 */
public final class PriceListImport {
  private final SkuMapping mapping;
  private final LocalDate publishedOn;
  private final String id;
  private String market;
  private CurrencyUnit currency;
  private int digits;
  private long firstLine;
  private LocalDate latestStart;
  private long rowsRead;
  private long skippedTiers;
  private boolean finished;
  /** Offer → the one row read for it, or a {@code List<Row>} when several were. */
  private final Map<TermOffer, Object> rows = new HashMap<>();
  private final Map<String, String> unmapped = new LinkedHashMap<>();

  private PriceListImport(String id, SkuMapping mapping, LocalDate publishedOn) {
    this.id = id;
    this.mapping = requireNonNull(mapping, "mapping");
    this.publishedOn = requireNonNull(publishedOn, "publishedOn");
  }

  /**
   * @param mapping the partner's mapping of the file's products to catalog SKUs
   * @param publishedOn the list's publication day, as the partner states it
   * @return an import whose list gets the default id ({@link ImportedPriceList#defaultId})
   */
  public static PriceListImport of(SkuMapping mapping, LocalDate publishedOn) {
    return new PriceListImport(null, mapping, publishedOn);
  }

  /**
   * @param id the list's id
   * @param mapping the partner's mapping of the file's products to catalog SKUs
   * @param publishedOn the list's publication day, as the partner states it
   * @return an import whose list gets that id
   */
  public static PriceListImport of(String id, SkuMapping mapping, LocalDate publishedOn) {
    return new PriceListImport(Checks.name("price list id", id), mapping, publishedOn);
  }

  /**
   * A row kept so far: its line, prices in minor units ({@code erp} -1 when none), its end as an
   * epoch day ({@link Long#MAX_VALUE} when open). Small, as a file may have many.
   */
  private record Row(long line, long unit, long erp, long end) {}

  /**
   * Reads one data row.
   *
   * @param row the row
   * @throws RuleViolation PCF-1 naming the row's line if it is malformed
   */
  public void add(PriceListFileRow row) {
    requireNonNull(row, "row");
    Checks.range(!finished, "the import is finished");
    long line = row.line();
    rowsRead++;
    String key = key(line, row);
    TermLength term = term(line, row.termDuration());
    BillingPlan plan = plan(line, row.billingPlan());
    Checks.rule(plan.fits(term), "PCF-1", "line %s: BillingPlan %s does not fit a %s term",
        line, row.billingPlan(), term.code());
    marketAndCurrency(line, row);
    long unit = FileFields.minor("PCF-1", line, "UnitPrice", row.unitPrice(), digits);
    long erp = row.erpPrice().isEmpty() ? -1
        : FileFields.minor("PCF-1", line, "ERP Price", row.erpPrice(), digits);
    LocalDate start = FileFields.day("PCF-1", line, "EffectiveStartDate", row.effectiveStart());
    LocalDate end = row.effectiveEnd().isEmpty() ? null
        : FileFields.day("PCF-1", line, "EffectiveEndDate", row.effectiveEnd());
    Checks.rule(end == null || !end.isBefore(start), "PCF-1",
        "line %s: EffectiveEndDate %s is before EffectiveStartDate %s", line, end, start);
    long tierMin = tier(line, "PricingTierRangeMin", row.tierMin());
    long tierMax = tier(line, "PricingTierRangeMax", row.tierMax());
    Checks.rule(tierMax < 0 || tierMin <= tierMax, "PCF-1",
        "line %s: PricingTierRangeMin %s is above PricingTierRangeMax %s", line, tierMin, tierMax);
    if (tierMin > 1) {
      skippedTiers++;
      return;
    }
    if (latestStart == null || start.isAfter(latestStart)) {
      latestStart = start;
    }
    String sku = mapping.skuOrKey(key);
    if (sku.equals(key) && !unmapped.containsKey(key)) {
      String title = (row.productTitle() + " " + row.skuTitle()).strip();
      unmapped.put(key, title.isEmpty() ? key : title);
    }
    TermOffer offer = TermOffer.of(sku, term, plan);
    Row r = new Row(line, unit, erp, end == null ? Long.MAX_VALUE : end.toEpochDay());
    Object before = rows.putIfAbsent(offer, r);
    if (before instanceof Row first) {
      List<Row> several = new ArrayList<>(2);
      several.add(first);
      several.add(r);
      rows.put(offer, several);
    } else if (before != null) {
      @SuppressWarnings("unchecked")
      List<Row> several = (List<Row>) before;
      several.add(r);
    }
  }

  /**
   * Ends the import.
   *
   * @return the list of the file's month
   * @throws RuleViolation PCF-1 if the file has no data row, or if two rows kept price the same
   *     SKU, term and plan
   */
  public ImportedPriceList finish() {
    Checks.range(!finished, "the import is finished");
    finished = true;
    Checks.rule(latestStart != null, "PCF-1", "the file has no price row");
    YearMonth month = YearMonth.from(latestStart);
    long first = month.atDay(1).toEpochDay();
    long expired = 0;
    Map<TermOffer, MonetaryAmount> cost = new HashMap<>(rows.size() * 2);
    Map<TermOffer, MonetaryAmount> erp = new HashMap<>(rows.size() * 2);
    Map<String, Boolean> keptKeys = new HashMap<>();
    for (Map.Entry<TermOffer, Object> e : rows.entrySet()) {
      TermOffer offer = e.getKey();
      Row kept = null;
      List<Row> all = e.getValue() instanceof Row r ? List.of(r) : rowsOf(e.getValue());
      for (Row r : all) {
        if (r.end() < first) {
          expired++;
          continue;
        }
        if (kept != null) {
          Row a = kept.line() < r.line() ? kept : r;
          Row b = a == kept ? r : kept;
          throw RuleViolation.of("PCF-1", "line %s: %s is priced twice for %s, on lines %s and %s",
              b.line(), offer, month, a.line(), b.line());
        }
        kept = r;
      }
      if (kept != null) {
        cost.put(offer, MinorUnits.toAmount(kept.unit(), currency));
        if (kept.erp() >= 0) {
          erp.put(offer, MinorUnits.toAmount(kept.erp(), currency));
        }
        keptKeys.put(offer.sku(), Boolean.TRUE);
      }
    }
    Map<String, String> unmappedKept = new LinkedHashMap<>();
    unmapped.forEach((key, title) -> {
      if (keptKeys.containsKey(key)) {
        unmappedKept.put(key, title);
      }
    });
    rows.clear();
    return ImportedPriceList.builder()
        .id(id != null ? id : ImportedPriceList.defaultId(market, currency, month, publishedOn))
        .market(market).currency(currency).month(month).publishedOn(publishedOn)
        .rows(ImmutablePriceRows.builder().currency(currency).prices(cost).build())
        .erpRows(ImmutablePriceRows.builder().currency(currency).prices(erp).build())
        .unmapped(unmappedKept).rowsRead(rowsRead).skippedExpired(expired)
        .skippedTiers(skippedTiers).build();
  }

  @SuppressWarnings("unchecked")
  private static List<Row> rowsOf(Object several) {
    return (List<Row>) several;
  }

  /** @return the market of the rows read so far, if any */
  public Optional<String> market() {
    return Optional.ofNullable(market);
  }

  private static String key(long line, PriceListFileRow row) {
    Checks.rule(!row.productId().isEmpty() && !row.skuId().isEmpty(), "PCF-1",
        "line %s: ProductId and SkuId must not be empty", line);
    try {
      return SkuMapping.key(row.productId(), row.skuId());
    } catch (io.github.cspkit.csp.OutOfRangeException e) {
      throw RuleViolation.of("PCF-1", "line %s: %s", line,
          e.getMessage().substring(e.code().length() + 2));
    }
  }

  private static TermLength term(long line, String text) {
    Checks.rule(!text.isEmpty(), "PCF-1", "line %s: TermDuration is empty", line);
    try {
      return TermLength.parse(text);
    } catch (IllegalArgumentException | io.github.cspkit.csp.OutOfRangeException e) {
      throw RuleViolation.of("PCF-1", "line %s: TermDuration: %s", line, reason(e));
    }
  }

  /** The parser's message without its error code: the refusal names PCF-1 instead. */
  private static String reason(RuntimeException e) {
    return e instanceof io.github.cspkit.csp.CspException c
        ? e.getMessage().substring(c.code().length() + 2) : e.getMessage();
  }

  private static BillingPlan plan(long line, String text) {
    Checks.rule(!text.isEmpty(), "PCF-1", "line %s: BillingPlan is empty", line);
    try {
      return BillingPlan.parse(text);
    } catch (IllegalArgumentException | io.github.cspkit.csp.OutOfRangeException e) {
      throw RuleViolation.of("PCF-1", "line %s: BillingPlan: %s", line, reason(e));
    }
  }


  private void marketAndCurrency(long line, PriceListFileRow row) {
    if (market == null) {
      Checks.rule(!row.market().isEmpty(), "PCF-1", "line %s: Market is empty", line);
      Checks.rule(row.market().length() <= 100 && row.market().matches("[A-Za-z0-9_-]+"),
          "PCF-1", "line %s: Market '%s' is not a market code", line, row.market());
      try {
        currency = Monetary.getCurrency(row.currency());
      } catch (UnknownCurrencyException | IllegalArgumentException e) {
        throw RuleViolation.of("PCF-1", "line %s: Currency '%s' is not an ISO 4217 currency",
            line, row.currency());
      }
      market = row.market();
      digits = MinorUnits.digits(currency);
      firstLine = line;
      return;
    }
    Checks.rule(market.equals(row.market()), "PCF-1",
        "line %s: Market %s differs from the file's market %s (line %s): a file is the list of"
            + " one market and currency", line, row.market(), market, firstLine);
    Checks.rule(currency.getCurrencyCode().equals(row.currency()), "PCF-1",
        "line %s: Currency %s differs from the file's currency %s (line %s): a file is the list"
            + " of one market and currency", line, row.currency(), currency.getCurrencyCode(),
        firstLine);
  }

  /** @return the tier bound, or -1 when empty */
  private static long tier(long line, String column, String text) {
    if (text.isEmpty()) {
      return -1;
    }
    BigDecimal v = FileFields.decimal("PCF-1", line, column, text);
    Checks.rule(v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0, "PCF-1",
        "line %s: %s %s is not a whole number of seats", line, column, text);
    return v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : v.longValue();
  }
}
