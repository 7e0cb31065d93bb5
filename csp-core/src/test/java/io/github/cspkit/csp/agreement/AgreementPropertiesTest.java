package io.github.cspkit.csp.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.testkit.AgreementGen;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.generators.Generate;

class AgreementPropertiesTest {
  private static final int EXAMPLES = 1000;

  private static boolean isRenewalDate(RenewalPolicy policy, LocalDate date) {
    return policy.renewalIn(date.getYear()).equals(date);
  }

  @Test
  void AGR_3_end_date_is_the_first_renewal_whose_deadline_the_notice_met() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreements(), AgreementGen.parties(),
            Generate.range(0, 5 * 366))
        .checkAssert((agreement, party, days) -> {
          Notice notice = Notice.written(agreement.acceptedOn().plusDays(days), party);
          RenewalPolicy policy = agreement.policy();
          LocalDate end = agreement.endDateFor(notice);
          assertThat(isRenewalDate(policy, end)).as("%s is a renewal date", end).isTrue();
          assertThat(end).isAfter(notice.givenOn()).isAfterOrEqualTo(agreement.firstRenewalDate());
          assertThat(notice.givenOn()).isBeforeOrEqualTo(policy.deadlineFor(end))
              .isAfter(policy.deadlineFor(policy.renewalBefore(end)));
          assertThat(agreement.withNotice(notice).endDate()).contains(end);
        });
  }

  @Test
  void AGR_3_seed_end_date_is_an_august_31() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.seedAgreements(), AgreementGen.parties(),
            Generate.range(0, 5 * 366))
        .checkAssert((agreement, party, days) -> {
          Notice notice = Notice.written(agreement.acceptedOn().plusDays(days), party);
          LocalDate end = agreement.endDateFor(notice);
          assertThat(MonthDay.from(end)).isEqualTo(MonthDay.of(8, 31));
          LocalDate deadline = LocalDate.of(end.getYear(), 8, 1);
          assertThat(notice.givenOn()).isBeforeOrEqualTo(deadline)
              .isAfter(deadline.minusYears(1));
        });
  }

  @Test
  void AGR_3_the_earliest_end_wins() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreementsWithNotices())
        .checkAssert(agreement -> {
          Optional<LocalDate> earliest = agreement.notices().stream()
              .map(agreement::endDateFor).min(Comparator.naturalOrder());
          assertThat(agreement.endDate()).isEqualTo(earliest);
          assertThat(agreement.pendingNotice(LocalDate.MAX).map(agreement::endDateFor))
              .isEqualTo(earliest);
        });
  }

  @Test
  void AGR_4_only_written_notices_are_kept() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreements(), AgreementGen.parties(), AgreementGen.channels())
        .checkAssert((agreement, party, channel) -> {
          Notice notice = Notice.of(agreement.acceptedOn().plusDays(40), party, channel);
          if (channel == NoticeChannel.WRITTEN) {
            assertThat(agreement.withNotice(notice).notices()).containsExactly(notice);
          } else {
            assertThatThrownBy(() -> agreement.withNotice(notice))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("AGR-4: ");
          }
        });
  }

  @Test
  void AGR_5_in_force_exactly_from_acceptance_to_end_date() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreementsWithNotices(), AgreementGen.dates())
        .checkAssert((agreement, date) -> {
          boolean expected = !date.isBefore(agreement.acceptedOn())
              && agreement.endDate().map(end -> !date.isAfter(end)).orElse(true);
          assertThat(agreement.isInForce(date)).isEqualTo(expected);
          assertThat(agreement.termOn(date).isPresent()).isEqualTo(expected);
          AgreementStatus status = agreement.statusOn(date);
          assertThat(status.isInForce()).isEqualTo(expected);
          assertThat(status.term()).isEqualTo(agreement.termOn(date));
          if (expected) {
            agreement.requireInForce(date);
          } else {
            assertThatThrownBy(() -> agreement.requireInForce(date))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("AGR-1: ");
          }
        });
  }

  @Test
  void AGR_5_notice_on_the_deadline_ends_on_the_next_renewal_and_a_day_later_a_year_later() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreements(), AgreementGen.dates(), AgreementGen.parties())
        .checkAssert((agreement, date, party) -> {
          LocalDate renewal = agreement.nextRenewalDate(date);
          LocalDate deadline = agreement.noticeDeadline(date);
          assertThat(renewal).isAfterOrEqualTo(date).isAfter(agreement.acceptedOn());
          assertThat(isRenewalDate(agreement.policy(), renewal)).isTrue();
          if (!deadline.isBefore(agreement.acceptedOn())) {
            assertThat(agreement.endDateFor(Notice.written(deadline, party))).isEqualTo(renewal);
          }
          LocalDate late = deadline.plusDays(1);
          if (!late.isBefore(agreement.acceptedOn())) {
            assertThat(agreement.endDateFor(Notice.written(late, party)))
                .isEqualTo(agreement.policy().renewalIn(renewal.getYear() + 1));
          }
        });
  }

  @Test
  void AGR_2_terms_tile_and_each_ends_on_a_renewal_date() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreementsWithNotices())
        .checkAssert(agreement -> {
          RenewalPolicy policy = agreement.policy();
          DateRange term = agreement.termOn(agreement.acceptedOn()).orElseThrow();
          assertThat(term).isEqualTo(agreement.firstTerm());
          assertThat(term.start()).isEqualTo(agreement.acceptedOn());
          for (int i = 0; i < 8; i++) {
            assertThat(isRenewalDate(policy, term.lastDay())).isTrue();
            assertThat(agreement.termOn(term.lastDay())).contains(term);
            assertThat(agreement.nextRenewalDate(term.start())).isEqualTo(term.lastDay());
            Optional<DateRange> next = agreement.termOn(term.end());
            if (next.isEmpty()) {
              assertThat(agreement.endDate()).contains(term.lastDay());
              return;
            }
            assertThat(next.get().start()).isEqualTo(term.end());
            assertThat(next.get().lastDay())
                .isEqualTo(policy.renewalIn(term.lastDay().getYear() + 1));
            term = next.get();
          }
        });
  }

  @Test
  void AGR_2_the_term_on_a_date_holds_it_and_ends_on_the_next_renewal() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreementsWithNotices().flatMap(a ->
            AgreementGen.datesInForce(a).map(date -> Pair.of(a, date))))
        .checkAssert(p -> {
          Agreement agreement = p._1;
          LocalDate date = p._2;
          Optional<DateRange> termOn = agreement.termOn(date);
          assertThat(termOn).as("term on %s, a day in force", date).isPresent();
          DateRange term = termOn.get();
          assertThat(term.contains(date)).isTrue();
          assertThat(term.lastDay()).isEqualTo(agreement.nextRenewalDate(date));
          // the whole term: no renewal date falls in it before its last day
          assertThat(agreement.nextRenewalDate(term.start())).isEqualTo(term.lastDay());
          assertThat(term.start()).isAfterOrEqualTo(agreement.acceptedOn());
          agreement.endDate().ifPresent(end -> assertThat(term.lastDay()).isBeforeOrEqualTo(end));
          // accepted on the renewal day, the first term runs to the next year's (AGR-2): 367 days
          // when a leap day falls in it
          assertThat(term.days()).isBetween(1L, 367L);
        });
  }

  @Test
  void AGR_2_no_term_before_acceptance_or_after_the_end_date() {
    qt().withExamples(EXAMPLES)
        .forAll(AgreementGen.agreementsWithNotices(1, 3), Generate.range(1, 3 * 366))
        .checkAssert((agreement, days) -> {
          LocalDate end = agreement.endDate().orElseThrow();
          assertThat(agreement.termOn(agreement.acceptedOn().minusDays(days))).isEmpty();
          assertThat(agreement.termOn(end.plusDays(days))).isEmpty();
          assertThat(agreement.termOn(end)).isPresent();
        });
  }
}
