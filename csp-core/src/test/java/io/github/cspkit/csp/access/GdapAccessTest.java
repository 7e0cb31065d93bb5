package io.github.cspkit.csp.access;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Worked examples of GDA-2 (and the refusals of GDA-1, GDA-3, GDA-4 it reports), and the roles. */
class GdapAccessTest {
  static final GdapPolicy POLICY = GdapPolicy.currentProgram();
  static final GdapAccess ACCESS = GdapAccess.of(POLICY.roles());
  static final SecurityGroups GROUPS = SecurityGroups.of(List.of(
      SecurityGroup.of("helpdesk", List.of("alice", "bob")),
      SecurityGroup.of("sales", List.of("carol"))));
  static final LocalDate DAY = d("2025-03-10");

  static GdapRelationship relationship(String id, String customer, String requestedOn,
      String duration, List<String> roles, List<String> groups) {
    return GdapRelationship.request(GdapRequest.of(id, "Northwind", customer, roles, groups,
        Period.parse(duration), false), d(requestedOn), POLICY);
  }

  static GdapRelationship helpdesk() {
    return relationship("R1", "contoso", "2025-03-01", "P1Y", List.of("helpdesk-administrator"),
        List.of("helpdesk"));
  }

  static GdapDecision decide(String user, DelegatedTask task, LocalDate day, GdapRelationship... rels) {
    return ACCESS.decide("Northwind", user, "contoso", task, day, List.of(rels), GROUPS);
  }

  static void refused(GdapDecision decision, String rule, String reason) {
    assertThat(decision).isInstanceOf(GdapDecision.Refused.class);
    GdapDecision.Refused r = (GdapDecision.Refused) decision;
    assertThat(r.rule()).isEqualTo(rule);
    assertThat(r.reason()).isEqualTo(reason);
    assertThatThrownBy(decision::orThrow).isInstanceOf(RuleViolation.class)
        .hasMessage(rule + ": " + reason);
  }

  @Test
  void GDA_2_a_member_of_a_group_granted_a_covering_role_does_the_task() {
    GdapRelationship r = helpdesk().approve(d("2025-03-02"));
    GdapDecision decision = decide("alice", DelegatedTask.RESET_PASSWORD, DAY, r);
    assertThat(decision).isEqualTo(new GdapDecision.Granted("R1", "helpdesk-administrator", "helpdesk"));
    assertThat(decision.granted()).isTrue();
    assertThat(ACCESS.authorize("Northwind", "bob", "contoso", DelegatedTask.VIEW_SERVICE_INCIDENTS,
        DAY, List.of(r), GROUPS).role()).isEqualTo("helpdesk-administrator");
  }

  @Test
  void GDA_2_a_role_that_does_not_cover_the_task_grants_nothing() {
    GdapRelationship r = helpdesk().approve(d("2025-03-02"));
    refused(decide("alice", DelegatedTask.MANAGE_USERS, DAY, r), "GDA-2",
        "no role of the active relationships [R1] with customer contoso covers task manage-users;"
            + " they grant [helpdesk-administrator]");
  }

  @Test
  void GDA_2_a_user_outside_the_granted_groups_is_refused_naming_the_groups() {
    GdapRelationship r = helpdesk().approve(d("2025-03-02"));
    refused(decide("carol", DelegatedTask.RESET_PASSWORD, DAY, r), "GDA-2",
        "user carol is in security groups [sales]; task reset-password on customer contoso needs"
            + " helpdesk-administrator (relationship R1) granted to [helpdesk]");
    refused(decide("dave", DelegatedTask.RESET_PASSWORD, DAY, r), "GDA-2",
        "user dave is in no security group of partner Northwind; task reset-password on customer"
            + " contoso needs helpdesk-administrator (relationship R1) granted to [helpdesk]");
  }

