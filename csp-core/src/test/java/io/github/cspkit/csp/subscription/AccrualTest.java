package io.github.cspkit.csp.subscription;

import static io.github.cspkit.csp.testkit.DayCounts.THIRTY_360;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.testkit.SubscriptionGen;
import io.github.cspkit.csp.testkit.SubscriptionGen.History;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The one accrual (SUB-2, SUB-7, PRC-6, BIL-6) under a day count other than actual days (30/360):
 * the days an event charges, its formula and its amount all follow the policy, and the walk over a
 * term's segments adds up. Also what a step keeps: the unit price of its seats, or mixed prices.
 */
class AccrualTest {
  private static final Accrual THIRTY = Accrual.of(THIRTY_360, Rounding.HALF_UP);
  private static final SubscriptionOperations OPS = SubscriptionOperations.of(THIRTY_360,
      Proration.seed(), PriceLock.TERM_START, PricingPolicy.markup(new BigDecimal("17.5")),
      LifecyclePolicy.seed(), ProgramPolicy.seed());
  private static final Sku E3 = Sku.of("O365_E3", ProductFamily.OFFICE_365);

  private static Customer contoso() {
    return Customer.builder().id("c1").partnerId("p").market("US")
        .tenant(Tenant.of("t1", TenantOrigin.NEW)).billing(BillingProfile.of(1, MinorUnits.USD))
        .createdOn(d("2025-01-01")).build();
  }

  /** E3 at 288.00 from February 2025, then 300.00 from May 2025. */
  private static PriceBook book() {
    PriceBook book = PriceBook.create();
    book.publish(PriceList.monthly("US", MinorUnits.USD, YearMonth.of(2025, 2), d("2024-12-01"),
        Map.of("O365_E3", MinorUnits.toAmount(28800, MinorUnits.USD))));
    book.publish(PriceList.monthly("US", MinorUnits.USD, YearMonth.of(2025, 5), d("2025-03-01"),
        Map.of("O365_E3", MinorUnits.toAmount(30000, MinorUnits.USD))));
    return book;
  }

  private static SubscriptionOperations atCost(DayCount dayCount, PriceLock lock) {
    return SubscriptionOperations.of(dayCount, Proration.seed(), lock, PricingPolicy.atCost(),
        LifecyclePolicy.seed(), ProgramPolicy.seed());
  }

  @Test
  void SUB_2_under_a_30_360_day_count_an_event_charges_the_counted_days_and_its_formula_reproduces_it() {
    SubscriptionOperations ops = atCost(THIRTY_360, PriceLock.TERM_START);
    SubscriptionChange order = ops.order("S1", contoso(), E3, 10, d("2025-02-10"), book());
    assertThat(order.subscription().term().daysInTerm()).isEqualTo(360);
    assertThat(order.event().formula()).isEqualTo("288.00 × 10 × 360/360");
    assertThat(order.event().chargeMinor()).isEqualTo(288000);

    SubscriptionEvent added = ops.addSeats(order.subscription(), contoso(), E3, 5, d("2025-09-23"),
        book()).event();
    // 2025-09-23 to 2026-02-10 is 140 calendar days but 137 under 30/360
    assertThat(DateRange.daysBetween(d("2025-09-23"), d("2026-02-10"))).isEqualTo(140);
    assertThat(added.days()).isEqualTo(137);
    assertThat(added.formula()).isEqualTo("288.00 × 5 × 137/360");
    assertThat(added.chargeMinor()).isEqualTo(54800) // 288.00 × 5 × 137 / 360 = 548.00
        .isEqualTo(added.proration().amountMinor(Rounding.HALF_UP));
  }

  @Test
  void SUB_2_under_a_30_360_day_count_every_event_formula_reproduces_its_charge_and_cost() {
    qt().withExamples(300).forAll(SubscriptionGen.scenarios(SubscriptionGen.historiesWithCancel()))
        .checkAssert(sc -> {
          History h = sc.run(OPS);
          Term term = h.last().term();
          assertThat(term.daysInTerm()).isEqualTo(THIRTY_360.days(term.range()));
          for (SubscriptionEvent e : h.events()) {
            assertThat(e.days()).as("%s", e).isEqualTo(THIRTY_360.days(e.date(), term.end()));
            assertThat(e.chargeMinor()).as("%s", e)
                .isEqualTo(e.proration().amountMinor(Rounding.HALF_UP));
            assertThat(e.costMinor()).as("cost of %s", e).isEqualTo(new Formula(term.costUnit(),
                e.seatsCharged(), e.days(), e.daysInTerm()).amountMinor(Rounding.HALF_UP));
            assertThat(e.formula()).isEqualTo(e.proration().format(e.currency()));
          }
        });
  }

