package io.github.cspkit.csp.examples.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The bill export for PSA and accounting tools (BIL-1, BIL-3, BIL-5). */
class BillExportTest {
  static List<CSVRecord> parse(String csv) throws IOException {
    try (CSVParser p = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder()
        .setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  static PartnerFixtures.World world() {
    PartnerFixtures.World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    p.createCustomer(w.asAdmin(LocalDate.parse("2025-01-20")), NewCustomer.builder()
        .id("tailspin").name("Tailspin, \"Toys\" Ltd — Zürich").market("US").billingDay(1)
        .currency(PartnerFixtures.USD).build());
    p.setFinancing(w.asAdmin(LocalDate.parse("2025-01-21")), PartnerFixtures.CONTOSO,
        FinancingPlan.instalments(3));
    p.issueBills(w.asAdmin(LocalDate.parse("2025-04-01")));
    return w;
  }

  static List<Bill> bills(CspPartner p) {
    List<Bill> bills = new ArrayList<>();
    for (String c : List.of(PartnerFixtures.CONTOSO, PartnerFixtures.FABRIKAM, "tailspin")) {
      bills.addAll(p.bills(c));
    }
    return bills;
  }

  @Test
  void BIL_5_one_row_per_line_with_the_bills_figures_and_empty_bills_kept() throws IOException {
    PartnerFixtures.World w = world();
    List<Bill> bills = bills(w.partner());
    String csv = BillExport.csv().render(bills, BillExport.namesOf(w.partner()));
    assertThat(csv).startsWith(String.join(",", BillExport.HEADER) + "\r\n").endsWith("\r\n");
    List<CSVRecord> rows = parse(csv);
    int expectedRows = 0;
    for (Bill b : bills) {
      expectedRows += Math.max(1, b.lines().size());
    }
    assertThat(rows).hasSize(expectedRows);
    // every bill is there, its total on each of its rows, and its lines add up to it
    for (Bill b : bills) {
      List<CSVRecord> mine = rows.stream().filter(r -> r.get("bill_id").equals(b.id())).toList();
      assertThat(mine).hasSize(Math.max(1, b.lines().size()));
      long sum = 0;
      for (CSVRecord r : mine) {
        assertThat(r.get("bill_total")).isEqualTo(MinorUnits.format(b.totalMinor(), b.currency()));
        assertThat(r.get("customer_id")).isEqualTo(b.customerId());
        assertThat(r.get("issued_on")).isEqualTo(b.issuedOn().toString());
        assertThat(r.get("period_start")).isEqualTo(b.period().start().toString());
        if (!r.get("amount").isEmpty()) {
          sum += MinorUnits.parse(r.get("amount"), b.currency());
        }
      }
      assertThat(sum).isEqualTo(b.totalMinor());
    }
    // Tailspin has no subscription: its bills are empty, kept with one row each
    List<CSVRecord> empty = rows.stream().filter(r -> r.get("customer_id").equals("tailspin"))
        .toList();
    assertThat(empty).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("customer_name")).isEqualTo("Tailspin, \"Toys\" Ltd — Zürich");
      assertThat(r.get("bill_total")).isEqualTo("0.00");
      assertThat(r.get("line_no")).isEmpty();
      assertThat(r.get("amount")).isEmpty();
    });
    assertThat(csv).contains("\"Tailspin, \"\"Toys\"\" Ltd — Zürich\"");
    // a subscription line: seats, unit price, formula
    CSVRecord line = rows.stream().filter(r -> r.get("subscription").equals("S1")).findFirst()
        .orElseThrow();
    assertThat(line.get("formula")).contains(" × ");
    assertThat(line.get("customer_name")).isEqualTo(PartnerFixtures.CONTOSO);
  }

  @Test
  void BIL_3_the_due_day_is_the_first_of_the_bills_schedule() throws IOException {
    PartnerFixtures.World w = world();
    Bill instalments = w.partner().bill(PartnerFixtures.CONTOSO, YearMonth.of(2025, 3))
        .orElseThrow();
    assertThat(instalments.dues()).hasSize(3);
    Bill plain = w.partner().bill(PartnerFixtures.FABRIKAM, YearMonth.of(2025, 3)).orElseThrow();
    List<CSVRecord> rows = parse(BillExport.csv().render(List.of(instalments, plain), id -> id));
    assertThat(rows).filteredOn(r -> r.get("bill_id").equals(instalments.id())).isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("due_on"))
            .isEqualTo(instalments.dues().get(0).date().toString()));
    assertThat(rows).filteredOn(r -> r.get("bill_id").equals(plain.id())).isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("due_on")).isEqualTo(plain.issuedOn().toString()));
  }

  @Test
  void BIL_5_an_optional_byte_order_mark_for_spreadsheets() {
    PartnerFixtures.World w = world();
    List<Bill> bills = bills(w.partner());
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    BillExport.csv().write(plain, bills, BillExport.namesOf(w.partner()));
    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    BillExport.withByteOrderMark().write(bom, bills, BillExport.namesOf(w.partner()));
    byte[] p = plain.toByteArray();
    byte[] b = bom.toByteArray();
    assertThat(b.length).isEqualTo(p.length + 3);
    assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(b, 3, b.length - 3, StandardCharsets.UTF_8))
        .isEqualTo(new String(p, StandardCharsets.UTF_8))
        .isEqualTo(BillExport.csv().render(bills, BillExport.namesOf(w.partner())));
    assertThat(BillExport.withByteOrderMark().render(bills, id -> id)).startsWith("\uFEFFbill_id,");
    assertThat(p[0]).isEqualTo((byte) 'b');
    assertThat(Map.of("plain", BillExport.csv().byteOrderMark(), "bom",
        BillExport.withByteOrderMark().byteOrderMark())).containsEntry("bom", true)
        .containsEntry("plain", false);
    assertThat(bills).flatExtracting(Bill::lines).extracting(BillLine::formula)
        .anyMatch(f -> f.contains("×"));
  }
}
