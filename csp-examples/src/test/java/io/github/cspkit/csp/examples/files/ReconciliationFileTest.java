package io.github.cspkit.csp.examples.files;

import static io.github.cspkit.csp.examples.files.PcfFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.ReconciliationLine;
import io.github.cspkit.csp.billing.VendorCharge;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PCF-2: reading Partner Center's reconciliation file and matching it with the vendor charges. */
class ReconciliationFileTest {
  @Test
  void PCF_2_the_march_file_against_the_charges_of_the_scenario() {
    List<VendorCharge> charges = PcfFixtures.reconciliationCharges();
    Reconciliation r = ReconciliationFile.reconcile(file("recon-2025-03.csv"),
        YearMonth.of(2025, 3), charges);
    assertThat(r.matched()).extracting(m -> m.file().line()).containsExactly(2L, 4L);
    assertThat(r.different()).singleElement().satisfies(d -> {
      assertThat(d.file().line()).isEqualTo(3);
      assertThat(d.columns()).extracting(Reconciliation.ColumnDifference::toString)
          .containsExactly("EffectiveUnitPrice -6.51 in the file, -6.50 here",
              "Subtotal -13.02 in the file, -13.00 here");
    });
    assertThat(r.missingHere()).extracting(ReconciliationLine::subscriptionId)
        .containsExactly("S9");
    assertThat(r.missingThere()).singleElement()
        .satisfies(c -> assertThat(c.toString()).isEqualTo(
            "S1 addQuantity 2025-03-20..2025-03-31 3 × 2.78 = 8.34 USD"));
    assertThat(PartnerCenterStatements.expectReconciliation(file("recon-2025-03.csv"),
        YearMonth.of(2025, 3), charges, 2, 1, 1, 1)).isEmpty();
    assertThat(PartnerCenterStatements.expectReconciliation(file("recon-2025-03.csv"),
        YearMonth.of(2025, 3), charges, 3, 1, 0, 1).orElseThrow())
        .startsWith("expected reconciliation recon-2025-03.csv 2025-03 matched 3 missing-here 1"
            + " missing-there 0 different 1, found matched 2 missing-here 1 missing-there 1"
            + " different 1");
  }

  @Test
  void PCF_2_the_report_as_text_and_csv() {
    Reconciliation r = ReconciliationFile.reconcile(file("recon-2025-03.csv"),
        YearMonth.of(2025, 3), PcfFixtures.reconciliationCharges());
    assertThat(ReconciliationReport.text(r)).isEqualTo(
        "Reconciliation 2025-03-01 to 2025-03-31: 2 matched, 1 missing here, 1 missing there,"
            + " 1 different\n"
            + "  different  line 3 S1 removeQuantity 2025-03-04..2025-03-31: EffectiveUnitPrice"
            + " -6.51 in the file, -6.50 here; Subtotal -13.02 in the file, -13.00 here\n"
            + "  only in the file, line 5: S9 new 2025-03-15..2025-04-14 1 × 7.2 = 7.2 USD\n"
            + "  only here: S1 addQuantity 2025-03-20..2025-03-31 3 × 2.78 = 8.34 USD\n");
    assertThat(ReconciliationReport.csv(r).split("\r\n")).containsExactly(
        String.join(",", ReconciliationReport.HEADER),
        "matched,2,S1,new,2025-03-01,2025-03-31,10,10,7.2,7.20,7.2,7.20,72,72.00,USD,",
        "matched,4,S2,new,2025-03-10,2025-04-09,5,5,37.8,37.80,37.8,37.80,189,189.00,USD,",
        "different,3,S1,removeQuantity,2025-03-04,2025-03-31,2,2,7.2,7.20,-6.51,-6.50,-13.02,"
            + "-13.00,USD,EffectiveUnitPrice Subtotal",
        "missing-here,5,S9,new,2025-03-15,2025-04-14,1,,7.2,,7.2,,7.2,,USD,",
        "missing-there,,S1,addQuantity,2025-03-20,2025-03-31,,3,,7.20,,2.78,,8.34,USD,");
  }

  @Test
  void PCF_2_columns_by_name_quoted_fields_and_line_numbers() {
    List<ReconciliationLine> lines = ReconciliationFile.read(new StringReader(
        "Extra,Subtotal,Quantity,EffectiveUnitPrice,UnitPrice,ChargeEndDate,ChargeStartDate,"
            + "SubscriptionId,CustomerName\r\n"
            + "\"a,\r\nb\",72.00,10,7.20,7.20,2025-03-31,2025-03-01,S1,\"Contoso, Ltd.\"\r\n"
            + "x,-13.00,2,-6.50,7.20,2025-03-31T00:00:00Z,2025-03-04T00:00:00Z,S1,y\r\n"),
        "recon.csv");
    assertThat(lines).extracting(ReconciliationLine::line).containsExactly(2L, 4L);
    assertThat(lines.get(1).isRefund()).isTrue();
    assertThatThrownBy(() -> ReconciliationFile.read(new StringReader(
        "SubscriptionId,ChargeStartDate,ChargeEndDate,UnitPrice,EffectiveUnitPrice,Quantity,"
            + "Subtotal\r\nS1,2025-03-01,2025-03-31,7.20,7.20,10,72.00\r\n"
            + "S1,2025-03-01,2025-03-31T00:00:00+01:00,7.20,7.20,10,72.00\r\n"), "recon.csv"))
        .hasMessage("PCF-2: recon.csv line 3: ChargeEndDate '2025-03-31T00:00:00+01:00' is not in"
            + " UTC");
    assertThatThrownBy(() -> ReconciliationFile.read(new StringReader("SubscriptionId\r\nS1\r\n"),
        "recon.csv")).hasMessage("PCF-2: recon.csv line 1: the header has no column"
            + " ChargeStartDate");
  }
}
