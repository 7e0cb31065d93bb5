package io.github.cspkit.csp.billing;

import static io.github.cspkit.csp.billing.BillingDesk.E3;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain-text and CSV rendering of bills (BIL-5, with BIL-3 dues and BIL-4 cost and margin). */
class BillRenderingTest {

  private static Bill workedExample() {
    BillingDesk desk = BillingDesk.builder().build();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2025-03-01");
    return desk.bill("2025-03");
  }

  @Test
  void BIL_5_text_shows_each_line_with_kind_item_days_formula_and_amount_right_aligned() {
    String text = BillText.render(workedExample());
    System.out.println(text);
    String[] rows = text.split("\n");
    assertThat(rows[0]).isEqualTo("Bill contoso/2025-03-01");
    assertThat(text).contains("Customer   contoso\n", "Period     2025-03-01 to 2025-03-31 (31 days)\n",
        "Issued     end of 2025-03-01\n", "Currency   USD\n");
    String header = find(rows, "Kind ");
    String prorated = find(rows, "prorated ");
    String recurring = find(rows, "recurring ");
    assertThat(prorated).contains("S1", "O365_E3", "ordered on 2025-02-10", "2025-02-10", "2025-02-28",
        " 19 ", "288.00 × 10 × 19/365").endsWith(" 149.92");
    assertThat(recurring).contains("10 seats", "2025-03-01", "2025-03-31", " 31 ", "288.00 × 10 × 31/365")
        .endsWith(" 244.60");
    String total = find(rows, "Total");
    String cost = find(rows, "Cost");
    String margin = find(rows, "Margin");
    assertThat(total).endsWith(" 394.52");
    assertThat(cost).endsWith(" 328.77");
    assertThat(margin).endsWith(" 65.75");
    // every table row and summary ends at the same column: amounts are right-aligned
    int width = header.length();
    for (String row : List.of(prorated, recurring, total, cost, margin)) {
      assertThat(row).as(row).hasSize(width);
    }
    // the columns line up: the formula starts at the same place on every line
    assertThat(prorated.indexOf("288.00")).isEqualTo(recurring.indexOf("288.00"))
        .isEqualTo(header.indexOf("Formula"));
    assertThat(text).contains("Falls due\n2025-03-01");
    assertThat(find(rows, "2025-03-01 ")).hasSize(width).endsWith(" 394.52");
  }

  @Test
  void BIL_5_text_of_an_empty_bill_says_so_and_totals_zero() {
    BillingDesk desk = BillingDesk.builder().build();
    desk.advance("2025-02-01");
    String text = BillText.render(desk.bill("2025-02"));
    assertThat(text).contains("(no lines)", "Total").contains(" 0.00\n");
  }

  @Test
  void BIL_5_text_shows_credits_services_discounts_and_instalments() {
    BillingDesk desk = BillingDesk.builder().financing(FinancingPlan.instalments(3)).build();
    desk.order("S1", E3, 10, "2025-03-01");
    desk.service("support", "50.00", Recurrence.MONTHLY, "2025-03-01");
    desk.suspend("S1", "2025-03-10");
    desk.advance("2025-04-01");
    String text = BillText.render(desk.bill("2025-04"));
    System.out.println(text);
    assertThat(text).contains("prorated", "suspended on 2025-03-10", "288.00 × -10 × 22/365", "-173.59",
        "service", "support", "50.00", "-123.59");
    assertThat(text.lines().filter(l -> l.startsWith("Total")).findFirst().orElseThrow()).endsWith(" -123.59");

    BillingDesk prepaid = BillingDesk.builder()
        .financing(FinancingPlan.annualPrepayment(new BigDecimal("5"))).build();
    prepaid.order("S1", E3, 10, "2025-03-01");
    prepaid.advance("2025-03-01");
    assertThat(BillText.render(prepaid.bill("2025-03")))
        .contains("discount", "prepayment discount", "annual prepayment, 5% discount", "-144.00", "2736.00");

    BillingDesk split = BillingDesk.builder().financing(FinancingPlan.instalments(3)).build();
    split.order("S1", E3, 10, "2025-02-10");
    split.advance("2025-03-01");
    Bill march = split.bill("2025-03");
    String dues = BillText.render(march);
    assertThat(dues).contains("Falls due\n");
    assertThat(dues.substring(dues.indexOf("Falls due")).lines().skip(1).toList())
        .hasSize(3).allSatisfy(l -> assertThat(l).matches("2025-0[345]-01 +131\\.5[01]"));
  }

