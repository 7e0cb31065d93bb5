package io.github.cspkit.csp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.Allocation;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.testkit.BillingGen.History;
import io.github.cspkit.csp.testkit.BillingGen;
import io.github.cspkit.csp.time.DayCount;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Properties of billing (BIL-3, BIL-5, BIL-6, BIL-7) over random histories replayed as timelines. */
class BillingPropertiesTest {
  private static final int EXAMPLES = 300;
  private static final BillingEngine IN_ADVANCE = BillingEngine.seed();
  private static final BillingEngine IN_ARREARS =
      BillingEngine.of(BillingTiming.IN_ARREARS, Rounding.HALF_UP, DayCount.ACTUAL);

  @Test
  void BIL_6_bills_of_a_finished_term_add_up_to_its_rounded_accrual_in_advance() {
    qt().withExamples(EXAMPLES).forAll(BillingGen.histories(12))
        .checkAssert(h -> finishedTermAddsUp(h, IN_ADVANCE));
  }

  @Test
  void BIL_6_bills_of_a_finished_term_add_up_to_its_rounded_accrual_in_arrears() {
    qt().withExamples(EXAMPLES).forAll(BillingGen.histories(12))
        .checkAssert(h -> finishedTermAddsUp(h, IN_ARREARS));
  }

  @Test
  void BIL_6_operations_scheduled_ahead_of_a_bill_are_billed_once() {
    qt().withExamples(EXAMPLES).forAll(BillingGen.histories(12), BillingGen.timings(),
        Generate.range(1, 60)).checkAssert((h, timing, lookAhead) -> finishedTermAddsUp(h,
            BillingEngine.of(timing, Rounding.HALF_UP, DayCount.ACTUAL), lookAhead));
  }

  private static void finishedTermAddsUp(History h, BillingEngine engine) {
    finishedTermAddsUp(h, engine, 0);
  }

  private static void finishedTermAddsUp(History h, BillingEngine engine, int lookAhead) {
    BillingTimeline.Run run = BillingTimeline.replay(h, engine, null, lookAhead);
    Term term = run.subscription().terms().get(0);
    long n = term.daysInTerm();
    // computed independently of the engine: day by day from the steps, rounded with BigDecimal
    long expectedSale = dayByDayAccrual(term, false);
    long expectedCost = dayByDayAccrual(term, true);
    long sale = 0;
    long cost = 0;
    for (Bill b : run.bills()) {
      for (BillLine l : BillingTimeline.linesOf(b, BillingTimeline.SUB, term.range())) {
        sale += l.amountMinor();
        cost += l.costMinor();
      }
    }
    assertThat(sale).as("sale billed of %s over %s bills", term, run.bills().size())
        .isEqualTo(expectedSale);
    assertThat(cost).as("cost billed of %s", term).isEqualTo(expectedCost);
  }

  @Test
  void BIL_6_issuing_the_same_bill_twice_gives_an_identical_bill() {
    qt().withExamples(150).forAll(BillingGen.histories(10), BillingGen.timings())
        .checkAssert((h, timing) -> {
          BillingEngine engine = BillingEngine.of(timing, Rounding.HALF_UP, DayCount.ACTUAL);
          BillingTimeline.replay(h, engine, (customer, before, subs, services, issued) -> {
            IssuedBill again = engine.issue(customer, before, List.copyOf(subs), List.copyOf(services));
            assertThat(again).isEqualTo(issued);
            assertThat(again.bill().lines()).containsExactlyElementsOf(issued.bill().lines());
            assertThat(BillText.render(again.bill())).isEqualTo(BillText.render(issued.bill()));
            assertThat(BillCsv.render(again.bill())).isEqualTo(BillCsv.render(issued.bill()));
          });
        });
  }

  @Test
  void BIL_5_lines_of_a_subscription_add_up_to_its_charge() {
    qt().withExamples(EXAMPLES).forAll(BillingGen.histories(12), BillingGen.timings())
        .checkAssert((h, timing) -> {
          BillingEngine engine = BillingEngine.of(timing, Rounding.HALF_UP, DayCount.ACTUAL);
          BillingTimeline.replay(h, engine, (customer, before, subs, services, issued) -> {
            for (Subscription sub : subs) {
              for (Term term : sub.terms()) {
                String key = BillingAccount.key(sub.id(), term.index());
                Billed was = before.billed().get(key);
                Billed now = issued.account().billed().get(key);
                long n = term.daysInTerm();
                long charge = now == null ? 0 : round(now.saleNumerator(), n) - (was == null ? 0 : round(was.saleNumerator(), n));
                long costCharge = now == null ? 0 : round(now.costNumerator(), n) - (was == null ? 0 : round(was.costNumerator(), n));
                List<BillLine> lines = BillingTimeline.linesOf(issued.bill(), sub.id(), term.range());
                assertThat(lines.stream().mapToLong(BillLine::amountMinor).sum())
                    .as("lines of %s on %s", key, issued.bill()).isEqualTo(charge);
                assertThat(lines.stream().mapToLong(BillLine::costMinor).sum())
                    .as("cost lines of %s", key).isEqualTo(costCharge);
                if (now != null) {
                  // the billed accrual is the exact accrual through `through`, as known now
                  assertThat(now.saleNumerator()).isEqualTo(Accrual.seed().sale(term, term.start(), now.through()));
                  assertThat(now.costNumerator()).isEqualTo(Accrual.seed().cost(term, term.start(), now.through()));
                }
                for (BillLine l : lines) {
                  // each line is its formula, unit × seats × days/daysInTerm, within one minor unit
                  long exact = l.unitMinor() * l.seats() * l.days();
                  assertThat(Math.abs(l.amountMinor() * n - exact)).as("%s", l).isLessThanOrEqualTo(n);
                  assertThat(l.daysInTerm()).isEqualTo(n);
                  assertThat(l.days()).isPositive();
                }
              }
            }
          });
        });
  }

