package io.github.cspkit.csp.agreement;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.time.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgreementTest {
  private static final LocalDate OCT_1_2024 = LocalDate.of(2024, 10, 1);
  private static final RenewalPolicy LEAP = RenewalPolicy.of(MonthDay.of(2, 29), Period.ofDays(30));

  private static Agreement acceptedOct1() {
    return Agreement.accept("P1", OCT_1_2024);
  }

  // ---- AGR-1 -------------------------------------------------------------------------------

  @Test
  void AGR_1_in_force_from_the_acceptance_day_on() {
    Agreement agreement = acceptedOct1();
    assertThat(agreement.isInForce(d("2024-09-30"))).isFalse();
    assertThat(agreement.isInForce(OCT_1_2024)).isTrue();
    assertThat(agreement.isInForce(d("2040-01-01"))).isTrue();
    assertThatCode(() -> agreement.requireInForce(OCT_1_2024)).doesNotThrowAnyException();
  }

  @Test
  void AGR_1_transaction_before_acceptance_is_refused() {
    assertThatThrownBy(() -> acceptedOct1().requireInForce(d("2024-09-30")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("AGR-1: agreement of partner P1 is not in force on 2024-09-30 "
            + "(accepted on 2024-10-01)")
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("AGR-1");
  }

  @Test
  void AGR_1_transaction_after_the_end_is_refused_and_the_last_day_is_allowed() {
    Agreement ended = acceptedOct1().withNotice(Notice.written(d("2025-07-01"), Party.PARTNER));
    assertThatCode(() -> ended.requireInForce(d("2025-08-31"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> ended.requireInForce(d("2025-09-01")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("AGR-1: agreement of partner P1 is not in force on 2025-09-01 "
            + "(ended on 2025-08-31)");
  }

  // ---- AGR-2 -------------------------------------------------------------------------------

  @Test
  void AGR_2_accepted_on_2024_10_01_first_term_ends_2025_08_31() {
    Agreement agreement = acceptedOct1();
    assertThat(agreement.policy()).isEqualTo(RenewalPolicy.seed());
    assertThat(agreement.firstTerm()).isEqualTo(DateRange.closed(OCT_1_2024, d("2025-08-31")));
    assertThat(agreement.firstRenewalDate()).isEqualTo(d("2025-08-31"));
    assertThat(agreement.termOn(d("2025-08-31"))).contains(agreement.firstTerm());
    assertThat(agreement.termOn(d("2025-09-01")))
        .contains(DateRange.closed(d("2025-09-01"), d("2026-08-31")));
  }

  @Test
  void AGR_2_accepted_on_august_31_first_term_ends_the_next_august_31() {
    Agreement agreement = Agreement.accept("P1", d("2024-08-31"));
    assertThat(agreement.firstTerm()).isEqualTo(DateRange.closed(d("2024-08-31"), d("2025-08-31")));
    assertThat(agreement.nextRenewalDate(d("2024-08-31"))).isEqualTo(d("2025-08-31"));
  }

  @Test
  void AGR_2_accepted_on_august_30_first_term_has_two_days() {
    Agreement agreement = Agreement.accept("P1", d("2024-08-30"));
    assertThat(agreement.firstTerm()).isEqualTo(DateRange.closed(d("2024-08-30"), d("2024-08-31")));
    assertThat(agreement.firstTerm().days()).isEqualTo(2);
    assertThat(agreement.termOn(d("2024-09-01")))
        .contains(DateRange.closed(d("2024-09-01"), d("2025-08-31")));
  }

  @Test
  void AGR_2_renews_automatically_every_year_without_notice() {
    Agreement agreement = acceptedOct1();
    assertThat(agreement.endDate()).isEmpty();
    assertThat(agreement.termOn(d("2030-01-15")))
        .contains(DateRange.closed(d("2029-09-01"), d("2030-08-31")));
    assertThat(agreement.nextRenewalDate(d("2030-01-15"))).isEqualTo(d("2030-08-31"));
  }

  @Test
  void AGR_2_renewal_date_on_a_weekend_is_not_shifted() {
    assertThat(d("2025-08-31").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(d("2024-08-31").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    Agreement agreement = Agreement.accept("P1", d("2023-10-02"));
    assertThat(agreement.termOn(d("2024-08-31")))
        .contains(DateRange.closed(d("2023-10-02"), d("2024-08-31")));
    assertThat(agreement.termOn(d("2025-08-31")))
        .contains(DateRange.closed(d("2024-09-01"), d("2025-08-31")));
    assertThat(agreement.nextRenewalDate(d("2025-08-30"))).isEqualTo(d("2025-08-31"));
  }

  @Test
  void AGR_2_seed_policy_accepted_on_leap_day() {
    Agreement agreement = Agreement.accept("P1", d("2024-02-29"));
    assertThat(agreement.firstTerm()).isEqualTo(DateRange.closed(d("2024-02-29"), d("2024-08-31")));
  }

  @Test
  void AGR_2_leap_day_renewal_falls_on_february_28_in_common_years() {
    Agreement agreement = Agreement.accept("P1", d("2023-06-01"), LEAP);
    assertThat(agreement.firstTerm()).isEqualTo(DateRange.closed(d("2023-06-01"), d("2024-02-29")));
    assertThat(agreement.termOn(d("2024-03-01")))
        .contains(DateRange.closed(d("2024-03-01"), d("2025-02-28")));
    assertThat(agreement.termOn(d("2026-01-01")))
        .contains(DateRange.closed(d("2025-03-01"), d("2026-02-28")));
    assertThat(agreement.termOn(d("2028-02-29")))
        .contains(DateRange.closed(d("2027-03-01"), d("2028-02-29")));
    assertThat(agreement.termOn(d("2028-02-29")).orElseThrow().days()).isEqualTo(366);
  }

  @Test
  void AGR_2_leap_day_renewal_accepted_on_leap_day_first_term_ends_a_year_later() {
    Agreement agreement = Agreement.accept("P1", d("2024-02-29"), LEAP);
    assertThat(agreement.firstTerm()).isEqualTo(DateRange.closed(d("2024-02-29"), d("2025-02-28")));
    Agreement common = Agreement.accept("P1", d("2025-02-28"), LEAP);
    assertThat(common.firstTerm()).isEqualTo(DateRange.closed(d("2025-02-28"), d("2026-02-28")));
  }

  @Test
  void AGR_2_no_term_when_not_in_force() {
    Agreement ended = acceptedOct1().withNotice(Notice.written(d("2025-07-01"), Party.VENDOR));
    assertThat(ended.termOn(d("2024-09-30"))).isEmpty();
    assertThat(ended.termOn(d("2025-09-01"))).isEmpty();
  }

  @Test
  void AGR_2_blank_partner_id_is_refused() {
    assertThatExceptionOfType(OutOfRangeException.class).isThrownBy(() -> Agreement.accept(" ", OCT_1_2024))
        .withMessage("OUT_OF_RANGE: partnerId must not be blank");
  }

  // ---- AGR-3 -------------------------------------------------------------------------------

  @Test
  void AGR_3_notice_on_the_deadline_stops_the_next_renewal() {
    Agreement agreement = acceptedOct1().withNotice(Notice.written(d("2025-08-01"), Party.PARTNER));
    assertThat(agreement.endDate()).contains(d("2025-08-31"));
    assertThat(agreement.isInForce(d("2025-08-31"))).isTrue();
    assertThat(agreement.isInForce(d("2025-09-01"))).isFalse();
  }

  @Test
  void AGR_3_late_notice_stops_the_following_renewal() {
    Agreement agreement = acceptedOct1().withNotice(Notice.written(d("2025-08-02"), Party.PARTNER));
    assertThat(agreement.endDate()).contains(d("2026-08-31"));
    assertThat(agreement.endDateFor(Notice.written(d("2025-08-31"), Party.PARTNER)))
        .isEqualTo(d("2026-08-31"));
    assertThat(agreement.endDateFor(Notice.written(d("2025-09-01"), Party.PARTNER)))
        .isEqualTo(d("2026-08-31"));
  }

  @Test
  void AGR_3_vendor_may_give_notice_too() {
    Agreement agreement = acceptedOct1().withNotice(Notice.written(d("2025-03-01"), Party.VENDOR));
    assertThat(agreement.endDate()).contains(d("2025-08-31"));
    assertThat(agreement.notices()).containsExactly(Notice.written(d("2025-03-01"), Party.VENDOR));
  }

  @Test
  void AGR_3_notice_in_a_short_first_term_past_its_deadline_ends_a_year_later() {
    Agreement agreement = Agreement.accept("P1", d("2024-08-20"));
    assertThat(agreement.endDateFor(Notice.written(d("2024-08-20"), Party.PARTNER)))
        .isEqualTo(d("2025-08-31"));
    Agreement early = Agreement.accept("P1", d("2024-07-01"));
    assertThat(early.endDateFor(Notice.written(d("2024-07-01"), Party.PARTNER)))
        .isEqualTo(d("2024-08-31"));
  }

  @Test
  void AGR_3_deadline_on_a_weekend_is_not_shifted() {
    assertThat(d("2026-08-01").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    Agreement agreement = acceptedOct1();
    assertThat(agreement.noticeDeadline(d("2026-01-01"))).isEqualTo(d("2026-08-01"));
    assertThat(agreement.endDateFor(Notice.written(d("2026-08-01"), Party.PARTNER)))
        .isEqualTo(d("2026-08-31"));
    assertThat(agreement.endDateFor(Notice.written(d("2026-08-03"), Party.PARTNER)))
        .isEqualTo(d("2027-08-31"));
  }

  @Test
  void AGR_3_leap_day_renewal_deadlines() {
    Agreement agreement = Agreement.accept("P1", d("2023-06-01"), LEAP);
    assertThat(agreement.noticeDeadline(d("2023-06-01"))).isEqualTo(d("2024-01-30"));
    assertThat(agreement.noticeDeadline(d("2024-03-01"))).isEqualTo(d("2025-01-29"));
    assertThat(agreement.endDateFor(Notice.written(d("2024-01-30"), Party.VENDOR)))
        .isEqualTo(d("2024-02-29"));
    assertThat(agreement.endDateFor(Notice.written(d("2024-01-31"), Party.VENDOR)))
        .isEqualTo(d("2025-02-28"));
  }

  @Test
  void AGR_3_the_earliest_end_wins() {
    Agreement late = acceptedOct1().withNotice(Notice.written(d("2025-08-10"), Party.PARTNER));
    Agreement both = late.withNotice(Notice.written(d("2025-07-01"), Party.VENDOR));
    assertThat(late.endDate()).contains(d("2026-08-31"));
    assertThat(both.endDate()).contains(d("2025-08-31"));
    assertThat(both.notices()).extracting(Notice::givenOn)
        .containsExactly(d("2025-07-01"), d("2025-08-10"));
    assertThat(both.pendingNotice(d("2025-06-30"))).isEmpty();
    assertThat(both.pendingNotice(d("2025-08-20")))
        .contains(Notice.written(d("2025-07-01"), Party.VENDOR));
  }

  @Test
  void AGR_3_with_notice_returns_a_new_value() {
    Agreement agreement = acceptedOct1();
    Agreement noticed = agreement.withNotice(Notice.written(d("2025-07-01"), Party.PARTNER));
    assertThat(agreement.notices()).isEmpty();
    assertThat(agreement.endDate()).isEmpty();
    assertThat(noticed).isNotEqualTo(agreement);
    assertThat(noticed.withNotice(Notice.written(d("2025-07-01"), Party.PARTNER)))
        .isEqualTo(noticed);
  }

  @Test
  void AGR_3_notice_before_acceptance_is_refused() {
    Notice early = Notice.written(d("2024-09-30"), Party.PARTNER);
    assertThatThrownBy(() -> acceptedOct1().withNotice(early))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("AGR-3: a notice given on 2024-09-30 comes before partner P1 accepted the "
            + "agreement on 2024-10-01; give notice on or after acceptance");
  }

  @Test
  void AGR_3_notice_after_the_end_is_refused_and_on_the_last_day_changes_nothing() {
    Agreement ended = acceptedOct1().withNotice(Notice.written(d("2025-07-01"), Party.PARTNER));
    assertThatThrownBy(() -> ended.withNotice(Notice.written(d("2025-09-01"), Party.VENDOR)))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("AGR-3: agreement of partner P1 ended on 2025-08-31; the notice given on "
            + "2025-09-01 by VENDOR comes after its end");
    Agreement lastDay = ended.withNotice(Notice.written(d("2025-08-31"), Party.VENDOR));
    assertThat(lastDay.endDate()).contains(d("2025-08-31"));
    assertThat(lastDay.notices()).hasSize(2);
  }

  @Test
  void AGR_3_notice_that_would_end_before_a_recorded_notice_is_refused() {
    Agreement late = acceptedOct1().withNotice(Notice.written(d("2026-09-15"), Party.PARTNER));
    assertThat(late.endDate()).contains(d("2027-08-31"));
    assertThatThrownBy(() -> late.withNotice(Notice.written(d("2025-07-01"), Party.VENDOR)))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("AGR-3: the notice given on 2025-07-01 by VENDOR would end the agreement of "
            + "partner P1 on 2025-08-31, before the notice already recorded on 2026-09-15; "
            + "record notices in the order they were given");
  }

  @Test
  void AGR_3_seed_policy_is_august_31_with_notice_by_august_1() {
    RenewalPolicy seed = RenewalPolicy.seed();
    assertThat(seed.renewalDate()).isEqualTo(MonthDay.of(8, 31));
    assertThat(seed.noticePeriod()).isEqualTo(Period.ofDays(30));
    assertThat(seed).isEqualTo(RenewalPolicy.of(MonthDay.of(8, 31), Period.ofDays(30)));
    assertThat(seed.deadlineFor(d("2025-08-31"))).isEqualTo(d("2025-08-01"));
    assertThat(seed.renewalOnOrAfter(d("2025-08-31"))).isEqualTo(d("2025-08-31"));
    assertThat(seed.renewalOnOrAfter(d("2025-09-01"))).isEqualTo(d("2026-08-31"));
    assertThat(seed.renewalBefore(d("2025-08-31"))).isEqualTo(d("2024-08-31"));
    assertThat(seed.toString()).isEqualTo("RenewalPolicy{renewalDate=--08-31, noticePeriod=P30D}");
  }

  @Test
  void AGR_3_leap_day_policy_uses_february_28_in_common_years() {
    assertThat(LEAP.renewalIn(2024)).isEqualTo(d("2024-02-29"));
    assertThat(LEAP.renewalIn(2025)).isEqualTo(d("2025-02-28"));
    assertThat(LEAP.renewalIn(2100)).isEqualTo(d("2100-02-28"));
    assertThat(LEAP.renewalOnOrAfter(d("2025-03-01"))).isEqualTo(d("2026-02-28"));
  }

  @Test
  void AGR_3_notice_period_must_be_shorter_than_a_year_and_not_negative() {
    assertThatExceptionOfType(OutOfRangeException.class)
        .isThrownBy(() -> RenewalPolicy.of(MonthDay.of(8, 31), Period.ofDays(-1)))
        .withMessageContaining("must not be negative");
    assertThatExceptionOfType(OutOfRangeException.class)
        .isThrownBy(() -> RenewalPolicy.of(MonthDay.of(8, 31), Period.ofYears(1)))
        .withMessageContaining("shorter than the time between two renewals");
    assertThatExceptionOfType(OutOfRangeException.class)
        .isThrownBy(() -> RenewalPolicy.of(MonthDay.of(2, 29), Period.ofDays(365)));
    assertThatCode(() -> RenewalPolicy.of(MonthDay.of(2, 29), Period.ofDays(364)))
        .doesNotThrowAnyException();
    assertThatCode(() -> RenewalPolicy.of(MonthDay.of(8, 31), Period.ZERO))
        .doesNotThrowAnyException();
  }

  // ---- AGR-4 -------------------------------------------------------------------------------

  @Test
  void AGR_4_email_notice_is_refused() {
    Agreement agreement = acceptedOct1();
    Notice email = Notice.of(d("2025-07-01"), Party.PARTNER, NoticeChannel.EMAIL);
    assertThatThrownBy(() -> agreement.withNotice(email))
        .isInstanceOfSatisfying(RuleViolation.class, e -> {
          assertThat(e.rule()).isEqualTo("AGR-4");
          assertThat(e.reason()).isEqualTo("a notice by PARTNER on 2025-07-01 through EMAIL does "
              + "not count: only written notice counts; send the notice of intent not to renew "
              + "in writing");
        });
    assertThat(agreement.notices()).isEmpty();
    assertThatThrownBy(() -> agreement.endDateFor(email)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("AGR-4: ");
  }

  @Test
  void AGR_4_phone_notice_is_refused() {
    Notice phone = Notice.of(d("2025-07-01"), Party.VENDOR, NoticeChannel.PHONE);
    assertThat(phone.isWritten()).isFalse();
    assertThatThrownBy(() -> acceptedOct1().withNotice(phone))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("only written notice counts");
  }

  @Test
  void AGR_4_written_notice_counts() {
    Notice written = Notice.of(d("2025-07-01"), Party.VENDOR, NoticeChannel.WRITTEN);
    assertThat(written).isEqualTo(Notice.written(d("2025-07-01"), Party.VENDOR));
    assertThat(written.isWritten()).isTrue();
    assertThat(written.toString()).isEqualTo("WRITTEN notice by VENDOR on 2025-07-01");
  }

  @Test
  void AGR_4_channel_parse_ignores_case() {
    assertThat(NoticeChannel.parse("written")).isEqualTo(NoticeChannel.WRITTEN);
    assertThat(NoticeChannel.parse(" Email ")).isEqualTo(NoticeChannel.EMAIL);
    assertThat(NoticeChannel.parse("PHONE")).isEqualTo(NoticeChannel.PHONE);
    assertThat(NoticeChannel.WRITTEN.counts()).isTrue();
    assertThat(NoticeChannel.EMAIL.counts()).isFalse();
    assertThatExceptionOfType(OutOfRangeException.class).isThrownBy(() -> NoticeChannel.parse("fax"))
        .withMessage("OUT_OF_RANGE: unknown notice channel 'fax'; expected one of [WRITTEN, EMAIL, PHONE]");
  }

  // ---- AGR-5 -------------------------------------------------------------------------------

  @Test
  void AGR_5_status_before_the_deadline() {
    AgreementStatus status = acceptedOct1().statusOn(d("2025-07-01"));
    assertThat(status.date()).isEqualTo(d("2025-07-01"));
    assertThat(status.isInForce()).isTrue();
    assertThat(status.term()).contains(DateRange.closed(OCT_1_2024, d("2025-08-31")));
    assertThat(status.nextRenewal()).isEqualTo(d("2025-08-31"));
    assertThat(status.noticeDeadline()).isEqualTo(d("2025-08-01"));
    assertThat(status.canStillStopNextRenewal()).isTrue();
    assertThat(status.pendingNotice()).isEmpty();
    assertThat(status.endDate()).isEmpty();
  }

  @Test
  void AGR_5_status_with_a_pending_late_notice() {
    Notice notice = Notice.written(d("2025-08-05"), Party.VENDOR);
    Agreement agreement = acceptedOct1().withNotice(notice);
    AgreementStatus before = agreement.statusOn(d("2025-08-04"));
    assertThat(before.pendingNotice()).isEmpty();
    assertThat(before.endDate()).isEmpty();
    assertThat(before.canStillStopNextRenewal()).isFalse();

    AgreementStatus after = agreement.statusOn(d("2025-08-10"));
    assertThat(after.pendingNotice()).contains(notice);
    assertThat(after.endDate()).contains(d("2026-08-31"));
    assertThat(after.nextRenewal()).isEqualTo(d("2025-08-31"));
    assertThat(after.noticeDeadline()).isEqualTo(d("2025-08-01"));

    AgreementStatus lastTerm = agreement.statusOn(d("2026-01-01"));
    assertThat(lastTerm.term()).contains(DateRange.closed(d("2025-09-01"), d("2026-08-31")));
    assertThat(lastTerm.noticeDeadline()).isEqualTo(d("2026-08-01"));
  }

  @Test
  void AGR_5_status_after_the_end() {
    Agreement agreement = acceptedOct1().withNotice(Notice.written(d("2025-07-01"), Party.PARTNER));
    AgreementStatus status = agreement.statusOn(d("2025-09-01"));
    assertThat(status.isInForce()).isFalse();
    assertThat(status.term()).isEmpty();
    assertThat(status.pendingNotice()).contains(Notice.written(d("2025-07-01"), Party.PARTNER));
    assertThat(status.endDate()).contains(d("2025-08-31"));
  }

  @Test
  void AGR_5_status_before_acceptance() {
    AgreementStatus status = acceptedOct1().statusOn(d("2024-01-01"));
    assertThat(status.isInForce()).isFalse();
    assertThat(status.term()).isEmpty();
    assertThat(status.nextRenewal()).isEqualTo(d("2025-08-31"));
    assertThat(status.noticeDeadline()).isEqualTo(d("2025-08-01"));
  }

  @Test
  void AGR_5_next_renewal_and_deadline_through_the_year() {
    Agreement agreement = acceptedOct1();
    assertThat(agreement.nextRenewalDate(d("2025-08-31"))).isEqualTo(d("2025-08-31"));
    assertThat(agreement.nextRenewalDate(d("2025-09-01"))).isEqualTo(d("2026-08-31"));
    assertThat(agreement.noticeDeadline(d("2025-08-15"))).isEqualTo(d("2025-08-01"));
    assertThat(agreement.noticeDeadline(d("2025-09-01"))).isEqualTo(d("2026-08-01"));
    assertThat(agreement.pendingNotice(d("2025-09-01"))).isEqualTo(Optional.empty());
  }

  @Test
  void AGR_5_null_arguments_throw_naming_the_parameter() {
    Agreement agreement = acceptedOct1();
    assertThatNullPointerException().isThrownBy(() -> Agreement.accept(null, OCT_1_2024))
        .withMessage("partnerId");
    assertThatNullPointerException().isThrownBy(() -> Agreement.accept("P1", null))
        .withMessage("acceptedOn");
    assertThatNullPointerException().isThrownBy(() -> Agreement.accept("P1", OCT_1_2024, null))
        .withMessage("policy");
    assertThatNullPointerException().isThrownBy(() -> agreement.withNotice(null))
        .withMessage("notice");
    assertThatNullPointerException().isThrownBy(() -> agreement.endDateFor(null))
        .withMessage("notice");
    assertThatNullPointerException().isThrownBy(() -> agreement.isInForce(null))
        .withMessage("date");
    assertThatNullPointerException().isThrownBy(() -> agreement.termOn(null))
        .withMessage("date");
    assertThatNullPointerException().isThrownBy(() -> agreement.requireInForce(null))
        .withMessage("date");
    assertThatNullPointerException().isThrownBy(() -> agreement.nextRenewalDate(null))
        .withMessage("date");
    assertThatNullPointerException().isThrownBy(() -> agreement.noticeDeadline(null))
        .withMessage("date");
    assertThatNullPointerException().isThrownBy(() -> agreement.pendingNotice(null))
        .withMessage("date");
    assertThatNullPointerException().isThrownBy(() -> agreement.statusOn(null))
        .withMessage("date");
    assertThatNullPointerException().isThrownBy(() -> Notice.written(null, Party.PARTNER))
        .withMessage("givenOn");
    assertThatNullPointerException().isThrownBy(() -> Notice.written(OCT_1_2024, null))
        .withMessage("party");
    assertThatNullPointerException()
        .isThrownBy(() -> Notice.of(OCT_1_2024, Party.PARTNER, null)).withMessage("channel");
    assertThatNullPointerException().isThrownBy(() -> NoticeChannel.parse(null))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> RenewalPolicy.of(null, Period.ZERO)).withMessage("renewalDate");
    assertThatNullPointerException()
        .isThrownBy(() -> RenewalPolicy.of(MonthDay.of(8, 31), null)).withMessage("noticePeriod");
  }
}