  @Test
  void BIL_5_csv_has_a_header_and_one_row_per_line_that_add_up_to_the_total() {
    Bill bill = workedExample();
    String csv = BillCsv.render(bill);
    System.out.println(csv);
    assertThat(csv).startsWith(BillCsv.header() + "\r\n").endsWith("\r\n");
    List<List<String>> records = parse(csv);
    assertThat(records).hasSize(1 + bill.lines().size());
    List<String> header = records.get(0);
    assertThat(header).containsExactly("bill", "customer", "period_start", "period_last_day", "issued_on",
        "currency", "kind", "subscription", "item", "description", "first_day", "last_day", "days",
        "seats", "unit_price", "days_in_term", "formula", "amount", "cost");
    for (List<String> r : records) {
      assertThat(r).hasSameSizeAs(header);
    }
    assertThat(records.get(1)).containsExactly("contoso/2025-03-01", "contoso", "2025-03-01", "2025-03-31",
        "2025-03-01", "USD", "PRORATED", "S1", "O365_E3", "ordered on 2025-02-10", "2025-02-10",
        "2025-02-28", "19", "10", "288.00", "365", "288.00 × 10 × 19/365", "149.92", "124.93");
    long sum = 0;
    long cost = 0;
    for (List<String> r : records.subList(1, records.size())) {
      sum += MinorUnits.parse(r.get(17), MinorUnits.USD);
      cost += MinorUnits.parse(r.get(18), MinorUnits.USD);
    }
    assertThat(sum).isEqualTo(bill.totalMinor());
    assertThat(cost).isEqualTo(bill.costMinor());
  }

  @Test
  void BIL_5_csv_quotes_fields_with_commas_quotes_and_line_breaks() {
    // a service's name has no line break (OUT_OF_RANGE), but a bill read from an older store may
    String name = "Setup, \"premium\"\r\nsecond line";
    Bill bill = Bill.builder().customerId("contoso").period(DateRange.of(d("2025-03-01"), d("2025-04-01")))
        .issuedOn(d("2025-03-01")).currency(MinorUnits.USD)
        .addLines(BillLine.flat(LineKind.SERVICE, name, "plain", DateRange.of(d("2025-03-01"),
            d("2025-04-01")), -1, MinorUnits.USD))
        .addDues(new Due(d("2025-03-01"), -1)).build();
    String csv = BillCsv.render(bill);
    assertThat(csv).contains(",\"Setup, \"\"premium\"\"\r\nsecond line\",plain,");
    assertThat(csv).contains(",-0.01,0.00\r\n");
    List<List<String>> records = parse(csv);
    assertThat(records).hasSize(2);
    assertThat(records.get(1).get(8)).isEqualTo(name);
    assertThat(records.get(1).get(7)).as("no subscription").isEmpty();
    assertThat(records.get(1).get(16)).as("no formula").isEmpty();
    assertThat(BillCsv.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(BillCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(BillCsv.quote("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(BillCsv.quote("cr\r")).isEqualTo("\"cr\r\"");
    assertThat(BillCsv.quote("plain")).isEqualTo("plain");
    assertThat(BillText.render(bill)).contains("-0.01");
  }

  @Test
  void BIL_5_csv_of_several_bills_has_one_header() {
    BillingDesk desk = BillingDesk.builder().build();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.advance("2025-05-01");
    String csv = BillCsv.render(desk.bills);
    List<List<String>> records = parse(csv);
    long rows = desk.bills.stream().mapToLong(b -> b.lines().size()).sum();
    assertThat(records).hasSize(1 + (int) rows);
    assertThat(csv.indexOf("bill,customer")).isZero();
    assertThat(csv.indexOf("bill,customer", 1)).isEqualTo(-1);
    assertThat(BillCsv.render(desk.bill("2025-02"))).isEqualTo(BillCsv.header() + "\r\n");
  }

  private static String find(String[] rows, String prefix) {
    for (String r : rows) {
      if (r.startsWith(prefix)) {
        return r;
      }
    }
    throw new AssertionError("no row starts with '" + prefix + "'");
  }

  /** A strict RFC 4180 reader: CRLF-terminated records, quoted fields with doubled quotes. */
  static List<List<String>> parse(String csv) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = csv.length();
    while (i < n) {
      char c = csv.charAt(i);
      if (c == '"' && field.length() == 0) {
        i++;
        while (true) {
          char q = csv.charAt(i);
          if (q == '"') {
            if (i + 1 < n && csv.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            field.append(q);
            i++;
          }
        }
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r') {
        assertThat(csv.charAt(i + 1)).as("CRLF").isEqualTo('\n');
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
        i += 2;
      } else {
        assertThat(c).as("bare quote or LF outside quotes at %s", i).isNotIn('"', '\n');
        field.append(c);
        i++;
      }
    }
    assertThat(record).as("last record ends with CRLF").isEmpty();
    assertThat(field.length()).isZero();
    return out;
  }
}