  @Test
  void GDA_2_only_the_partner_s_relationships_with_that_customer_count() {
    GdapRelationship fabrikam = relationship("R2", "fabrikam", "2025-03-01", "P1Y",
        List.of("helpdesk-administrator"), List.of("helpdesk")).approve(d("2025-03-02"));
    refused(decide("alice", DelegatedTask.RESET_PASSWORD, DAY, fabrikam), "GDA-1",
        "partner Northwind has no GDAP relationship with customer contoso on 2025-03-10: becoming a"
            + " customer no longer grants admin access; the partner requests a relationship and the"
            + " customer's admin approves it");
    GdapRelationship tailspin = GdapRelationship.request(GdapRequest.of("R3", "Tailspin", "contoso",
        List.of("helpdesk-administrator"), List.of("helpdesk"), Period.ofYears(1), false),
        d("2025-03-01"), POLICY).approve(d("2025-03-02"));
    assertThat(decide("alice", DelegatedTask.RESET_PASSWORD, DAY, tailspin).granted()).isFalse();
    assertThat(ACCESS.decide("Tailspin", "alice", "contoso", DelegatedTask.RESET_PASSWORD, DAY,
        List.of(tailspin), GROUPS).granted()).as("the same groups, for Tailspin").isTrue();
  }

  @Test
  void GDA_1_becoming_a_customer_grants_nothing_and_a_pending_request_neither() {
    refused(decide("alice", DelegatedTask.VIEW_SERVICE_HEALTH, DAY), "GDA-1",
        "partner Northwind has no GDAP relationship with customer contoso on 2025-03-10: becoming a"
            + " customer no longer grants admin access; the partner requests a relationship and the"
            + " customer's admin approves it");
    refused(decide("alice", DelegatedTask.RESET_PASSWORD, DAY, helpdesk()), "GDA-1",
        "relationship R1 with customer contoso is pending: requested on 2025-03-01, the customer's"
            + " admin has not approved it (it can be approved through 2025-05-29)");
    assertThat(decide("alice", DelegatedTask.RESET_PASSWORD, d("2025-02-28"), helpdesk()
        .approve(d("2025-03-01"))).granted()).as("the day before the request").isFalse();
  }

  @Test
  void GDA_1_an_expired_request_is_reported() {
    refused(decide("alice", DelegatedTask.RESET_PASSWORD, d("2025-05-30"), helpdesk()), "GDA-1",
        "relationship R1 with customer contoso was requested on 2025-03-01 and not approved through"
            + " 2025-05-29; the request expired on 2025-05-30");
  }

  @Test
  void GDA_3_access_ends_with_the_relationship_unless_it_auto_extends() {
    GdapRelationship r = relationship("R1", "contoso", "2025-03-01", "P30D",
        List.of("helpdesk-administrator"), List.of("helpdesk")).approve(d("2025-03-02"));
    assertThat(decide("alice", DelegatedTask.RESET_PASSWORD, d("2025-03-31"), r).granted()).isTrue();
    refused(decide("alice", DelegatedTask.RESET_PASSWORD, d("2025-04-01"), r), "GDA-3",
        "relationship R1 with customer contoso ended on 2025-04-01: its last day was 2025-03-31 and"
            + " auto-extend was off; the partner requests a new one");
    GdapRelationship extended = r.withAutoExtend(true, d("2025-03-31"));
    assertThat(decide("alice", DelegatedTask.RESET_PASSWORD, d("2025-04-01"), extended))
        .isEqualTo(new GdapDecision.Granted("R1", "helpdesk-administrator", "helpdesk"));
  }

  @Test
  void GDA_4_access_is_refused_from_the_termination_day_on_naming_who_terminated() {
    GdapRelationship r = helpdesk().approve(d("2025-03-02"));
    GdapRelationship byCustomer = r.terminate(DAY, GdapSide.CUSTOMER);
    assertThat(decide("alice", DelegatedTask.RESET_PASSWORD, DAY.minusDays(1), byCustomer).granted()).isTrue();
    refused(decide("alice", DelegatedTask.RESET_PASSWORD, DAY, byCustomer), "GDA-4",
        "relationship R1 with customer contoso was terminated on 2025-03-10 (the customer's admin"
            + " terminated it); access through it is refused from that day on");
    refused(decide("alice", DelegatedTask.RESET_PASSWORD, d("2026-01-01"), r.terminate(DAY, GdapSide.PARTNER)),
        "GDA-4", "relationship R1 with customer contoso was terminated on 2025-03-10 (the partner"
            + " terminated it); access through it is refused from that day on");
  }

