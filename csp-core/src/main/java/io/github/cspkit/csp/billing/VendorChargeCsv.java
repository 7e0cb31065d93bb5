package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Renders vendor charges (NCE-10) as CSV with the column names of Partner Center's reconciliation
 * file: {@code CustomerId, SubscriptionId, SkuId, ChargeType, ChargeStartDate, ChargeEndDate,
 * TermAndBillingCycle, UnitPrice, EffectiveUnitPrice, Quantity, BillableQuantity, Subtotal,
 * Currency}. Dates are ISO ({@code ChargeEndDate} is the last day, included); amounts are plain
 * decimals with the currency's minor digits, negative for a refund.
 * <p>
 * RFC 4180: records end with CRLF; a field that holds a comma, a double quote, CR or LF is quoted,
 * with inner double quotes doubled. Pure: it returns the text and writes nothing. Thread-safe.
 */
public final class VendorChargeCsv {
  private static final String HEADER = "CustomerId,SubscriptionId,SkuId,ChargeType,"
      + "ChargeStartDate,ChargeEndDate,TermAndBillingCycle,UnitPrice,EffectiveUnitPrice,Quantity,"
      + "BillableQuantity,Subtotal,Currency";
  private static final String CRLF = "\r\n";

  private VendorChargeCsv() {}

  /** @return the header row, without its line break */
  public static String header() {
    return HEADER;
  }

  /**
   * @param charges the lines, in the order to render
   * @return the header row and one row per line, each record ending with CRLF
   */
  public static String render(List<VendorCharge> charges) {
    requireNonNull(charges, "charges");
    StringBuilder sb = new StringBuilder(HEADER.length() + 2 + charges.size() * 140);
    sb.append(HEADER).append(CRLF);
    for (VendorCharge c : charges) {
      row(sb, requireNonNull(c, "charge"));
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, VendorCharge c) {
    int digits = Render.digits(c.currency());
    sb.append(BillCsv.quote(c.customerId())).append(',')
        .append(BillCsv.quote(c.subscriptionId())).append(',')
        .append(BillCsv.quote(c.skuId())).append(',')
        .append(c.chargeType().label()).append(',');
    Render.date(sb, c.chargeStartDate()).append(',');
    Render.date(sb, c.chargeEndDate()).append(',');
    sb.append(c.termAndBillingCycle()).append(',');
    Render.amount(sb, c.unitPriceMinor(), digits).append(',');
    Render.amount(sb, c.effectiveUnitPriceMinor(), digits).append(',');
    sb.append(c.quantity()).append(',').append(c.quantity()).append(',');
    Render.amount(sb, c.subtotalMinor(), digits).append(',');
    sb.append(c.currency().getCurrencyCode()).append(CRLF);
  }
}
