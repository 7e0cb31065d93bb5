package io.github.cspkit.csp.examples.files;

import java.io.Reader;

/**
 * A synthetic Partner Center price list file (PCF-1) of N data rows for load tests and the
 * benchmark, generated as it is read: nothing of it is ever held whole, so reading it shows that
 * the import streams. Each product has six rows (every term and plan), quoted titles with commas
 * and doubled quotes, and its own key {@code CFQ7TTCn:0001} (not mapped); one row in
 * {@link #EXPIRED_EVERY} ended in February 2025 and is skipped from the March 2025 list.
 */
public final class GeneratedPriceList extends Reader {
  /** One row in this many has expired. */
  public static final int EXPIRED_EVERY = 10;
  private static final String HEADER = "ProductTitle,ProductId,SkuId,SkuTitle,Publisher,"
      + "SkuDescription,UnitOfMeasure,TermDuration,BillingPlan,Market,Currency,UnitPrice,"
      + "PricingTierRangeMin,PricingTierRangeMax,EffectiveStartDate,EffectiveEndDate,Tags,"
      + "ERP Price\r\n";
  private static final String[][] OFFERS = {{"P1M", "Monthly"}, {"P1Y", "Monthly"},
      {"P1Y", "Annual"}, {"P3Y", "Monthly"}, {"P3Y", "Annual"}, {"P3Y", "Triennial"}};

  private final int rows;
  private int next;
  private String pending = HEADER;
  private int at;

  private GeneratedPriceList(int rows) {
    this.rows = rows;
  }

  /**
   * @param rows the number of data rows, after the header
   * @return a reader of the file's text
   */
  public static GeneratedPriceList of(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative: " + rows);
    }
    return new GeneratedPriceList(rows);
  }

  private String row(int i) {
    String[] offer = OFFERS[i % OFFERS.length];
    int product = i / OFFERS.length;
    boolean expired = i % EXPIRED_EVERY == EXPIRED_EVERY - 1;
    long cents = 100 + (i * 37L) % 100_000;
    String price = cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    return "\"Product " + product + ", \"\"new commerce\"\"\",CFQ7TTC" + product + ",0001,SKU "
        + product + ",Microsoft Corporation,\"Description, with a comma\",1 License," + offer[0]
        + "," + offer[1] + ",US,USD," + price + ",,,"
        + (expired ? "2024-01-01T00:00:00Z,2025-02-28T23:59:59Z" : "2025-03-01T00:00:00Z,"
            + "9999-12-31T23:59:59Z") + ",License," + price + "\r\n";
  }

  @Override
  public int read(char[] buf, int off, int len) {
    if (pending == null) {
      return -1;
    }
    int n = 0;
    while (n < len && pending != null) {
      int take = Math.min(len - n, pending.length() - at);
      pending.getChars(at, at + take, buf, off + n);
      n += take;
      at += take;
      if (at == pending.length()) {
        at = 0;
        pending = next < rows ? row(next++) : null;
      }
    }
    return n;
  }

  @Override
  public void close() {
    pending = null;
  }
}
