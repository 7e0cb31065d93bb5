package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.FABRIKAM;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.DelegatedTask;
import io.github.cspkit.csp.access.GdapDecision;
import io.github.cspkit.csp.access.GdapEndReason;
import io.github.cspkit.csp.access.GdapPolicy;
import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.SecurityGroup;
import io.github.cspkit.csp.access.SecurityGroups;
import io.github.cspkit.csp.access.ServiceIncident;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Granular delegated admin end to end through {@link CspPartner} (GDA-1..4): a world under the
 * seed's policies plus a GDAP part, where Northwind's security group {@code helpdesk} holds alice
 * and {@code readers} holds bob. Dates are checked by hand: requested on r = 2025-02-01 it can be
 * approved through r + 89 = 2025-05-01 and has ended on r + 90 = 2025-05-02; approved on
 * a = 2025-02-10 with {@code P90D} its last day is a + 89 = 2025-05-10; auto-extended, its next
 * period runs 2025-05-11 through 2025-11-06 (180 days).
 */
class GdapPartnerTest {
  static final LocalDate R = d("2025-02-01");
  static final LocalDate A = d("2025-02-10");
  static final SecurityGroups GROUPS = SecurityGroups.of(List.of(
      SecurityGroup.of("helpdesk", List.of("alice")), SecurityGroup.of("readers", List.of("bob"))));
  static final CspPolicies POLICIES = CspPolicies.builder().gdap(GdapPolicy.currentProgram())
      .securityGroups(GROUPS).build();

  final ServiceIncident outage = new ServiceIncident("INC1", CONTOSO, "mail", "mail delayed",
      d("2025-02-01"), Optional.empty());
  final PartnerFixtures.World w = PartnerFixtures.standard(POLICIES, customer -> customer.equals(CONTOSO)
      ? List.of(outage) : List.of());
  final CspPartner p = w.partner();
  final DelegatedAdmin gdap = p.gdap();

  Request admin(LocalDate day) {
    return w.asAdmin(day);
  }

  static Request customerAdmin(String customer, LocalDate day) {
    return Request.of(Actor.customerAdmin(customer), day);
  }

  static Request user(String user, LocalDate day) {
    return Request.of(Actor.gdapUser(PartnerFixtures.PARTNER, user), day);
  }

  static GdapRequest ask(String id, String role, String group, String duration, boolean autoExtend) {
    return GdapRequest.of(id, PartnerFixtures.PARTNER, CONTOSO, List.of(role), List.of(group),
        Period.parse(duration), autoExtend);
  }

  /** Requests R1 on r (helpdesk-administrator to helpdesk, P90D) and approves it on a. */
  void active(boolean autoExtend) {
    gdap.request(admin(R), ask("R1", "helpdesk-administrator", "helpdesk", "P90D", autoExtend));
    gdap.approve(customerAdmin(CONTOSO, A), "R1");
  }