  private static long round(io.github.cspkit.csp.money.Numerator numerator, long n) {
    return new java.math.BigDecimal(numerator.toBigInteger()).divide(java.math.BigDecimal.valueOf(n), 0,
        java.math.RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * The term's whole accrual, HALF_UP to the minor unit, summed day by day from its steps: a
   * different algorithm from {@code Term.saleNumerator} and the engine's, so it can catch them.
   */
  static long dayByDayAccrual(Term term, boolean cost) {
    java.math.BigInteger sum = java.math.BigInteger.ZERO;
    List<io.github.cspkit.csp.subscription.Step> steps = term.steps();
    for (LocalDate d = term.start(); d.isBefore(term.end()); d = d.plusDays(1)) {
      io.github.cspkit.csp.subscription.Step inForce = null;
      for (io.github.cspkit.csp.subscription.Step s : steps) {
        if (!s.date().isAfter(d)) {
          inForce = s;
        }
      }
      if (inForce.status() == io.github.cspkit.csp.subscription.SubscriptionStatus.ACTIVE) {
        sum = sum.add(java.math.BigInteger.valueOf(cost ? inForce.costRate() : inForce.saleRate()));
      }
    }
    return new java.math.BigDecimal(sum).divide(java.math.BigDecimal.valueOf(term.daysInTerm()), 0,
        java.math.RoundingMode.HALF_UP).longValueExact();
  }

  @Test
  void BIL_3_every_instalment_plan_adds_up_to_its_total() {
    Customer c = Customer.builder().id("c1").partnerId("p1").market("US")
        .tenant(Tenant.of("t1", TenantOrigin.NEW)).billing(BillingProfile.of(15, MinorUnits.USD))
        .createdOn(LocalDate.of(2025, 1, 1)).build();
    qt().withExamples(1000).forAll(BillingGen.totals(), BillingGen.instalmentCounts(),
        Generate.range(0, 24)).checkAssert((total, parts, month) -> {
          LocalDate periodStart = LocalDate.of(2025, 1, 15).plusMonths(month);
          OwnService s = OwnService.builder().id("svc").customerId("c1").amountMinor(total)
              .currency(MinorUnits.USD).recurrence(Recurrence.ONCE).startsOn(periodStart).build();
          BillingAccount acct = BillingAccount.open("c1", periodStart)
              .withFinancing(FinancingPlan.instalments(parts));
          Bill bill = BillingEngine.seed().issue(c, acct, List.of(), List.of(s)).bill();
          assertThat(bill.totalMinor()).isEqualTo(total);
          List<Due> dues = bill.dues();
          assertThat(dues.stream().mapToLong(Due::amountMinor).sum()).isEqualTo(total);
          if (total > 0) {
            assertThat(dues).hasSize(parts);
            long max = dues.stream().mapToLong(Due::amountMinor).max().orElseThrow();
            long min = dues.stream().mapToLong(Due::amountMinor).min().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
            for (int i = 0; i < parts; i++) {
              assertThat(dues.get(i).date()).isEqualTo(bill.issuedOn().plusMonths(i));
            }
          } else {
            assertThat(dues).containsExactly(new Due(bill.issuedOn(), total));
          }
        });
  }

  @Test
  void BIL_3_allocation_evenly_conserves_and_differs_by_at_most_one() {
    qt().withExamples(1000).forAll(BillingGen.totals(), Generate.range(1, 400))
        .checkAssert((total, parts) -> {
          long[] out = Allocation.evenly(total, parts);
          assertThat(out).hasSize(parts);
          assertThat(java.util.Arrays.stream(out).sum()).isEqualTo(total);
          long max = java.util.Arrays.stream(out).max().orElseThrow();
          long min = java.util.Arrays.stream(out).min().orElseThrow();
          assertThat(max - min).isLessThanOrEqualTo(1);
          for (int i = 1; i < parts; i++) {
            assertThat(Math.abs(out[i])).isLessThanOrEqualTo(Math.abs(out[i - 1]));
          }
        });
  }

  @Test
  void BIL_3_allocation_by_weights_conserves_and_stays_within_one_unit_of_each_share() {
    qt().withExamples(1000).forAll(BillingGen.totals(), BillingGen.weights())
        .checkAssert((total, weights) -> {
          long[] out = Allocation.byWeights(total, weights);
          assertThat(java.util.Arrays.stream(out).sum()).isEqualTo(total);
          long sum = java.util.Arrays.stream(weights).sum();
          for (int i = 0; i < weights.length; i++) {
            // |part − total × w / sum| < 1, checked exactly: |part × sum − total × w| < |sum|
            java.math.BigInteger diff = java.math.BigInteger.valueOf(out[i])
                .multiply(java.math.BigInteger.valueOf(sum))
                .subtract(java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(weights[i])));
            assertThat(diff.abs()).as("part %s of %s", i, java.util.Arrays.toString(out))
                .isLessThan(java.math.BigInteger.valueOf(Math.abs(sum)));
          }
        });
  }
}
