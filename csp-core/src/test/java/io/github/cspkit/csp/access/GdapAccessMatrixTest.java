package io.github.cspkit.csp.access;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every partner user kind × relationship state, decided in one explicit table (GDA-1..4), checked
 * for every task GDAP governs: each operation of {@link DelegatedTask#requiredBy} and every built-in
 * task. A state or user kind without a row or column fails; the only cells that pass are those of a
 * member of a group that an active relationship grants a covering role to.
 *
 * <p>{@code ok} means granted; anything else is the rule id of the refusal.
 */
class GdapAccessMatrixTest {
  /** The partner user kinds: columns. */
  enum User {
    /** In the group the relationship grants its role to. */
    MEMBER,
    /** In another group of the same partner. */
    OUTSIDER,
    /** In no group at all. */
    UNGROUPED,
    /** A user of another partner, in a group of the same name there. */
    OTHER_PARTNER
  }

  /** The relationship states between Northwind and contoso on {@link #DAY}: rows. */
  enum State {
    /** No relationship was ever requested (CUS-4 is replaced). */
    NONE,
    /** Requested, not approved yet. */
    PENDING,
    /** Not approved within 90 days. */
    REQUEST_EXPIRED,
    /** Active, granting a role that covers the task. */
    ACTIVE_WITH_ROLE,
    /** Active, granting only a role that does not cover the task. */
    ACTIVE_WITHOUT_ROLE,
    /** Active through an auto-extension, granting a covering role. */
    EXTENDED_WITH_ROLE,
    /** Active with a covering role, but with another customer. */
    ACTIVE_OTHER_CUSTOMER,
    /** Its duration ran out, auto-extend off. */
    EXPIRED,
    /** The customer's admin terminated it. */
    TERMINATED_BY_CUSTOMER,
    /** The partner terminated it. */
    TERMINATED_BY_PARTNER,
    /** A terminated one and a new one pending. */
    TERMINATED_THEN_PENDING
  }

  static final String TABLE = """
      state                  | MEMBER | OUTSIDER | UNGROUPED | OTHER_PARTNER
      NONE                   | GDA-1  | GDA-1    | GDA-1     | GDA-1
      PENDING                | GDA-1  | GDA-1    | GDA-1     | GDA-1
      REQUEST_EXPIRED        | GDA-1  | GDA-1    | GDA-1     | GDA-1
      ACTIVE_WITH_ROLE       | ok     | GDA-2    | GDA-2     | GDA-1
      ACTIVE_WITHOUT_ROLE    | GDA-2  | GDA-2    | GDA-2     | GDA-1
      EXTENDED_WITH_ROLE     | ok     | GDA-2    | GDA-2     | GDA-1
      ACTIVE_OTHER_CUSTOMER  | GDA-1  | GDA-1    | GDA-1     | GDA-1
      EXPIRED                | GDA-3  | GDA-3    | GDA-3     | GDA-1
      TERMINATED_BY_CUSTOMER | GDA-4  | GDA-4    | GDA-4     | GDA-1
      TERMINATED_BY_PARTNER  | GDA-4  | GDA-4    | GDA-4     | GDA-1
      TERMINATED_THEN_PENDING| GDA-1  | GDA-1    | GDA-1     | GDA-1
      """;

  static final String OK = "ok";
  static final LocalDate DAY = d("2025-06-01");
  static final GdapPolicy POLICY = GdapPolicy.currentProgram();
  static final GdapAccess ACCESS = GdapAccess.of(POLICY.roles());
  static final SecurityGroups NORTHWIND_GROUPS = SecurityGroups.of(List.of(
      SecurityGroup.of("granted", List.of("member")),
      SecurityGroup.of("others", List.of("outsider"))));
  static final SecurityGroups TAILSPIN_GROUPS = SecurityGroups.of(List.of(
      SecurityGroup.of("granted", List.of("stranger"))));

  /** @return every task GDAP governs: the operations' and the built-in vocabulary */
  static List<DelegatedTask> tasks() {
    List<DelegatedTask> tasks = new ArrayList<>(DelegatedTask.BUILT_IN);
    for (Operation op : Operation.values()) {
      DelegatedTask.requiredBy(op, Optional.of("reset-password"))
          .filter(t -> !tasks.contains(t)).ifPresent(tasks::add);
    }
    return tasks;
  }

  /** The first built-in role that covers the task, the Global Administrator last. */
  static String roleCovering(DelegatedTask task) {
    return POLICY.roles().all().stream().filter(r -> r.covers(task))
        .min((a, b) -> Boolean.compare(a.isGlobalAdministrator(), b.isGlobalAdministrator()))
        .orElseThrow().name();
  }

  static String roleNotCovering(DelegatedTask task) {
    return POLICY.roles().all().stream().filter(r -> !r.covers(task)).findFirst().orElseThrow().name();
  }

  static GdapRelationship request(String id, String customer, String on, String duration,
      String role, boolean autoExtend) {
    return GdapRelationship.request(GdapRequest.of(id, "Northwind", customer, List.of(role),
        List.of("granted"), Period.parse(duration), autoExtend), d(on), POLICY);
  }

  static List<GdapRelationship> relationships(State state, DelegatedTask task) {
    String with = roleCovering(task);
    String without = roleNotCovering(task);
    return switch (state) {
      case NONE -> List.of();
      case PENDING -> List.of(request("R1", "contoso", "2025-05-01", "P1Y", with, false));
      case REQUEST_EXPIRED -> List.of(request("R1", "contoso", "2025-01-01", "P1Y", with, false));
      case ACTIVE_WITH_ROLE -> List.of(request("R1", "contoso", "2025-05-01", "P1Y", with, false)
          .approve(d("2025-05-02")));
      case ACTIVE_WITHOUT_ROLE -> List.of(request("R1", "contoso", "2025-05-01", "P1Y", without, false)
          .approve(d("2025-05-02")));
      case EXTENDED_WITH_ROLE -> {
        GdapRelationship r = request("R1", "contoso", "2025-01-01", "P30D", with,
            !with.equals(GdapRole.GLOBAL_ADMINISTRATOR)).approve(d("2025-01-02"));
        // the Global Administrator cannot auto-extend: then a second, active relationship stands in
        yield r.autoExtendOn(DAY) ? List.of(r) : List.of(r, request("R2", "contoso", "2025-05-01",
            "P1Y", with, false).approve(d("2025-05-02")));
      }
      case ACTIVE_OTHER_CUSTOMER -> List.of(request("R1", "fabrikam", "2025-05-01", "P1Y", with, false)
          .approve(d("2025-05-02")));
      case EXPIRED -> List.of(request("R1", "contoso", "2025-01-01", "P90D", with, false)
          .approve(d("2025-01-02")));
      case TERMINATED_BY_CUSTOMER -> List.of(request("R1", "contoso", "2025-05-01", "P1Y", with, false)
          .approve(d("2025-05-02")).terminate(d("2025-05-20"), GdapSide.CUSTOMER));
      case TERMINATED_BY_PARTNER -> List.of(request("R1", "contoso", "2025-05-01", "P1Y", with, false)
          .approve(d("2025-05-02")).terminate(DAY, GdapSide.PARTNER));
      case TERMINATED_THEN_PENDING -> List.of(
          request("R1", "contoso", "2025-05-01", "P1Y", with, false).approve(d("2025-05-02"))
              .terminate(d("2025-05-20"), GdapSide.CUSTOMER),
          request("R2", "contoso", "2025-05-21", "P1Y", with, false));
    };
  }

  static String decide(State state, User user, DelegatedTask task) {
    List<GdapRelationship> rels = relationships(state, task);
    GdapDecision decision = switch (user) {
      case MEMBER -> ACCESS.decide("Northwind", "member", "contoso", task, DAY, rels, NORTHWIND_GROUPS);
      case OUTSIDER -> ACCESS.decide("Northwind", "outsider", "contoso", task, DAY, rels, NORTHWIND_GROUPS);
      case UNGROUPED -> ACCESS.decide("Northwind", "newcomer", "contoso", task, DAY, rels, NORTHWIND_GROUPS);
      case OTHER_PARTNER -> ACCESS.decide("Tailspin", "stranger", "contoso", task, DAY, rels, TAILSPIN_GROUPS);
    };
    if (decision instanceof GdapDecision.Granted g) {
      assertThat(rels.stream().filter(r -> r.id().equals(g.relationshipId())).findFirst().orElseThrow()
          .isActiveOn(DAY)).as("granted through an active relationship").isTrue();
      assertThat(POLICY.roles().find(g.role()).orElseThrow().covers(task)).isTrue();
      return OK;
    }
    GdapDecision.Refused r = (GdapDecision.Refused) decision;
    assertThat(r.reason()).as("%s × %s × %s", state, user, task).isNotBlank();
    return r.rule();
  }

  static Map<State, Map<User, String>> table() {
    List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
    List<String> header = cells(lines.get(0));
    List<User> columns = header.subList(1, header.size()).stream().map(User::valueOf).toList();
    Map<State, Map<User, String>> table = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      assertThat(cells).as(line).hasSize(columns.size() + 1);
      Map<User, String> row = new EnumMap<>(User.class);
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), cells.get(i + 1));
      }
      assertThat(table.put(State.valueOf(cells.get(0)), row)).as("row %s twice", cells.get(0)).isNull();
    }
    return table;
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split("\\|")).map(String::strip).toList();
  }

  @Test
  void the_table_decides_every_cell() {
    Map<State, Map<User, String>> table = table();
    assertThat(table.keySet()).containsExactlyInAnyOrder(State.values());
    for (Map<User, String> row : table.values()) {
      assertThat(row.keySet()).containsExactlyInAnyOrder(User.values());
      assertThat(row.values()).allMatch(c -> c.equals(OK) || c.matches("GDA-[1-4]"));
    }
  }

  @Test
  void GDA_1_GDA_2_GDA_3_GDA_4_every_user_task_and_state_follows_the_table() {
    Map<State, Map<User, String>> table = table();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (DelegatedTask task : tasks()) {
      for (State state : State.values()) {
        for (User user : User.values()) {
          String expected = table.get(state).get(user);
          String actual = decide(state, user, task);
          cells++;
          if (!expected.equals(actual)) {
            wrong.add(task + " × " + state + " × " + user + ": expected " + expected + ", was " + actual);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(cells).isEqualTo(tasks().size() * State.values().length * User.values().length);
  }

  @Test
  void GDA_2_no_wrongful_pass_only_members_through_an_active_covering_role_pass() {
    List<String> passed = new ArrayList<>();
    for (DelegatedTask task : tasks()) {
      for (State state : State.values()) {
        for (User user : User.values()) {
          if (decide(state, user, task).equals(OK)) {
            passed.add(state + " × " + user);
          }
        }
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < tasks().size(); i++) {
      expected.add("ACTIVE_WITH_ROLE × MEMBER");
      expected.add("EXTENDED_WITH_ROLE × MEMBER");
    }
    assertThat(passed).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void GDA_2_the_states_hold_on_the_matrix_day() {
    DelegatedTask task = DelegatedTask.RESET_PASSWORD;
    assertThat(relationships(State.PENDING, task).get(0).statusOn(DAY).kind()).isEqualTo(GdapStatus.Kind.PENDING);
    assertThat(relationships(State.REQUEST_EXPIRED, task).get(0).statusOn(DAY))
        .isEqualTo(new GdapStatus.Ended(d("2025-04-01"), GdapEndReason.REQUEST_EXPIRED));
    assertThat(relationships(State.EXTENDED_WITH_ROLE, task).get(0).statusOn(DAY))
        .as("its first extension").isEqualTo(new GdapStatus.Active(d("2025-01-02"), d("2025-02-01"), d("2025-07-31")));
    assertThat(relationships(State.EXPIRED, task).get(0).statusOn(DAY))
        .isEqualTo(new GdapStatus.Ended(d("2025-04-02"), GdapEndReason.EXPIRED));
    assertThat(relationships(State.TERMINATED_BY_PARTNER, task).get(0).statusOn(DAY))
        .as("terminated on the day itself").isEqualTo(new GdapStatus.Ended(DAY, GdapEndReason.TERMINATED_BY_PARTNER));
  }
}
