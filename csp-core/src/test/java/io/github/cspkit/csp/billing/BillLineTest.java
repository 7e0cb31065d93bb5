package io.github.cspkit.csp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.MinorAmount;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A bill line is either a subscription's accrued line with its formula, or a flat one (BIL-5). */
class BillLineTest {
  private static final LocalDate MAR_1 = LocalDate.of(2025, 3, 1);
  private static final LocalDate APR_1 = LocalDate.of(2025, 4, 1);

  private static String describe(BillLine l) {
    if (l instanceof BillLine.Accrued a) {
      return a.subscriptionId() + " " + a.proration().format(a.currency());
    }
    return ((BillLine.Flat) l).item() + " flat"; // sealed: the only other alternative
  }

  @Test
  void BIL_5_a_subscription_line_carries_its_formula_and_a_service_line_none() {
    BillLine.Accrued recurring = BillLine.accrued(LineKind.RECURRING, "S1", "O365_E3", null, MAR_1,
        APR_1, new Formula(28800, 10, 31, 365), 24460, 20384, MinorUnits.USD);
    BillLine.Flat service = BillLine.flat(LineKind.SERVICE, "helpdesk", "monthly",
        DateRange.of(MAR_1, APR_1), 5000, MinorUnits.USD);
    assertThat(describe(recurring)).isEqualTo("S1 288.00 × 10 × 31/365");
    assertThat(describe(service)).isEqualTo("helpdesk flat");
    assertThat(recurring.description()).isEqualTo("10 seats");
    assertThat(recurring.amount()).isEqualTo(MinorAmount.of(24460, MinorUnits.USD));
    assertThat(recurring.cost()).isEqualTo(MinorAmount.of(20384, MinorUnits.USD));
    assertThat(service.cost()).isEqualTo(MinorAmount.of(0, MinorUnits.USD));
    assertThat(service.days()).isEqualTo(31);
    assertThat(service.formula()).isEmpty();
    // the factory a store reads lines back with counts the span's actual days
    assertThat(BillLine.subscription(LineKind.RECURRING, "S1", "O365_E3", "10 seats",
        DateRange.of(MAR_1, APR_1), 10, 28800, 365, 24460, 20384, MinorUnits.USD))
        .isEqualTo(recurring);
  }

  @Test
  void BIL_5_a_line_of_one_kind_cannot_be_built_as_the_other() {
    assertThatThrownBy(() -> BillLine.flat(LineKind.RECURRING, "x", "", DateRange.of(MAR_1, APR_1),
        1, MinorUnits.USD)).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: a flat line is SERVICE or DISCOUNT, not RECURRING");
    assertThatThrownBy(() -> BillLine.accrued(LineKind.DISCOUNT, "S1", "x", "", MAR_1, APR_1,
        new Formula(1, 1, 1, 365), 0, 0, MinorUnits.USD)).isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: a subscription line is RECURRING or PRORATED, not DISCOUNT");
  }
}
