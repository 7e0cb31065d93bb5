package io.github.cspkit.csp.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every actor kind × every {@link Operation}, decided in one explicit table (ACC-1..5, SUB-6,
 * DIS-1, PRC-1, PRC-3), checked against {@link AccessPolicy#seed()}. A new operation or actor kind
 * without a row or column in {@link #TABLE} fails {@link #the_table_decides_every_cell()}.
 *
 * <p>{@code ok} means allowed; anything else is the rule id of the refusal.
 */
public class AccessMatrixTest {
  /** The actor kinds: columns of the table. */
  public enum Who {
    /** Partner admin agent: both rights. */
    ADMIN,
    /** Partner user with only DELEGATED_ADMIN (ACC-3). */
    DELEG,
    /** Partner user with only OWN_TENANT_ADMIN (ACC-3). */
    OWN,
    /** An admin of another partner calling this partner's entry point (ACC-4). */
    OTHER,
    /** The admin of a non-CSP partner, on its own entry point and a customer it manages (ACC-4). */
    NONCSP,
    /** The admin of the target customer (ACC-5). */
    CUST,
    /** The admin of another customer of the same partner (ACC-5). */
    CUST2,
    /** A non-admin user of the target customer (ACC-5, SUB-6). */
    USER,
    /** A distributor (DIS-1). */
    DIST,
    /** The vendor. */
    VENDOR
  }

  /**
   * The decided table. Targets: none for ACCEPT_AGREEMENT, GIVE_NOTICE, PUBLISH_PRICE_LIST,
   * QUOTE_PRICE, CREATE_CUSTOMER and ADMINISTER_OWN_TENANT (as the entry point calls them); the
   * target customer (managed by the acting partner, delegated admin held) for every other one.
   */
  public static final String TABLE = """
      operation              | ADMIN | DELEG | OWN   | OTHER | NONCSP | CUST  | CUST2 | USER  | DIST  | VENDOR
      ACCEPT_AGREEMENT       | ok    | ACC-3 | ok    | ACC-4 | ok     | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      GIVE_NOTICE            | ok    | ACC-3 | ok    | ACC-4 | ok     | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ok
      PUBLISH_PRICE_LIST     | PRC-1 | PRC-1 | PRC-1 | ACC-4 | PRC-1  | PRC-1 | PRC-1 | PRC-1 | DIS-1 | ok
      IMPORT_PRICE_LIST      | ok    | ACC-3 | ok    | ACC-4 | ok     | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      QUOTE_PRICE            | ok    | ok    | ok    | ACC-4 | ok     | PRC-3 | PRC-3 | PRC-3 | ok    | ok
      CREATE_CUSTOMER        | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      SET_BILLING_PROFILE    | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      SET_FINANCING          | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      ADD_SERVICE            | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      ORDER                  | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      ORDER_ADD_ON           | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      CONVERT_TRIAL          | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      ADD_SEATS              | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      REMOVE_SEATS           | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      SUSPEND                | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      REACTIVATE             | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      CANCEL                 | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      AUTO_RENEW             | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      QUOTE_CHANGE           | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | SUB-6 | SUB-6 | SUB-6 | DIS-1 | ACC-4
      ISSUE_BILLS            | ok    | ok    | ACC-3 | ACC-4 | ACC-4  | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      VIEW_BILLS             | ok    | ok    | ACC-3 | ACC-4 | ok     | ok    | ACC-5 | ok    | DIS-1 | ACC-4
      ADMINISTER_TENANT      | ok    | ok    | ACC-3 | ACC-4 | ok     | ACC-1 | ACC-1 | ACC-1 | DIS-1 | ACC-4
      VIEW_SERVICE_HEALTH    | ok    | ok    | ACC-3 | ACC-4 | ok     | ok    | ACC-5 | ok    | DIS-1 | ACC-4
      CONFIGURE_SERVICE      | ok    | ok    | ACC-3 | ACC-4 | ok     | ok    | ACC-5 | ACC-5 | DIS-1 | ACC-4
      REMOVE_DELEGATED_ADMIN | ACC-2 | ACC-2 | ACC-2 | ACC-4 | ACC-2  | ACC-2 | ACC-5 | ACC-2 | DIS-1 | ACC-4
      ADMINISTER_OWN_TENANT  | ok    | ACC-3 | ok    | ACC-4 | ok     | ACC-4 | ACC-4 | ACC-4 | DIS-1 | ACC-4
      REQUEST_GDAP           | ok    | ok    | ACC-3 | ACC-4 | ok     | GDA-1 | GDA-1 | GDA-1 | DIS-1 | ACC-4
      APPROVE_GDAP           | GDA-1 | GDA-1 | GDA-1 | ACC-4 | GDA-1  | ok    | ACC-5 | GDA-1 | DIS-1 | ACC-4
      TERMINATE_GDAP         | ok    | ok    | ACC-3 | ACC-4 | ok     | ok    | ACC-5 | GDA-4 | DIS-1 | ACC-4
      AUTO_EXTEND_GDAP       | ok    | ok    | ACC-3 | ACC-4 | ok     | GDA-3 | GDA-3 | GDA-3 | DIS-1 | ACC-4
      """;

  /** Operations the entry point calls without a target customer. */
  static final EnumSet<Operation> NO_TARGET = EnumSet.of(Operation.ACCEPT_AGREEMENT,
      Operation.GIVE_NOTICE, Operation.PUBLISH_PRICE_LIST, Operation.IMPORT_PRICE_LIST,
      Operation.QUOTE_PRICE,
      Operation.CREATE_CUSTOMER, Operation.ADMINISTER_OWN_TENANT);

  public static final String ALLOWED = "ok";

  static final Partner NORTHWIND = Partner.csp("Northwind");
  static final Partner ADATUM = new Partner("Adatum", "Adatum", PartnerKind.NON_CSP);

  /**
   * @return operation → actor kind → "ok" or a rule id, parsed from {@link #TABLE}
   */
  public static Map<String, Map<Who, String>> table() {
    List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
    List<String> header = cells(lines.get(0));
    List<Who> columns = new ArrayList<>();
    for (String h : header.subList(1, header.size())) {
      columns.add(Who.valueOf(h));
    }
    Map<String, Map<Who, String>> table = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      assertThat(cells).as("cells of %s", line).hasSize(columns.size() + 1);
      Map<Who, String> row = new EnumMap<>(Who.class);
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i), cells.get(i + 1));
      }
      assertThat(table.put(cells.get(0), row)).as("duplicate row %s", cells.get(0)).isNull();
    }
    return table;
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split("\\|")).map(String::strip).toList();
  }

  /**
   * @param who an actor kind
   * @return the actor
   */
  public static Actor actor(Who who) {
    return switch (who) {
      case ADMIN -> Actor.partnerAdmin("Northwind", "agent");
      case DELEG -> Actor.partnerUser("Northwind", "helpdesk", Right.DELEGATED_ADMIN);
      case OWN -> Actor.partnerUser("Northwind", "it-admin", Right.OWN_TENANT_ADMIN);
      case OTHER -> Actor.partnerAdmin("Tailspin", "other-agent");
      case NONCSP -> Actor.partnerAdmin("Adatum", "plain-agent");
      case CUST -> Actor.customerAdmin("contoso");
      case CUST2 -> Actor.customerAdmin("fabrikam");
      case USER -> new Actor.CustomerUser("contoso", "contoso-clerk", false);
      case DIST -> Actor.distributor("westcoast");
      case VENDOR -> Actor.vendor();
    };
  }

  /**
   * @param who an actor kind
   * @return the partner whose entry point is called
   */
  static Partner partner(Who who) {
    return who == Who.NONCSP ? ADATUM : NORTHWIND;
  }

  /**
   * @param who an actor kind
   * @param op an operation
   * @return the target customer: managed by {@link #partner(Who)}, delegated admin held
   */
  static Customer target(Who who, Operation op) {
    if (NO_TARGET.contains(op)) {
      return null;
    }
    return who == Who.NONCSP ? customer("litware", "Adatum") : customer("contoso", "Northwind");
  }

  static Customer customer(String id, String partnerId) {
    return Customer.builder().id(id).partnerId(partnerId).market("US")
        .tenant(Tenant.of(id + "-tenant", TenantOrigin.NEW))
        .billing(BillingProfile.of(1, MinorUnits.USD)).createdOn(LocalDate.parse("2025-01-20"))
        .build();
  }

  /**
   * @param policy a policy
   * @param who an actor kind
   * @param op an operation
   * @return "ok", or the rule id of the refusal
   */
  static String decide(AccessPolicy policy, Who who, Operation op) {
    Throwable t = catchThrowable(() -> policy.authorize(actor(who), partner(who), op, target(who, op)));
    if (t == null) {
      return ALLOWED;
    }
    assertThat(t).as("%s × %s", who, op).isInstanceOf(RuleViolation.class);
    RuleViolation v = (RuleViolation) t;
    assertThat(v.reason()).as("reason of %s × %s", who, op).isNotBlank();
    return v.rule();
  }

  @Test
  void the_table_decides_every_cell() {
    Map<String, Map<Who, String>> table = table();
    List<String> undecided = new ArrayList<>();
    for (Operation op : Operation.values()) {
      Map<Who, String> row = table.get(op.name());
      if (row == null) {
        undecided.add(op + ": no row");
        continue;
      }
      for (Who who : Who.values()) {
        String cell = row.get(who);
        if (cell == null || !(cell.equals(ALLOWED) || cell.matches("[A-Z]{3}-\\d+"))) {
          undecided.add(op + " × " + who + ": '" + cell + "'");
        }
      }
    }
    assertThat(undecided).as("cells nobody decided").isEmpty();
    assertThat(table.keySet()).as("rows for operations that do not exist")
        .allSatisfy(name -> assertThat(Operation.valueOf(name)).isNotNull());
  }

  @Test
  void ACC_3_ACC_4_ACC_5_SUB_6_DIS_1_seed_policy_follows_the_matrix_in_every_cell() {
    AccessPolicy seed = AccessPolicy.seed();
    Map<String, Map<Who, String>> table = table();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Operation op : Operation.values()) {
      for (Who who : Who.values()) {
        String expected = table.get(op.name()).get(who);
        String actual = decide(seed, who, op);
        cells++;
        if (!expected.equals(actual)) {
          wrong.add(op + " × " + who + ": expected " + expected + ", was " + actual);
        }
      }
    }
    assertThat(wrong).as("cells where the seed policy differs from the table").isEmpty();
    assertThat(cells).isEqualTo(Operation.values().length * Who.values().length);
  }

  @Test
  void ACC_2_under_CUSTOMER_ADMIN_only_the_customer_admin_cell_of_remove_delegated_admin_changes() {
    AccessPolicy seed = AccessPolicy.seed();
    AccessPolicy customerAdmin = AccessPolicy.seed(DelegatedAdminPolicy.CUSTOMER_ADMIN);
    List<String> changed = new ArrayList<>();
    for (Operation op : Operation.values()) {
      for (Who who : Who.values()) {
        String a = decide(seed, who, op);
        String b = decide(customerAdmin, who, op);
        if (!a.equals(b)) {
          changed.add(op + " × " + who + ": " + a + " -> " + b);
        }
      }
    }
    assertThat(changed).containsExactly("REMOVE_DELEGATED_ADMIN × CUST: ACC-2 -> ok");
  }

  @Test
  void GDA_2_under_GDAP_only_partner_users_cells_of_the_governed_operations_change_to_ok() {
    AccessPolicy seed = AccessPolicy.seed();
    AccessPolicy gdap = AccessPolicy.underGdap(DelegatedAdminPolicy.NOBODY);
    List<String> changed = new ArrayList<>();
    for (Operation op : Operation.values()) {
      for (Who who : Who.values()) {
        String a = decide(seed, who, op);
        String b = decide(gdap, who, op);
        if (!a.equals(b)) {
          changed.add(op + " × " + who + ": " + a + " -> " + b);
        }
      }
    }
    // the partner's entry point then decides these by the day's relationships (GDA-2)
    assertThat(changed).containsExactlyInAnyOrder(
        "ADMINISTER_TENANT × OWN: ACC-3 -> ok",
        "VIEW_SERVICE_HEALTH × OWN: ACC-3 -> ok",
        "CONFIGURE_SERVICE × OWN: ACC-3 -> ok");
    Customer removed = customer("contoso", "Northwind").withDelegatedAdmin(false);
    for (Operation op : List.of(Operation.ADMINISTER_TENANT, Operation.CONFIGURE_SERVICE)) {
      assertThatCode(() -> gdap.authorize(Actor.gdapUser("Northwind", "alice"), NORTHWIND, op,
          removed)).as("%s without the seed's delegated admin", op).doesNotThrowAnyException();
      assertThat(catchThrowable(() -> gdap.authorize(Actor.gdapUser("Northwind", "alice"), NORTHWIND,
          op, customer("woodgrove", "Tailspin")))).isInstanceOfSatisfying(RuleViolation.class,
          v -> assertThat(v.rule()).isEqualTo("ACC-4"));
    }
  }

  @Test
  void ACC_4_a_partner_user_cannot_act_on_a_customer_another_partner_manages() {
    AccessPolicy seed = AccessPolicy.seed();
    Customer woodgrove = customer("woodgrove", "Tailspin");
    for (Operation op : Operation.values()) {
      if (NO_TARGET.contains(op) || op == Operation.REMOVE_DELEGATED_ADMIN) {
        continue;
      }
      Throwable t = catchThrowable(() ->
          seed.authorize(Actor.partnerAdmin("Northwind", "agent"), NORTHWIND, op, woodgrove));
      assertThat(t).as("%s on another partner's customer", op)
          .isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.rule()).isEqualTo("ACC-4");
            assertThat(v.reason()).contains("woodgrove").contains("not managed");
          });
    }
  }

  @Test
  void ACC_1_without_delegated_admin_the_partner_cannot_administer_nor_configure_the_tenant() {
    AccessPolicy seed = AccessPolicy.seed();
    Customer removed = customer("contoso", "Northwind").withDelegatedAdmin(false);
    for (Operation op : List.of(Operation.ADMINISTER_TENANT, Operation.CONFIGURE_SERVICE)) {
      Throwable t = catchThrowable(() ->
          seed.authorize(Actor.partnerAdmin("Northwind", "agent"), NORTHWIND, op, removed));
      assertThat(t).as("%s", op).isInstanceOfSatisfying(RuleViolation.class,
          v -> assertThat(v.rule()).isEqualTo("ACC-1"));
    }
    // the customer still configures its own services (ACC-5)
    assertThatCode(() -> seed.authorize(Actor.customerAdmin("contoso"), NORTHWIND,
        Operation.CONFIGURE_SERVICE, removed)).doesNotThrowAnyException();
  }
}
