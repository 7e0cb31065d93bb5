package io.github.cspkit.csp.billing;

import static io.github.cspkit.csp.billing.BillingDesk.E3;
import static io.github.cspkit.csp.testkit.DayCounts.THIRTY_360;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.testkit.BillingGen;
import io.github.cspkit.csp.testkit.BillingGen.History;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Bills under a day count other than actual days (30/360, BIL-5, BIL-6): every line counts its
 * days by the policy, shows them in its formula and in the Days column of the text and CSV, and
 * its formula reproduces its amount within the minor unit that cumulative rounding carries; a
 * finished term's bills add up to its accrual under the policy.
 */
class DayCountBillingTest {
  private static final Accrual THIRTY = Accrual.of(THIRTY_360, Rounding.HALF_UP);

  @Test
  void BIL_5_under_a_30_360_day_count_each_line_shows_the_counted_days_and_its_formula_reproduces_its_amount() {
    BillingDesk desk = BillingDesk.builder().dayCount(THIRTY_360).build();
    desk.order("S1", E3, 10, "2025-02-10");
    desk.addSeats("S1", 5, "2025-07-10");
    desk.advance("2025-08-01");
    Bill august = desk.bill("2025-08");
    assertThat(august.lines()).hasSize(2);

    BillLine.Accrued added = (BillLine.Accrued) august.lines().get(0);
    assertThat(added.span()).isEqualTo(DateRange.of(d("2025-07-10"),
        d("2025-08-01")));
    assertThat(added.span().days()).isEqualTo(22);
    assertThat(added.days()).isEqualTo(21);
    assertThat(added.formula()).isEqualTo("288.00 × 5 × 21/360");
    assertThat(added.amountMinor()).isEqualTo(8400) // 288.00 × 5 × 21 / 360 = 84.00
        .isEqualTo(added.proration().amountMinor(Rounding.HALF_UP));
    BillLine recurring = august.lines().get(1);
    assertThat(recurring.formula()).isEqualTo("288.00 × 15 × 30/360");
    assertThat(recurring.amountMinor()).isEqualTo(36000);
    assertThat(august.costMinor()).isEqualTo(7000 + 30000); // at 240.00

    String text = BillText.render(august);
    assertThat(text).contains("2025-07-10  2025-07-31    21  288.00 × 5 × 21/360 ",
        "2025-08-01  2025-08-31    30  288.00 × 15 × 30/360 ");
    assertThat(BillCsv.render(august)).contains(
        ",2025-07-10,2025-07-31,21,5,288.00,360,288.00 × 5 × 21/360,84.00,70.00\r\n");
  }

  @Test
  void BIL_5_under_a_30_360_day_count_every_line_formula_reproduces_its_amount() {
    qt().withExamples(200).forAll(BillingGen.histories(12), BillingGen.timings())
        .checkAssert((h, timing) -> {
          BillingEngine engine = BillingEngine.of(timing, Rounding.HALF_UP, THIRTY_360);
          BillingTimeline.replay(h, engine, (customer, before, subs, services, issued) -> {
            for (BillLine l : issued.bill().lines()) {
              if (l instanceof BillLine.Accrued a) {
                long n = a.daysInTerm();
                assertThat(a.days()).as("%s", a).isEqualTo(THIRTY_360.days(a.from(), a.to()));
                BigInteger exact = BigInteger.valueOf(a.unitMinor())
                    .multiply(BigInteger.valueOf(a.seats())).multiply(BigInteger.valueOf(a.days()));
                assertThat(BigInteger.valueOf(a.amountMinor()).multiply(BigInteger.valueOf(n))
                    .subtract(exact).abs()).as("%s", a).isLessThanOrEqualTo(BigInteger.valueOf(n));
              }
            }
            for (Subscription sub : subs) {
              for (Term term : sub.terms()) {
                Billed now = issued.account().billed().get(BillingAccount.key(sub.id(), term.index()));
                if (now != null) {
                  assertThat(now.saleNumerator())
                      .isEqualTo(THIRTY.sale(term, term.start(), now.through()));
                  assertThat(now.costNumerator())
                      .isEqualTo(THIRTY.cost(term, term.start(), now.through()));
                }
              }
            }
          });
        });
  }

  @Test
  void BIL_6_under_a_30_360_day_count_bills_of_a_finished_term_add_up_to_its_rounded_accrual() {
    qt().withExamples(200).forAll(BillingGen.histories(12), BillingGen.timings())
        .checkAssert((h, timing) -> {
          BillingEngine engine = BillingEngine.of(timing, Rounding.HALF_UP, THIRTY_360);
          BillingTimeline.Run run = BillingTimeline.replay(h, engine, null);
          Term term = run.subscription().terms().get(0);
          long sale = 0;
          long cost = 0;
          for (Bill b : run.bills()) {
            for (BillLine l : BillingTimeline.linesOf(b, BillingTimeline.SUB, term.range())) {
              sale += l.amountMinor();
              cost += l.costMinor();
            }
          }
          assertThat(term.daysInTerm()).isEqualTo(THIRTY_360.days(term.range()));
          assertThat(sale).as("sale of %s", term).isEqualTo(dayByDay(term, false));
          assertThat(cost).as("cost of %s", term).isEqualTo(dayByDay(term, true));
        });
  }

  /**
   * The term's whole accrual under 30/360, day by day from its steps (each calendar day weighs
   * what the policy counts for it), HALF_UP: independent of the accrual's walk.
   */
  private static long dayByDay(Term term, boolean cost) {
    BigInteger sum = BigInteger.ZERO;
    for (LocalDate d = term.start(); d.isBefore(term.end()); d = d.plusDays(1)) {
      Step inForce = term.stepOn(d);
      long weight = THIRTY_360.days(d, d.plusDays(1));
      long rate = cost ? inForce.chargedCostRate() : inForce.chargedSaleRate();
      sum = sum.add(BigInteger.valueOf(rate).multiply(BigInteger.valueOf(weight)));
    }
    return new BigDecimal(sum).divide(BigDecimal.valueOf(term.daysInTerm()), 0,
        RoundingMode.HALF_UP).longValueExact();
  }
}
