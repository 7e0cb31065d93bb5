package io.github.cspkit.csp.access;

import static io.github.cspkit.csp.access.GdapScripts.HORIZON;
import static io.github.cspkit.csp.access.GdapScripts.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.GdapScripts.Oracle;
import io.github.cspkit.csp.access.GdapScripts.Played;
import io.github.cspkit.csp.access.GdapScripts.Script;
import io.github.cspkit.csp.access.GdapScripts.World;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Invariants of GDAP relationships and of the GDA-2 decision, over random histories. */
class GdapPropertiesTest {
  private static final int EXAMPLES = 400;
  private static final GdapAccess ACCESS = GdapAccess.of(POLICY.roles());

  @Test
  void GDA_1_GDA_3_GDA_4_every_day_s_status_matches_a_day_by_day_replay() {
    qt().withExamples(EXAMPLES).forAll(GdapScripts.scripts()).checkAssert(s -> {
      Played played = GdapScripts.play(s);
      Oracle oracle = new Oracle(s);
      assertThat(played.refused()).as("refused events of %s", s).isEqualTo(oracle.refused);
      GdapRelationship r = played.relationship();
      for (int i = 0; i < HORIZON; i++) {
        LocalDate day = s.requestedOn().plusDays(i);
        GdapScripts.Day expected = oracle.on(day);
        GdapStatus status = r.statusOn(day);
        assertThat(status.kind()).as("%s on %s", s, day).isEqualTo(expected.kind());
        assertThat(r.endsOn(day)).as("ends, %s on %s", s, day)
            .isEqualTo(Optional.ofNullable(expected.periodLastDay()));
        if (status instanceof GdapStatus.Ended e) {
          assertThat(e.reason()).as("%s on %s", s, day).isEqualTo(expected.reason());
          assertThat(e.on()).isBeforeOrEqualTo(day);
        }
      }
      assertThat(r.isActiveOn(s.requestedOn().minusDays(1))).isFalse();
    });
  }

  @Test
  void GDA_2_access_is_granted_iff_an_active_relationship_grants_a_covering_role_to_a_group_of_the_user() {
    Gen<Integer> users = SourceDSL.integers().between(0, GdapScripts.USERS.size());
    Gen<Integer> tasks = SourceDSL.integers().between(0, DelegatedTask.BUILT_IN.size() - 1);
    Gen<Integer> offsets = SourceDSL.integers().between(-30, 900);
    qt().withExamples(EXAMPLES * 2).forAll(GdapScripts.worlds(), users, tasks, offsets)
        .checkAssert((world, u, t, offset) -> {
          String user = u == GdapScripts.USERS.size() ? "stranger" : GdapScripts.USERS.get(u);
          DelegatedTask task = DelegatedTask.BUILT_IN.get(t);
          LocalDate earliest = world.scripts().stream().map(Script::requestedOn)
              .min(LocalDate::compareTo).orElseThrow();
          LocalDate day = earliest.plusDays(offset); // within every replay's horizon
          List<GdapRelationship> rels = new ArrayList<>();
          boolean expected = false;
          boolean anyActive = false;
          for (Script s : world.scripts()) {
            rels.add(GdapScripts.play(s).relationship());
            boolean active = s.request().customerId().equals("C1") && new Oracle(s).activeOn(day);
            anyActive |= active;
            expected |= active && grants(s, task, user, world.groups());
          }
          GdapDecision decision = ACCESS.decide("P", user, "C1", task, day, rels, world.groups());
          assertThat(decision.granted()).as("%s %s %s on %s", world, user, task, day).isEqualTo(expected);
          if (decision instanceof GdapDecision.Granted g) {
            GdapRelationship through = rels.stream().filter(r -> r.id().equals(g.relationshipId()))
                .findFirst().orElseThrow();
            assertThat(through.isActiveOn(day)).isTrue();
            assertThat(through.customerId()).isEqualTo("C1");
            assertThat(POLICY.roles().find(g.role()).orElseThrow().covers(task)).isTrue();
            assertThat(through.assignments()).anyMatch(a -> a.role().equals(g.role())
                && a.groups().contains(g.group()));
            assertThat(world.groups().find(g.group()).orElseThrow().contains(user)).isTrue();
          } else {
            GdapDecision.Refused r = (GdapDecision.Refused) decision;
            assertThat(r.rule()).isIn(anyActive ? List.of("GDA-2") : List.of("GDA-1", "GDA-3", "GDA-4"));
            assertThat(r.reason()).contains("customer C1");
          }
        });
  }

