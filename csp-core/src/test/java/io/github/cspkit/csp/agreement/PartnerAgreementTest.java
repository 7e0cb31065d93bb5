package io.github.cspkit.csp.agreement;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** MPA-1 as worked examples: no term, no renewal, termination by written notice of 30 days. */
class PartnerAgreementTest {
  private static PartnerAgreement accepted() {
    return PartnerAgreement.accept("P1", d("2024-10-01"));
  }

  private static String ruleOf(Throwable e) {
    return ((RuleViolation) e).rule();
  }

  @Test
  void MPA_1_in_force_from_acceptance_with_no_end_and_no_renewal() {
    PartnerAgreement mpa = accepted();
    assertThat(mpa.policy().terminationNotice()).isEqualTo(Period.ofDays(30));
    assertThat(mpa.isInForce(d("2024-09-30"))).isFalse();
    assertThat(mpa.isInForce(d("2024-10-01"))).isTrue();
    // the seed's renewal date means nothing here: still in force on every August 31 and after
    assertThat(mpa.isInForce(d("2025-08-31"))).isTrue();
    assertThat(mpa.isInForce(d("2025-09-01"))).isTrue();
    assertThat(mpa.isInForce(d("2099-12-31"))).isTrue();
    assertThat(mpa.endDate()).isEmpty();
    PartnerAgreementStatus status = mpa.statusOn(d("2030-05-05"));
    assertThat(status.isInForce()).isTrue();
    assertThat(status.pendingNotice()).isEmpty();
    assertThat(status.endDate()).isEmpty();
    assertThat(status.earliestTermination()).isEqualTo(d("2030-06-04"));
  }

  @Test
  void MPA_1_a_notice_ends_the_agreement_on_the_date_it_names_last_day_the_day_before() {
    TerminationNotice notice = TerminationNotice.written(d("2025-03-01"), Party.PARTNER,
        d("2025-03-31"));
    PartnerAgreement ended = accepted().withTermination(notice);
    assertThat(notice.lastDayInForce()).isEqualTo(d("2025-03-30"));
    assertThat(ended.endDate()).contains(d("2025-03-30"));
    assertThat(ended.isInForce(d("2025-03-30"))).isTrue();
    assertThat(ended.isInForce(d("2025-03-31"))).isFalse();
    assertThatCode(() -> ended.requireInForce(d("2025-03-30"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> ended.requireInForce(d("2025-03-31")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("AGR-1: agreement of partner P1 is not in force on 2025-03-31 (ended on 2025-03-30)");
    // AGR-5: before the notice nothing is pending, from its day on it is
    assertThat(ended.statusOn(d("2025-02-28")).pendingNotice()).isEmpty();
    assertThat(ended.statusOn(d("2025-03-01")).pendingNotice()).contains(notice);
    assertThat(ended.statusOn(d("2025-03-01")).endDate()).contains(d("2025-03-30"));
    assertThat(ended.statusOn(d("2025-04-01")).isInForce()).isFalse();
  }

  @Test
  void MPA_1_a_date_less_than_30_days_after_the_notice_is_refused() {
    PartnerAgreement mpa = accepted();
    TerminationNotice early = TerminationNotice.written(d("2025-03-01"), Party.VENDOR,
        d("2025-03-30"));
    assertThatThrownBy(() -> mpa.withTermination(early))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("MPA-1: a notice of termination given on 2025-03-01 cannot end the agreement on"
            + " 2025-03-30: the date must be at least P30D after the notice, on or after 2025-03-31")
        .extracting(PartnerAgreementTest::ruleOf).isEqualTo("MPA-1");
    // leap year: given 2024-02-01, the earliest end is 2024-03-02
    assertThat(mpa.policy().earliestTerminationFor(d("2024-02-01"))).isEqualTo(d("2024-03-02"));
    assertThat(mpa.policy().earliestTerminationFor(d("2025-02-01"))).isEqualTo(d("2025-03-03"));
  }

  @Test
  void MPA_1_only_written_notices_count() {
    TerminationNotice byPhone = TerminationNotice.of(
        Notice.of(d("2025-03-01"), Party.PARTNER, NoticeChannel.PHONE), d("2025-06-01"));
    assertThatThrownBy(() -> accepted().withTermination(byPhone))
        .isInstanceOf(RuleViolation.class)
        .extracting(PartnerAgreementTest::ruleOf).isEqualTo("AGR-4");
  }

  @Test
  void MPA_1_the_earliest_end_wins_and_notices_after_the_end_are_refused() {
    TerminationNotice late = TerminationNotice.written(d("2025-03-01"), Party.PARTNER,
        d("2025-12-31"));
    TerminationNotice sooner = TerminationNotice.written(d("2025-04-01"), Party.VENDOR,
        d("2025-06-01"));
    PartnerAgreement mpa = accepted().withTermination(late).withTermination(sooner);
    assertThat(mpa.endDate()).contains(d("2025-05-31"));
    assertThat(mpa.statusOn(d("2025-03-15")).endDate()).contains(d("2025-12-30"));
    assertThat(mpa.statusOn(d("2025-04-01")).pendingNotice()).contains(sooner);
    assertThat(mpa.withTermination(sooner)).isSameAs(mpa);
    TerminationNotice afterEnd = TerminationNotice.written(d("2025-06-01"), Party.PARTNER,
        d("2025-08-01"));
    assertThatThrownBy(() -> mpa.withTermination(afterEnd))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("MPA-1: the agreement of partner P1 ended on 2025-05-31; the notice given on"
            + " 2025-06-01 by PARTNER comes after its end");
  }

  @Test
  void MPA_1_a_notice_before_acceptance_or_ending_before_a_recorded_one_is_refused() {
    TerminationNotice before = TerminationNotice.written(d("2024-09-30"), Party.PARTNER,
        d("2025-01-01"));
    assertThatThrownBy(() -> accepted().withTermination(before))
        .isInstanceOf(RuleViolation.class)
        .extracting(PartnerAgreementTest::ruleOf).isEqualTo("MPA-1");
    PartnerAgreement mpa = accepted().withTermination(
        TerminationNotice.written(d("2025-05-01"), Party.PARTNER, d("2025-12-01")));
    TerminationNotice endsBeforeIt = TerminationNotice.written(d("2025-03-01"), Party.VENDOR,
        d("2025-04-01"));
    assertThatThrownBy(() -> mpa.withTermination(endsBeforeIt))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("before the notice already recorded on 2025-05-01")
        .extracting(PartnerAgreementTest::ruleOf).isEqualTo("MPA-1");
    assertThat(mpa.endDate()).contains(d("2025-11-30"));
  }

  @Test
  void MPA_1_the_notice_period_is_a_policy_value() {
    PartnerAgreement mpa = PartnerAgreement.accept("P1", d("2024-10-01"),
        PartnerAgreementPolicy.of(Period.ofMonths(3)));
    assertThat(mpa.statusOn(d("2024-11-30")).earliestTermination()).isEqualTo(d("2025-02-28"));
    assertThat(mpa.withTermination(TerminationNotice.written(d("2024-11-30"), Party.PARTNER,
        d("2025-02-28"))).endDate()).contains(d("2025-02-27"));
    assertThatThrownBy(() -> PartnerAgreementPolicy.of(Period.ofDays(-1)))
        .isInstanceOf(io.github.cspkit.csp.OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: terminationNotice must not be negative, found P-1D");
    assertThat(PartnerAgreementPolicy.of(Period.ofDays(30)))
        .isEqualTo(PartnerAgreementPolicy.currentProgram());
  }
}
