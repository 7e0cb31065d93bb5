package io.github.cspkit.csp.examples.files;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.Due;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exports the partner's bills to its customers (BIL-1, BIL-3, BIL-5) for a PSA or accounting tool:
 * one CSV row per bill line with the bill's id, the customer's id and name, the period, the issue
 * and due days and the bill's total, so that each row can be imported on its own; a bill without
 * lines (0.00) gets one row with the line's columns empty, so that no bill is lost. The due day is
 * the first one of the bill's schedule (BIL-3: with instalments, the first falls due then).
 * Amounts are plain decimals with the currency's minor digits, dates ISO.
 * <p>
 * RFC 4180 (Apache Commons CSV): records end with CRLF; fields with a comma, a double quote or a
 * line break are quoted. Text is UTF-8; {@link #withByteOrderMark()} starts it with a byte-order
 * mark, which spreadsheet programs need to read the {@code ×} of formulas and non-ASCII names
 * right. Immutable and thread-safe.
 */
public final class BillExport {
  /** The header row. */
  public static final List<String> HEADER = List.of("bill_id", "customer_id", "customer_name",
      "period_start", "period_last_day", "issued_on", "due_on", "currency", "bill_total",
      "line_no", "kind", "subscription", "item", "description", "first_day", "last_day", "days",
      "seats", "unit_price", "days_in_term", "formula", "amount", "cost");

  private static final BillExport PLAIN = new BillExport(false);
  private static final BillExport BOM = new BillExport(true);

  private final boolean byteOrderMark;

  private BillExport(boolean byteOrderMark) {
    this.byteOrderMark = byteOrderMark;
  }

  /** @return the export without a byte-order mark */
  public static BillExport csv() {
    return PLAIN;
  }

  /** @return the export that starts with a UTF-8 byte-order mark */
  public static BillExport withByteOrderMark() {
    return BOM;
  }

  /** @return whether the text starts with a byte-order mark */
  public boolean byteOrderMark() {
    return byteOrderMark;
  }

  /**
   * @param partner the partner whose customers' names to use
   * @return customer id → its name (the id for a customer it does not know), each customer read
   *     once from the partner's store
   */
  public static Function<String, String> namesOf(CspPartner partner) {
    requireNonNull(partner, "partner");
    java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    return id -> names.computeIfAbsent(id,
        c -> partner.customer(c).map(Customer::name).orElse(c));
  }

  /**
   * @param bills the bills, in the order to export
   * @param customerName customer id → name
   * @return the CSV text (with {@code U+FEFF} first under {@link #withByteOrderMark()})
   */
  public String render(Iterable<Bill> bills, Function<String, String> customerName) {
    StringBuilder sb = new StringBuilder(4096);
    if (byteOrderMark) {
      sb.append('\uFEFF');
    }
    print(sb, bills, customerName);
    return sb.toString();
  }

  /**
   * Writes the CSV as UTF-8 (the byte-order mark as its first three bytes under
   * {@link #withByteOrderMark()}), one row at a time.
   *
   * @param out where to write; flushed, not closed
   * @param bills the bills
   * @param customerName customer id → name
   * @throws UncheckedIOException if writing fails
   */
  public void write(OutputStream out, Iterable<Bill> bills, Function<String, String> customerName) {
    requireNonNull(out, "out");
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try {
      if (byteOrderMark) {
        w.write('\uFEFF');
      }
      print(w, bills, customerName);
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void print(Appendable to, Iterable<Bill> bills,
      Function<String, String> customerName) {
    requireNonNull(bills, "bills");
    requireNonNull(customerName, "customerName");
    try {
      CSVPrinter out = new CSVPrinter(to, CSVFormat.RFC4180);
      out.printRecord(HEADER);
      for (Bill b : bills) {
        requireNonNull(b, "bill");
        if (b.lines().isEmpty()) {
          out.printRecord(row(b, customerName, 0, null));
        }
        int n = 0;
        for (BillLine l : b.lines()) {
          out.printRecord(row(b, customerName, ++n, l));
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> row(Bill b, Function<String, String> names, int n, BillLine l) {
    List<String> row = new ArrayList<>(HEADER.size());
    row.add(b.id());
    row.add(b.customerId());
    String name = names.apply(b.customerId());
    row.add(name == null ? "" : name);
    row.add(b.period().start().toString());
    row.add(b.period().lastDay().toString());
    row.add(b.issuedOn().toString());
    row.add(b.dues().stream().map(Due::date).min(java.util.Comparator.naturalOrder())
        .orElse(b.issuedOn()).toString());
    row.add(b.currency().getCurrencyCode());
    row.add(MinorUnits.format(b.totalMinor(), b.currency()));
    if (l == null) {
      for (int i = row.size(); i < HEADER.size(); i++) {
        row.add("");
      }
      return row;
    }
    row.add(Integer.toString(n));
    row.add(l.kind().name());
    row.add(l.subscriptionId() == null ? "" : l.subscriptionId());
    row.add(l.item());
    row.add(l.description());
    row.add(l.span().start().toString());
    row.add(l.span().lastDay().toString());
    row.add(Long.toString(l.days()));
    boolean sub = l.subscriptionId() != null;
    row.add(sub ? Long.toString(l.seats()) : "");
    row.add(sub ? MinorUnits.format(l.unitMinor(), l.currency()) : "");
    row.add(sub ? Long.toString(l.daysInTerm()) : "");
    row.add(l.formula());
    row.add(MinorUnits.format(l.amountMinor(), l.currency()));
    row.add(MinorUnits.format(l.costMinor(), l.currency()));
    return row;
  }
}