  private static boolean grants(Script s, DelegatedTask task, String user, SecurityGroups groups) {
    for (RoleAssignment a : s.request().assignments()) {
      if (POLICY.roles().find(a.role()).orElseThrow().tasks().contains(task)) {
        for (String g : a.groups()) {
          if (groups.find(g).map(group -> group.members().contains(user)).orElse(false)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void GDA_3_GDA_4_a_granted_member_has_access_exactly_while_the_relationship_is_active() {
    qt().withExamples(EXAMPLES).forAll(GdapScripts.scripts()).checkAssert(s -> {
      GdapRelationship r = GdapScripts.play(s).relationship();
      RoleAssignment first = r.assignments().get(0);
      DelegatedTask task = POLICY.roles().find(first.role()).orElseThrow().tasks().iterator().next();
      SecurityGroups everyone = SecurityGroups.of(List.of(SecurityGroup.of("g1", List.of("u")),
          SecurityGroup.of("g2", List.of("u")), SecurityGroup.of("g3", List.of("u"))));
      for (int i = 0; i < HORIZON; i += 7) {
        LocalDate day = s.requestedOn().plusDays(i);
        GdapDecision decision = ACCESS.decide("P", "u", "C1", task, day, List.of(r), everyone);
        GdapStatus status = r.statusOn(day);
        if (status instanceof GdapStatus.Active) {
          assertThat(decision.granted()).as("%s on %s", s, day).isEqualTo(!first.groups().isEmpty()
              || r.assignments().stream().anyMatch(a -> !a.groups().isEmpty()
                  && POLICY.roles().find(a.role()).orElseThrow().covers(task)));
        } else {
          String rule = status instanceof GdapStatus.Ended e ? e.reason().rule() : "GDA-1";
          assertThat(decision).as("%s on %s", s, day).isInstanceOfSatisfying(GdapDecision.Refused.class,
              refused -> assertThat(refused.rule()).isEqualTo(rule));
        }
        r.termination().ifPresent(t -> {
          if (!day.isBefore(t.on())) {
            assertThat(((GdapDecision.Refused) decision).rule()).as("after termination").isEqualTo("GDA-4");
          }
        });
      }
    });
  }

  @Test
  void GDA_3_an_extension_never_applies_with_the_global_administrator() {
    Gen<Script> withGlobalAdmin = GdapScripts.scripts().map(s -> {
      List<RoleAssignment> roles = new ArrayList<>(s.request().assignments());
      if (roles.stream().noneMatch(a -> a.role().equals(GdapRole.GLOBAL_ADMINISTRATOR))) {
        roles.add(RoleAssignment.of(GdapRole.GLOBAL_ADMINISTRATOR, List.of("g1")));
      }
      GdapRequest q = s.request();
      return new Script(new GdapRequest(q.id(), q.partnerId(), q.customerId(), roles, q.duration(),
          false), s.requestedOn(), s.events());
    });
    qt().withExamples(EXAMPLES).forAll(withGlobalAdmin).checkAssert(s -> {
      GdapRelationship r = GdapScripts.play(s).relationship();
      assertThat(r.autoExtend()).noneMatch(GdapRelationship.AutoExtend::on);
      r.approvedOn().ifPresent(a -> {
        LocalDate end = a.plus(r.duration());
        for (int i = 0; i < HORIZON; i++) {
          LocalDate day = s.requestedOn().plusDays(i);
          if (r.isActiveOn(day)) {
            assertThat(day).as("%s", s).isBefore(end).isAfterOrEqualTo(a);
          }
        }
      });
      LocalDate later = r.lastChangedOn().plusDays(3);
      Throwable t = catchThrowable(() -> r.withAutoExtend(true, later));
      assertThat(t).isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("GDA-3"));
      GdapRequest auto = new GdapRequest("R2", "P", "C1", r.assignments(), r.duration(), true);
      assertThat(catchThrowable(() -> GdapRelationship.request(auto, later, POLICY)))
          .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("GDA-3"));
    });
  }

  @Test
  void GDA_1_without_auto_extend_the_active_days_are_exactly_the_duration_from_approval() {
    qt().withExamples(EXAMPLES).forAll(GdapScripts.scripts(), SourceDSL.integers().between(0, 89))
        .checkAssert((s, wait) -> {
          GdapRequest q = s.request();
          GdapRelationship r = GdapRelationship.request(new GdapRequest(q.id(), q.partnerId(),
              q.customerId(), q.assignments(), q.duration(), false), s.requestedOn(), POLICY);
          LocalDate a = s.requestedOn().plusDays(wait);
          GdapRelationship approved = r.approve(a);
          long expected = a.plus(q.duration()).toEpochDay() - a.toEpochDay();
          long active = 0;
          LocalDate first = null;
          LocalDate last = null;
          for (LocalDate day = s.requestedOn(); day.isBefore(a.plusDays(800)); day = day.plusDays(1)) {
            if (approved.isActiveOn(day)) {
              active++;
              first = first == null ? day : first;
              last = day;
            }
          }
          assertThat(active).as("%s approved on %s", q.duration(), a).isEqualTo(expected);
          assertThat(first).isEqualTo(a);
          assertThat(last).isEqualTo(a.plus(q.duration()).minusDays(1));
          assertThat(approved.endsOn(a)).contains(last);
        });
  }

  @Test
  void GDA_1_a_request_can_be_approved_on_days_0_to_89_and_is_refused_from_day_90() {
    qt().withExamples(EXAMPLES).forAll(GdapScripts.scripts(), SourceDSL.integers().between(0, 200))
        .checkAssert((s, k) -> {
          GdapRelationship r = GdapRelationship.request(new GdapRequest(s.request().id(), "P", "C1",
              s.request().assignments(), s.request().duration(), false), s.requestedOn(), POLICY);
          LocalDate day = s.requestedOn().plusDays(k);
          Throwable t = catchThrowable(() -> r.approve(day));
          if (k <= 89) {
            assertThat(t).isNull();
          } else {
            assertThat(t).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.rule()).isEqualTo("GDA-1"));
            assertThat(r.statusOn(day)).isEqualTo(new GdapStatus.Ended(s.requestedOn().plusDays(90),
                GdapEndReason.REQUEST_EXPIRED));
          }
        });
  }

  @Test
  void GDA_1_a_duration_is_accepted_iff_it_lasts_one_day_to_two_years_from_every_start_day() {
    Gen<Period> wide = SourceDSL.integers().between(-1, 3).zip(SourceDSL.integers().between(-2, 30),
        SourceDSL.integers().between(-5, 800), Period::of);
    Gen<Period> nearTwoYears = SourceDSL.integers().between(0, 2).zip(SourceDSL.integers().between(0, 25),
        SourceDSL.integers().between(0, 40), (y, m, d) -> y == 2 ? Period.of(2, 0, d % 3)
            : y == 1 ? Period.of(1, m % 13, d) : Period.of(0, m, d));
    Gen<Period> days = SourceDSL.integers().between(-1, 740).map(Period::ofDays);
    Gen<Period> periods = wide.mix(nearTwoYears, 50).mix(days, 30);
    // an independent reference: ten years around 2100, which is not a leap year
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate a = LocalDate.of(2096, 1, 1); a.isBefore(LocalDate.of(2106, 1, 1)); a = a.plusDays(1)) {
      starts.add(a);
    }
    qt().withExamples(EXAMPLES).forAll(periods).checkAssert(p -> {
      boolean expected = p.getYears() >= 0 && p.getMonths() >= 0 && p.getDays() >= 0 && !p.isZero()
          && starts.stream().allMatch(a -> !a.plus(p).isAfter(a.plusYears(2)) && a.plus(p).isAfter(a));
      Throwable t = catchThrowable(() -> POLICY.requireDuration(p));
      assertThat(t == null).as("%s", p).isEqualTo(expected);
      if (t != null) {
        assertThat(t).isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("GDA-1"));
      }
    });
  }

  @Test
  void GDA_1_an_accepted_duration_never_ends_after_two_years_from_any_day() {
    Gen<Period> accepted = SourceDSL.longs().all()
        .map(seed -> GdapScripts.duration(new java.util.SplittableRandom(seed)))
        .assuming(p -> catchThrowable(() -> POLICY.requireDuration(p)) == null);
    Gen<LocalDate> days = SourceDSL.integers().between(0, 200 * 366)
        .map(i -> LocalDate.of(1900, 1, 1).plusDays(i));
    qt().withExamples(EXAMPLES).forAll(accepted, days).checkAssert((p, a) -> {
      assertThat(a.plus(p)).as("%s from %s", p, a).isAfter(a).isBeforeOrEqualTo(a.plusYears(2));
    });
  }
}
