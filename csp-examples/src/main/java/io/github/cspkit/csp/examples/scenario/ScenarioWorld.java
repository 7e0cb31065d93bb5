package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;
import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.notSupportedYet;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.DelegatedTask;
import io.github.cspkit.csp.access.GdapPolicy;
import io.github.cspkit.csp.access.GdapRole;
import io.github.cspkit.csp.access.GdapRoles;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.access.PartnerKind;
import io.github.cspkit.csp.access.SecurityGroup;
import io.github.cspkit.csp.access.SecurityGroups;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.examples.files.PartnerCenterStatements;
import io.github.cspkit.csp.examples.scenario.Statement.ActingAs;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.DelegatedAdmin;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.SkuMapping;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;

/**
 * The world a scenario runs in: a {@link CspPartner} over a {@link CspStore}, and what the setup
 * statements configure. The partner is built on first use and rebuilt over the <em>same</em> store
 * after a later setup statement (the store holds all data, the partner holds none). A
 * {@code markup} placed after the dated lines of day D applies to the terms that start after D,
 * orders and renewals alike, and never to a running term (PRC-5); one placed before the first
 * dated line applies to every term. Before a dated line of day D runs, every bill due by the end of
 * D−1 is issued ({@link BillSchedule}); {@code D advance} issues every bill due by the end of D.
 *
 * <p>{@code program current} builds the partner with {@link CspPolicies#currentProgram()} (MPA-1,
 * NCE-1..10, GDA-1..4); {@code sku … upgrades-to} adds the catalog's upgrade paths (NCE-9);
 * {@code map-sku} keeps the Partner Center SKU mapping (PCF-1); the GDAP part takes the file's
 * security groups and roles.
 */
final class ScenarioWorld {
  private final CspStore store;
  private final ScenarioReport report;

  // configuration (setup statements)
  private Partner partnerId = new Partner("partner", "partner", PartnerKind.CSP);
  private Catalog catalog = Catalog.empty();
  /** The markups in file order (PRC-5). */
  private final List<MarkupChange> markups = new ArrayList<>();
  /** The line of each {@code markup … for CUSTOMER}: the customer must exist by the file's end. */
  private final Map<String, Integer> markupLines = new LinkedHashMap<>();
  private BillingTiming timing = BillingTiming.IN_ADVANCE;
  private Statement.Program program = Statement.Program.SEED;
  /** The Partner Center SKU mapping of the {@code map-sku} lines so far (PCF-1). */
  private SkuMapping mapping = SkuMapping.empty();
  /** The folder that file names of {@code import-price-list} and {@code expect reconciliation} are
   *  relative to: the scenario file's. */
  private final Path folder;
  /** The {@code security-group} lines so far, by name (GDA-2). */
  private final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
  /** The {@code role} lines so far, by name: they define or redefine a built-in role (GDA-2). */
  private final Map<String, GdapRole> roles = new LinkedHashMap<>();

  private CspPartner partner;
  private final BillSchedule schedule = new BillSchedule();
  private LocalDate today;
  private LocalDate issuedThrough;
  private final Map<String, Set<CurrencyUnit>> marketCurrencies = new LinkedHashMap<>();

  /**
   * @param store where the partner keeps its data; fresh for each file
   * @param report where bills and problems go
   * @param folder the scenario file's folder, for the file names it gives
   */
  ScenarioWorld(CspStore store, ScenarioReport report, Path folder) {
    this.store = requireNonNull(store, "store");
    this.report = requireNonNull(report, "report");
    this.folder = requireNonNull(folder, "folder");
  }

  /**
   * A {@code markup} statement: from the first day of the terms it prices (empty: every term, for a
   * markup before the first dated line), for whom (empty: every customer without its own).
   */
  private record MarkupChange(Optional<LocalDate> from, Optional<String> customer,
      BigDecimal percent) {}

  // ------------------------------------------------------------------ setup

