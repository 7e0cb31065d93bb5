package io.github.cspkit.csp.access;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.GdapStatus.Active;
import io.github.cspkit.csp.access.GdapStatus.Ended;
import io.github.cspkit.csp.access.GdapStatus.Pending;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of a GDAP relationship's lifecycle (GDA-1, GDA-3, GDA-4). */
class GdapRelationshipTest {
  static final GdapPolicy POLICY = GdapPolicy.currentProgram();

  static GdapRelationship requested(String on, String duration, boolean autoExtend, String... roles) {
    List<String> r = roles.length == 0 ? List.of("helpdesk-administrator") : List.of(roles);
    return GdapRelationship.request(GdapRequest.of("R1", "Northwind", "contoso", r,
        List.of("helpdesk"), Period.parse(duration), autoExtend), d(on), POLICY);
  }

  // ------------------------------------------------------------------------------------- GDA-1

  @Test
  void GDA_1_a_request_is_pending_until_approved_then_active_on_approval_day_plus_duration_half_open() {
    GdapRelationship r = requested("2025-01-10", "P90D", false);
    assertThat(r.statusOn(d("2025-01-10"))).isEqualTo(new Pending(d("2025-01-10"), d("2025-04-09")));
    assertThat(r.isActiveOn(d("2025-01-19"))).isFalse();
    assertThat(r.endsOn(d("2025-01-19"))).isEmpty();

    GdapRelationship a = r.approve(d("2025-01-20"));
    assertThat(a.statusOn(d("2025-01-19")).kind()).isEqualTo(GdapStatus.Kind.PENDING);
    assertThat(a.statusOn(d("2025-01-20")))
        .isEqualTo(new Active(d("2025-01-20"), d("2025-01-20"), d("2025-04-20")));
    assertThat(a.endsOn(d("2025-01-20"))).contains(d("2025-04-19"));
    assertThat(a.isActiveOn(d("2025-04-19"))).isTrue();
    assertThat(a.statusOn(d("2025-04-20"))).isEqualTo(new Ended(d("2025-04-20"), GdapEndReason.EXPIRED));
    assertThat(a.endsOn(d("2025-04-20"))).isEmpty();
    assertThat(a.isActiveOn(d("2025-01-09"))).as("before the request").isFalse();
    assertThat(r).as("operations return a new value").isNotEqualTo(a);
    assertThat(r.approvedOn()).isEmpty();
  }

  @Test
  void GDA_1_month_durations_end_at_month_ends_without_drifting() {
    assertThat(requested("2025-01-05", "P1M", false).approve(d("2025-01-31")).endsOn(d("2025-01-31")))
        .as("January 31 + P1M is February 28; the last day is February 27").contains(d("2025-02-27"));
    assertThat(requested("2024-01-05", "P1M", false).approve(d("2024-01-31")).endsOn(d("2024-02-01")))
        .as("in a leap year February 29 is the end").contains(d("2024-02-28"));
    assertThat(requested("2024-08-01", "P6M", false).approve(d("2024-08-31")).endsOn(d("2025-02-01")))
        .contains(d("2025-02-27"));
  }

  @Test
  void GDA_1_leap_days_and_two_year_durations() {
    GdapRelationship leap = requested("2024-02-01", "P1Y", false).approve(d("2024-02-29"));
    assertThat(leap.endsOn(d("2024-02-29"))).contains(d("2025-02-27"));
    assertThat(leap.statusOn(d("2025-02-28")).kind()).isEqualTo(GdapStatus.Kind.ENDED);

    GdapRelationship twoYears = requested("2024-02-01", "P2Y", false).approve(d("2024-02-29"));
    assertThat(twoYears.endsOn(d("2024-02-29"))).contains(d("2026-02-27"));

    GdapRelationship across = requested("2023-03-01", "P2Y", false).approve(d("2023-03-01"));
    assertThat(across.endsOn(d("2023-03-01"))).as("731 days, with 2024-02-29").contains(d("2025-02-28"));
    GdapRelationship days = requested("2023-03-01", "P730D", false).approve(d("2023-03-01"));
    assertThat(days.endsOn(d("2023-03-01"))).as("730 days").contains(d("2025-02-27"));

    GdapRelationship oneDay = requested("2024-02-28", "P1D", false).approve(d("2024-02-28"));
    assertThat(oneDay.isActiveOn(d("2024-02-28"))).isTrue();
    assertThat(oneDay.endsOn(d("2024-02-28"))).contains(d("2024-02-28"));
    assertThat(oneDay.statusOn(d("2024-02-29"))).isEqualTo(new Ended(d("2024-02-29"), GdapEndReason.EXPIRED));
  }