  @Test
  void GDA_2_a_new_relationship_after_an_ended_one_decides() {
    GdapRelationship old = helpdesk().approve(d("2025-03-02")).terminate(d("2025-03-05"), GdapSide.CUSTOMER);
    GdapRelationship renewed = relationship("R2", "contoso", "2025-03-06", "P90D",
        List.of("user-administrator"), List.of("sales"));
    assertThat(decide("carol", DelegatedTask.MANAGE_USERS, DAY, old, renewed).granted()).isFalse();
    assertThat(((GdapDecision.Refused) decide("carol", DelegatedTask.MANAGE_USERS, DAY, old, renewed)).rule())
        .as("pending: the customer has not approved R2").isEqualTo("GDA-1");
    GdapRelationship approved = renewed.approve(d("2025-03-07"));
    assertThat(decide("carol", DelegatedTask.MANAGE_USERS, DAY, old, approved))
        .isEqualTo(new GdapDecision.Granted("R2", "user-administrator", "sales"));
    assertThat(decide("alice", DelegatedTask.RESET_PASSWORD, DAY, old, approved).granted())
        .as("alice's group had it only through R1").isFalse();
  }

  @Test
  void GDA_2_a_role_the_policy_no_longer_defines_grants_nothing() {
    GdapRelationship r = helpdesk().approve(d("2025-03-02"));
    GdapAccess narrower = GdapAccess.of(GdapRoles.of(List.of(
        GdapRole.of("global-administrator", DelegatedTask.BUILT_IN))));
    assertThat(narrower.decide("Northwind", "alice", "contoso", DelegatedTask.RESET_PASSWORD, DAY,
        List.of(r), GROUPS).granted()).isFalse();
  }

  @Test
  void GDA_2_subscription_management_and_the_csp_tools_do_not_depend_on_gdap() {
    List<Operation> governed = new ArrayList<>();
    for (Operation op : Operation.values()) {
      Optional<DelegatedTask> task = DelegatedTask.requiredBy(op, Optional.of("reset-password"));
      if (task.isPresent()) {
        governed.add(op);
      }
      if (op.group() == Operation.Group.SUBSCRIPTION || op.group() == Operation.Group.CSP
          || op.group() == Operation.Group.PARTNER_COMPANY || op.group() == Operation.Group.QUOTE
          || op.group() == Operation.Group.VENDOR || op.group() == Operation.Group.CUSTOMER_READ) {
        assertThat(task).as("%s does not need GDAP", op).isEmpty();
      }
    }
    assertThat(governed).containsExactlyInAnyOrder(Operation.ADMINISTER_TENANT,
        Operation.VIEW_SERVICE_HEALTH, Operation.CONFIGURE_SERVICE);
    assertThat(DelegatedTask.requiredBy(Operation.ADMINISTER_TENANT, Optional.of("reset-password")))
        .contains(DelegatedTask.RESET_PASSWORD);
    assertThat(DelegatedTask.requiredBy(Operation.VIEW_SERVICE_HEALTH, Optional.empty()))
        .contains(DelegatedTask.VIEW_SERVICE_HEALTH);
    assertThatThrownBy(() -> DelegatedTask.requiredBy(Operation.ADMINISTER_TENANT, Optional.empty()))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("names its task");
    assertThatThrownBy(() -> DelegatedTask.requiredBy(Operation.ADMINISTER_TENANT,
        Optional.of("reset a user's password"))).isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("a task is a word");
  }