  /**
   * Applies a setup statement from now on.
   *
   * @param s a statement that is not {@link Statement.Dated}
   */
  void setup(Statement s) {
    s.accept(new Statement.Visitor<Void>() {
      @Override
      public Void partner(Statement.PartnerSetup p) {
        partnerId = new Partner(p.id(), p.id(), p.kind());
        return rebuild();
      }

      @Override
      public Void sku(Statement.SkuSetup k) {
        catalog = catalog.with(k.sku());
        if (!k.upgradesTo().isEmpty()) {
          // NCE-9: the parser has checked that every target was declared before
          catalog = catalog.withUpgradePaths(catalog.upgradePaths().with(k.sku().id(),
              k.upgradesTo()));
        }
        return rebuild();
      }

      @Override
      public Void markup(Statement.MarkupSetup m) {
        // PRC-5: after the lines of day D, the change applies to terms that start after D
        markups.add(new MarkupChange(Optional.ofNullable(today).map(d -> d.plusDays(1)),
            m.customer(), m.percent()));
        m.customer().ifPresent(c -> markupLines.putIfAbsent(c, report.line()));
        return rebuild();
      }

      @Override
      public Void timing(Statement.TimingSetup t) {
        timing = t.timing();
        return rebuild();
      }

      @Override
      public Void program(Statement.ProgramSetup p) {
        program = p.program(); // the parser has checked it comes before the first dated line
        return rebuild();
      }

      @Override
      public Void securityGroup(Statement.SecurityGroupSetup g) {
        securityGroups.put(g.group(), SecurityGroup.of(g.group(), g.users()));
        return rebuild();
      }

      @Override
      public Void role(Statement.RoleSetup r) {
        roles.put(r.role(), GdapRole.of(r.role(), r.tasks().stream().map(DelegatedTask::of).toList()));
        return rebuild();
      }

      @Override
      public Void mapSku(Statement.MapSkuSetup m) {
        // PCF-1: a key mapped to another SKU, or a SKU mapped twice, is the file's mistake
        try {
          mapping = PartnerCenterStatements.mapSku(mapping, m.sku(),
              SkuMapping.key(m.productId(), m.skuId()));
        } catch (RuntimeException e) {
          throw expected("a mapping of " + m.productId() + ":" + m.skuId() + " to " + m.sku(),
              ScenarioRunner.refusal(e));
        }
        return null;
      }

      @Override
      public Void dated(Statement.Dated d) {
        throw new IllegalArgumentException("a dated statement is run, not set up: " + d.keyword());
      }
    });
  }

  private Void rebuild() {
    partner = null;
    return null;
  }

  /**
   * The pricing policy of the markups so far (PRC-5): each applies to terms that start on or after
   * its first day, renewals included, whenever they are computed; a customer's own markups
   * override the others from their first day, before which the customer follows the others.
   */
  private PricingPolicy pricing() {
    PricingPolicy all = PricingPolicy.atCost();
    for (MarkupChange m : markups) {
      if (m.customer().isEmpty()) {
        all = dated(all, m);
      }
    }
    Map<String, PricingPolicy> per = new LinkedHashMap<>();
    for (MarkupChange m : markups) {
      if (m.customer().isPresent()) {
        String c = m.customer().get();
        per.put(c, dated(per.getOrDefault(c, all), m));
      }
    }
    return per.isEmpty() ? all : PricingPolicy.perCustomer(per, all);
  }

  private static PricingPolicy dated(PricingPolicy before, MarkupChange m) {
    PricingPolicy p = PricingPolicy.markup(m.percent());
    return m.from().map(from -> before.changingOn(from, p)).orElse(p);
  }

  /** @return the partner, built from the setup so far over the store */
  CspPartner partner() {
    if (partner == null) {
      CspPolicies base = program == Statement.Program.CURRENT ? CspPolicies.currentProgram()
          : CspPolicies.seed();
      CspPolicies policies = gdap(CspPolicies.builder().from(base).pricing(pricing()).timing(timing))
          .build();
      partner = CspPartner.builder().partner(partnerId).store(store).catalog(catalog)
          .policies(policies).build();
      schedule.invalidate();
    }
    return partner;
  }