  @Test
  void GDA_1_durations_from_one_day_to_two_years_are_accepted() {
    for (String ok : List.of("P1D", "P90D", "P730D", "P1M", "P6M", "P23M", "P24M", "P1Y", "P2Y",
        "P1Y6M", "P1Y11M28D", "P1Y6M15D")) {
      assertThat(POLICY.requireDuration(Period.parse(ok))).as(ok).isEqualTo(Period.parse(ok));
      assertThat(requested("2025-01-10", ok, false).duration()).isEqualTo(Period.parse(ok));
    }
  }

  @Test
  void GDA_1_other_durations_are_refused_and_the_reason_shows_a_day_it_would_overrun() {
    for (String bad : List.of("P0D", "P-1D", "P731D", "P25M", "P2Y1D", "P1Y11M29D", "P3Y",
        "P1M-1D", "P-1Y")) {
      refused("GDA-1", () -> requested("2025-01-10", bad, false));
    }
    assertThatThrownBy(() -> POLICY.requireDuration(Period.parse("P731D")))
        .hasMessage("GDA-1: a relationship lasts at most P2Y; P731D is longer: for example, activated"
            + " on 2025-01-01 it would end on 2027-01-02, after 2027-01-01");
  }

  @Test
  void GDA_1_a_request_can_be_approved_through_day_89_and_has_ended_on_day_90() {
    GdapRelationship r = requested("2024-12-03", "P90D", false);
    assertThat(r.approvableThrough()).isEqualTo(d("2025-03-02"));
    assertThat(r.statusOn(d("2025-03-02")).kind()).isEqualTo(GdapStatus.Kind.PENDING);
    assertThat(r.statusOn(d("2025-03-03")))
        .isEqualTo(new Ended(d("2025-03-03"), GdapEndReason.REQUEST_EXPIRED));
    assertThat(r.approve(d("2025-03-02")).isActiveOn(d("2025-03-02"))).isTrue();
    assertThatThrownBy(() -> r.approve(d("2025-03-03"))).isInstanceOf(RuleViolation.class)
        .hasMessage("GDA-1: relationship R1 was requested on 2024-12-03 and could be approved"
            + " through 2025-03-02; the request expired on 2025-03-03, so the partner requests a new one");
    assertThat(r.approve(d("2024-12-03")).isActiveOn(d("2024-12-03"))).as("on the request day").isTrue();
  }

  @Test
  void GDA_1_request_expiry_counts_actual_days_across_february() {
    assertThat(requested("2024-01-01", "P1D", false).approvableThrough()).isEqualTo(d("2024-03-30"));
    assertThat(requested("2024-01-01", "P1D", false).statusOn(d("2024-03-31")))
        .isEqualTo(new Ended(d("2024-03-31"), GdapEndReason.REQUEST_EXPIRED));
    assertThat(requested("2025-01-01", "P1D", false).approvableThrough()).isEqualTo(d("2025-03-31"));
    refused("GDA-1", () -> requested("2025-01-01", "P1D", false).approve(d("2025-04-01")));
  }

  @Test
  void GDA_1_a_relationship_names_known_roles_once_and_is_approved_once() {
    refused("GDA-1", () -> GdapRelationship.request(new GdapRequest("R1", "Northwind", "contoso",
        List.of(), Period.ofDays(30), false), d("2025-01-10"), POLICY));
    refused("GDA-1", () -> requested("2025-01-10", "P30D", false, "no-such-role"));
    refused("GDA-1", () -> GdapRelationship.request(new GdapRequest("R1", "Northwind", "contoso",
        List.of(RoleAssignment.of("helpdesk-administrator", List.of("a")),
            RoleAssignment.of("helpdesk-administrator", List.of("b"))), Period.ofDays(30), false),
        d("2025-01-10"), POLICY));
    GdapRelationship a = requested("2025-01-10", "P30D", false).approve(d("2025-01-11"));
    refused("GDA-1", () -> a.approve(d("2025-01-12")));
  }

  @Test
  void GDA_1_changes_are_recorded_in_date_order_and_status_starts_at_the_request() {
    GdapRelationship a = requested("2025-01-10", "P30D", false).approve(d("2025-01-15"));
    assertThatThrownBy(() -> a.terminate(d("2025-01-14"), GdapSide.CUSTOMER))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("last changed on 2025-01-15");
    assertThatThrownBy(() -> a.statusOn(d("2025-01-09")))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("requested on 2025-01-10");
  }

