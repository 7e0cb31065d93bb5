package io.github.cspkit.csp.examples.scenario;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Writes a large, valid one-year scenario (SCENARIOS.md format) for load tests of the runner:
 * {@code customers} customers with {@code subscriptions} subscriptions each, then seat changes,
 * suspensions and reactivations spread over the year, bills issued monthly, and a few expectations
 * that hold by construction. 10,000 × 5 gives about 140,000 lines.
 */
public final class ScenarioGenerator {
  private ScenarioGenerator() {}

  /**
   * @param out where to write
   * @param customers the number of customers
   * @param subscriptions subscriptions per customer
   * @param changes the number of seat changes, suspensions and reactivations
   * @param seed the random seed
   * @throws IOException if writing fails
   */
  public static void write(Writer out, int customers, int subscriptions, int changes, long seed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("# generated: ").append(customers).append(" customers x ").append(subscriptions)
        .append(" subscriptions, ").append(changes).append(" changes, seed ").append(seed).append('\n');
    b.append("partner Bench csp\n");
    b.append("sku O365_E3 family office365 segment commercial max-seats 5000\n");
    b.append("sku O365_E5 family office365 segment commercial max-seats 5000 suspended-access none\n");
    b.append("markup 20\n");
    b.append("2024-10-01 accept-agreement\n");
    for (int m = 0; m < 15; m++) {
      YearMonth month = YearMonth.of(2025, 1).plusMonths(m);
      b.append("2024-11-01 publish-price-list L").append(month).append(" market US currency USD effective ")
          .append(month.atDay(1)).append(" O365_E3=").append(240 + m).append(".00 O365_E5=")
          .append(420 + m).append(".00\n");
    }
    flush(out, b);
    for (int c = 0; c < customers; c++) {
      b.append("2024-12-01 create-customer c").append(c).append(" market US segment commercial billing-day ")
          .append(1 + random.nextInt(31)).append(" currency USD\n");
      flush(out, b);
    }
    int total = customers * subscriptions;
    int[] seats = new int[total];
    byte[] status = new byte[total]; // 0 active, 1 suspended
    LocalDate first = LocalDate.of(2025, 1, 2);
    for (int i = 0; i < total; i++) {
      seats[i] = 5 + random.nextInt(50);
      b.append(first.plusDays(i * 28L / total)).append(" order c").append(i / subscriptions)
          .append(random.nextBoolean() ? " O365_E3" : " O365_E5").append(" seats ").append(seats[i])
          .append(" as s").append(i).append('\n');
      flush(out, b);
    }
    LocalDate start = LocalDate.of(2025, 2, 1);
    int days = 330;
    for (int k = 0; k < changes; k++) {
      LocalDate d = start.plusDays((long) k * days / changes);
      int i = random.nextInt(total);
      b.append(d).append(' ');
      if (status[i] == 1) {
        b.append("reactivate s").append(i);
        status[i] = 0;
      } else {
        int pick = random.nextInt(10);
        if (pick < 5) {
          int n = 1 + random.nextInt(5);
          b.append("add-seats s").append(i).append(' ').append(n);
          seats[i] += n;
        } else if (pick < 8 && seats[i] > 1) {
          int n = 1 + random.nextInt(seats[i] - 1);
          b.append("remove-seats s").append(i).append(' ').append(n);
          seats[i] -= n;
        } else {
          b.append("suspend s").append(i);
          status[i] = 1;
        }
      }
      b.append('\n');
      flush(out, b);
    }
    b.append("2025-12-31 advance\n");
    for (int i = 0; i < Math.min(total, 20); i++) {
      b.append("expect seats s").append(i).append(' ').append(seats[i]).append('\n');
      b.append("expect status s").append(i).append(status[i] == 1 ? " suspended" : " active").append('\n');
    }
    out.append(b);
    out.flush();
  }

  private static void flush(Writer out, StringBuilder b) throws IOException {
    if (b.length() > 1 << 15) {
      out.append(b);
      b.setLength(0);
    }
  }
}
