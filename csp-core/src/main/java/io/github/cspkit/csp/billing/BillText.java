package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Bill} as aligned plain text (BIL-5): the customer, the period, the issue day,
 * then one row per line with its kind, subscription and item, what happened, its days
 * ({@code From} and {@code To} are the first and last day, both included), the count of days, its
 * formula ({@code 288.00 × 5 × 224/365}) and its amount right-aligned; then the total (negative
 * for a credit), the partner's cost and margin (BIL-4), and what falls due when (BIL-3).
 * <p>
 * Example:
 * <pre>
 * Bill contoso/2025-03-01
 * Customer   contoso
 * Period     2025-03-01 to 2025-03-31 (31 days)
 * Issued     end of 2025-03-01
 * Currency   USD
 *
 * Kind       Subscription  Item     Description            From        To          Days  Formula               Amount
 * prorated   S1            O365_E3  ordered on 2025-02-10  2025-02-10  2025-02-28    19  288.00 × 10 × 19/365  149.92
 * recurring  S1            O365_E3  10 seats               2025-03-01  2025-03-31    31  288.00 × 10 × 31/365  244.60
 * ---
 * Total                                                                                                        394.52
 * Cost                                                                                                         328.77
 * Margin                                                                                                        65.75
 *
 * Falls due
 * 2025-03-01                                                                                                   394.52
 * </pre>
 * Stateless and thread-safe; one {@link StringBuilder} per call, no per-line strings.
 */
public final class BillText {
  private static final String[] HEADERS =
      {"Kind", "Subscription", "Item", "Description", "From", "To", "Days", "Formula", "Amount"};
  private static final int KIND = 0;
  private static final int SUB = 1;
  private static final int ITEM = 2;
  private static final int DESC = 3;
  private static final int FROM = 4;
  private static final int TO = 5;
  private static final int DAYS = 6;
  private static final int FORMULA = 7;
  private static final int AMOUNT = 8;
  private static final String GAP = "  ";
  private static final String[] KINDS = kinds();

  private BillText() {}

  private static String[] kinds() {
    LineKind[] all = LineKind.values();
    String[] out = new String[all.length];
    for (LineKind k : all) {
      out[k.ordinal()] = k.name().toLowerCase(Locale.ROOT);
    }
    return out;
  }

  /**
   * Renders a bill as aligned plain text (BIL-5). Lines end with {@code \n}.
   *
   * @param bill the bill
   * @return the text
   */
  public static String render(Bill bill) {
    requireNonNull(bill, "bill");
    int digits = Render.digits(bill.currency());
    List<BillLine> lines = bill.lines();
    long total = bill.totalMinor();
    long cost = bill.costMinor();
    long margin = total - cost;

    int[] w = new int[HEADERS.length];
    for (int i = 0; i < HEADERS.length; i++) {
      w[i] = HEADERS[i].length();
    }
    for (BillLine l : lines) {
      w[KIND] = Math.max(w[KIND], KINDS[l.kind().ordinal()].length());
      w[SUB] = Math.max(w[SUB], subscription(l).length());
      w[ITEM] = Math.max(w[ITEM], l.item().length());
      w[DESC] = Math.max(w[DESC], l.description().length());
      w[FROM] = Math.max(w[FROM], Render.dateWidth(l.from()));
      w[TO] = Math.max(w[TO], Render.dateWidth(l.span().lastDay()));
      w[DAYS] = Math.max(w[DAYS], Render.width(l.days()));
      w[FORMULA] = Math.max(w[FORMULA], Render.formulaWidth(l, digits));
      w[AMOUNT] = Math.max(w[AMOUNT], Render.amountWidth(l.amountMinor(), digits));
    }
    w[AMOUNT] = Math.max(w[AMOUNT], Render.amountWidth(total, digits));
    w[AMOUNT] = Math.max(w[AMOUNT], Render.amountWidth(cost, digits));
    w[AMOUNT] = Math.max(w[AMOUNT], Render.amountWidth(margin, digits));
    for (Due d : bill.dues()) {
      w[AMOUNT] = Math.max(w[AMOUNT], Render.amountWidth(d.amountMinor(), digits));
    }
    int width = 0;
    for (int x : w) {
      width += x;
    }
    width += GAP.length() * (w.length - 1);

    StringBuilder sb = new StringBuilder(256 + (lines.size() + bill.dues().size() + 8) * (width + 1));
    sb.append("Bill ").append(bill.customerId()).append('/');
    Render.date(sb, bill.period().start()).append('\n');
    sb.append("Customer   ").append(bill.customerId()).append('\n');
    sb.append("Period     ");
    Render.date(sb, bill.period().start()).append(" to ");
    Render.date(sb, bill.period().lastDay()).append(" (").append(bill.period().days())
        .append(" days)\n");
    sb.append("Issued     end of ");
    Render.date(sb, bill.issuedOn()).append('\n');
    sb.append("Currency   ").append(bill.currency().getCurrencyCode()).append("\n\n");

    for (int i = 0; i < HEADERS.length; i++) {
      boolean right = i == DAYS || i == AMOUNT;
      cell(sb, HEADERS[i], w[i], right, i == HEADERS.length - 1);
    }
    sb.append('\n');
    if (lines.isEmpty()) {
      sb.append("(no lines)\n");
    }
    for (BillLine l : lines) {
      cell(sb, KINDS[l.kind().ordinal()], w[KIND], false, false);
      cell(sb, subscription(l), w[SUB], false, false);
      cell(sb, l.item(), w[ITEM], false, false);
      cell(sb, l.description(), w[DESC], false, false);
      LocalDate lastDay = l.span().lastDay();
      Render.date(sb, l.from());
      Render.pad(sb, w[FROM] - Render.dateWidth(l.from())).append(GAP);
      Render.date(sb, lastDay);
      Render.pad(sb, w[TO] - Render.dateWidth(lastDay)).append(GAP);
      Render.pad(sb, w[DAYS] - Render.width(l.days())).append(l.days()).append(GAP);
      Render.formula(sb, l, digits);
      Render.pad(sb, w[FORMULA] - Render.formulaWidth(l, digits)).append(GAP);
      Render.pad(sb, w[AMOUNT] - Render.amountWidth(l.amountMinor(), digits));
      Render.amount(sb, l.amountMinor(), digits).append('\n');
    }
    for (int i = 0; i < width; i++) {
      sb.append('-');
    }
    sb.append('\n');
    summary(sb, "Total", total, width, digits);
    summary(sb, "Cost", cost, width, digits);
    summary(sb, "Margin", margin, width, digits);
    sb.append("\nFalls due\n");
    for (Due d : bill.dues()) {
      int labelWidth = Render.dateWidth(d.date());
      Render.date(sb, d.date());
      Render.pad(sb, width - labelWidth - Render.amountWidth(d.amountMinor(), digits));
      Render.amount(sb, d.amountMinor(), digits).append('\n');
    }
    return sb.toString();
  }

  private static String subscription(BillLine l) {
    return l instanceof BillLine.Accrued a ? a.subscriptionId() : "";
  }

  private static void summary(StringBuilder sb, String label, long minor, int width, int digits) {
    sb.append(label);
    Render.pad(sb, width - label.length() - Render.amountWidth(minor, digits));
    Render.amount(sb, minor, digits).append('\n');
  }

  private static void cell(StringBuilder sb, String text, int width, boolean right, boolean last) {
    if (right) {
      Render.pad(sb, width - text.length()).append(text);
    } else {
      sb.append(text);
      if (!last) {
        Render.pad(sb, width - text.length());
      }
    }
    if (!last) {
      sb.append(GAP);
    }
  }
}
