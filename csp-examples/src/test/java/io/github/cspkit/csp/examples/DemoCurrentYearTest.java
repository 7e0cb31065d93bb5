package io.github.cspkit.csp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.money.MinorUnits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code demo --program current}: a year of the current program whose sums add up. */
class DemoCurrentYearTest {
  private static String run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(Main.run(args, out, out)).isZero();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void NCE_10_the_current_demo_prints_bills_and_vendor_charges_whose_margins_add_up() {
    String text = run("demo", "--program", "current");
    assertThat(text).contains("Microsoft Partner Agreement (MPA-1)", "P1M monthly", "P1Y annual",
        "P1Y monthly", "P3Y annual", "REFUSED NCE-6", "REFUSED NCE-5", "REFUSED NCE-9",
        "cancelImmediate", "removeQuantity", "addQuantity", "convert", "bill contoso/2025-01-01",
        "bill fabrikam/2025-02-15", "ChargeStartDate");
    List<long[]> rows = new ArrayList<>();
    long[] year = null;
    boolean table = false;
    for (String line : text.split("\\R")) {
      if (line.startsWith("Month   ")) { // the table's header, not the sentence above it
        table = true;
        continue;
      }
      if (!table || line.isBlank()) {
        if (table) {
          break;
        }
        continue;
      }
      String[] cols = line.trim().split(" +");
      assertThat(cols).as("row %s", line).hasSize(6);
      long[] v = new long[5];
      for (int i = 0; i < 5; i++) {
        v[i] = MinorUnits.parse(cols[i + 1], MinorUnits.USD);
      }
      if (cols[0].equals("Year")) {
        year = v;
      } else {
        rows.add(v);
      }
    }
    assertThat(rows).hasSize(12);
    assertThat(year).isNotNull();
    long[] sums = new long[5];
    for (long[] v : rows) {
      assertThat(v[0] + v[1]).as("the customers' bills add up to the month's bills").isEqualTo(v[2]);
      assertThat(v[2] - v[3]).as("bills - vendor charges = margin").isEqualTo(v[4]);
      assertThat(v[3]).as("the vendor charges something every month").isPositive();
      for (int i = 0; i < 5; i++) {
        sums[i] += v[i];
      }
    }
    assertThat(year).containsExactly(sums);
    assertThat(year[2] - year[3]).isEqualTo(year[4]);
  }

  @Test
  void the_seed_demo_is_the_default_program() {
    assertThat(run("demo", "--program", "seed")).isEqualTo(run("demo"));
  }

  @Test
  void an_unknown_program_exits_2() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"demo", "--program", "2015"}, sink, sink)).isEqualTo(2);
    assertThat(Main.run(new String[] {"demo", "--program"}, sink, sink)).isEqualTo(2);
  }
}
