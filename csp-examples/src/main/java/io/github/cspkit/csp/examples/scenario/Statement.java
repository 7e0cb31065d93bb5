package io.github.cspkit.csp.examples.scenario;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.PartnerKind;
import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.catalog.Sku;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A statement of a scenario file, as parsed (SCENARIOS.md): a setup statement, which applies from
 * then on, or a dated statement. One record per statement of SCENARIOS.md; a statement's values
 * are checked once, by {@link StatementParser}, and nothing here reads the world.
 */
sealed interface Statement extends ScenarioLine {
  /** @return the statement's keyword, as written ({@code sku}, {@code order}, …), for messages */
  String keyword();

  /**
   * @param v what to do with it
   * @param <R> the result type
   * @return what {@code v} returned
   */
  <R> R accept(Visitor<R> v);

  /** One method per kind of statement, so that every use handles them all. */
  interface Visitor<R> {
    R partner(PartnerSetup s);

    R sku(SkuSetup s);

    R markup(MarkupSetup s);

    R timing(TimingSetup s);

    R program(ProgramSetup s);

    R securityGroup(SecurityGroupSetup s);

    R role(RoleSetup s);

    R mapSku(MapSkuSetup s);

    R dated(Dated s);
  }

  /**
   * {@code partner NAME csp|non-csp}: who is replaying.
   *
   * @param id the partner's id (and name)
   * @param kind CSP or not
   */
  record PartnerSetup(String id, PartnerKind kind) implements Statement {
    public PartnerSetup {
      requireNonNull(id, "id");
      requireNonNull(kind, "kind");
    }

    @Override
    public String keyword() {
      return "partner";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.partner(this);
    }
  }

  /**
   * {@code sku SKU family … segment … [addon-of …] [suspended-access …] [max-seats N] [trial]
   * [upgrades-to SKU[,SKU...]]}: a catalog entry (CAT), with the SKUs it can be upgraded to (NCE-9).
   *
   * @param sku the SKU, built and checked
   * @param upgradesTo the upgrade targets, each declared by an earlier {@code sku} line; empty if
   *     the line has no {@code upgrades-to}
   */
  record SkuSetup(Sku sku, List<String> upgradesTo) implements Statement {
    public SkuSetup {
      requireNonNull(sku, "sku");
      upgradesTo = List.copyOf(upgradesTo);
    }

    @Override
    public String keyword() {
      return "sku";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.sku(this);
    }
  }

  /**
   * {@code markup PERCENT [for CUSTOMER]}: the pricing policy from now on (PRC-5).
   *
   * @param percent the markup in percent, not negative
   * @param customer whom it applies to; empty for every customer without its own
   */
  record MarkupSetup(BigDecimal percent, Optional<String> customer) implements Statement {
    public MarkupSetup {
      requireNonNull(percent, "percent");
      requireNonNull(customer, "customer");
    }

    @Override
    public String keyword() {
      return "markup";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.markup(this);
    }
  }

  /**
   * {@code timing in-advance|in-arrears}: the billing timing (BIL-7).
   *
   * @param timing the timing
   */
  record TimingSetup(BillingTiming timing) implements Statement {
    public TimingSetup {
      requireNonNull(timing, "timing");
    }

    @Override
    public String keyword() {
      return "timing";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.timing(this);
    }
  }

  /** The policy sets a scenario can choose with {@code program}. */
  enum Program {
    /** The 2015 FAQ's rules, the default. */
    SEED,
    /** The current program: MPA, NCE (DOMAIN.md). */
    CURRENT
  }

  /**
   * {@code program seed|current}: the policy set, before the first dated line.
   *
   * @param program the set
   */
  record ProgramSetup(Program program) implements Statement {
    public ProgramSetup {
      requireNonNull(program, "program");
    }

    @Override
    public String keyword() {
      return "program";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.program(this);
    }
  }

  /**
   * {@code security-group GROUP users USER[,USER...]}: partner users in a security group (GDA-2).
   *
   * @param group the group
   * @param users its users, each once, in file order
   */
  record SecurityGroupSetup(String group, List<String> users) implements Statement {
    public SecurityGroupSetup {
      requireNonNull(group, "group");
      users = List.copyOf(users);
    }

    @Override
    public String keyword() {
      return "security-group";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.securityGroup(this);
    }
  }

  /**
   * {@code role ROLE tasks TASK[,TASK...]}: what a GDAP role allows (GDA-2).
   *
   * @param role the role; {@code global-administrator} is the Global Administrator
   * @param tasks its tasks, each once, in file order
   */
  record RoleSetup(String role, List<String> tasks) implements Statement {
    public RoleSetup {
      requireNonNull(role, "role");
      tasks = List.copyOf(tasks);
    }

    @Override
    public String keyword() {
      return "role";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.role(this);
    }
  }

  /**
   * {@code map-sku SKU PRODUCTID:SKUID}: the catalog SKU that a Partner Center file's key means
   * (PCF-1).
   *
   * @param sku the catalog SKU
   * @param productId the file's {@code ProductId}
   * @param skuId the file's {@code SkuId}
   */
  record MapSkuSetup(String sku, String productId, String skuId) implements Statement {
    public MapSkuSetup {
      requireNonNull(sku, "sku");
      requireNonNull(productId, "productId");
      requireNonNull(skuId, "skuId");
    }

    @Override
    public String keyword() {
      return "map-sku";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.mapSku(this);
    }
  }

  /**
   * {@code DATE [as ACTOR] OPERATION ...}: an operation on a day.
   *
   * @param date the line's date
   * @param actor who acts, as the line says
   * @param operation what is done
   */
  record Dated(LocalDate date, ActingAs actor, Operation operation) implements Statement {
    public Dated {
      requireNonNull(date, "date");
      requireNonNull(actor, "actor");
      requireNonNull(operation, "operation");
    }

    @Override
    public String keyword() {
      return operation.keyword();
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.dated(this);
    }
  }

  /** Who a dated line names as its actor ({@code as …}). */
  sealed interface ActingAs {
    /** No {@code as}: the partner's admin agent (the vendor for {@code publish-price-list}). */
    record Unnamed() implements ActingAs {}

    /** {@code as partner}: the partner's admin agent. */
    record Partner() implements ActingAs {}

    /**
     * {@code as customer CUSTOMER}: that customer's admin.
     *
     * @param customer the customer
     */
    record Customer(String customer) implements ActingAs {
      public Customer {
        requireNonNull(customer, "customer");
      }
    }

    /**
     * {@code as user USER}: a partner user, with the rights its security groups give (GDA-2).
     *
     * @param user the user
     */
    record User(String user) implements ActingAs {
      public User {
        requireNonNull(user, "user");
      }
    }
  }
}