  /**
   * The GDAP part of the policies (GDA-1..4) under {@code program current}: the current program's
   * values, Microsoft Entra's built-in roles with the file's {@code role} lines over them (a line
   * naming a built-in role redefines it), and the file's security groups.
   */
  private CspPolicies.Builder gdap(CspPolicies.Builder b) {
    if (program != Statement.Program.CURRENT) {
      return b;
    }
    Map<String, GdapRole> all = new LinkedHashMap<>();
    GdapRoles.entraBuiltIns().all().forEach(r -> all.put(r.name(), r));
    all.putAll(roles);
    return b.gdap(GdapPolicy.currentProgram().withRoles(GdapRoles.of(all.values())))
        .securityGroups(SecurityGroups.of(securityGroups.values()));
  }

  /**
   * @param what the statement or expectation that needs GDAP, for the message
   * @return the partner's GDAP relationships (GDA-1..4)
   * @throws ScenarioSyntaxException if the file is not under {@code program current}
   */
  DelegatedAdmin gdap(String what) {
    CspPartner p = partner();
    if (p.policies().gdap().isEmpty()) {
      throw ScenarioSyntaxException.expected("'program current' before " + what + " (GDA-1: under"
          + " the seed, delegated admin comes with the customer, CUS-4)", "program seed");
    }
    return p.gdap();
  }

  /** @return whether the file runs under the current program ({@code program current}) */
  boolean current() {
    return program == Statement.Program.CURRENT;
  }

  /** @return the SKU mapping of the {@code map-sku} lines so far (PCF-1) */
  SkuMapping mapping() {
    return mapping;
  }