  void refusedWithNothingChanged(ThrowingCallable call, String rule) {
    long events = w.store().read().events().size();
    List<GdapRelationship> before = gdap.relationships(CONTOSO);
    assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
      assertThat(v.rule()).isEqualTo(rule);
      assertThat(v.reason()).isNotBlank();
    });
    assertThat(w.store().read().events().size()).isEqualTo(events);
    assertThat(gdap.relationships(CONTOSO)).isEqualTo(before);
  }

  // ------------------------------------------------------------------------------- GDA-1

  @Test
  void GDA_1_becoming_a_customer_grants_no_admin_access_under_GDAP() {
    assertThat(p.customer(CONTOSO).orElseThrow().delegatedAdmin()).isFalse();
    refusedWithNothingChanged(() -> p.administerTenant(admin(R), CONTOSO, "reset-password"), "GDA-1");
    refusedWithNothingChanged(() -> p.administerTenant(user("alice", R), CONTOSO, "reset-password"),
        "GDA-1");
    assertThat(gdap.access("alice", CONTOSO, DelegatedTask.RESET_PASSWORD, R))
        .isInstanceOfSatisfying(GdapDecision.Refused.class, r -> assertThat(r.reason())
            .contains("no GDAP relationship").contains("becoming a customer no longer grants"));
  }

  @Test
  void GDA_1_a_request_is_pending_until_the_customers_admin_approves_it_then_active_from_that_day() {
    Result<GdapRelationship> requested =
        gdap.request(admin(R), ask("R1", "helpdesk-administrator", "helpdesk", "P90D", false));
    assertThat(requested.events()).extracting(e -> e.kind()).containsExactly("REQUESTED");
    assertThat(gdap.status("R1", R)).isEqualTo(new GdapStatus.Pending(R, d("2025-05-01")));
    refusedWithNothingChanged(() -> p.administerTenant(user("alice", A.minusDays(1)), CONTOSO,
        "reset-password"), "GDA-1");
    Result<GdapRelationship> approved = gdap.approve(customerAdmin(CONTOSO, A), "R1");
    assertThat(approved.value().approvedOn()).contains(A);
    assertThat(gdap.status("R1", A.minusDays(1)).kind()).isEqualTo(GdapStatus.Kind.PENDING);
    assertThat(gdap.status("R1", A)).isEqualTo(new GdapStatus.Active(A, A, d("2025-05-11")));
    assertThat(gdap.endsOn("R1", A)).contains(d("2025-05-10"));
    p.administerTenant(user("alice", A), CONTOSO, "reset-password");
    p.administerTenant(user("alice", d("2025-05-10")), CONTOSO, "reset-password");
    assertThat(gdap.status("R1", d("2025-05-11")))
        .isEqualTo(new GdapStatus.Ended(d("2025-05-11"), GdapEndReason.EXPIRED));
  }

  @Test
  void GDA_1_a_request_can_be_approved_through_r_plus_89_days_and_has_expired_on_r_plus_90() {
    gdap.request(admin(R), ask("R1", "helpdesk-administrator", "helpdesk", "P90D", false));
    gdap.request(admin(R), ask("R2", "global-reader", "readers", "P90D", false));
    assertThat(gdap.approve(customerAdmin(CONTOSO, d("2025-05-01")), "R1").value().isActiveOn(d("2025-05-01")))
        .isTrue();
    assertThat(gdap.status("R2", d("2025-05-02")))
        .isEqualTo(new GdapStatus.Ended(d("2025-05-02"), GdapEndReason.REQUEST_EXPIRED));
    refusedWithNothingChanged(() -> gdap.approve(customerAdmin(CONTOSO, d("2025-05-02")), "R2"), "GDA-1");
    refusedWithNothingChanged(() -> p.serviceIncidents(user("bob", d("2025-05-02")), CONTOSO), "GDA-2");
  }

  @Test
  void GDA_1_a_duration_outside_P1D_to_P2Y_is_refused_and_changes_nothing() {
    for (String duration : List.of("P0D", "P731D", "P2Y1D", "P25M", "-P1D")) {
      refusedWithNothingChanged(() -> gdap.request(admin(R), ask("R1", "helpdesk-administrator",
          "helpdesk", duration, false)), "GDA-1");
    }
    gdap.request(admin(R), ask("R1", "helpdesk-administrator", "helpdesk", "P1D", false));
    gdap.request(admin(R), ask("R2", "helpdesk-administrator", "helpdesk", "P2Y", false));
    gdap.approve(customerAdmin(CONTOSO, A), "R1");
    assertThat(gdap.endsOn("R1", A)).contains(A);
    assertThat(gdap.status("R1", A.plusDays(1)).kind()).isEqualTo(GdapStatus.Kind.ENDED);
  }

  @Test
  void GDA_1_only_the_customers_admin_approves_and_only_the_partner_requests() {
    gdap.request(admin(R), ask("R1", "helpdesk-administrator", "helpdesk", "P90D", false));
    refusedWithNothingChanged(() -> gdap.approve(admin(A), "R1"), "GDA-1");
    refusedWithNothingChanged(() -> gdap.approve(Request.of(new Actor.CustomerUser(CONTOSO,
        "clerk", false), A), "R1"), "GDA-1");
    refusedWithNothingChanged(() -> gdap.approve(customerAdmin(FABRIKAM, A), "R1"), "ACC-5");
    refusedWithNothingChanged(() -> gdap.request(customerAdmin(CONTOSO, A),
        ask("R2", "helpdesk-administrator", "helpdesk", "P90D", false)), "GDA-1");
    refusedWithNothingChanged(() -> gdap.request(admin(A), ask("R3", "no-such-role", "helpdesk",
        "P90D", false)), "GDA-1");
    gdap.approve(customerAdmin(CONTOSO, A), "R1");
    refusedWithNothingChanged(() -> gdap.approve(customerAdmin(CONTOSO, A.plusDays(1)), "R1"), "GDA-1");
  }

  @Test
  void GDA_1_a_request_is_replayed_under_its_key_and_an_id_is_not_taken_twice() {
    Request keyed = admin(R).withKey("gdap-1");
    GdapRequest ask = ask("R1", "helpdesk-administrator", "helpdesk", "P90D", false);
    Result<GdapRelationship> first = gdap.request(keyed, ask);
    Result<GdapRelationship> again = gdap.request(keyed, ask);
    assertThat(again.replayed()).isTrue();
    assertThat(again.value()).isEqualTo(first.value());
    assertThatThrownBy(() -> gdap.request(admin(R), ask)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> gdap.approve(customerAdmin(CONTOSO, A), "R404"))
        .isInstanceOf(UnknownIdException.class);
    assertThatThrownBy(() -> gdap.request(admin(R), GdapRequest.of("R5", "Tailspin", CONTOSO,
        List.of("global-reader"), List.of("readers"), Period.ofDays(90), false)))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-4"));
  }

  // ------------------------------------------------------------------------------- GDA-2

  @Test
  void GDA_2_a_member_of_a_group_granted_a_covering_role_administers_the_tenant_and_no_one_else() {
    active(false);
    Result<?> done = p.administerTenant(user("alice", A), CONTOSO, "reset-password");
    assertThat(done.events()).extracting(e -> e.kind()).containsExactly("ADMINISTERED");
    assertThat(gdap.access("alice", CONTOSO, DelegatedTask.RESET_PASSWORD, A))
        .isEqualTo(new GdapDecision.Granted("R1", "helpdesk-administrator", "helpdesk"));
    // bob is in another group; the admin agent is in none: the seed's rights grant nothing here
    refusedWithNothingChanged(() -> p.administerTenant(user("bob", A), CONTOSO, "reset-password"), "GDA-2");
    refusedWithNothingChanged(() -> p.administerTenant(admin(A), CONTOSO, "reset-password"), "GDA-2");
    // a task the role does not cover, even for alice
    refusedWithNothingChanged(() -> p.administerTenant(user("alice", A), CONTOSO, "manage-roles"), "GDA-2");
    refusedWithNothingChanged(() -> p.configureService(user("alice", A), CONTOSO, "mail", "x"), "GDA-2");
    // the relationship is with contoso only
    refusedWithNothingChanged(() -> p.administerTenant(user("alice", A), FABRIKAM, "reset-password"), "GDA-1");
    // under GDAP a task is a word (GDA-2: roles cover named tasks)
    assertThatThrownBy(() -> p.administerTenant(user("alice", A), CONTOSO, "reset a password"))
        .isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void GDA_2_service_health_and_incidents_need_a_covering_role_too() {
    active(false);
    assertThat(p.serviceIncidents(user("alice", A), CONTOSO)).containsExactly(outage);
    refusedWithNothingChanged(() -> p.serviceIncidents(user("bob", A), CONTOSO), "GDA-2");
    gdap.request(admin(A), ask("R2", "global-reader", "readers", "P30D", false));
    gdap.approve(customerAdmin(CONTOSO, A.plusDays(1)), "R2");
    assertThat(p.serviceIncidents(user("bob", A.plusDays(1)), CONTOSO)).containsExactly(outage);
    // the customer still reads its own service health and configures its services (ACC-5)
    assertThat(p.serviceIncidents(customerAdmin(CONTOSO, A), CONTOSO)).containsExactly(outage);
    p.configureService(customerAdmin(CONTOSO, A), CONTOSO, "mail", "retention 30 days");
  }

  @Test
  void GDA_2_ordering_and_managing_subscriptions_does_not_depend_on_GDAP() {
    assertThat(gdap.relationships(CONTOSO)).isEmpty();
    p.addSeats(admin(A), S1, 2);
    p.order(admin(A), FABRIKAM, E3, 3, "S9");
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(12);
    // and GDAP grants nothing on subscriptions: a group member has no rights of its own (ACC-3)
    active(false);
    assertThatThrownBy(() -> p.addSeats(user("alice", A), S1, 1))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-3"));
  }

  @Test
  void GDA_2_under_the_seed_nothing_changes_and_there_is_no_GDAP() {
    PartnerFixtures.World seed = PartnerFixtures.standard();
    assertThat(seed.partner().customer(CONTOSO).orElseThrow().delegatedAdmin()).isTrue();
    seed.partner().administerTenant(seed.asAdmin(A), CONTOSO, "reset password");
    assertThatThrownBy(() -> seed.partner().administerTenant(
        Request.of(Actor.gdapUser(PartnerFixtures.PARTNER, "alice"), A), CONTOSO, "reset-password"))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("ACC-3"));
    assertThatThrownBy(() -> seed.partner().gdap()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no GDAP policies");
  }

  @Test
  void GDA_2_another_partners_relationship_grants_nothing() {
    CspPartner tailspin = PartnerFixtures.otherPartner(w);
    Request other = Request.of(Actor.partnerAdmin(PartnerFixtures.OTHER_PARTNER, "other-agent"), R);
    tailspin.gdap().request(other, GdapRequest.of("T1", PartnerFixtures.OTHER_PARTNER,
        PartnerFixtures.WOODGROVE, List.of("helpdesk-administrator"), List.of("helpdesk"),
        Period.ofDays(90), false));
    assertThat(gdap.relationship("T1")).isEmpty();
    assertThatThrownBy(() -> gdap.approve(customerAdmin(CONTOSO, A), "T1"))
        .isInstanceOf(UnknownIdException.class);
    assertThatThrownBy(() -> tailspin.gdap().request(other, GdapRequest.of("T2",
        PartnerFixtures.OTHER_PARTNER, CONTOSO, List.of("global-reader"), List.of("readers"),
        Period.ofDays(90), false))).isInstanceOf(UnknownIdException.class);
  }

  @Test
  void GDA_2_the_readme_example_runs() {
    PartnerFixtures.World fresh = PartnerFixtures.world(CspPolicies.builder()
        .gdap(GdapPolicy.currentProgram())
        .securityGroups(SecurityGroups.of(List.of(SecurityGroup.of("helpdesk", List.of("alice")))))
        .build(), IncidentFeed.NONE);
    CspPartner partner = fresh.partner();
    LocalDate day = A;
    LocalDate later = d("2025-03-01");
    DelegatedAdmin gdap = partner.gdap();
    gdap.request(Request.of(Actor.partnerAdmin("Northwind", "agent"), day), GdapRequest.of("R1",
        "Northwind", "contoso", List.of("helpdesk-administrator"), List.of("helpdesk"),
        Period.ofDays(90), false));
    gdap.approve(Request.of(Actor.customerAdmin("contoso"), day), "R1");
    partner.administerTenant(Request.of(Actor.gdapUser("Northwind", "alice"), day), "contoso",
        "reset-password");
    gdap.terminate(Request.of(Actor.customerAdmin("contoso"), later), "R1");
    assertThat(gdap.status("R1", later).kind()).isEqualTo(GdapStatus.Kind.ENDED);
  }

  // ------------------------------------------------------------------------------- GDA-3

  @Test
  void GDA_3_auto_extend_adds_180_days_at_each_end() {
    active(true);
    assertThat(gdap.endsOn("R1", d("2025-05-10"))).contains(d("2025-05-10"));
    assertThat(gdap.endsOn("R1", d("2025-05-11"))).contains(d("2025-11-06"));
    assertThat(gdap.status("R1", d("2025-05-11")))
        .isEqualTo(new GdapStatus.Active(A, d("2025-05-11"), d("2025-11-07")));
    assertThat(gdap.endsOn("R1", d("2025-11-07"))).contains(d("2026-05-05"));
    p.administerTenant(user("alice", d("2026-01-15")), CONTOSO, "reset-password");
  }

  @Test
  void GDA_3_the_partner_switches_auto_extend_and_the_setting_on_a_periods_last_day_decides() {
    active(false);
    assertThat(gdap.endsOn("R1", d("2025-05-10"))).contains(d("2025-05-10"));
    Result<GdapRelationship> on = gdap.autoExtend(admin(d("2025-04-01")), "R1", true);
    assertThat(on.events()).extracting(e -> e.kind()).containsExactly("AUTO_EXTEND");
    assertThat(gdap.endsOn("R1", d("2025-05-11"))).contains(d("2025-11-06"));
    gdap.autoExtend(admin(d("2025-10-01")), "R1", false);
    assertThat(gdap.endsOn("R1", d("2025-11-06"))).contains(d("2025-11-06"));
    assertThat(gdap.status("R1", d("2025-11-07")))
        .isEqualTo(new GdapStatus.Ended(d("2025-11-07"), GdapEndReason.EXPIRED));
    refusedWithNothingChanged(() -> gdap.autoExtend(customerAdmin(CONTOSO, d("2025-10-02")), "R1",
        true), "GDA-3");
    refusedWithNothingChanged(() -> gdap.autoExtend(admin(d("2025-11-07")), "R1", true), "GDA-3");
    gdap.request(admin(R), ask("R2", "global-administrator", "helpdesk", "P90D", false));
    refusedWithNothingChanged(() -> gdap.autoExtend(admin(R), "R2", true), "GDA-3");
  }

  @Test
  void GDA_3_auto_extend_is_refused_with_the_Global_Administrator_role() {
    refusedWithNothingChanged(() -> gdap.request(admin(R), ask("R1", "global-administrator",
        "helpdesk", "P90D", true)), "GDA-3");
    gdap.request(admin(R), ask("R1", "global-administrator", "helpdesk", "P90D", false));
    assertThat(gdap.relationship("R1").orElseThrow().autoExtendOn(R)).isFalse();
  }

  @Test
  void GDA_3_an_ended_relationship_refuses_access_and_cannot_be_reactivated() {
    active(false);
    LocalDate after = d("2025-05-11");
    refusedWithNothingChanged(() -> p.administerTenant(user("alice", after), CONTOSO, "reset-password"),
        "GDA-3");
    refusedWithNothingChanged(() -> gdap.approve(customerAdmin(CONTOSO, after), "R1"), "GDA-3");
    // the partner requests a new one
    gdap.request(admin(after), ask("R2", "helpdesk-administrator", "helpdesk", "P90D", false));
    gdap.approve(customerAdmin(CONTOSO, after), "R2");
    p.administerTenant(user("alice", after), CONTOSO, "reset-password");
  }

  // ------------------------------------------------------------------------------- GDA-4

  @Test
  void GDA_4_the_customers_admin_terminates_at_any_time_and_access_is_refused_from_that_day() {
    active(true);
    LocalDate t = d("2025-03-15");
    p.administerTenant(user("alice", t.minusDays(1)), CONTOSO, "reset-password");
    Result<GdapRelationship> ended = gdap.terminate(customerAdmin(CONTOSO, t), "R1");
    assertThat(ended.events()).extracting(e -> e.kind()).containsExactly("TERMINATED");
    assertThat(gdap.status("R1", t))
        .isEqualTo(new GdapStatus.Ended(t, GdapEndReason.TERMINATED_BY_CUSTOMER));
    assertThat(gdap.endsOn("R1", t)).isEmpty();
    refusedWithNothingChanged(() -> p.administerTenant(user("alice", t), CONTOSO, "reset-password"), "GDA-4");
    refusedWithNothingChanged(() -> gdap.terminate(admin(t), "R1"), "GDA-4");
  }

  @Test
  void GDA_4_the_partner_can_terminate_too_even_a_pending_request() {
    gdap.request(admin(R), ask("R1", "helpdesk-administrator", "helpdesk", "P90D", false));
    gdap.terminate(admin(R.plusDays(3)), "R1");
    assertThat(gdap.status("R1", R.plusDays(3)))
        .isEqualTo(new GdapStatus.Ended(R.plusDays(3), GdapEndReason.TERMINATED_BY_PARTNER));
    refusedWithNothingChanged(() -> gdap.approve(customerAdmin(CONTOSO, A), "R1"), "GDA-3");
    refusedWithNothingChanged(() -> gdap.terminate(customerAdmin(FABRIKAM, A), "R1"), "ACC-5");
  }

  @Test
  void GDA_4_the_seeds_delegated_admin_removal_is_unchanged_and_grants_nothing_under_GDAP() {
    active(false);
    refusedWithNothingChanged(() -> p.removeDelegatedAdmin(customerAdmin(CONTOSO, A), CONTOSO), "ACC-2");
    p.administerTenant(user("alice", A), CONTOSO, "reset-password");
  }
}
