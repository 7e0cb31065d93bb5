package io.github.cspkit.csp.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.testkit.SubscriptionGen.History;
import io.github.cspkit.csp.testkit.SubscriptionGen.Scenario;
import io.github.cspkit.csp.testkit.SubscriptionGen;
import io.github.cspkit.csp.time.DateRange;
import io.github.cspkit.csp.time.DayCount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Properties of SUB-1..7 over random histories of seat changes, suspensions, reactivations and
 * cancellations ({@link SubscriptionGen}). Sale prices are cost + 17.5 %, so sale and cost differ.
 */
class SubscriptionPropertiesTest {
  static final int EXAMPLES = 1000;
  static final PriceBook BOOK = SubscriptionGen.priceBook();
  static final SubscriptionOperations OPS = SubscriptionOperations.of(DayCount.ACTUAL,
      Proration.seed(), PriceLock.TERM_START, PricingPolicy.markup(new BigDecimal("17.5")),
      LifecyclePolicy.seed(), ProgramPolicy.seed());

  /** The charge of SUB-2 computed independently: HALF_UP(unit × seats × days / daysInTerm). */
  static long formula(long unit, long seats, long days, long daysInTerm) {
    return BigDecimal.valueOf(unit).multiply(BigDecimal.valueOf(seats))
        .multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(daysInTerm), 0, RoundingMode.HALF_UP).longValueExact();
  }

  static boolean holdsLeapDay(DateRange r) {
    for (int y = r.start().getYear(); y <= r.end().getYear(); y++) {
      if (java.time.Year.isLeap(y) && r.contains(LocalDate.of(y, Month.FEBRUARY, 29))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void SUB_2_every_event_charge_equals_the_formula() {
    qt().withExamples(EXAMPLES).forAll(SubscriptionGen.scenarios(SubscriptionGen.historiesWithCancel()))
        .checkAssert(sc -> {
          History h = sc.run(OPS);
          Term term = h.last().term();
          for (SubscriptionEvent e : h.events()) {
            assertThat(e.daysInTerm()).isEqualTo(term.daysInTerm());
            assertThat(e.days()).as("%s", e).isEqualTo(DateRange.daysBetween(e.date(), term.end()));
            assertThat(e.unitMinor()).isEqualTo(term.saleUnit());
            assertThat(e.chargeMinor()).as("%s", e)
                .isEqualTo(formula(e.unitMinor(), e.seatsCharged(), e.days(), e.daysInTerm()));
            assertThat(e.costMinor()).as("cost of %s", e)
                .isEqualTo(formula(term.costUnit(), e.seatsCharged(), e.days(), e.daysInTerm()));
            assertThat(e.formula()).isEqualTo(MinorUnits.format(e.unitMinor(), e.currency()) + " × "
                + e.seatsCharged() + " × " + e.days() + "/" + e.daysInTerm());
            long expectedSeats = switch (e.kind()) {
              case ORDER, ADD_SEATS, REMOVE_SEATS -> e.seatsAfter() - e.seatsBefore();
              case SUSPEND -> -e.seatsBefore();
              case REACTIVATE -> e.seatsBefore();
              default -> e.seatsCharged();
            };
            assertThat(e.seatsCharged()).as("%s", e).isEqualTo(expectedSeats);
            assertThat(e.currency()).isEqualTo(sc.customer().billing().currency());
          }
        });
  }

  @Test
  void SUB_2_added_seats_end_with_the_base_term() {
    qt().withExamples(EXAMPLES).forAll(SubscriptionGen.scenarios()).checkAssert(sc -> {
      History h = sc.run(OPS);
      DateRange range = SubscriptionOperations.termFrom(sc.start());
      int seats = sc.seats();
      for (Subscription s : h.states()) {
        assertThat(s.terms()).hasSize(1);
        assertThat(s.term().range()).isEqualTo(range);
        assertThat(s.term().daysInTerm()).isEqualTo(range.days());
        for (Step step : s.term().steps()) {
          assertThat(range.contains(step.date())).as("%s in %s", step, range).isTrue();
        }
      }
      for (SubscriptionEvent e : h.events()) {
        assertThat(range.contains(e.date())).isTrue();
        assertThat(e.date().plusDays(e.days())).isEqualTo(range.end());
        if (e.kind() == ChangeKind.ADD_SEATS || e.kind() == ChangeKind.REMOVE_SEATS) {
          assertThat(e.seatsBefore()).isEqualTo(seats);
          seats = e.seatsAfter();
        }
      }
      assertThat(h.last().seats()).isEqualTo(seats);
      Term t = h.last().term();
      for (Step step : t.steps()) {
        assertThat(step.saleRate()).isEqualTo(t.saleUnit() * step.seats());
        assertThat(step.costRate()).isEqualTo(t.costUnit() * step.seats());
      }
    });
  }

  @Test
  void SUB_2_charges_add_up_to_the_exact_accrual_of_the_term() {
    qt().withExamples(EXAMPLES).forAll(SubscriptionGen.scenarios(SubscriptionGen.historiesWithCancel()))
        .checkAssert(sc -> {
          History h = sc.run(OPS);
          Term t = h.last().term();
          long n = t.daysInTerm();
          long saleNumerator = 0;
          long costNumerator = 0;
          long charged = 0;
          for (SubscriptionEvent e : h.events()) {
            saleNumerator += e.unitMinor() * e.seatsCharged() * e.days();
            costNumerator += t.costUnit() * e.seatsCharged() * e.days();
            charged += e.chargeMinor();
          }
          // exact: the events' numerators are the term's accrual numerator
          assertThat(saleNumerator).isEqualTo(Accrual.seed().sale(t, t.start(), t.end()).longValueExact());
          assertThat(costNumerator).isEqualTo(Accrual.seed().cost(t, t.start(), t.end()).longValueExact());
          // each event rounds once: the sum is off the exact accrual by at most half a minor unit each
          long events = h.events().size();
          assertThat(Math.abs(charged * n - saleNumerator) * 2).isLessThanOrEqualTo(events * n);
          // the accrual is the sum over steps of rate × days
          long bySteps = 0;
          for (int i = 0; i < t.steps().size(); i++) {
            Step s = t.steps().get(i);
            LocalDate to = i + 1 < t.steps().size() ? t.steps().get(i + 1).date() : t.end();
            bySteps += s.chargedSaleRate() * DateRange.daysBetween(s.date(), to);
          }
          assertThat(bySteps).isEqualTo(saleNumerator);
        });
  }

  @Test
  void SUB_7_credit_and_charge_for_the_same_seats_over_the_same_days_cancel_exactly() {
    qt().withExamples(EXAMPLES)
        .forAll(SubscriptionGen.scenarios(), Generate.range(1, 40), Generate.range(0, 120))
        .checkAssert((sc, n, gap) -> {
          History h = sc.run(OPS);
          Subscription sub = h.last();
          LocalDate d = h.lastDate().plusDays(gap);
          if (!d.isBefore(sub.term().end()) || sub.status() == SubscriptionStatus.ENDED
              || (long) sub.seats() + n > sc.sku().maxSeats()) {
            return;
          }
          Term before = sub.term();
          Sku sku = sc.sku();
          Customer c = sc.customer();
          Subscription active = sub;
          long reactivation = 0;
          if (sub.status() == SubscriptionStatus.SUSPENDED) {
            SubscriptionChange r = OPS.reactivate(sub, d);
            active = r.subscription();
            reactivation = r.event().chargeMinor();
            SubscriptionChange s = OPS.suspend(active, d);
            assertThat(s.event().chargeMinor()).isEqualTo(-reactivation);
            assertThat(s.event().costMinor()).isEqualTo(-r.event().costMinor());
            assertThat(Accrual.seed().sale(s.subscription().term(), before.start(), before.end()))
                .isEqualTo(Accrual.seed().sale(before, before.start(), before.end()));
          }
          SubscriptionChange add = OPS.addSeats(active, c, sku, n, d, BOOK);
          SubscriptionChange remove = OPS.removeSeats(add.subscription(), c, sku, n, d, BOOK);
          assertThat(add.event().chargeMinor() + remove.event().chargeMinor()).isZero();
          assertThat(add.event().costMinor() + remove.event().costMinor()).isZero();
          assertThat(add.event().days()).isEqualTo(remove.event().days());
          Term after = remove.subscription().term();
          assertThat(Accrual.seed().sale(after, after.start(), after.end()))
              .isEqualTo(Accrual.seed().sale(active.term(), after.start(), after.end()));
          assertThat(remove.subscription().seats()).isEqualTo(active.seats());
          // and a suspension on the same day credits what a reactivation that day charges
          SubscriptionChange susp = OPS.suspend(active, d);
          SubscriptionChange back = OPS.reactivate(susp.subscription(), d);
          assertThat(susp.event().chargeMinor() + back.event().chargeMinor()).isZero();
          Term t2 = back.subscription().term();
          assertThat(Accrual.seed().sale(t2, t2.start(), t2.end()))
              .isEqualTo(Accrual.seed().sale(active.term(), t2.start(), t2.end()));
        });
  }

  @Test
  void SUB_3_addon_accrues_over_the_base_term_day_count() {
    qt().withExamples(EXAMPLES)
        .forAll(SubscriptionGen.customers(), SubscriptionGen.startDates(), Generate.range(0, 365),
            SubscriptionGen.histories())
        .checkAssert((c, start, offset, history) -> {
          Sku baseSku = SubscriptionGen.E3;
          Subscription base = OPS.order("B1", c, baseSku, 5, start, BOOK).subscription();
          Term bt = base.term();
          LocalDate day = start.plusDays(offset % bt.daysInTerm());
          SubscriptionChange order = OPS.orderAddOn("A1", base, c, SubscriptionGen.ADVANCED_THREAT,
              1 + offset % 7, day, BOOK);
          Subscription addOn = order.subscription();
          Term at = addOn.term();
          assertThat(at.range()).isEqualTo(DateRange.of(day, bt.end()));
          assertThat(at.daysInTerm()).isEqualTo(bt.daysInTerm());
          long unit = at.saleUnit();
          long expectedCost = SubscriptionGen.costMinor("O365_ATP", c.billing().currency(),
              java.time.YearMonth.from(day));
          assertThat(at.costUnit()).isEqualTo(expectedCost);
          assertThat(order.event().chargeMinor()).isEqualTo(
              formula(unit, addOn.seats(), DateRange.daysBetween(day, bt.end()), bt.daysInTerm()));
          History h = SubscriptionGen.runFrom(OPS, order, c, SubscriptionGen.ADVANCED_THREAT, BOOK,
              history);
          Term last = h.last().term();
          assertThat(last.range()).isEqualTo(at.range());
          long numerator = 0;
          for (SubscriptionEvent e : h.events()) {
            assertThat(e.daysInTerm()).isEqualTo(bt.daysInTerm());
            assertThat(e.date().plusDays(e.days())).isEqualTo(bt.end());
            assertThat(e.chargeMinor())
                .isEqualTo(formula(e.unitMinor(), e.seatsCharged(), e.days(), e.daysInTerm()));
            numerator += e.unitMinor() * e.seatsCharged() * e.days();
          }
          assertThat(Accrual.seed().sale(last, last.start(), last.end()).longValueExact()).isEqualTo(numerator);
          // nothing accrues before the add-on's first day
          assertThat(Accrual.seed().sale(last, bt.start(), day).longValueExact()).isZero();
        });
  }

  @Test
  void SUB_1_term_has_366_days_exactly_when_it_holds_a_leap_day() {
    // a term is [start, start + 1 year); from Feb 29 that is [Feb 29, Feb 28): 365 days holding Feb 29
    qt().withExamples(2000).forAll(io.github.cspkit.csp.testkit.PricingGen.dates()).checkAssert(start -> {
      DateRange r = SubscriptionOperations.termFrom(start);
      long days = DayCount.ACTUAL.days(r);
      boolean leapStart = start.getMonth() == Month.FEBRUARY && start.getDayOfMonth() == 29;
      assertThat(days == 366).as("%s: %s days", r, days).isEqualTo(holdsLeapDay(r) && !leapStart);
      if (leapStart) {
        assertThat(r.end()).isEqualTo(LocalDate.of(start.getYear() + 1, 2, 28));
        assertThat(days).isEqualTo(365);
      }
    });
    qt().withExamples(300).forAll(SubscriptionGen.customers(), SubscriptionGen.startDates())
        .checkAssert((c, start) -> {
          Term t = OPS.order("S1", c, SubscriptionGen.E3, 1, start, BOOK).subscription().term();
          boolean leapStart = start.getMonth() == Month.FEBRUARY && start.getDayOfMonth() == 29;
          assertThat(t.daysInTerm() == 366).isEqualTo(holdsLeapDay(t.range()) && !leapStart);
          assertThat(t.lastDay()).isEqualTo(start.plusYears(1).minusDays(1));
        });
  }


  @Test
  void SUB_7_refused_operations_are_refused_by_their_rule_and_change_nothing() {
    qt().withExamples(EXAMPLES).forAll(SubscriptionGen.scenarios(SubscriptionGen.historiesWithCancel()))
        .checkAssert(sc -> {
          History h = sc.run(OPS);
          for (SubscriptionGen.Skipped s : h.skipped()) {
            Subscription copy = Subscription.builder().from(s.sub()).build();
            Optional<RuleViolation> v = SubscriptionGen.tryRefused(s.op(), OPS, s.sub(),
                sc.customer(), sc.sku(), s.date());
            assertThat(v).as("%s on %s", s.op(), s.sub()).isPresent();
            assertThat(v.get().rule()).isEqualTo(s.rule());
            assertThat(v.get().reason()).isNotBlank();
            assertThat(s.sub()).isEqualTo(copy);
          }
        });
  }

  @Test
  void SUB_4_suspension_and_reactivation_move_only_the_status() {
    qt().withExamples(EXAMPLES).forAll(SubscriptionGen.scenarios()).checkAssert(sc -> {
      History h = sc.run(OPS);
      Subscription prev = null;
      for (Subscription s : h.states()) {
        if (prev != null) {
          Step last = s.last();
          if (last.kind() == ChangeKind.SUSPEND || last.kind() == ChangeKind.REACTIVATE) {
            assertThat(last.seats()).isEqualTo(prev.seats());
            assertThat(last.saleRate()).isEqualTo(prev.last().saleRate());
            assertThat(s.status()).isEqualTo(last.kind() == ChangeKind.SUSPEND
                ? SubscriptionStatus.SUSPENDED : SubscriptionStatus.ACTIVE);
          }
          assertThat(s.term().steps().subList(0, prev.term().steps().size()))
              .isEqualTo(prev.term().steps());
        }
        prev = s;
      }
    });
  }

  @Test
  void SUB_7_renewal_locks_the_price_of_the_new_terms_first_day() {
    qt().withExamples(200).forAll(SubscriptionGen.scenarios()).checkAssert(sc -> {
      History h = sc.run(OPS);
      Subscription sub = h.last();
      LocalDate end = sub.term().end();
      SubscriptionChange c = OPS.rollTo(sub, null, sc.customer(), sc.sku(), end, BOOK);
      if (sub.status() != SubscriptionStatus.ACTIVE) {
        assertThat(c.subscription().status()).isEqualTo(SubscriptionStatus.ENDED);
        return;
      }
      Term t = c.subscription().term();
      assertThat(c.subscription().terms()).hasSize(2);
      assertThat(t.range()).isEqualTo(SubscriptionOperations.anchoredTerm(sub.startedOn(), 1));
      assertThat(t.costUnit()).isEqualTo(SubscriptionGen.costMinor(sc.sku().id(),
          sc.customer().billing().currency(), java.time.YearMonth.from(end)));
      assertThat(t.saleUnit()).isEqualTo(OPS.pricing().saleMinor(sc.customer().id(), sc.sku().id(),
          t.costUnit(), sc.customer().billing().currency()));
      assertThat(c.subscription().seats()).isEqualTo(sub.seats());
      assertThat(c.event().chargeMinor()).isEqualTo(t.saleUnit() * sub.seats());
    });
  }
}
