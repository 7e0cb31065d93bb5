package io.github.cspkit.csp.hardening;

import static io.github.cspkit.csp.hardening.World.on;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.AgreementStatus;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.Term;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calendar edges (SUB-1, BIL-2, BIL-6, AGR-2, AGR-3): leap days, short months, weekends. */
class DateEdgeCasesTest {
  private static final Sku E3 = World.base("O365_E3", 300);
  private static final Sku ADD_ON = World.addOn("AUDIO", "O365_E3");
  private static final Map<String, Long> PRICES = Map.of("O365_E3", 23_999L, "AUDIO", 4_801L);

  private static World world(YearMonth from, YearMonth to) {
    return World.of(List.of(E3, ADD_ON), CspPolicies.seed(), "US", MinorUnits.USD, from, to, PRICES);
  }

  private static Conservation.Tally conserved(World w) {
    Conservation.Tally tally = new Conservation.Tally();
    Conservation.check(w.store, tally);
    return tally;
  }

  @Test
  void SUB_1_a_term_that_starts_on_february_29_has_february_27_as_its_last_day() {
    World w = world(YearMonth.of(2024, 1), YearMonth.of(2026, 4));
    w.customer("leap", 29, d("2024-01-15"));
    Subscription s = w.p.order(on(d("2024-02-29")), "leap", "O365_E3", 3, "S1").value();
    Term t = s.term();
    assertThat(t.start()).isEqualTo(d("2024-02-29"));
    assertThat(t.end()).isEqualTo(d("2025-02-28"));
    assertThat(t.lastDay()).isEqualTo(d("2025-02-27"));
    assertThat(t.daysInTerm()).isEqualTo(365);
    w.p.issueBills(on(d("2025-04-01")));
    Subscription renewed = w.p.subscription("S1").orElseThrow();
    assertThat(renewed.terms()).hasSize(2);
    assertThat(renewed.terms().get(1).start()).isEqualTo(d("2025-02-28"));
    assertThat(renewed.terms().get(1).end()).isEqualTo(d("2026-02-28"));
    // the first term is finished: its bills add up to exactly three seat-years
    long firstTerm = 0;
    for (Bill b : w.p.bills("leap")) {
      firstTerm += b.lines().stream().filter(l -> t.range().contains(l.span().start()))
          .mapToLong(l -> l.amountMinor()).sum();
    }
    assertThat(firstTerm).isEqualTo(3 * 23_999L);
    assertThat(conserved(w).finishedTerms).isEqualTo(1);
  }

  @Test
  void SUB_3_an_add_on_ordered_on_february_29_is_coterminous_and_prorated_over_the_366_day_base_term() {
    World w = world(YearMonth.of(2023, 3), YearMonth.of(2024, 4));
    w.customer("leap", 31, d("2023-03-01"));
    Subscription base = w.p.order(on(d("2023-03-01")), "leap", "O365_E3", 2, "B").value();
    assertThat(base.term().daysInTerm()).isEqualTo(366);
    w.p.autoRenew(on(d("2023-03-02")), "B", false);
    Subscription a = w.p.orderAddOn(on(d("2024-02-29")), "B", "AUDIO", 5, "A").value();
    assertThat(a.term().range()).isEqualTo(io.github.cspkit.csp.time.DateRange.of(d("2024-02-29"), d("2024-03-01")));
    assertThat(a.term().daysInTerm()).isEqualTo(366);
    w.p.issueBills(on(d("2024-04-30")));
    long addOnTotal = w.p.bills("leap").stream().flatMap(b -> b.lines().stream())
        .filter(l -> "A".equals(l.subscriptionId())).mapToLong(l -> l.amountMinor()).sum();
    assertThat(addOnTotal).isEqualTo(Conservation.halfUp(4_801L * 5, 366)); // one day of 366
    assertThat(conserved(w).finishedTerms).isEqualTo(2);
  }

  @Test
  void BIL_2_billing_days_29_to_31_give_contiguous_periods_through_short_months_and_a_leap_february() {
    World w = world(YearMonth.of(2023, 12), YearMonth.of(2025, 5));
    for (int day = 28; day <= 31; day++) {
      w.customer("bd" + day, day, d("2023-11-15"));
      w.p.order(on(d("2024-01-31")), "bd" + day, "O365_E3", 4, "S" + day);
      w.p.addSeats(on(d("2024-02-29")), "S" + day, 1);
      w.p.autoRenew(on(d("2024-02-29")), "S" + day, false);
    }
    w.p.issueBills(on(d("2025-03-31")));
    for (int day = 28; day <= 31; day++) {
      List<Bill> bills = w.p.bills("bd" + day);
      assertThat(bills).hasSizeGreaterThan(14);
      for (int i = 0; i < bills.size(); i++) {
        Bill b = bills.get(i);
        YearMonth m = YearMonth.from(b.period().start());
        assertThat(b.period().start().getDayOfMonth()).as("%s", b)
            .isEqualTo(Math.min(day, m.lengthOfMonth()));
        if (i > 0) {
          assertThat(b.period().start()).as("no gap, no overlap").isEqualTo(bills.get(i - 1).period().end());
        }
      }
      // every bill day 29..31 lands on Feb 29 in 2024 and Feb 28 in 2025
      if (day >= 29) {
        assertThat(bills).anyMatch(b -> b.period().start().equals(d("2024-02-29")));
        assertThat(bills).anyMatch(b -> b.period().start().equals(d("2025-02-28")));
      }
    }
    Conservation.Tally tally = conserved(w);
    assertThat(tally.finishedTerms).isEqualTo(4);
    // the four customers bought the same thing on the same days: same money, whatever the bill day
    long expected = Conservation.halfUp(23_999L * (4 * 366 + 337), 366);
    for (int day = 28; day <= 31; day++) {
      assertThat(w.p.bills("bd" + day).stream().mapToLong(Bill::totalMinor).sum()).isEqualTo(expected);
    }
  }

