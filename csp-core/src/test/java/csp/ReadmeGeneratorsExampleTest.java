package csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import csp.billing.Bill;
import csp.partner.CspPartner;
import csp.testkit.CspGenerators;
import csp.testkit.QtGens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's property written with the testkit, kept compiling and passing. */
class ReadmeGeneratorsExampleTest {
  /** Stands in for an integrator's own code. */
  static final class MyExport {
    static long total(List<Bill> bills) {
      long sum = 0;
      for (Bill b : bills) {
        for (var line : b.lines()) {
          sum += line.amountMinor();
        }
      }
      return sum;
    }
  }

  @Test
  void BIL_1_my_invoice_export_balances_for_any_history() {
    qt().withExamples(200).forAll(QtGens.histories(5, 40)).checkAssert(history -> {
      CspPartner csp = CspGenerators.newPartner();
      CspGenerators.replay(history, csp);                  // never refused: the generator promises it
      for (String c : csp.store().read().customers().ids()) {
        List<Bill> bills = csp.bills(c);
        assertThat(MyExport.total(bills)).isEqualTo(bills.stream().mapToLong(Bill::totalMinor).sum());
      }
    });
  }
}
