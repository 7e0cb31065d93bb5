package io.github.cspkit.csp.examples.postgres;

import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.money.Numerator;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A billing account's array columns (BIL-6): what has been billed of each term, as four parallel
 * arrays ({@code billed_key}, the exact numerators {@code billed_sale} and {@code billed_cost},
 * {@code billed_through}), and {@code one_off}, the one-off services already billed. Written and
 * read as PostgreSQL array literals ({@code {"S1#0","S2#0"}}, {@code {10512000,5}}).
 */
final class AccountArrays {
  /** The columns, in the order {@link #write} gives their values and {@link #read} takes them. */
  static final String[] COLUMNS = {"billed_key", "billed_sale", "billed_cost", "billed_through",
      "one_off"};

  private AccountArrays() {}

  /** @return the literals of an account's five array columns, in the order of {@link #COLUMNS} */
  static String[] write(BillingAccount a) {
    int n = a.billed().size();
    List<String> keys = new ArrayList<>(n);
    List<String> sales = new ArrayList<>(n);
    List<String> costs = new ArrayList<>(n);
    List<String> throughs = new ArrayList<>(n);
    for (Map.Entry<String, Billed> b : a.billed().entrySet()) {
      Billed v = b.getValue();
      keys.add(b.getKey());
      sales.add(v.saleNumerator().toString());
      costs.add(v.costNumerator().toString());
      String through = v.through().toString();
      throughs.add(through.charAt(0) == '+' ? through.substring(1) : through); // year 10000 on
    }
    return new String[] {ArrayLiteral.write(keys), ArrayLiteral.write(sales),
        ArrayLiteral.write(costs), ArrayLiteral.write(throughs),
        ArrayLiteral.write(a.oneOffsBilled())};
  }

  /**
   * Adds what the five columns hold to an account being read.
   *
   * @param columns the columns' text, in the order of {@link #COLUMNS}
   * @throws IllegalStateException if they are not what {@link #write} writes
   */
  static void read(String[] columns, BillingAccount.Builder account) {
    try {
      List<String> keys = ArrayLiteral.read(columns[0]);
      List<String> sales = ArrayLiteral.read(columns[1]);
      List<String> costs = ArrayLiteral.read(columns[2]);
      List<String> throughs = ArrayLiteral.read(columns[3]);
      if (sales.size() != keys.size() || costs.size() != keys.size()
          || throughs.size() != keys.size()) {
        throw new IllegalArgumentException("arrays of different lengths");
      }
      if (new java.util.HashSet<>(keys).size() != keys.size()) {
        throw new IllegalArgumentException("a billed term given twice");
      }
      for (int i = 0; i < keys.size(); i++) {
        account.putBilled(keys.get(i), new Billed(Numerator.of(new BigInteger(sales.get(i))),
            Numerator.of(new BigInteger(costs.get(i))), Json.date(throughs.get(i))));
      }
      account.addAllOneOffsBilled(ArrayLiteral.read(columns[4])); // a set: a repeat is kept once
    } catch (RuntimeException e) {
      throw new IllegalStateException("unreadable billing account arrays: "
          + String.join(" ", columns), e);
    }
  }
}