  @Test
  void BIL_2_moving_the_billing_day_from_31_to_29_mid_term_keeps_periods_contiguous_and_money_exact() {
    World w = world(YearMonth.of(2023, 12), YearMonth.of(2025, 5));
    w.customer("mover", 31, d("2023-11-15"));
    w.p.order(on(d("2024-01-20")), "mover", "O365_E3", 4, "S1");
    w.p.autoRenew(on(d("2024-01-20")), "S1", false);
    w.p.issueBills(on(d("2024-02-10")));
    w.p.setBillingProfile(on(d("2024-02-11")), "mover", BillingProfile.of(29, MinorUnits.USD));
    w.p.removeSeats(on(d("2024-02-11")), "S1", 1);
    w.p.issueBills(on(d("2025-03-31")));
    List<Bill> bills = w.p.bills("mover");
    for (int i = 1; i < bills.size(); i++) {
      assertThat(bills.get(i).period().start()).isEqualTo(bills.get(i - 1).period().end());
    }
    assertThat(conserved(w).finishedTerms).isEqualTo(1);
  }

  @Test
  void AGR_2_the_renewal_date_on_a_sunday_is_not_shifted_and_nor_is_the_notice_deadline() {
    World w = world(YearMonth.of(2024, 12), YearMonth.of(2026, 12));
    // World accepts on 2024-10-01; August 31, 2025 is a Sunday
    assertThat(d("2025-08-31").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    Agreement a = w.p.agreement().orElseThrow();
    AgreementStatus s = a.statusOn(d("2025-06-15"));
    assertThat(s.nextRenewal()).isEqualTo(d("2025-08-31"));
    assertThat(s.term().orElseThrow().lastDay()).isEqualTo(d("2025-08-31"));
    assertThat(s.noticeDeadline()).isEqualTo(d("2025-08-01"));
    // 2027: the deadline August 1 is itself a Sunday, and stays there
    assertThat(d("2027-08-01").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(a.noticeDeadline(d("2027-05-01"))).isEqualTo(d("2027-08-01"));
    // a notice on Saturday August 2 is late: the agreement runs to the next year's August 31
    assertThat(a.endDateFor(io.github.cspkit.csp.agreement.Notice.of(d("2025-08-02"), io.github.cspkit.csp.agreement.Party.PARTNER,
        NoticeChannel.WRITTEN))).isEqualTo(d("2026-08-31"));
    // a written notice on the deadline ends it on Sunday August 31: in force that Sunday, not after
    w.customer("acme", 1, d("2025-01-10"));
    w.p.giveNotice(on(d("2025-08-01")), NoticeChannel.WRITTEN);
    assertThat(w.p.agreement().orElseThrow().endDate()).contains(d("2025-08-31"));
    w.p.order(on(d("2025-08-31")), "acme", "O365_E3", 1, "S1");
    assertThatThrownBy(() -> w.p.order(on(d("2025-09-01")), "acme", "O365_E3", 1, "S2"))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("AGR-1"));
  }

  @Test
  void AGR_2_accepted_on_a_saturday_august_31_the_first_term_runs_to_the_next_august_31() {
    assertThat(d("2024-08-31").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    Agreement a = Agreement.accept("p", d("2024-08-31"));
    assertThat(a.firstTerm().lastDay()).isEqualTo(d("2025-08-31"));
    assertThat(a.statusOn(d("2025-09-01")).term().orElseThrow().start()).isEqualTo(d("2025-09-01"));
  }

  @Test
  void PRC_2_in_a_leap_year_a_list_effective_march_1_may_be_published_january_31() {
    World w = world(YearMonth.of(2024, 1), YearMonth.of(2024, 1));
    io.github.cspkit.csp.pricing.PriceList.Builder b = io.github.cspkit.csp.pricing.PriceList.builder().market("US").currency(MinorUnits.USD)
        .effectiveOn(d("2024-03-01")).putPrices("O365_E3", MinorUnits.toAmount(1, MinorUnits.USD));
    w.p.publishPriceList(io.github.cspkit.csp.partner.Request.of(io.github.cspkit.csp.access.Actor.vendor(), d("2024-01-31")),
        b.id("ok").publishedOn(d("2024-01-31")).build());
    io.github.cspkit.csp.pricing.PriceList late = b.id("late").publishedOn(d("2025-01-31")).effectiveOn(d("2025-03-01")).build();
    assertThatThrownBy(() -> w.p.publishPriceList(io.github.cspkit.csp.partner.Request.of(io.github.cspkit.csp.access.Actor.vendor(),
        d("2025-01-31")), late))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("PRC-2"));
  }
}
