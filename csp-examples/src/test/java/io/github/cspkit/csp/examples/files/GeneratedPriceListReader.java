package io.github.cspkit.csp.examples.files;

import java.io.Reader;

/**
 * A price list file of N data rows, generated as it is read: nothing of it is ever held whole, so
 * reading it shows that the import streams. Every product has its own key (unmapped); one row in
 * {@link #EXPIRED_EVERY} ended before the month and is skipped.
 */
final class GeneratedPriceListReader extends Reader {
  static final int EXPIRED_EVERY = 10;
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

  GeneratedPriceListReader(int rows) {
    this.rows = rows;
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
