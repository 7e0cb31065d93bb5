package io.github.cspkit.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.QtGens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's property written with the testkit, kept compiling and passing. */
class ReadmeGeneratorsExampleTest {
  /**
   * Stands in for an integrator's own code: it reads the bills' CSV export (BIL-5) back and adds
   * up the amount column, independently of {@code Bill.totalMinor()}.
   */
  static final class MyExport {
    static long total(List<Bill> bills) {
      long sum = 0;
      String[] rows = io.github.cspkit.csp.billing.BillCsv.render(bills).split("\r\n");
      List<String> header = fields(rows[0]);
      int amount = header.indexOf("amount");
      for (int i = 1; i < rows.length; i++) {
        String cell = fields(rows[i]).get(amount);
        sum += new java.math.BigDecimal(cell).movePointRight(2).longValueExact();
      }
      return sum;
    }

    /** RFC 4180 fields of one row. */
    static List<String> fields(String row) {
      List<String> out = new java.util.ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < row.length(); i++) {
        char c = row.charAt(i);
        if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          out.add(f.toString());
          f.setLength(0);
        } else {
          f.append(c);
        }
      }
      out.add(f.toString());
      return out;
    }
  }

  @Test
  void BIL_1_my_invoice_export_balances_for_any_history() {
    qt().withExamples(200).forAll(QtGens.histories(5, 40)).checkAssert(history -> {
      CspStore store = InMemoryStore.create();             // yours: the entry point does not expose it
      CspPartner csp = CspGenerators.newPartner(CspPolicies.seed(), store);
      CspGenerators.replay(history, csp);                  // never refused: the generator promises it
      for (String c : store.forPartner(csp.partner().id()).read().customers().ids()) {
        List<Bill> bills = csp.bills(c);
        assertThat(MyExport.total(bills)).isEqualTo(bills.stream().mapToLong(Bill::totalMinor).sum());
      }
    });
  }
}
