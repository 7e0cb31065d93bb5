package io.github.cspkit.csp.examples.files;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceListFileRow;
import io.github.cspkit.csp.pricing.PriceListImport;
import io.github.cspkit.csp.pricing.SkuMapping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads Partner Center's new-commerce license-based price list file (PCF-1): a CSV with the columns
 * of {@link PriceListFileRow#COLUMNS} (the preview file adds {@code EndofSaleDate}), read by name,
 * so their order and extra columns do not matter. The file is streamed: one record at a time goes
 * to a {@link PriceListImport}, which keeps only the rows of the list, so memory stays bounded by
 * the list itself whatever the file's length. A malformed row is refused with the file's name and
 * line ({@link io.github.cspkit.csp.RuleViolation} {@code PCF-1}: {@code "prices.csv line 7: …"})
 * and nothing of the file is returned. Import the result with
 * {@link io.github.cspkit.csp.partner.CspPartner#importPriceList}.
 */
public final class PriceListFile {
  private PriceListFile() {}

  /**
   * @param file a price list file, UTF-8 (a byte-order mark is skipped)
   * @param mapping the partner's mapping of products to catalog SKUs
   * @param publishedOn the list's publication day, as the partner states it
   * @return the list of the file's month
   * @throws io.github.cspkit.csp.RuleViolation PCF-1 naming the line of a malformed row
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ImportedPriceList read(Path file, SkuMapping mapping, LocalDate publishedOn) {
    requireNonNull(file, "file");
    return read(file, PriceListImport.of(mapping, publishedOn));
  }

  /**
   * @param file a price list file, UTF-8
   * @param into the import to read it into, with its mapping, publication day and id
   * @return the list of the file's month
   */
  public static ImportedPriceList read(Path file, PriceListImport into) {
    requireNonNull(file, "file");
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, String.valueOf(file.getFileName()), into);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param reader the file's text; not closed
   * @param name the file's name, for messages
   * @param into the import to read it into
   * @return the list of the file's month
   * @throws io.github.cspkit.csp.RuleViolation PCF-1 naming the line of a malformed row
   */
  public static ImportedPriceList read(Reader reader, String name, PriceListImport into) {
    requireNonNull(into, "into");
    CsvRecords.read(reader, name, "PCF-1", PriceListFileRow.REQUIRED,
        (line, field) -> into.add(PriceListFileRow.of(line, field)));
    try {
      return into.finish();
    } catch (io.github.cspkit.csp.RuleViolation v) {
      throw io.github.cspkit.csp.RuleViolation.of(v.rule(), "%s %s", name, v.reason());
    }
  }
}
