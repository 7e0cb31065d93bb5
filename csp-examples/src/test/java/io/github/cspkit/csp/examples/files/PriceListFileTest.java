package io.github.cspkit.csp.examples.files;

import static io.github.cspkit.csp.examples.files.PcfFixtures.MAPPING;
import static io.github.cspkit.csp.examples.files.PcfFixtures.file;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceListImport;
import io.github.cspkit.csp.pricing.TermOffer;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PCF-1: reading Partner Center's price list file with Apache Commons CSV. */
class PriceListFileTest {
  static final String HEADER = "ProductTitle,ProductId,SkuId,SkuTitle,Publisher,SkuDescription,"
      + "UnitOfMeasure,TermDuration,BillingPlan,Market,Currency,UnitPrice,PricingTierRangeMin,"
      + "PricingTierRangeMax,EffectiveStartDate,EffectiveEndDate,Tags,ERP Price";

  static ImportedPriceList read(String text) {
    return PriceListFile.read(new StringReader(text), "prices.csv",
        PriceListImport.of(MAPPING, d("2025-01-30")));
  }

  @Test
  void PCF_1_a_real_shaped_file_with_quoted_fields_and_an_expired_row() {
    ImportedPriceList list = PcfFixtures.march();
    assertThat(list.month()).isEqualTo(YearMonth.of(2025, 3));
    assertThat(list.rowsRead()).isEqualTo(9);
    assertThat(list.skippedExpired()).isEqualTo(1);
    assertThat(list.rows().prices()).hasSize(8);
    assertThat(list.priceList().prices()).containsOnlyKeys("O365_E3", "M365_BASIC",
        "CFQ7TTC0QW7C:0001");
    assertThat(MinorUnits.of(list.priceList().prices().get("O365_E3"))).isEqualTo(43200);
    assertThat(MinorUnits.of(list.rows().row(TermOffer.parse("O365_E3/P1Y/monthly"))
        .orElseThrow().unitPrice())).isEqualTo(45360);
    assertThat(MinorUnits.of(list.erpRows().row(TermOffer.parse("O365_E3/P1Y/annual"))
        .orElseThrow().unitPrice())).isEqualTo(51840);
    assertThat(list.erpRows().row(TermOffer.parse("O365_E3/P3Y/triennial"))).isEmpty();
    assertThat(list.unmapped()).containsExactly(
        Map.entry("CFQ7TTC0QW7C:0001", "Microsoft Teams Essentials Microsoft Teams Essentials"));
  }

  @Test
  void PCF_1_ISO_dates_and_columns_in_any_order_with_extra_columns() {
    ImportedPriceList april = PriceListFile.read(file("prices-2025-04.csv"), MAPPING,
        d("2025-02-27"));
    assertThat(april.month()).isEqualTo(YearMonth.of(2025, 4));
    assertThat(april.skippedExpired()).isEqualTo(1);
    assertThat(MinorUnits.of(april.priceList().prices().get("O365_E3"))).isEqualTo(45000);
    ImportedPriceList shuffled = read("\uFEFFEndofSaleDate,Currency,UnitPrice,Market,BillingPlan,"
        + "TermDuration,SkuId,ProductId,EffectiveEndDate,EffectiveStartDate,Extra\r\n"
        + ",USD,72.00,US,Annual,P1Y,0001,CFQ7TTC0LH18,,2025-03-01,x\r\n");
    assertThat(MinorUnits.of(shuffled.priceList().prices().get("M365_BASIC"))).isEqualTo(7200);
  }

  @Test
  void PCF_1_a_malformed_row_is_refused_with_the_files_line_number() {
    assertThatThrownBy(() -> PriceListFile.read(file("malformed-prices.csv"), MAPPING,
        d("2025-01-30"))).isInstanceOf(RuleViolation.class)
        .hasMessage("PCF-1: malformed-prices.csv line 5: UnitPrice '453,60' is not a number");
    assertThatThrownBy(() -> read(HEADER + "\r\nBasic,CFQ7TTC0LH18,0001,Basic,MS,d,1,P1Y,Annual,US,"
        + "USD,72.00,,,2025-03-01,,,\r\nshort,row\r\n"))
        .hasMessage("PCF-1: prices.csv line 3: 2 fields, but the header has 18");
    assertThatThrownBy(() -> read(HEADER + "\r\n\"Basic,CFQ7TTC0LH18,0001\r\n"))
        .hasMessageStartingWith("PCF-1: prices.csv line 2: ");
    assertThatThrownBy(() -> read("ProductId,SkuId\r\nA,1\r\n"))
        .hasMessage("PCF-1: prices.csv line 1: the header has no column TermDuration");
    assertThatThrownBy(() -> read(HEADER + "\r\n"))
        .hasMessage("PCF-1: prices.csv the file has no price row");
  }

  @Test
  void PCF_1_a_hundred_thousand_rows_stream_through() {
    // the file is generated as it is read (never held whole); its time and memory are measured
    // by the JMH benchmark (bench profile, a 128 MB heap), not here
    ImportedPriceList list = PriceListFile.read(GeneratedPriceList.of(100_000), "big.csv",
        PriceListImport.of(MAPPING, d("2025-01-30")));
    list.priceList();
    assertThat(list.rowsRead()).isEqualTo(100_000);
    assertThat(list.skippedExpired()).isEqualTo(100_000 / GeneratedPriceList.EXPIRED_EVERY);
    assertThat(list.rows().prices()).hasSize(100_000 - 100_000
        / GeneratedPriceList.EXPIRED_EVERY);
  }


}