  @Test
  void BIL_6_the_accrual_of_a_term_splits_into_pieces_that_add_up_under_any_day_count() {
    qt().withExamples(300).forAll(SubscriptionGen.scenarios(SubscriptionGen.historiesWithCancel()),
        Generate.range(0, 400), Generate.range(0, 400)).checkAssert((sc, x, y) -> {
          for (Accrual accrual : new Accrual[] {Accrual.seed(), THIRTY}) {
            SubscriptionOperations ops = SubscriptionOperations.of(accrual.dayCount(),
                Proration.seed(), PriceLock.TERM_START, PricingPolicy.atCost(),
                LifecyclePolicy.seed(), ProgramPolicy.seed());
            Term term = sc.run(ops).last().term();
            LocalDate a = term.start().plusDays(Math.min(x, y));
            LocalDate b = term.start().plusDays(Math.max(x, y));
            Numerator whole = accrual.sale(term, term.start(), term.end());
            assertThat(accrual.sale(term, term.start(), a).plus(accrual.sale(term, a, b))
                .plus(accrual.sale(term, b, term.end()))).isEqualTo(whole);
            // the walk's segments are the steps in force, counted by the policy
            Numerator.Sum bySegments = new Numerator.Sum(Numerator.ZERO);
            long[] days = {0};
            accrual.walk(term, term.steps().size(), term.start(), term.end(), (c, s, from, to, n) -> {
              assertThat(n).isEqualTo(accrual.dayCount().days(from, to));
              assertThat(term.stepOn(from)).isEqualTo(s);
              bySegments.addProduct(s.chargedSaleRate(), n);
              days[0] += n;
            }, null);
            assertThat(bySegments.value()).isEqualTo(whole);
            assertThat(days[0]).isEqualTo(term.daysInTerm());
          }
        });
  }

  @Test
  void SUB_7_a_step_keeps_the_unit_price_of_its_seats_and_removed_seats_pay_it_back() {
    SubscriptionOperations ops = atCost(DayCount.ACTUAL, PriceLock.TERM_START);
    Subscription sub = ops.order("S1", contoso(), E3, 10, d("2025-02-10"), book()).subscription();
    assertThat(sub.last().price()).isSameAs(sub.term().unit()).isEqualTo(UnitPrice.of(28800, 28800));
    SubscriptionChange removed = ops.removeSeats(sub, contoso(), E3, 3, d("2025-07-01"), book());
    Step after = removed.subscription().last();
    assertThat(after.seats()).isEqualTo(7);
    assertThat(after.price()).isSameAs(sub.term().unit());
    assertThat(after.saleRate()).isEqualTo(28800L * 7);
    assertThat(removed.event().formula()).isEqualTo("288.00 × -3 × 224/365");
  }

  @Test
  void PRC_6_under_a_change_day_lock_seats_bought_at_two_prices_keep_mixed_totals() {
    SubscriptionOperations ops = atCost(DayCount.ACTUAL, PriceLock.CHANGE_DAY);
    Subscription sub = ops.order("S1", contoso(), E3, 10, d("2025-02-10"), book()).subscription();
    Subscription mixed = ops.addSeats(sub, contoso(), E3, 5, d("2025-05-20"), book())
        .subscription();
    assertThat(mixed.last().price()).isEqualTo(new SeatPrice.Mixed(
        10 * 28800L + 5 * 30000L, 10 * 28800L + 5 * 30000L));
    // 2 of 15 seats accruing 4380.00 a year: their average, 584.00, stops
    SubscriptionChange removed = ops.removeSeats(mixed, contoso(), E3, 2, d("2025-06-01"), book());
    assertThat(removed.subscription().last().saleRate()).isEqualTo(438000L - 58400);
    assertThat(removed.event().formula()).isEqualTo("292.00 × -2 × 254/365");
  }

  @Test
  void PRC_6_a_step_read_from_its_rates_keeps_one_unit_price_when_its_seats_share_one() {
    Step same = Step.of(d("2025-02-10"), ChangeKind.ORDER, 10, SubscriptionStatus.ACTIVE, 288000,
        240000);
    assertThat(same.price()).isEqualTo(UnitPrice.of(28800, 24000));
    assertThat(same).isEqualTo(Step.of(d("2025-02-10"), ChangeKind.ORDER, 10,
        SubscriptionStatus.ACTIVE, UnitPrice.of(28800, 24000)));
    Step mixed = Step.of(d("2025-02-10"), ChangeKind.ADD_SEATS, 15, SubscriptionStatus.ACTIVE,
        438001, 438000);
    assertThat(mixed.price()).isEqualTo(new SeatPrice.Mixed(438001, 438000));
    assertThat(mixed.saleRate()).isEqualTo(438001);
    assertThat(mixed.then(d("2025-03-01"), ChangeKind.SUSPEND, SubscriptionStatus.SUSPENDED)
        .chargedSaleRate()).isZero();
  }
}
