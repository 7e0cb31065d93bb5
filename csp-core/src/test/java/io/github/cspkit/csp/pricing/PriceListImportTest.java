package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.pricing.Fixtures.USD;
import static io.github.cspkit.csp.pricing.Fixtures.amount;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.money.MinorUnits;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** PCF-1: reading Partner Center's new-commerce price list rows into an imported list. */
class PriceListImportTest {
  static final String E3 = "CFQ7TTC0LFLX";
  static final String BASIC = "CFQ7TTC0LH18";
  static final SkuMapping MAPPING = SkuMapping.empty().with(E3 + ":0001", "O365_E3")
      .with(BASIC + ":0001", "M365_BASIC");
  static final LocalDate PUBLISHED = d("2025-01-30");

  /** A row of the file: product, term, plan, price, start, end, ERP price. */
  static PriceListFileRow row(long line, String product, String term, String plan, String price,
      String start, String end, String erp) {
    return new PriceListFileRow(line, product, "0001", "Product " + product, "SKU", term, plan,
        "US", "USD", price, "", "", start, end, erp);
  }

  static PriceListFileRow row(long line, String product, String term, String plan, String price) {
    return row(line, product, term, plan, price, "2025-03-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "");
  }

  static ImportedPriceList read(PriceListFileRow... rows) {
    PriceListImport imp = PriceListImport.of(MAPPING, PUBLISHED);
    for (PriceListFileRow r : rows) {
      imp.add(r);
    }
    return imp.finish();
  }

  static RuleViolation refusal(PriceListFileRow... rows) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(rows));
    assertThat(t).isInstanceOf(RuleViolation.class);
    RuleViolation v = (RuleViolation) t;
    assertThat(v.rule()).isEqualTo("PCF-1");
    return v;
  }

  @Test
  void PCF_1_rows_are_keyed_by_mapped_sku_term_and_plan_and_unmapped_products_keep_their_key() {
    ImportedPriceList list = read(
        row(2, E3, "P1Y", "Annual", "432.00", "2025-03-01", "", "518.40"),
        row(3, E3, "P1Y", "Monthly", "453.60"),
        row(4, E3, "P1M", "Monthly", "43.20"),
        row(5, BASIC, "P3Y", "Triennial", "216.00"),
        row(6, "CFQ7TTC0KDPC", "P1Y", "Annual", "120.00"));
    assertThat(list.rows().row(TermOffer.parse("O365_E3/P1Y/annual")).orElseThrow().unitPrice())
        .isEqualTo(amount("432.00", USD));
    assertThat(list.rows().row(TermOffer.parse("O365_E3/P1M/monthly")).orElseThrow().unitPrice())
        .isEqualTo(amount("43.20", USD));
    assertThat(list.rows().row(TermOffer.parse("M365_BASIC/P3Y/triennial"))).isPresent();
    assertThat(list.rows().row(TermOffer.parse("CFQ7TTC0KDPC:0001/P1Y/annual")).orElseThrow()
        .unitPrice()).isEqualTo(amount("120.00", USD));
    assertThat(list.unmapped()).containsExactly(Map.entry("CFQ7TTC0KDPC:0001", "Product CFQ7TTC0KDPC SKU"));
    assertThat(list.erpRows().prices()).containsOnlyKeys(TermOffer.parse("O365_E3/P1Y/annual"));
    assertThat(list.month()).isEqualTo(YearMonth.of(2025, 3));
    assertThat(list.effectiveOn()).isEqualTo(d("2025-03-01"));
    assertThat(list.market()).isEqualTo("US");
    assertThat(list.currency()).isEqualTo(USD);
    assertThat(list.id()).isEqualTo("US-USD-2025-03@2025-01-30");
    assertThat(list.rowsRead()).isEqualTo(5);
  }

  @Test
  void PCF_1_the_seed_price_list_gets_the_one_year_rows_billed_annually() {
    ImportedPriceList list = read(
        row(2, E3, "P1Y", "Annual", "432.00"),
        row(3, E3, "P1Y", "Monthly", "453.60"),
        row(4, BASIC, "P1M", "Monthly", "7.20"),
        row(5, "CFQ7TTC0KDPC", "P1Y", "Annual", "120.00"));
    PriceList seed = list.priceList();
    assertThat(seed.prices()).containsOnlyKeys("O365_E3", "CFQ7TTC0KDPC:0001");
    assertThat(seed.prices().get("O365_E3")).isEqualTo(amount("432.00", USD));
    assertThat(seed.publishedOn()).isEqualTo(PUBLISHED);
    assertThat(seed.effectiveOn()).isEqualTo(d("2025-03-01"));
    assertThat(seed.id()).isEqualTo(list.id());
    assertThat(PriceRows.fromSeedList(seed).prices().keySet())
        .allMatch(o -> list.rows().row(o).isPresent());
  }

  @Test
  void PCF_1_the_month_is_the_latest_effective_start_and_rows_that_ended_before_it_are_skipped() {
    ImportedPriceList list = read(
        // the old price ended in February: skipped
        row(2, E3, "P1Y", "Annual", "400.00", "2024-09-01T00:00:00Z", "2025-02-28T23:59:59Z", ""),
        row(3, E3, "P1Y", "Annual", "432.00", "2025-03-01T00:00:00Z", "9999-12-31T23:59:59Z", ""),
        // effective since last year and still running: kept
        row(4, BASIC, "P1Y", "Annual", "72.00", "2024-04-01T00:00:00Z", "9999-12-31T23:59:59Z", ""),
        // ends on the month's first day: not before the month, kept
        row(5, BASIC, "P1M", "Monthly", "7.20", "2024-04-01", "2025-03-01", ""));
    assertThat(list.month()).isEqualTo(YearMonth.of(2025, 3));
    assertThat(list.skippedExpired()).isEqualTo(1);
    assertThat(list.rows().prices()).hasSize(3);
    assertThat(list.priceList().prices().get("O365_E3")).isEqualTo(amount("432.00", USD));
  }

  @Test
  void PCF_1_two_rows_for_the_same_offer_are_refused_naming_both_lines() {
    RuleViolation v = refusal(row(2, E3, "P1Y", "Annual", "432.00"), row(3, BASIC, "P1Y", "Annual",
        "72.00"), row(9, E3, "P1Y", "Annual", "430.00"));
    assertThat(v).hasMessage("PCF-1: line 9: O365_E3/P1Y/annual is priced twice for 2025-03,"
        + " on lines 2 and 9");
  }

  @Test
  void PCF_1_malformed_rows_are_refused_with_their_line_number() {
    assertThat(refusal(row(2, E3, "P1Y", "Annual", "432.00"), row(3, E3, "P2Y", "Annual", "1")))
        .hasMessage("PCF-1: line 3: TermDuration: unknown term 'P2Y'; expected one of [P1M, P1Y,"
            + " P3Y]");
    assertThat(refusal(row(4, E3, "P1M", "Annual", "1")))
        .hasMessage("PCF-1: line 4: BillingPlan Annual does not fit a P1M term");
    assertThat(refusal(row(5, E3, "P1Y", "Annual", "12,50")))
        .hasMessage("PCF-1: line 5: UnitPrice '12,50' is not a number");
    assertThat(refusal(row(6, E3, "P1Y", "Annual", "-1.00")))
        .hasMessage("PCF-1: line 6: UnitPrice -1.00 is negative");
    assertThat(refusal(row(7, E3, "P1Y", "Annual", "1.005")))
        .hasMessage("PCF-1: line 7: UnitPrice 1.005 is finer than the currency's minor unit"
            + " (2 digits)");
    assertThat(refusal(row(8, E3, "P1Y", "Annual", "1.00", "2025-03-01T00:00:00+01:00", "", "")))
        .hasMessage("PCF-1: line 8: EffectiveStartDate '2025-03-01T00:00:00+01:00' is not in UTC");
    assertThat(refusal(row(9, E3, "P1Y", "Annual", "1.00", "03/01/2025", "", "")))
        .hasMessage("PCF-1: line 9: EffectiveStartDate '03/01/2025' is not an ISO date or UTC"
            + " date-time");
    assertThat(refusal(row(10, E3, "P1Y", "Annual", "1.00", "2025-03-01", "2025-02-01", "")))
        .hasMessage("PCF-1: line 10: EffectiveEndDate 2025-02-01 is before EffectiveStartDate"
            + " 2025-03-01");
    assertThat(refusal(row(11, "CFQ7 TTC", "P1Y", "Annual", "1.00")).getMessage())
        .startsWith("PCF-1: line 11: ProductId must be a word");
    assertThat(refusal(row(12, E3, "P1Y", "Annual", "1.00", "2025-03-01", "", "x")))
        .hasMessage("PCF-1: line 12: ERP Price 'x' is not a number");
    assertThat(refusal(new PriceListFileRow(13, E3, "0001", "", "", "P1Y", "Annual", "US", "XYZ",
        "1.00", "", "", "2025-03-01", "", "")))
        .hasMessage("PCF-1: line 13: Currency 'XYZ' is not an ISO 4217 currency");
    assertThat(refusal(new PriceListFileRow(14, E3, "", "", "", "P1Y", "Annual", "US", "USD",
        "1.00", "", "", "2025-03-01", "", "")))
        .hasMessage("PCF-1: line 14: ProductId and SkuId must not be empty");
    assertThat(refusal()).hasMessage("PCF-1: the file has no price row");
  }

  @Test
  void PCF_1_a_file_is_the_list_of_one_market_and_currency() {
    PriceListFileRow eur = new PriceListFileRow(3, BASIC, "0001", "", "", "P1Y", "Annual", "US",
        "EUR", "70.00", "", "", "2025-03-01", "", "");
    assertThat(refusal(row(2, E3, "P1Y", "Annual", "432.00"), eur)).hasMessage("PCF-1: line 3:"
        + " Currency EUR differs from the file's currency USD (line 2): a file is the list of one"
        + " market and currency");
    PriceListFileRow gb = new PriceListFileRow(3, BASIC, "0001", "", "", "P1Y", "Annual", "GB",
        "USD", "70.00", "", "", "2025-03-01", "", "");
    assertThat(refusal(row(2, E3, "P1Y", "Annual", "432.00"), gb).getMessage())
        .startsWith("PCF-1: line 3: Market GB differs from the file's market US (line 2)");
  }

  @Test
  void PCF_1_rows_of_higher_pricing_tiers_are_skipped() {
    PriceListFileRow first = new PriceListFileRow(2, E3, "0001", "", "", "P1Y", "Annual", "US",
        "USD", "432.00", "1", "2400", "2025-03-01", "", "");
    PriceListFileRow second = new PriceListFileRow(3, E3, "0001", "", "", "P1Y", "Annual", "US",
        "USD", "400.00", "2401", "", "2025-03-01", "", "");
    ImportedPriceList list = read(first, second);
    assertThat(list.skippedTiers()).isEqualTo(1);
    assertThat(list.priceList().prices().get("O365_E3")).isEqualTo(amount("432.00", USD));
    PriceListFileRow bad = new PriceListFileRow(4, E3, "0001", "", "", "P1Y", "Annual", "US",
        "USD", "1.00", "10", "5", "2025-03-01", "", "");
    assertThat(refusal(bad))
        .hasMessage("PCF-1: line 4: PricingTierRangeMin 10 is above PricingTierRangeMax 5");
  }

  @Test
  void PCF_1_two_keys_cannot_map_to_one_sku() {
    assertThatThrownBy(() -> MAPPING.with("CFQ7TTC0XXXX:0001", "O365_E3"))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("PCF-1: SKU O365_E3 is already mapped from CFQ7TTC0LFLX:0001; it cannot also"
            + " be CFQ7TTC0XXXX:0001");
    assertThat(MAPPING.with(E3 + ":0001", "O365_E3_NEW").skuOrKey(E3 + ":0001"))
        .isEqualTo("O365_E3_NEW");
    assertThatThrownBy(() -> SkuMapping.requireKey("E3"))
        .hasMessage("OUT_OF_RANGE: expected PRODUCTID:SKUID (letters, digits, _ and -), found"
            + " 'E3'");
  }

  @Test
  void PCF_1_erp_pricing_sells_at_the_erp_price_of_the_terms_month() {
    ImportedPriceList march = read(
        row(2, E3, "P1Y", "Annual", "432.00", "2025-03-01", "", "518.40"),
        row(3, E3, "P1M", "Monthly", "43.20", "2025-03-01", "", "51.84"),
        row(4, BASIC, "P1Y", "Annual", "72.00", "2025-03-01", "", ""));
    PricingPolicy erp = ErpPricing.of("US", List.of(march), PricingPolicy.markup(
        new java.math.BigDecimal("10")));
    LocalDate start = d("2025-03-10");
    assertThat(erp.saleMinor(start, "contoso", "O365_E3", 43200, USD)).isEqualTo(51840);
    // a P1M row's cost asks for the P1M row's ERP price
    assertThat(erp.saleMinor(start, "contoso", "O365_E3", 4320, USD)).isEqualTo(5184);
    // no ERP price: the fallback (markup 10%)
    assertThat(erp.saleMinor(start, "contoso", "M365_BASIC", 7200, USD)).isEqualTo(7920);
    // another month: no list, the fallback
    assertThat(erp.saleMinor(d("2025-04-01"), "contoso", "O365_E3", 43200, USD))
        .isEqualTo(47520);
    // undated: the latest month
    assertThat(erp.saleMinor("contoso", "O365_E3", 43200, USD)).isEqualTo(51840);
    // a list published after the term's first day is not known then (PRC-3)
    PriceListImport late = PriceListImport.of(MAPPING, d("2025-03-20"));
    late.add(row(2, E3, "P1Y", "Annual", "432.00", "2025-03-01", "", "600.00"));
    ErpPricing both = ((ErpPricing) erp).with(late.finish());
    assertThat(both.saleMinor(start, "contoso", "O365_E3", 43200, USD)).isEqualTo(51840);
    assertThat(both.saleMinor(d("2025-03-25"), "contoso", "O365_E3", 43200, USD))
        .isEqualTo(60000);
  }

  @Test
  void PCF_1_offer_prices_read_every_row_of_an_imported_list() {
    ImportedPriceList list = read(row(2, E3, "P1Y", "Annual", "432.00"),
        row(3, E3, "P1M", "Monthly", "43.20"));
    PriceBook book = PriceBook.create();
    book.publish(list.priceList());
    OfferPrices prices = ImportedPriceList.offerPrices(book, List.of(list));
    assertThat(prices.row(TermOffer.parse("O365_E3/P1M/monthly"), "US", USD, d("2025-03-05"))
        .unitPrice()).isEqualTo(amount("43.20", USD));
    assertThat(OfferPrices.seedLists(book).rows("US", USD, d("2025-03-05"), d("2025-03-05"))
        .orElseThrow().prices()).hasSize(1);
  }

  /** Random rows: distinct offers, each with a start and an end around the month. */
  static Gen<List<long[]>> randomRows() {
    Gen<long[]> one = SourceDSL.integers().between(0, 5).zip(SourceDSL.integers().between(0, 5),
        SourceDSL.longs().between(0, 10_000_00), SourceDSL.integers().between(-3, 2),
        SourceDSL.integers().between(-4, 12), (sku, offer, price, startMonths, endMonths)
            -> new long[] {sku, offer, price, startMonths, endMonths});
    return SourceDSL.lists().of(one).ofSizeBetween(1, 30);
  }

  @Test
  void PCF_1_kept_rows_are_exactly_those_not_ended_before_the_latest_start_month() {
    String[][] offers = {{"P1M", "Monthly"}, {"P1Y", "Monthly"}, {"P1Y", "Annual"},
        {"P3Y", "Monthly"}, {"P3Y", "Annual"}, {"P3Y", "Triennial"}};
    YearMonth base = YearMonth.of(2025, 3);
    qt().withExamples(500).forAll(randomRows()).checkAssert(raw -> {
      Map<String, long[]> distinct = new HashMap<>();
      for (long[] r : raw) {
        distinct.putIfAbsent(r[0] + "/" + r[1], r);
      }
      List<PriceListFileRow> rows = new ArrayList<>();
      YearMonth latest = null;
      long line = 2;
      for (long[] r : distinct.values()) {
        YearMonth start = base.plusMonths(r[3]);
        YearMonth end = start.plusMonths(Math.max(0, r[4]));
        latest = latest == null || start.isAfter(latest) ? start : latest;
        rows.add(new PriceListFileRow(line++, "P" + r[0], "0001", "", "", offers[(int) r[1]][0],
            offers[(int) r[1]][1], "US", "USD", MinorUnits.format(r[2], USD), "", "",
            start.atDay(1) + "T00:00:00Z", end.atEndOfMonth() + "T23:59:59Z", ""));
      }
      ImportedPriceList list = read(rows.toArray(PriceListFileRow[]::new));
      assertThat(list.month()).isEqualTo(latest);
      long kept = 0;
      for (PriceListFileRow r : rows) {
        boolean expired = LocalDate.parse(r.effectiveEnd().substring(0, 10))
            .isBefore(latest.atDay(1));
        TermOffer offer = TermOffer.of(r.productId() + ":0001", TermLength.parse(r.termDuration()),
            BillingPlan.parse(r.billingPlan()));
        if (expired) {
          assertThat(list.rows().row(offer)).isEmpty();
        } else {
          kept++;
          assertThat(list.rows().row(offer).orElseThrow().unitPrice())
              .isEqualTo(amount(r.unitPrice(), USD));
        }
      }
      assertThat(list.rows().prices()).hasSize((int) kept);
      assertThat(list.skippedExpired()).isEqualTo(rows.size() - kept);
      assertThat(list.priceList().prices().keySet()).allMatch(
          sku -> list.rows().row(TermOffer.annual(sku)).isPresent());
    });
  }

  @Test
  void PCF_1_an_import_reads_once() {
    PriceListImport imp = PriceListImport.of(MAPPING, PUBLISHED);
    imp.add(row(2, E3, "P1Y", "Annual", "432.00"));
    imp.finish();
    assertThatThrownBy(imp::finish).hasMessageContaining("the import is finished");
    assertThatThrownBy(() -> imp.add(row(3, E3, "P1Y", "Annual", "1.00")))
        .hasMessageContaining("the import is finished");
  }
}
