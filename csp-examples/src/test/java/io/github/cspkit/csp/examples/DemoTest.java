package io.github.cspkit.csp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void the_demo_prints_a_year_of_bills_with_formulas_cost_and_margin() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = Main.run(new String[] {"demo"}, out, out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).isZero();
    assertThat(text).contains("Bill contoso/2025-03-01", "Bill fabrikam/2025-03-15",
        "Bill tailspin/2025-04-01", "288.00 × 10 × 19/365", "Cost", "Margin", "Falls due",
        "prepayment discount", "REFUSED SUB-6", "suspended on 2025-07-01", "reactivated on 2025-08-01",
        "helpdesk", "migration", "The year in sums");
    assertThat(text.split("\nBill ", -1).length - 1).as("bills printed").isGreaterThanOrEqualTo(30);
  }

  @Test
  void usage_errors_exit_2() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[0], sink, sink)).isEqualTo(2);
    assertThat(Main.run(new String[] {"run"}, sink, sink)).isEqualTo(2);
    assertThat(Main.run(new String[] {"fly"}, sink, sink)).isEqualTo(2);
  }
}
