package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.internal.NceAccrual;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.NceTerm;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.SuspensionBilling;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.subscription.TermState;
import io.github.cspkit.csp.testkit.NceHistories;
import io.github.cspkit.csp.testkit.NceHistories.History;
import io.github.cspkit.csp.testkit.NcePartners;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The current program's invariants through the partner's entry point: random valid new-commerce
 * histories ({@link NceHistories}) replayed by {@link NewCommerce} on one in-memory store whose
 * lists are published once, each history by a partner of its own.
 */
class CurrentProgramPropertiesTest {
  private static final CspStore STORE = NcePartners.publish(InMemoryStore.create(),
      YearMonth.of(2023, 12), YearMonth.of(2031, 12));
  private static final AtomicInteger PARTNERS = new AtomicInteger();

  private static CspPartner replayed(History h) {
    CspPartner p = NcePartners.partner(STORE, "p" + PARTNERS.incrementAndGet());
    NcePartners.replay(p, h);
    return p;
  }

  private static DateRange whole(History h) {
    return DateRange.of(LocalDate.of(2023, 12, 1), h.end().plusDays(1));
  }

  @Test
  void NCE_1_a_thousand_valid_histories_replay_through_the_partner_with_no_refusal() {
    qt().withExamples(1000).forAll(NceHistories.histories(20)).checkAssert(h -> replayed(h));
  }

  @Test
  void NCE_10_the_vendor_charges_of_a_term_never_exceed_the_term_price_times_the_seats() {
    qt().withExamples(200).forAll(NceHistories.histories(20)).checkAssert(h -> {
      CspPartner p = replayed(h);
      for (NceSubscription s : h.subscriptions()) {
        List<VendorCharge> all = p.newCommerce().vendorCharges(s.id(), whole(h));
        for (NceTerm t : s.terms()) {
          long max = 0;
          int maxSeats = 0;
          TermState state = TermState.start(t.started());
          for (int i = 0; ; i++) {
            max = Math.max(max, state.price().costMinor());
            maxSeats = Math.max(maxSeats, state.seats());
            if (i + 1 >= t.events().size()) {
              break;
            }
            state = state.apply(t.events().get(i + 1));
          }
          long total = 0;
          for (VendorCharge c : all) {
            if (!c.chargeStartDate().isBefore(t.start()) && c.chargeStartDate().isBefore(t.end())) {
              total += c.subtotalMinor();
            }
          }
          assertThat(total).as("%s\n%s", h, all).isBetween(0L, max * maxSeats);
        }
      }
    });
  }

  @Test
  void NCE_10_refunds_never_exceed_what_was_charged() {
    qt().withExamples(200).forAll(NceHistories.histories(20)).checkAssert(h -> {
      CspPartner p = replayed(h);
      List<VendorCharge> all = p.newCommerce().vendorCharges(whole(h));
      Map<String, long[]> byCycle = new HashMap<>(); // subscription and cycle end: charged, refunded
      for (VendorCharge c : all) {
        long[] sums = byCycle.computeIfAbsent(c.subscriptionId() + "/" + c.chargeEndDate(),
            k -> new long[2]);
        if (c.isRefund()) {
          sums[1] -= c.subtotalMinor();
        } else {
          sums[0] += c.subtotalMinor();
        }
      }
      byCycle.forEach((cycle, sums) -> assertThat(sums[1]).as("%s\n%s", cycle, h)
          .isLessThanOrEqualTo(sums[0]));
      long charges = all.stream().filter(c -> !c.isRefund()).count();
      assertThat(charges).isPositive();
    });
  }

  @Test
  void NCE_8_a_scheduled_change_takes_effect_exactly_at_renewal() {
    AtomicInteger renewals = new AtomicInteger();
    qt().withExamples(200).forAll(NceHistories.histories(20)).checkAssert(h -> {
      CspPartner p = replayed(h);
      for (NceSubscription s : h.subscriptions()) {
        // as stored after the last command: reads roll forward from there, never back
        int stored = p.newCommerce().subscription(s.id(), LocalDate.of(2000, 1, 1)).orElseThrow()
            .terms().size();
        for (NceTerm t : s.terms()) {
          if (t.started().how() != NceEvent.Start.RENEWAL || t.index() < stored) {
            continue;
          }
          renewals.incrementAndGet();
          // the day before the renewal the previous term still holds; on the day, the new one
          NceSubscription eve = p.newCommerce().subscription(s.id(), t.start().minusDays(1))
              .orElseThrow();
          NceSubscription day = p.newCommerce().subscription(s.id(), t.start()).orElseThrow();
          assertThat(eve.terms()).hasSize(t.index());
          assertThat(day.terms()).hasSize(t.index() + 1);
          assertThat(day.term().started()).isEqualTo(t.started());
          ScheduledChange sc = eve.scheduled().orElse(null);
          assertThat(day.sku()).isEqualTo(sc == null ? eve.sku() : sc.sku().orElse(eve.sku()));
          assertThat(day.term().started().seats()).isEqualTo(
              sc == null ? eve.seats() : sc.seats().orElse(eve.seats()));
          assertThat(day.term().calendar().length()).isEqualTo(
              sc == null ? eve.term().calendar().length()
                  : sc.term().orElse(eve.term().calendar().length()));
          assertThat(day.scheduled()).isEmpty();
        }
      }
    });
    assertThat(renewals.get()).isGreaterThan(50);
  }

  @Test
  void BIL_6_under_the_current_program_the_partners_bills_conserve_money() {
    qt().withExamples(100).forAll(NceHistories.histories(15)).checkAssert(h -> {
      CspPartner p = replayed(h);
      // the agreement ends soon after the history, so every term ends and is billed whole
      LocalDate effective = h.end().plusDays(31);
      p.terminatePartnerAgreement(NcePartners.admin(p, h.end().plusDays(1)), effective);
      LocalDate last = effective;
      for (NceSubscription s : p.newCommerce().subscriptions(NcePartners.CONTOSO, effective)) {
        last = s.term().end().isAfter(last) ? s.term().end() : last;
      }
      List<Bill> bills = p.issueBills(Request.of(Actor.partnerAdmin(p.partner().id(), "agent"),
          last.plusMonths(2)));
      Map<String, Long> billed = new HashMap<>();
      for (Bill b : bills) {
        assertThat(b.totalMinor()).isEqualTo(b.lines().stream().mapToLong(BillLine::amountMinor)
            .sum());
        for (BillLine l : b.lines()) {
          billed.merge(l.subscriptionId(), l.amountMinor(), Long::sum);
        }
      }
      for (NceSubscription s : p.newCommerce().subscriptions(NcePartners.CONTOSO, last)) {
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ENDED);
        Subscription accrued = NceAccrual.of(s, SuspensionBilling.CHARGE);
        long expected = 0;
        for (Term t : accrued.terms()) {
          expected += Accrual.seed().sale(t, t.start(), t.end())
              .divide(t.daysInTerm(), Rounding.HALF_UP);
        }
        assertThat(billed.getOrDefault(s.id(), 0L)).as("%s\n%s", s, h).isEqualTo(expected);
      }
    });
  }
}
