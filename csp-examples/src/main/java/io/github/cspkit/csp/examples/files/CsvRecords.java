package io.github.cspkit.csp.examples.files;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file record by record with Apache Commons CSV (RFC 4180: quoted fields, doubled
 * quotes, line breaks inside quotes), giving each record's fields by column name and the file's
 * line on which the record starts. A UTF-8 byte-order mark is skipped; blank lines are ignored; a
 * record with another number of fields than the header, or a broken quote, is refused as a
 * violation of the file's rule naming the file and the line. Streaming: one record at a time.
 */
final class CsvRecords {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader()
      .setSkipHeaderRecord(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
          org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();

  /** What to do with each record: its start line and its fields by column name. */
  @FunctionalInterface
  interface Visitor {
    void record(long line, Function<String, String> field);
  }

  private CsvRecords() {}

  /**
   * Reads every record.
   *
   * @param reader the text; not closed
   * @param name the file's name, for messages
   * @param rule the file's rule, for refusals
   * @param required the columns the header must have
   * @param visitor called for each record
   * @return the number of records read
   */
  static long read(Reader reader, String name, String rule, List<String> required,
      Visitor visitor) {
    requireNonNull(reader, "reader");
    requireNonNull(name, "name");
    long line = 1;
    try {
      CSVParser parser = CSVParser.parse(withoutBom(reader), FORMAT);
      List<String> header = parser.getHeaderNames();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).strip(), i);
      }
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
      for (String column : required) {
        if (column(index, column) < 0) {
          throw RuleViolation.of(rule, "%s line 1: the header has no column %s", name, column);
        }
      }
      int width = header.size();
      Iterator<CSVRecord> records = parser.iterator();
      long previousEnd = parser.getCurrentLineNumber();
      long count = 0;
      while (true) {
        line = previousEnd + 1;
        if (!records.hasNext()) {
          break;
        }
        CSVRecord record = records.next();
        previousEnd = parser.getCurrentLineNumber();
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (record.size() != width) {
          throw RuleViolation.of(rule, "%s line %s: %s fields, but the header has %s", name, line,
              record.size(), width);
        }
        long at = line;
        try {
          visitor.record(at, column -> {
            int i = column(index, column);
            return i < 0 ? null : record.get(i);
          });
        } catch (RuleViolation v) {
          throw RuleViolation.of(v.rule(), "%s %s", name, v.reason());
        }
        count++;
      }
      return count;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CSVException) {
        throw RuleViolation.of(rule, "%s line %s: %s", name, line, e.getCause().getMessage());
      }
      throw e;
    } catch (CSVException e) {
      throw RuleViolation.of(rule, "%s line %s: %s", name, line, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  private static int column(Map<String, Integer> index, String column) {
    Integer i = index.get(column);
    if (i == null) {
      i = index.get(column.toLowerCase(Locale.ROOT));
    }
    return i == null ? -1 : i;
  }

  private static Reader withoutBom(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first != -1 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }
}
