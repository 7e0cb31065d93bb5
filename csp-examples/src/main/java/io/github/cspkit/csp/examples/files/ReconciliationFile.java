package io.github.cspkit.csp.examples.files;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.ReconciliationLine;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.time.DateRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Partner Center's invoice reconciliation file for new commerce (PCF-2) and matches it with
 * the library's vendor charges (NCE-10). Columns are read by name, so their order and extra
 * columns do not matter; fields may be quoted (RFC 4180); dates are ISO dates or UTC date-times. A
 * malformed line is refused with the file's name and line ({@link io.github.cspkit.csp.RuleViolation}
 * {@code PCF-2}).
 */
public final class ReconciliationFile {
  private ReconciliationFile() {}

  /**
   * @param file a reconciliation file, UTF-8 (a byte-order mark is skipped)
   * @return its lines
   * @throws io.github.cspkit.csp.RuleViolation PCF-2 naming the line of a malformed one
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<ReconciliationLine> read(Path file) {
    requireNonNull(file, "file");
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, String.valueOf(file.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param reader the file's text; not closed
   * @param name the file's name, for messages
   * @return its lines
   * @throws io.github.cspkit.csp.RuleViolation PCF-2 naming the line of a malformed one
   */
  public static List<ReconciliationLine> read(Reader reader, String name) {
    List<ReconciliationLine> lines = new ArrayList<>();
    CsvRecords.read(reader, name, "PCF-2", ReconciliationLine.REQUIRED,
        (line, field) -> lines.add(ReconciliationLine.read(line, field)));
    return List.copyOf(lines);
  }

  /**
   * Reads a file and matches it with the charges whose {@code ChargeStartDate} falls in a month
   * (the statement {@code expect reconciliation FILE YYYY-MM …} of scenario files).
   *
   * @param file a reconciliation file
   * @param month the month
   * @param charges the library's vendor charges, of any period
   * @return the reconciliation
   */
  public static Reconciliation reconcile(Path file, YearMonth month, List<VendorCharge> charges) {
    requireNonNull(month, "month");
    return Reconciliation.match(DateRange.of(month.atDay(1), month.plusMonths(1).atDay(1)),
        read(file), charges);
  }
}
