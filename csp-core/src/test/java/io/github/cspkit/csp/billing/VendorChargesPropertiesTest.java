package io.github.cspkit.csp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.NceTerm;
import io.github.cspkit.csp.subscription.TermState;
import io.github.cspkit.csp.testkit.HistoryOp.NceOp;
import io.github.cspkit.csp.testkit.NceHistories;
import io.github.cspkit.csp.testkit.NceHistories.History;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Properties of NCE-10 over random valid new-commerce histories ({@link NceHistories}): the vendor
 * charges of a term never exceed the term price × seats, refunds never exceed what was charged,
 * every figure follows the formula, and the charges caused by operations plus the cycle charges
 * are the whole ledger.
 */
class VendorChargesPropertiesTest {
  static final int EXAMPLES = 1000;
  static final VendorLedger LEDGER = VendorLedger.partnerCenter();

  /** The lines of one term: those whose charge starts within it. */
  static List<VendorCharge> linesOf(List<VendorCharge> all, NceTerm term) {
    DateRange range = DateRange.of(term.start(), term.end());
    List<VendorCharge> out = new ArrayList<>();
    for (VendorCharge c : all) {
      if (range.contains(c.chargeStartDate())) {
        out.add(c);
      }
    }
    return out;
  }

  @Test
  void NCE_10_the_charges_of_a_term_never_exceed_the_term_price_times_the_seats() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert((History h) -> {
      for (NceSubscription s : h.subscriptions()) {
        List<VendorCharge> all = LEDGER.charges(s);
        for (NceTerm t : s.terms()) {
          long maxPrice = 0;
          int maxSeats = 0;
          TermState state = TermState.start(t.started());
          maxPrice = Math.max(maxPrice, state.price().costMinor());
          maxSeats = Math.max(maxSeats, state.seats());
          for (NceEvent e : t.events().subList(1, t.events().size())) {
            state = state.apply(e);
            maxPrice = Math.max(maxPrice, state.price().costMinor());
            maxSeats = Math.max(maxSeats, state.seats());
          }
          long total = VendorLedger.totalMinor(linesOf(all, t));
          assertThat(total).as("%s\n%s", h, all).isLessThanOrEqualTo(maxPrice * maxSeats)
              .isGreaterThanOrEqualTo(0);
          boolean unchanged = t.events().size() == 1
              || (t.events().size() == 2 && t.events().get(1) instanceof NceEvent.Ended);
          if (unchanged && t.start().equals(t.calendar().start())) {
            int cycles = t.calendar().cycleCount();
            long unit = t.started().price().costMinor() / cycles;
            assertThat(total).isEqualTo(unit * cycles * t.started().seats());
          }
        }
      }
    });
  }

  @Test
  void NCE_10_refunds_never_exceed_what_was_charged_in_their_cycle() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert((History h) -> {
      for (NceSubscription s : h.subscriptions()) {
        Map<LocalDate, long[]> byCycleEnd = new HashMap<>(); // [charged, refunded]
        for (VendorCharge c : LEDGER.charges(s)) {
          long[] sums = byCycleEnd.computeIfAbsent(c.chargeEndDate(), k -> new long[2]);
          if (c.isRefund()) {
            sums[1] -= c.subtotalMinor();
            assertThat(c.quantity()).isPositive();
            assertThat(c.subtotalMinor()).isNegative();
          } else {
            sums[0] += c.subtotalMinor();
          }
        }
        byCycleEnd.forEach((end, sums) -> assertThat(sums[1]).as("%s cycle to %s\n%s", s, end, h)
            .isLessThanOrEqualTo(sums[0]));
      }
    });
  }

  @Test
  void NCE_10_every_line_follows_the_formula_of_partner_center() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert((History h) -> {
      for (NceSubscription s : h.subscriptions()) {
        for (NceTerm t : s.terms()) {
          for (VendorCharge c : linesOf(LEDGER.charges(s), t)) {
            DateRange cycle = t.calendar().cycleOn(c.chargeStartDate());
            assertThat(c.span().end()).isEqualTo(cycle.end());
            assertThat(c.cycleDays()).isEqualTo(cycle.days());
            long price = priceOf(t, c);
            int cycles = t.calendar().cycleCount();
            // independent: ROUNDDOWN(price / cycles × days / cycleDays), exact integers
            BigInteger exact = BigInteger.valueOf(price).multiply(BigInteger.valueOf(c.span().days()))
                .divide(BigInteger.valueOf(cycles).multiply(BigInteger.valueOf(cycle.days())));
            assertThat(Math.abs(c.effectiveUnitPriceMinor())).as("%s", c)
                .isEqualTo(exact.longValueExact());
            assertThat(c.unitPriceMinor()).isEqualTo(price / cycles);
            assertThat(c.subtotalMinor()).isEqualTo(c.effectiveUnitPriceMinor() * c.quantity());
            assertThat(c.isRefund()).isEqualTo(c.chargeType() == ChargeType.REMOVE_QUANTITY
                || c.chargeType() == ChargeType.CANCEL_IMMEDIATE
                || (c.chargeType() == ChargeType.CONVERT && c.effectiveUnitPriceMinor() < 0));
            assertThat(c.termAndBillingCycle()).isEqualTo(t.calendar().length().code() + " "
                + t.calendar().plan().code());
          }
        }
      }
    });
  }

  /** The cost price of the SKU a line charges, in the term it falls in. */
  private static long priceOf(NceTerm t, VendorCharge c) {
    TermState state = TermState.start(t.started());
    long price = -1;
    if (state.sku().equals(c.skuId())) {
      price = state.price().costMinor();
    }
    for (NceEvent e : t.events().subList(1, t.events().size())) {
      if (e.date().isAfter(c.chargeStartDate())) {
        break;
      }
      state = state.apply(e);
      if (state.sku().equals(c.skuId())) {
        price = state.price().costMinor();
      }
    }
    assertThat(price).as("a price of %s in %s", c.skuId(), t).isNotNegative();
    return price;
  }

  @Test
  void NCE_10_the_charges_caused_by_operations_and_the_cycle_charges_make_the_whole_ledger() {
    qt().withExamples(EXAMPLES).forAll(NceHistories.histories(25)).checkAssert((History h) -> {
      Map<String, Long> caused = new HashMap<>();
      for (NceOp step : h.ops()) {
        for (VendorCharge c : LEDGER.caused(step.change())) {
          assertThat(c.chargeType()).isNotEqualTo(ChargeType.CYCLE_CHARGE);
          caused.merge(c.subscriptionId(), c.subtotalMinor(), Long::sum);
        }
      }
      for (NceSubscription s : h.subscriptions()) {
        long cycleCharges = 0;
        long all = 0;
        for (VendorCharge c : LEDGER.charges(s)) {
          all += c.subtotalMinor();
          if (c.chargeType() == ChargeType.CYCLE_CHARGE) {
            cycleCharges += c.subtotalMinor();
          }
        }
        assertThat(caused.getOrDefault(s.id(), 0L) + cycleCharges).as("%s", h).isEqualTo(all);
      }
    });
  }
}
