package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.A1;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.AccessMatrixTest;
import io.github.cspkit.csp.access.AccessMatrixTest.Who;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The access matrix of {@link AccessMatrixTest}, driven through the real {@link CspPartner} methods:
 * every actor kind × every operation that has an entry point method, each cell on a fresh
 * {@link RichWorld}. An allowed cell must succeed; a refused one must throw the table's rule.
 */
class EntryPointMatrixTest {
  /** A call of the entry point: the partner to call and the customer it targets. */
  @FunctionalInterface
  interface Call {
    Object run(CspPartner p, String customer, Request r);
  }

  /** Operations decided by the table but not driven here, and why. */
  static final Map<Operation, String> NOT_DRIVEN = Map.of(
      Operation.ACCEPT_AGREEMENT, "state dependent (accepted once): see PartnerAccessTest ACC_3_*",
      Operation.GIVE_NOTICE, "needs an agreement, which the non-CSP partner has not: see ACC_3_*",
      Operation.REQUEST_GDAP, "needs GDAP policies: see GdapEntryPointMatrixTest",
      Operation.APPROVE_GDAP, "needs GDAP policies: see GdapEntryPointMatrixTest",
      Operation.TERMINATE_GDAP, "needs GDAP policies: see GdapEntryPointMatrixTest",
      Operation.AUTO_EXTEND_GDAP, "needs GDAP policies: see GdapEntryPointMatrixTest");

  static Map<Operation, Call> calls() {
    Map<Operation, Call> calls = new EnumMap<>(Operation.class);
    calls.put(Operation.PUBLISH_PRICE_LIST, (p, c, r) -> p.publishPriceList(r,
        PriceList.monthly("US", PartnerFixtures.USD, YearMonth.of(2026, 9), r.date(), PartnerFixtures.prices())));
    calls.put(Operation.IMPORT_PRICE_LIST, (p, c, r) -> p.importPriceList(r,
        io.github.cspkit.csp.pricing.ImportedPriceList.builder().id("import-2026-09")
            .market("US").currency(PartnerFixtures.USD).month(YearMonth.of(2026, 9))
            .publishedOn(r.date())
            .rows(io.github.cspkit.csp.pricing.PriceRows.fromSeedPrices(PartnerFixtures.USD,
                PartnerFixtures.prices()))
            .erpRows(io.github.cspkit.csp.pricing.PriceRows.fromSeedPrices(PartnerFixtures.USD,
                java.util.Map.of()))
            .rowsRead(1).skippedExpired(0).skippedTiers(0).build()));
    calls.put(Operation.QUOTE_PRICE, (p, c, r) -> p.priceQuote(r, E3, "US", PartnerFixtures.USD, r.date()));
    calls.put(Operation.CREATE_CUSTOMER, (p, c, r) -> p.createCustomer(r, PartnerFixtures.newCustomer("newco")));
    calls.put(Operation.SET_BILLING_PROFILE, (p, c, r) ->
        p.setBillingProfile(r, c, BillingProfile.of(15, PartnerFixtures.USD)));
    calls.put(Operation.SET_FINANCING, (p, c, r) -> p.setFinancing(r, c, FinancingPlan.instalments(3)));
    calls.put(Operation.ADD_SERVICE, (p, c, r) ->
        p.addService(r, c, "backup", "Backup", PartnerFixtures.usd("10.00"), Recurrence.MONTHLY));
    calls.put(Operation.ORDER, (p, c, r) -> p.order(r, c, E3, 3, "S9"));
    calls.put(Operation.ORDER_ADD_ON, (p, c, r) -> p.orderAddOn(r, S1, PartnerFixtures.ADD_ON, 2, "A9"));
    calls.put(Operation.CONVERT_TRIAL, (p, c, r) -> p.convertTrial(r, RichWorld.TRIALCO, E3, 5, "T1"));
    calls.put(Operation.ADD_SEATS, (p, c, r) -> p.addSeats(r, S1, 2));
    calls.put(Operation.REMOVE_SEATS, (p, c, r) -> p.removeSeats(r, S1, 2));
    calls.put(Operation.SUSPEND, (p, c, r) -> p.suspend(r, A1));
    calls.put(Operation.REACTIVATE, (p, c, r) -> p.reactivate(r, RichWorld.S2));
    calls.put(Operation.CANCEL, (p, c, r) -> p.cancel(r, S1));
    calls.put(Operation.AUTO_RENEW, (p, c, r) -> p.autoRenew(r, S1, false));
    calls.put(Operation.QUOTE_CHANGE, (p, c, r) -> p.quoteAddSeats(r, S1, 2));
    calls.put(Operation.ISSUE_BILLS, (p, c, r) -> p.issueBills(r, c));
    calls.put(Operation.ADMINISTER_TENANT, (p, c, r) -> p.administerTenant(r, c, "reset password"));
    calls.put(Operation.VIEW_SERVICE_HEALTH, (p, c, r) -> p.serviceIncidents(r, c));
    calls.put(Operation.CONFIGURE_SERVICE, (p, c, r) -> p.configureService(r, c, "mail", "retention"));
    calls.put(Operation.REMOVE_DELEGATED_ADMIN, (p, c, r) -> p.removeDelegatedAdmin(r, c));
    calls.put(Operation.VIEW_BILLS, (p, c, r) -> p.bills(r, c));
    calls.put(Operation.ADMINISTER_OWN_TENANT, (p, c, r) -> p.administerOwnTenant(r, "add a user"));
    return calls;
  }

  @Test
  void every_operation_is_driven_or_excused() {
    EnumSet<Operation> seen = EnumSet.noneOf(Operation.class);
    seen.addAll(calls().keySet());
    seen.addAll(NOT_DRIVEN.keySet());
    assertThat(seen).containsExactlyInAnyOrder(Operation.values());
    assertThat(calls().keySet()).doesNotContainAnyElementsOf(NOT_DRIVEN.keySet());
  }

  @Test
  void ACC_3_ACC_4_ACC_5_SUB_6_DIS_1_entry_point_follows_the_matrix() {
    Map<String, Map<Who, String>> table = AccessMatrixTest.table();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Map.Entry<Operation, Call> e : calls().entrySet()) {
      for (Who who : Who.values()) {
        RichWorld rw = new RichWorld();
        CspPartner p = who == Who.NONCSP ? rw.adatum : rw.northwind;
        String customer = who == Who.NONCSP ? RichWorld.LITWARE : CONTOSO;
        Request r = Request.of(AccessMatrixTest.actor(who), RichWorld.DAY);
        String expected = table.get(e.getKey().name()).get(who);
        Throwable t = catchThrowable(() -> e.getValue().run(p, customer, r));
        String actual = t == null ? AccessMatrixTest.ALLOWED
            : t instanceof RuleViolation v ? v.rule() : t.toString();
        cells++;
        if (!expected.equals(actual)) {
          wrong.add(e.getKey() + " × " + who + ": expected " + expected + ", was " + actual);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(cells).isEqualTo(calls().size() * Who.values().length);
  }
}
