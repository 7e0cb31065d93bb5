package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.DelegatedTask;
import io.github.cspkit.csp.access.GdapPolicy;
import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.GdapRole;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.RoleAssignment;
import io.github.cspkit.csp.access.Right;
import io.github.cspkit.csp.access.SecurityGroup;
import io.github.cspkit.csp.access.SecurityGroups;
import io.github.cspkit.csp.testkit.PartnerFixtures;
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
 * Granular delegated admin through the real {@link CspPartner} (GDA-1..4, with ACC-1..5, SUB-6,
 * DIS-1): every actor kind × every operation GDAP touches (the governed tasks, the relationship's
 * own commands, and a subscription change that must not depend on GDAP) × every relationship state
 * between Northwind and contoso on {@link #DAY}, decided in one explicit table. Each cell runs on a
 * fresh world; a refused cell must leave the event log as it was; a passing cell of a partner user
 * on a governed task must be backed by an active relationship granting a covering role to one of
 * the user's groups (no wrongful pass).
 *
 * <p>{@code ok} means allowed; anything else is the rule id or error code of the refusal.
 */
class GdapEntryPointMatrixTest {
  /** The actor kinds: columns. */
  enum Who {
    /** A partner user in the group the relationship grants its role to ({@link Actor#gdapUser}). */
    MEMBER,
    /** A partner user in another group of the same partner. */
    OUTSIDER,
    /** The partner's admin agent (both rights, ACC-3), in no security group. */
    ADMIN,
    /** A partner user with only delegated-admin rights (ACC-3), in no group. */
    DELEG,
    /** A partner user with only own-tenant admin rights (ACC-3), in no group. */
    OWN,
    /** The admin of another partner, calling Northwind's entry point. */
    OTHER,
    /** The admin of a non-CSP partner, on its own entry point and customer litware. */
    NONCSP,
    /** The admin of contoso. */
    CUST,
    /** The admin of fabrikam, another customer of Northwind. */
    CUST2,
    /** A non-admin user of contoso. */
    USER,
    /** A distributor. */
    DIST,
    /** The vendor. */
    VENDOR
  }

  /** The relationship R1 between Northwind and contoso on {@link #DAY}. */
  enum State {
    /** None was ever requested. */
    NONE,
    /** Requested on 2025-03-01, not approved. */
    PENDING,
    /** Approved on 2025-03-02, granting a role that covers the task to group {@code granted}. */
    ACTIVE_WITH_ROLE,
    /** Approved on 2025-03-02, granting only a role that does not cover the task. */
    ACTIVE_WITHOUT_ROLE,
    /** Approved, then terminated by contoso's admin on 2025-03-05. */
    ENDED
  }

  static final String TABLE = """
      operation / state                | MEMBER | OUTSIDER | ADMIN | DELEG | OWN   | OTHER | NONCSP     | CUST       | CUST2      | USER       | DIST       | VENDOR
      ADMINISTER_TENANT NONE           | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | GDA-1      | ACC-1      | ACC-1      | ACC-1      | DIS-1      | ACC-4
      ADMINISTER_TENANT PENDING        | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | GDA-1      | ACC-1      | ACC-1      | ACC-1      | DIS-1      | ACC-4
      ADMINISTER_TENANT ACTIVE_WITH_ROLE | ok   | GDA-2    | GDA-2 | GDA-2 | GDA-2 | ACC-4 | GDA-1      | ACC-1      | ACC-1      | ACC-1      | DIS-1      | ACC-4
      ADMINISTER_TENANT ACTIVE_WITHOUT_ROLE | GDA-2 | GDA-2 | GDA-2 | GDA-2 | GDA-2 | ACC-4 | GDA-1      | ACC-1      | ACC-1      | ACC-1      | DIS-1      | ACC-4
      ADMINISTER_TENANT ENDED          | GDA-4  | GDA-4    | GDA-4 | GDA-4 | GDA-4 | ACC-4 | GDA-1      | ACC-1      | ACC-1      | ACC-1      | DIS-1      | ACC-4
      VIEW_SERVICE_HEALTH NONE         | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | GDA-1      | ok         | ACC-5      | ok         | DIS-1      | ACC-4
      VIEW_SERVICE_HEALTH PENDING      | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | GDA-1      | ok         | ACC-5      | ok         | DIS-1      | ACC-4
      VIEW_SERVICE_HEALTH ACTIVE_WITH_ROLE | ok | GDA-2    | GDA-2 | GDA-2 | GDA-2 | ACC-4 | GDA-1      | ok         | ACC-5      | ok         | DIS-1      | ACC-4
      VIEW_SERVICE_HEALTH ACTIVE_WITHOUT_ROLE | GDA-2 | GDA-2 | GDA-2 | GDA-2 | GDA-2 | ACC-4 | GDA-1    | ok         | ACC-5      | ok         | DIS-1      | ACC-4
      VIEW_SERVICE_HEALTH ENDED        | GDA-4  | GDA-4    | GDA-4 | GDA-4 | GDA-4 | ACC-4 | GDA-1      | ok         | ACC-5      | ok         | DIS-1      | ACC-4
      CONFIGURE_SERVICE NONE           | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | GDA-1      | ok         | ACC-5      | ACC-5      | DIS-1      | ACC-4
      CONFIGURE_SERVICE PENDING        | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | GDA-1      | ok         | ACC-5      | ACC-5      | DIS-1      | ACC-4
      CONFIGURE_SERVICE ACTIVE_WITH_ROLE | ok   | GDA-2    | GDA-2 | GDA-2 | GDA-2 | ACC-4 | GDA-1      | ok         | ACC-5      | ACC-5      | DIS-1      | ACC-4
      CONFIGURE_SERVICE ACTIVE_WITHOUT_ROLE | GDA-2 | GDA-2 | GDA-2 | GDA-2 | GDA-2 | ACC-4 | GDA-1      | ok         | ACC-5      | ACC-5      | DIS-1      | ACC-4
      CONFIGURE_SERVICE ENDED          | GDA-4  | GDA-4    | GDA-4 | GDA-4 | GDA-4 | ACC-4 | GDA-1      | ok         | ACC-5      | ACC-5      | DIS-1      | ACC-4
      ADD_SEATS NONE                   | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | SUB-6      | SUB-6      | SUB-6      | DIS-1      | ACC-4
      ADD_SEATS PENDING                | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | SUB-6      | SUB-6      | SUB-6      | DIS-1      | ACC-4
      ADD_SEATS ACTIVE_WITH_ROLE       | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | SUB-6      | SUB-6      | SUB-6      | DIS-1      | ACC-4
      ADD_SEATS ACTIVE_WITHOUT_ROLE    | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | SUB-6      | SUB-6      | SUB-6      | DIS-1      | ACC-4
      ADD_SEATS ENDED                  | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | SUB-6      | SUB-6      | SUB-6      | DIS-1      | ACC-4
      REQUEST_GDAP NONE                | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | ok         | GDA-1      | GDA-1      | GDA-1      | DIS-1      | ACC-4
      REQUEST_GDAP PENDING             | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | ok         | GDA-1      | GDA-1      | GDA-1      | DIS-1      | ACC-4
      REQUEST_GDAP ACTIVE_WITH_ROLE    | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | ok         | GDA-1      | GDA-1      | GDA-1      | DIS-1      | ACC-4
      REQUEST_GDAP ACTIVE_WITHOUT_ROLE | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | ok         | GDA-1      | GDA-1      | GDA-1      | DIS-1      | ACC-4
      REQUEST_GDAP ENDED               | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | ok         | GDA-1      | GDA-1      | GDA-1      | DIS-1      | ACC-4
      APPROVE_GDAP NONE                | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID
      APPROVE_GDAP PENDING             | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | UNKNOWN_ID | ok         | ACC-5      | GDA-1      | DIS-1      | ACC-4
      APPROVE_GDAP ACTIVE_WITH_ROLE    | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | UNKNOWN_ID | GDA-1      | ACC-5      | GDA-1      | DIS-1      | ACC-4
      APPROVE_GDAP ACTIVE_WITHOUT_ROLE | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | UNKNOWN_ID | GDA-1      | ACC-5      | GDA-1      | DIS-1      | ACC-4
      APPROVE_GDAP ENDED               | GDA-1  | GDA-1    | GDA-1 | GDA-1 | GDA-1 | ACC-4 | UNKNOWN_ID | GDA-3      | ACC-5      | GDA-1      | DIS-1      | ACC-4
      TERMINATE_GDAP NONE              | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID
      TERMINATE_GDAP PENDING           | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | ok         | ACC-5      | GDA-4      | DIS-1      | ACC-4
      TERMINATE_GDAP ACTIVE_WITH_ROLE  | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | ok         | ACC-5      | GDA-4      | DIS-1      | ACC-4
      TERMINATE_GDAP ACTIVE_WITHOUT_ROLE | ACC-3 | ACC-3   | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | ok         | ACC-5      | GDA-4      | DIS-1      | ACC-4
      TERMINATE_GDAP ENDED             | ACC-3  | ACC-3    | GDA-4 | GDA-4 | ACC-3 | ACC-4 | UNKNOWN_ID | GDA-4      | ACC-5      | GDA-4      | DIS-1      | ACC-4
      AUTO_EXTEND_GDAP NONE            | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID | UNKNOWN_ID
      AUTO_EXTEND_GDAP PENDING         | ACC-3  | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | GDA-3      | GDA-3      | GDA-3      | DIS-1      | ACC-4
      AUTO_EXTEND_GDAP ACTIVE_WITH_ROLE | ACC-3 | ACC-3    | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | GDA-3      | GDA-3      | GDA-3      | DIS-1      | ACC-4
      AUTO_EXTEND_GDAP ACTIVE_WITHOUT_ROLE | ACC-3 | ACC-3 | ok    | ok    | ACC-3 | ACC-4 | UNKNOWN_ID | GDA-3      | GDA-3      | GDA-3      | DIS-1      | ACC-4
      AUTO_EXTEND_GDAP ENDED           | ACC-3  | ACC-3    | GDA-3 | GDA-3 | ACC-3 | ACC-4 | UNKNOWN_ID | GDA-3      | GDA-3      | GDA-3      | DIS-1      | ACC-4
      """;

  static final String OK = "ok";
  static final LocalDate DAY = LocalDate.parse("2025-03-10");
  static final String NORTHWIND = PartnerFixtures.PARTNER;
  static final String LITWARE = "litware";
  static final GdapPolicy POLICY = GdapPolicy.currentProgram();
  static final SecurityGroups GROUPS = SecurityGroups.of(List.of(
      SecurityGroup.of("granted", List.of("alice")), SecurityGroup.of("others", List.of("bob"))));
  static final CspPolicies POLICIES = CspPolicies.builder().gdap(POLICY).securityGroups(GROUPS).build();
  static final List<Operation> OPERATIONS = List.of(Operation.ADMINISTER_TENANT,
      Operation.VIEW_SERVICE_HEALTH, Operation.CONFIGURE_SERVICE, Operation.ADD_SEATS,
      Operation.REQUEST_GDAP, Operation.APPROVE_GDAP, Operation.TERMINATE_GDAP,
      Operation.AUTO_EXTEND_GDAP);

  static Actor actor(Who who) {
    return switch (who) {
      case MEMBER -> Actor.gdapUser(NORTHWIND, "alice");
      case OUTSIDER -> Actor.gdapUser(NORTHWIND, "bob");
      case ADMIN -> Actor.partnerAdmin(NORTHWIND, "agent");
      case DELEG -> Actor.partnerUser(NORTHWIND, "helpdesk", Right.DELEGATED_ADMIN);
      case OWN -> Actor.partnerUser(NORTHWIND, "it-admin", Right.OWN_TENANT_ADMIN);
      case OTHER -> Actor.partnerAdmin(PartnerFixtures.OTHER_PARTNER, "other-agent");
      case NONCSP -> Actor.partnerAdmin(PartnerFixtures.NON_CSP_PARTNER, "plain-agent");
      case CUST -> Actor.customerAdmin(CONTOSO);
      case CUST2 -> Actor.customerAdmin(PartnerFixtures.FABRIKAM);
      case USER -> new Actor.CustomerUser(CONTOSO, "contoso-clerk", false);
      case DIST -> Actor.distributor("westcoast");
      case VENDOR -> Actor.vendor();
    };
  }

  /** The task each governed operation needs; the others' stand-in for the role choice. */
  static DelegatedTask task(Operation op) {
    return DelegatedTask.requiredBy(op, Optional.of("reset-password"))
        .orElse(DelegatedTask.RESET_PASSWORD);
  }

  /** The first built-in role that covers the task, the Global Administrator last. */
  static String roleCovering(DelegatedTask task) {
    return POLICY.roles().all().stream().filter(r -> r.covers(task))
        .min((a, b) -> Boolean.compare(a.isGlobalAdministrator(), b.isGlobalAdministrator()))
        .orElseThrow().name();
  }

  static String roleNotCovering(DelegatedTask task) {
    return POLICY.roles().all().stream().filter(r -> !r.covers(task)).map(GdapRole::name)
        .findFirst().orElseThrow();
  }

  /** A world on a fresh store: Northwind (S1 for contoso), Tailspin, Adatum, and R1 in {@code state}. */
  static final class World {
    final PartnerFixtures.World w = PartnerFixtures.standard(POLICIES, IncidentFeed.NONE);
    final CspPartner northwind = w.partner();
    final CspPartner adatum;

    World(State state, Operation op) {
      PartnerFixtures.otherPartner(w);
      adatum = PartnerFixtures.nonCspPartner(w, LITWARE);
      DelegatedTask task = task(op);
      String role = state == State.ACTIVE_WITHOUT_ROLE ? roleNotCovering(task) : roleCovering(task);
      Request admin = Request.of(Actor.partnerAdmin(NORTHWIND, "agent"), LocalDate.parse("2025-03-01"));
      Request customer = Request.of(Actor.customerAdmin(CONTOSO), LocalDate.parse("2025-03-02"));
      if (state != State.NONE) {
        northwind.gdap().request(admin, GdapRequest.of("R1", NORTHWIND, CONTOSO, List.of(role),
            List.of("granted"), Period.ofDays(90), false));
      }
      if (state == State.ACTIVE_WITH_ROLE || state == State.ACTIVE_WITHOUT_ROLE || state == State.ENDED) {
        northwind.gdap().approve(customer, "R1");
      }
      if (state == State.ENDED) {
        northwind.gdap().terminate(Request.of(Actor.customerAdmin(CONTOSO),
            LocalDate.parse("2025-03-05")), "R1");
      }
    }

    Object call(Who who, Operation op) {
      boolean plain = who == Who.NONCSP;
      CspPartner p = plain ? adatum : northwind;
      String customer = plain ? LITWARE : CONTOSO;
      String partnerId = plain ? PartnerFixtures.NON_CSP_PARTNER : NORTHWIND;
      Request r = Request.of(actor(who), DAY);
      return switch (op) {
        case ADMINISTER_TENANT -> p.administerTenant(r, customer, "reset-password");
        case VIEW_SERVICE_HEALTH -> p.serviceIncidents(r, customer);
        case CONFIGURE_SERVICE -> p.configureService(r, customer, "mail", "retention");
        case ADD_SEATS -> p.addSeats(r, S1, 2);
        case REQUEST_GDAP -> p.gdap().request(r, GdapRequest.of("R9", partnerId, customer,
            List.of("helpdesk-administrator"), List.of("granted"), Period.ofDays(90), false));
        case APPROVE_GDAP -> p.gdap().approve(r, "R1");
        case TERMINATE_GDAP -> p.gdap().terminate(r, "R1");
        case AUTO_EXTEND_GDAP -> p.gdap().autoExtend(r, "R1", true);
        default -> throw new IllegalArgumentException(op.name());
      };
    }

    long events() {
      return w.store().read().events().size()
          + w.store().forPartner(PartnerFixtures.NON_CSP_PARTNER).read().events().size();
    }
  }

  static Map<String, Map<Who, String>> table() {
    List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
    List<String> header = cells(lines.get(0));
    List<Who> columns = header.subList(1, header.size()).stream().map(Who::valueOf).toList();
    Map<String, Map<Who, String>> table = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      assertThat(cells).as(line).hasSize(columns.size() + 1);
      Map<Who, String> row = new EnumMap<>(Who.class);
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), cells.get(i + 1));
      }
      String key = String.join(" ", cells.get(0).split("\\s+"));
      assertThat(table.put(key, row)).as("row %s twice", key).isNull();
    }
    return table;
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split("\\|")).map(String::strip).toList();
  }

  /** Runs one cell on a fresh world: "ok", or the refusal's rule or code. */
  static String decide(State state, Who who, Operation op, List<String> problems) {
    World world = new World(state, op);
    long before = world.events();
    Throwable t = catchThrowable(() -> world.call(who, op));
    if (t == null) {
      if (DelegatedTask.governs(op) && actor(who) instanceof Actor.PartnerUser u) {
        // no wrongful pass: an active relationship grants a covering role to one of u's groups
        boolean backed = false;
        for (GdapRelationship r : world.northwind.gdap().relationships(CONTOSO)) {
          for (RoleAssignment a : r.isActiveOn(DAY) ? r.assignments() : List.<RoleAssignment>of()) {
            boolean covers = POLICY.roles().find(a.role()).orElseThrow().covers(task(op));
            backed |= covers && a.groups().stream().anyMatch(g -> GROUPS.groupsOf(u.userId()).contains(g));
          }
        }
        if (!backed) {
          problems.add(op + " × " + state + " × " + who + ": passed without a covering relationship");
        }
      }
      return OK;
    }
    if (world.events() != before) {
      problems.add(op + " × " + state + " × " + who + ": refused but logged events");
    }
    return t instanceof CspException e ? e.code() : t.toString();
  }

  @Test
  void the_table_decides_every_cell() {
    Map<String, Map<Who, String>> table = table();
    for (Operation op : OPERATIONS) {
      for (State state : State.values()) {
        Map<Who, String> row = table.get(op + " " + state);
        assertThat(row).as("row %s %s", op, state).isNotNull();
        assertThat(row.keySet()).containsExactlyInAnyOrder(Who.values());
      }
    }
    assertThat(table).hasSize(OPERATIONS.size() * State.values().length);
    // every operation GDAP governs or that changes a relationship is here
    for (Operation op : Operation.values()) {
      if (DelegatedTask.governs(op) || op.group() == Operation.Group.GDAP) {
        assertThat(OPERATIONS).contains(op);
      }
    }
  }

  @Test
  void GDA_1_GDA_2_GDA_3_GDA_4_entry_point_follows_the_table_in_every_cell_with_no_wrongful_pass() {
    Map<String, Map<Who, String>> table = table();
    List<String> wrong = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> passedOnGovernedTasks = new ArrayList<>();
    int cells = 0;
    for (Operation op : OPERATIONS) {
      for (State state : State.values()) {
        for (Who who : Who.values()) {
          String expected = table.get(op + " " + state).get(who);
          String actual = decide(state, who, op, problems);
          cells++;
          if (!expected.equals(actual)) {
            wrong.add(op + " × " + state + " × " + who + ": expected " + expected + ", was " + actual);
          }
          if (actual.equals(OK) && DelegatedTask.governs(op) && actor(who) instanceof Actor.PartnerUser) {
            passedOnGovernedTasks.add(op + " × " + state + " × " + who);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(problems).isEmpty();
    assertThat(passedOnGovernedTasks).containsExactlyInAnyOrder(
        "ADMINISTER_TENANT × ACTIVE_WITH_ROLE × MEMBER",
        "VIEW_SERVICE_HEALTH × ACTIVE_WITH_ROLE × MEMBER",
        "CONFIGURE_SERVICE × ACTIVE_WITH_ROLE × MEMBER");
    assertThat(cells).isEqualTo(OPERATIONS.size() * State.values().length * Who.values().length);
  }
}