  @Test
  void GDA_2_built_in_roles_cover_the_delegated_tasks_of_ACC_1_and_ACC_4() {
    GdapRoles roles = GdapRoles.entraBuiltIns();
    GdapRole ga = roles.find(GdapRole.GLOBAL_ADMINISTRATOR).orElseThrow();
    assertThat(ga.isGlobalAdministrator()).isTrue();
    assertThat(ga.tasks()).containsExactlyInAnyOrderElementsOf(DelegatedTask.BUILT_IN);
    assertThat(ga.entraTemplateId()).contains("62e90394-69f5-4237-9190-012177145e10");
    GdapRole helpdesk = roles.find("helpdesk-administrator").orElseThrow();
    assertThat(helpdesk.covers(DelegatedTask.RESET_PASSWORD)).isTrue();
    assertThat(helpdesk.covers(DelegatedTask.VIEW_SERVICE_HEALTH)).isTrue();
    assertThat(helpdesk.covers(DelegatedTask.VIEW_SERVICE_INCIDENTS)).isTrue();
    assertThat(helpdesk.covers(DelegatedTask.MANAGE_USERS)).isFalse();
    assertThat(roles.find("service-support-administrator").orElseThrow().tasks())
        .containsExactlyInAnyOrder(DelegatedTask.MANAGE_SUPPORT_TICKETS,
            DelegatedTask.VIEW_SERVICE_HEALTH, DelegatedTask.VIEW_SERVICE_INCIDENTS);
    assertThat(roles.find("user-administrator").orElseThrow().covers(DelegatedTask.MANAGE_USERS)).isTrue();
    for (GdapRole r : roles.all()) {
      assertThat(ga.tasks()).as("the Global Administrator covers what %s does", r.name())
          .containsAll(r.tasks());
      assertThat(r.isGlobalAdministrator()).isEqualTo(r == ga);
      assertThat(r.entraTemplateId()).as(r.name()).isPresent();
    }
    assertThat(roles.find("no-such-role")).isEmpty();
    // a task nobody but the Global Administrator covers by default
    assertThat(roles.all().stream().filter(r -> r.covers(DelegatedTask.CONFIGURE_SERVICE)))
        .containsExactly(ga);
  }

  @Test
  void GDA_2_an_integrator_defines_its_own_roles_over_its_own_task_words() {
    GdapRoles custom = GdapRoles.of(List.of(
        GdapRole.of("mailbox-helper", List.of(DelegatedTask.of("add-mailbox"))),
        GdapRole.of("global-administrator", List.of(DelegatedTask.of("add-mailbox"), DelegatedTask.RESET_PASSWORD))));
    GdapPolicy policy = POLICY.withRoles(custom);
    GdapRelationship r = GdapRelationship.request(GdapRequest.of("R9", "Northwind", "contoso",
        List.of("mailbox-helper"), List.of("sales"), Period.ofDays(10), true), d("2025-03-01"), policy)
        .approve(d("2025-03-01"));
    GdapAccess access = GdapAccess.of(custom);
    assertThat(access.decide("Northwind", "carol", "contoso", DelegatedTask.of("add-mailbox"), DAY,
        List.of(r), GROUPS).granted()).isTrue();
    assertThat(access.decide("Northwind", "carol", "contoso", DelegatedTask.RESET_PASSWORD, DAY,
        List.of(r), GROUPS).granted()).isFalse();
    assertThatThrownBy(() -> GdapRoles.of(List.of(GdapRole.of("a", List.of()), GdapRole.of("a", List.of()))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID))
        .hasMessage("CONFLICT: role a already exists");
    assertThatThrownBy(() -> GdapRelationship.request(GdapRequest.of("R9", "Northwind", "contoso",
        List.of("helpdesk-administrator"), List.of("sales"), Period.ofDays(10), false), DAY, policy))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("not defined");
  }

  @Test
  void GDA_2_security_groups_list_their_members_groups() {
    assertThat(GROUPS.groupsOf("alice")).containsExactly("helpdesk");
    assertThat(GROUPS.groupsOf("nobody")).isEmpty();
    SecurityGroups more = GROUPS.with(SecurityGroup.of("admins", List.of("alice")));
    assertThat(more.groupsOf("alice")).containsExactly("admins", "helpdesk");
    assertThat(GROUPS.groupsOf("alice")).as("unchanged").containsExactly("helpdesk");
    assertThat(more.with(SecurityGroup.of("admins", List.of("bob"))).groupsOf("alice"))
        .as("a group of the same name is replaced").containsExactly("helpdesk");
    assertThat(SecurityGroups.none().all()).isEmpty();
    assertThatThrownBy(() -> SecurityGroups.of(List.of(SecurityGroup.of("a", List.of()),
        SecurityGroup.of("a", List.of())))).isInstanceOf(ConflictException.class)
        .hasMessage("CONFLICT: security group a already exists");
  }
}