  /**
   * @param name a file name as the scenario gives it
   * @return the file, relative to the scenario file's folder
   */
  Path file(String name) {
    try {
      return folder.resolve(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw expected("a file name", Words.show(name));
    }
  }

  /** @return the partner's admin agent, who runs dated lines without {@code as} */
  Actor admin() {
    return Actor.partnerAdmin(partnerId.id(), "admin");
  }

  // ------------------------------------------------------------------ dated statements

  /**
   * Moves to a dated line's day: issues every bill due by the end of the day before.
   *
   * @param date the line's date, not before the current one
   */
  void startDay(LocalDate date) {
    issueThrough(date.minusDays(1));
    today = date;
  }

  /**
   * Runs a dated statement on its day ({@link #startDay} first).
   *
   * @param d the statement
   * @return the refusal, if the library refused it; a refusal that changed the store is reported
   */
  Optional<RuntimeException> run(Statement.Dated d) {
    if (d.operation() instanceof Operation.Advance) {
      issueThrough(d.date());
      return Optional.empty();
    }
    Actor actor = actor(d);
    CspPartner p = partner();
    long eventsBefore = store.forPartner(partnerId.id()).read().events().size();
    try {
      d.operation().accept(new ScenarioOperations(this, p, Request.of(actor, d.date())));
      return Optional.empty();
    } catch (ScenarioSyntaxException e) {
      throw e;
    } catch (RuntimeException e) {
      long changed = store.forPartner(partnerId.id()).read().events().size() - eventsBefore;
      if (changed != 0) {
        report.problem("expected a refused " + d.keyword() + " to change nothing, found " + changed
            + " new events in the store", ScenarioRunner.FAILED);
      }
      return Optional.of(e);
    }
  }

  /**
   * The actor of a dated line: the partner's admin agent unless it says {@code as customer C}
   * (that customer's admin); {@code publish-price-list} runs as the vendor, who publishes price
   * lists (PRC-1), unless the line names an actor, so that a scenario can show that nobody else
   * may publish.
   */
  private Actor actor(Statement.Dated d) {
    ActingAs as = d.actor();
    if (as instanceof ActingAs.Customer c) {
      return Actor.customerAdmin(c.customer());
    }
    if (as instanceof ActingAs.User u) {
      return Actor.gdapUser(partnerId.id(), u.user()); // rights from its security groups (GDA-2)
    }
    if (as instanceof ActingAs.Unnamed && d.operation() instanceof Operation.PublishPriceList) {
      return Actor.vendor();
    }
    return admin();
  }

  /** Notes that a market has a list in a currency, for {@code expect price … not-published}. */
  void published(String market, CurrencyUnit currency) {
    marketCurrencies.computeIfAbsent(market, m -> new LinkedHashSet<>()).add(currency);
  }

  /** Files a new customer in the bill schedule. */
  void created(CspPartner p, String customerId) {
    if (!schedule.isStale()) {
      schedule.track(p, customerId);
    }
  }

  // ------------------------------------------------------------------ bills

  /** Issues every bill due by the end of {@code day}, printing each. */
  private void issueThrough(LocalDate day) {
    if (issuedThrough != null && !day.isAfter(issuedThrough)) {
      return;
    }
    CspPartner p = partner();
    if (schedule.isStale()) {
      schedule.rebuild(p, store.forPartner(partnerId.id()).read().customers().ids());
    }
    issuedThrough = day;
    Request r = Request.of(admin(), day);
    for (Optional<String> next; (next = schedule.nextDueBy(day)).isPresent(); ) {
      String id = next.get();
      List<Bill> bills;
      try {
        bills = p.issueBills(r, id);
      } catch (RuntimeException e) {
        report.problem("expected the bills of " + id + " due by the end of " + day
            + " to be issued, found " + ScenarioRunner.refusal(e), ScenarioRunner.FAILED);
        continue;
      }
      bills.forEach(report::bill);
      schedule.track(p, id);
    }
  }

  // ------------------------------------------------------------------ reads, for expectations

  /** @return the current date: the last dated line's, if any */
  Optional<LocalDate> today() {
    return Optional.ofNullable(today);
  }

  /** @return the last day whose due bills are issued, if any */
  Optional<LocalDate> issuedThrough() {
    return Optional.ofNullable(issuedThrough);
  }

  /**
   * @param market a market
   * @return the currencies it has published lists in so far; USD if none
   */
  Set<CurrencyUnit> currencies(String market) {
    return marketCurrencies.getOrDefault(market, Set.of(MinorUnits.USD));
  }

  /**
   * @param id a subscription id
   * @return the new-commerce subscription as of the current date, rolled through any term end
   *     (NCE-1, NCE-7, NCE-8); empty under the seed or when there is none
   */
  Optional<NceSubscription> nceView(String id) {
    if (!current() || today == null) {
      return Optional.empty();
    }
    return partner().newCommerce().subscription(id, today);
  }

  /** @return the subscription as of the current date: rolled through any term end (SUB-7) */
  Optional<Subscription> view(String id) {
    CspPartner p = partner();
    return today == null ? p.subscription(id) : p.subscription(id, today);
  }

  /**
   * Reports, at its line, a {@code markup … for CUSTOMER} whose customer the file never created: a
   * markup may name a customer created later (it applies from then on), but not one that never is.
   */
  void finish() {
    markupLines.forEach((customer, line) -> {
      if (store.forPartner(partnerId.id()).read().customers().find(customer).isEmpty()) {
        report.problemAt(line, "expected customer " + customer + " (markup … for " + customer
            + ") to be created in this file, found no customer " + customer, ScenarioRunner.FAILED);
      }
    });
  }

  /**
   * @param p the partner
   * @param customerId a customer it knows
   * @return the customer
   * @throws UnknownIdException if it does not know it
   */
  static Customer customer(CspPartner p, String customerId) {
    return p.customer(customerId).orElseThrow(() -> new UnknownIdException("customer", customerId));
  }
}