  @Test
  void GDA_1_a_stored_relationship_rebuilds_only_when_consistent() {
    GdapRelationship a = requested("2025-01-10", "P30D", false).approve(d("2025-01-15"));
    assertThat(GdapRelationship.builder().from(a).build()).isEqualTo(a);
    assertThatThrownBy(() -> GdapRelationship.builder().from(a).approvedOn(d("2025-04-10")).build())
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> GdapRelationship.builder().from(a)
        .termination(new GdapRelationship.Termination(d("2025-02-14"), GdapSide.PARTNER)).build())
        .as("terminated after its end on 2025-02-14").isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("after it ended");
    // a stored relationship breaking a rule is refused naming it, as the operations do
    refused("GDA-1", () -> GdapRelationship.builder().from(a).assignments(List.of()).build());
    refused("GDA-1", () -> GdapRelationship.builder().from(a).assignments(List.of(
        RoleAssignment.of("helpdesk-administrator", List.of("a")),
        RoleAssignment.of("helpdesk-administrator", List.of("b")))).build());
    refused("GDA-3", () -> GdapRelationship.builder().from(a)
        .assignments(List.of(RoleAssignment.of(GdapRole.GLOBAL_ADMINISTRATOR, List.of("a"))))
        .autoExtend(List.of(new GdapRelationship.AutoExtend(a.requestedOn(), true))).build());
  }

  // ------------------------------------------------------------------------------------- GDA-3

  @Test
  void GDA_3_auto_extend_adds_180_days_each_time_the_relationship_reaches_its_end() {
    GdapRelationship a = requested("2025-01-10", "P90D", true).approve(d("2025-01-20"));
    assertThat(a.endsOn(d("2025-04-19"))).contains(d("2025-04-19"));
    assertThat(a.statusOn(d("2025-04-20")))
        .isEqualTo(new Active(d("2025-01-20"), d("2025-04-20"), d("2025-10-17")));
    assertThat(a.endsOn(d("2025-04-20"))).contains(d("2025-10-16"));
    assertThat(a.endsOn(d("2025-10-17"))).contains(d("2026-04-14"));
    assertThat(a.isActiveOn(d("2035-01-01"))).as("for as long as it stays on").isTrue();
  }

  @Test
  void GDA_3_extensions_count_actual_days_across_leap_days_and_after_two_years() {
    GdapRelationship a = requested("2027-08-20", "P180D", true).approve(d("2027-09-01"));
    assertThat(a.endsOn(d("2027-09-01"))).contains(d("2028-02-27"));
    assertThat(a.endsOn(d("2028-02-28"))).as("the period holds 2028-02-29").contains(d("2028-08-25"));
    assertThat(a.endsOn(d("2028-08-26"))).contains(d("2029-02-21"));

    GdapRelationship two = requested("2024-02-01", "P2Y", true).approve(d("2024-02-29"));
    assertThat(two.endsOn(d("2026-02-27"))).contains(d("2026-02-27"));
    assertThat(two.endsOn(d("2026-02-28"))).contains(d("2026-08-26"));
  }

  @Test
  void GDA_3_auto_extend_is_refused_with_the_global_administrator_role() {
    assertThatThrownBy(() -> requested("2025-01-10", "P90D", true, "global-administrator",
        "helpdesk-administrator")).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("GDA-3: relationship R1 includes the Global Administrator role");
    GdapRelationship ga = requested("2025-01-10", "P90D", false, "global-administrator");
    refused("GDA-3", () -> ga.withAutoExtend(true, d("2025-01-10")));
    GdapRelationship active = ga.approve(d("2025-01-11"));
    refused("GDA-3", () -> active.withAutoExtend(true, d("2025-02-01")));
    assertThat(active.withAutoExtend(false, d("2025-02-01"))).as("off is what it is").isSameAs(active);
    assertThat(active.statusOn(d("2025-04-11")).kind()).isEqualTo(GdapStatus.Kind.ENDED);
  }

  @Test
  void GDA_3_the_setting_on_a_period_last_day_decides_the_extension() {
    GdapRelationship a = requested("2025-01-10", "P90D", false).approve(d("2025-01-20"));
    GdapRelationship lastMinute = a.withAutoExtend(true, d("2025-04-19"));
    assertThat(lastMinute.endsOn(d("2025-04-20"))).contains(d("2025-10-16"));
    refused("GDA-3", () -> a.withAutoExtend(true, d("2025-04-20")));

    GdapRelationship stopped = lastMinute.withAutoExtend(false, d("2025-06-01"));
    assertThat(stopped.endsOn(d("2025-10-16"))).as("the current period runs out").contains(d("2025-10-16"));
    assertThat(stopped.statusOn(d("2025-10-17"))).isEqualTo(new Ended(d("2025-10-17"), GdapEndReason.EXPIRED));
    assertThat(stopped.autoExtend()).extracting(GdapRelationship.AutoExtend::on)
        .containsExactly(false, true, false);

    GdapRelationship sameDay = a.withAutoExtend(true, d("2025-02-01")).withAutoExtend(false, d("2025-02-01"));
    assertThat(sameDay.autoExtend()).as("a change undone the same day leaves nothing")
        .containsExactly(new GdapRelationship.AutoExtend(d("2025-01-10"), false));
  }

  @Test
  void GDA_3_an_ended_relationship_cannot_be_reactivated() {
    GdapRelationship expired = requested("2025-01-10", "P30D", false).approve(d("2025-01-10"));
    refused("GDA-3", () -> expired.approve(d("2025-02-09")));
    refused("GDA-3", () -> expired.withAutoExtend(true, d("2025-02-09")));
    GdapRelationship declined = requested("2025-01-10", "P30D", false).terminate(d("2025-01-12"), GdapSide.CUSTOMER);
    assertThatThrownBy(() -> declined.approve(d("2025-01-13"))).isInstanceOf(RuleViolation.class)
        .hasMessage("GDA-3: relationship R1 ended on 2025-01-12 (the customer's admin terminated it);"
            + " an ended relationship cannot be approved or reactivated, so the partner requests a new one");
  }

  // ------------------------------------------------------------------------------------- GDA-4

  @Test
  void GDA_4_the_customer_admin_terminates_at_any_time_and_access_stops_that_day() {
    GdapRelationship a = requested("2025-01-10", "P2Y", false).approve(d("2025-01-20"));
    GdapRelationship t = a.terminate(d("2025-06-15"), GdapSide.CUSTOMER);
    assertThat(t.isActiveOn(d("2025-06-14"))).isTrue();
    assertThat(t.endsOn(d("2025-06-14"))).as("its period, as known").contains(d("2027-01-19"));
    assertThat(t.statusOn(d("2025-06-15")))
        .isEqualTo(new Ended(d("2025-06-15"), GdapEndReason.TERMINATED_BY_CUSTOMER));
    assertThat(t.isActiveOn(d("2026-01-01"))).isFalse();
    assertThat(t.termination()).contains(new GdapRelationship.Termination(d("2025-06-15"), GdapSide.CUSTOMER));
  }

  @Test
  void GDA_4_the_partner_terminates_too_even_on_the_approval_day_or_while_pending() {
    GdapRelationship a = requested("2025-01-10", "P90D", true).approve(d("2025-01-20"));
    GdapRelationship sameDay = a.terminate(d("2025-01-20"), GdapSide.PARTNER);
    assertThat(sameDay.isActiveOn(d("2025-01-20"))).isFalse();
    assertThat(sameDay.statusOn(d("2025-01-20")))
        .isEqualTo(new Ended(d("2025-01-20"), GdapEndReason.TERMINATED_BY_PARTNER));

    GdapRelationship extended = a.terminate(d("2025-05-01"), GdapSide.PARTNER);
    assertThat(extended.isActiveOn(d("2025-04-30"))).as("in its first extension").isTrue();
    assertThat(extended.isActiveOn(d("2025-05-01"))).isFalse();

    GdapRelationship withdrawn = requested("2025-01-10", "P90D", false).terminate(d("2025-01-11"), GdapSide.PARTNER);
    assertThat(withdrawn.statusOn(d("2025-01-11")))
        .isEqualTo(new Ended(d("2025-01-11"), GdapEndReason.TERMINATED_BY_PARTNER));
  }

  @Test
  void GDA_4_a_termination_may_fall_on_the_day_of_the_request_or_of_a_setting() {
    GdapRelationship withdrawn = requested("2025-01-10", "P90D", true).terminate(d("2025-01-10"), GdapSide.PARTNER);
    assertThat(withdrawn.statusOn(d("2025-01-10")))
        .isEqualTo(new Ended(d("2025-01-10"), GdapEndReason.TERMINATED_BY_PARTNER));
    GdapRelationship a = requested("2025-01-10", "P90D", false).approve(d("2025-01-10"))
        .withAutoExtend(true, d("2025-02-01")).terminate(d("2025-02-01"), GdapSide.CUSTOMER);
    assertThat(a.isActiveOn(d("2025-01-31"))).isTrue();
    assertThat(a.isActiveOn(d("2025-02-01"))).isFalse();
    refused("GDA-3", () -> a.withAutoExtend(false, d("2025-02-01")));
  }

  @Test
  void GDA_4_an_ended_relationship_cannot_be_terminated_again() {
    GdapRelationship a = requested("2025-01-10", "P30D", false).approve(d("2025-01-10"));
    assertThatThrownBy(() -> a.terminate(d("2025-02-09"), GdapSide.CUSTOMER))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("GDA-4: relationship R1 ended on 2025-02-09 (its duration ran out with"
            + " auto-extend off); an ended relationship cannot be terminated or reactivated, so the"
            + " partner requests a new one");
    GdapRelationship t = a.terminate(d("2025-01-31"), GdapSide.CUSTOMER);
    refused("GDA-4", () -> t.terminate(d("2025-02-01"), GdapSide.PARTNER));
    refused("GDA-4", () -> requested("2025-01-10", "P30D", false).terminate(d("2025-04-10"), GdapSide.CUSTOMER));
  }
}
