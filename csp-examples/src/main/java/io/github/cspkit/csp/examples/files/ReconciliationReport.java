package io.github.cspkit.csp.examples.files;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.ReconciliationLine;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.money.MinorUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Renders a {@link Reconciliation} (PCF-2) for a person (text) and for a spreadsheet (CSV, RFC
 * 4180 with CRLF, written with Apache Commons CSV). Each line says its outcome ({@code matched},
 * {@code missing-here}: only in the file, {@code missing-there}: only in the library,
 * {@code different}), the file's line number when it has one, the subscription, charge type and
 * days, both sides' quantity, unit price, effective unit price and subtotal, and for a difference
 * the columns that differ. Stateless.
 */
public final class ReconciliationReport {
  /** The CSV header. */
  public static final List<String> HEADER = List.of("Outcome", "FileLine", "SubscriptionId",
      "ChargeType", "ChargeStartDate", "ChargeEndDate", "FileQuantity", "LibraryQuantity",
      "FileUnitPrice", "LibraryUnitPrice", "FileEffectiveUnitPrice", "LibraryEffectiveUnitPrice",
      "FileSubtotal", "LibrarySubtotal", "Currency", "Differences");

  private ReconciliationReport() {}

  /**
   * @param r a reconciliation
   * @return a summary line, then one line per outcome other than matched
   */
  public static String text(Reconciliation r) {
    requireNonNull(r, "r");
    StringBuilder sb = new StringBuilder(256);
    sb.append("Reconciliation ").append(r.period().start()).append(" to ")
        .append(r.period().lastDay()).append(": ").append(r.matched().size()).append(" matched, ")
        .append(r.missingHere().size()).append(" missing here, ").append(r.missingThere().size())
        .append(" missing there, ").append(r.different().size()).append(" different\n");
    for (Reconciliation.Difference d : r.different()) {
      sb.append("  different  line ").append(d.file().line()).append(' ')
          .append(describe(d.library())).append(": ").append(d.columns().stream()
              .map(Reconciliation.ColumnDifference::toString).collect(Collectors.joining("; ")))
          .append('\n');
    }
    for (ReconciliationLine f : r.missingHere()) {
      sb.append("  only in the file, line ").append(f.line()).append(": ")
          .append(f.subscriptionId()).append(' ').append(f.chargeType()).append(' ')
          .append(f.chargeStartDate()).append("..").append(f.chargeEndDate()).append(' ')
          .append(f.quantity().toPlainString()).append(" × ")
          .append(f.effectiveUnitPrice().toPlainString()).append(" = ")
          .append(f.subtotal().toPlainString()).append(' ').append(f.currency());
      if (!r.period().contains(f.chargeStartDate())) {
        sb.append(" (starts outside the period)");
      }
      sb.append('\n');
    }
    for (VendorCharge c : r.missingThere()) {
      sb.append("  only here: ").append(c).append('\n');
    }
    return sb.toString();
  }

  private static String describe(VendorCharge c) {
    return c.subscriptionId() + " " + c.chargeType().label() + " " + c.chargeStartDate() + ".."
        + c.chargeEndDate();
  }

  /**
   * @param r a reconciliation
   * @return the CSV text: the header, then matched, different, missing-here and missing-there
   *     lines, each record ending with CRLF
   */
  public static String csv(Reconciliation r) {
    requireNonNull(r, "r");
    StringBuilder sb = new StringBuilder(1024);
    try (CSVPrinter out = new CSVPrinter(sb, CSVFormat.RFC4180)) {
      out.printRecord(HEADER);
      for (Reconciliation.Match m : r.matched()) {
        out.printRecord(row("matched", m.file(), m.library(), ""));
      }
      for (Reconciliation.Difference d : r.different()) {
        out.printRecord(row("different", d.file(), d.library(), d.columns().stream()
            .map(Reconciliation.ColumnDifference::column).collect(Collectors.joining(" "))));
      }
      for (ReconciliationLine f : r.missingHere()) {
        out.printRecord(row("missing-here", f, null, ""));
      }
      for (VendorCharge c : r.missingThere()) {
        out.printRecord(row("missing-there", null, c, ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  private static List<String> row(String outcome, ReconciliationLine f, VendorCharge c,
      String differences) {
    List<String> row = new ArrayList<>(HEADER.size());
    row.add(outcome);
    row.add(f == null ? "" : Long.toString(f.line()));
    row.add(c != null ? c.subscriptionId() : f.subscriptionId());
    row.add(c != null ? c.chargeType().label() : f.chargeType());
    row.add((c != null ? c.chargeStartDate() : f.chargeStartDate()).toString());
    row.add((c != null ? c.chargeEndDate() : f.chargeEndDate()).toString());
    row.add(f == null ? "" : f.quantity().toPlainString());
    row.add(c == null ? "" : Integer.toString(c.quantity()));
    row.add(f == null ? "" : f.unitPrice().toPlainString());
    row.add(c == null ? "" : MinorUnits.format(c.unitPriceMinor(), c.currency()));
    row.add(f == null ? "" : f.effectiveUnitPrice().toPlainString());
    row.add(c == null ? "" : MinorUnits.format(c.effectiveUnitPriceMinor(), c.currency()));
    row.add(f == null ? "" : f.subtotal().toPlainString());
    row.add(c == null ? "" : MinorUnits.format(c.subtotalMinor(), c.currency()));
    row.add(c != null ? c.currency().getCurrencyCode() : f.currency());
    row.add(differences);
    return row;
  }
}
