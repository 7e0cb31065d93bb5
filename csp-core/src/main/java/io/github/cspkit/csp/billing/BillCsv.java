package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.money.Formula;

/**
 * Renders bills as CSV for reconciliation (BIL-5, BIL-4): a header row, then one row per bill line
 * with the bill's id, customer, period, issue day and currency, the line's kind, subscription,
 * item, description, first and last day (both included), days, seats, unit price, the term's day
 * count, formula, sale amount and the partner's cost. The amounts of a bill's rows add up to its
 * total and cost. Amounts are plain decimals with the currency's minor digits ({@code -114.92} for a
 * credit); dates are ISO.
 * <p>
 * RFC 4180: records end with CRLF; a field that holds a comma, a double quote, CR or LF is quoted,
 * and a double quote inside it is doubled. Text is UTF-8 (the formula uses {@code ×}).
 * Stateless and thread-safe; one {@link StringBuilder} per call.
 */
public final class BillCsv {
  private static final String HEADER = "bill,customer,period_start,period_last_day,issued_on,"
      + "currency,kind,subscription,item,description,first_day,last_day,days,seats,unit_price,"
      + "days_in_term,formula,amount,cost";
  private static final String CRLF = "\r\n";

  private BillCsv() {}

  /** @return the header row, without its line break */
  public static String header() {
    return HEADER;
  }

  /**
   * Renders one bill: the header row, then one row per line, each record ending with CRLF. A bill
   * without lines gives the header row alone.
   *
   * @param bill the bill
   * @return the CSV text
   */
  public static String render(Bill bill) {
    requireNonNull(bill, "bill");
    StringBuilder sb = new StringBuilder(HEADER.length() + 2 + bill.lines().size() * 200);
    sb.append(HEADER).append(CRLF);
    return rows(sb, bill).toString();
  }

  /**
   * Renders several bills under one header row, for a bill run.
   *
   * @param bills the bills
   * @return the CSV text
   */
  public static String render(Iterable<Bill> bills) {
    requireNonNull(bills, "bills");
    StringBuilder sb = new StringBuilder(4096);
    sb.append(HEADER).append(CRLF);
    for (Bill b : bills) {
      rows(sb, requireNonNull(b, "bill"));
    }
    return sb.toString();
  }

  /** Appends the rows of one bill, without a header, each ending with CRLF. */
  private static StringBuilder rows(StringBuilder out, Bill bill) {
    requireNonNull(out, "out");
    requireNonNull(bill, "bill");
    int digits = Render.digits(bill.currency());
    String code = bill.currency().getCurrencyCode();
    for (BillLine l : bill.lines()) {
      text(out, bill.id()).append(',');
      text(out, bill.customerId()).append(',');
      Render.date(out, bill.period().start()).append(',');
      Render.date(out, bill.period().lastDay()).append(',');
      Render.date(out, bill.issuedOn()).append(',');
      text(out, code).append(',');
      out.append(l.kind().name()).append(',');
      if (l instanceof BillLine.Accrued a) {
        text(out, a.subscriptionId());
      }
      out.append(',');
      text(out, l.item()).append(',');
      text(out, l.description()).append(',');
      Render.date(out, l.from()).append(',');
      Render.date(out, l.span().lastDay()).append(',');
      out.append(l.days()).append(',');
      if (l instanceof BillLine.Accrued a) {
        Formula f = a.proration();
        out.append(f.seats()).append(',');
        Render.amount(out, f.unitMinor(), digits).append(',');
        out.append(f.daysInTerm()).append(',');
        f.appendTo(out, digits);
      } else {
        out.append(",,,");
      }
      out.append(',');
      Render.amount(out, l.amountMinor(), digits).append(',');
      Render.amount(out, l.costMinor(), digits).append(CRLF);
    }
    return out;
  }

  /**
   * Quotes a field if RFC 4180 requires it.
   *
   * @param field any text
   * @return the field as it appears in a record
   */
  public static String quote(String field) {
    requireNonNull(field, "field");
    return needsQuotes(field) ? text(new StringBuilder(field.length() + 8), field).toString() : field;
  }

  private static StringBuilder text(StringBuilder out, String s) {
    if (!needsQuotes(s)) {
      return out.append(s);
    }
    out.append('"');
    return escaped(out, s).append('"');
  }

  private static StringBuilder escaped(StringBuilder out, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    return out;
  }

  private static boolean needsQuotes(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
