package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.FABRIKAM;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static io.github.cspkit.csp.testkit.PartnerFixtures.WOODGROVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.DelegatedAdminPolicy;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * A refused call changes nothing in any repository: customers, subscriptions, bills, billing
 * accounts, services, agreements, price lists, the event log and the idempotency records are
 * equal before and after, across many kinds of refusal (access, agreement, catalog, seats,
 * billing), including refusals that come after the command rolled subscriptions through a term
 * end in its transaction.
 */
class RefusedCallsChangeNothingTest {
  static final LocalDate DAY = RichWorld.DAY;
  static final LocalDate AFTER_TERM = LocalDate.parse("2026-03-02");

  /** One refusal: its label, the code expected (a rule id, CONFLICT, ...), the call. */
  record Refusal(String label, String rule, Runnable call) {}

  /** Everything a store holds, read through its public repositories. */
  record Snapshot(Map<String, Object> parts) {}

  static final List<String> PARTNERS = List.of(PartnerFixtures.PARTNER, PartnerFixtures.OTHER_PARTNER,
      PartnerFixtures.NON_CSP_PARTNER);

  static Snapshot snapshot(RichWorld rw, List<String> keys) {
    Repositories read = rw.w.store().read();
    Map<String, Object> parts = new TreeMap<>();
    for (String partner : PARTNERS) {
      parts.put("agreement " + partner, read.agreements().find(partner));
    }
    parts.put("price lists", List.copyOf(read.priceLists().all()));
    parts.put("customer ids", List.copyOf(read.customers().ids()));
    for (String id : read.customers().ids()) {
      parts.put("customer " + id, read.customers().find(id));
      parts.put("subscriptions " + id, List.copyOf(read.subscriptions().byCustomer(id)));
      parts.put("account " + id, read.bills().account(id));
      parts.put("bills " + id, List.copyOf(read.bills().bills(id)));
      parts.put("services " + id, List.copyOf(read.bills().services(id)));
    }
    parts.put("event log size", read.events().size());
    parts.put("event log", List.copyOf(read.events().read(0, Integer.MAX_VALUE)));
    for (String key : keys) {
      for (String partner : PARTNERS) {
        String stored = partner + ":" + key; // keys are scoped to their partner
        Optional<CommandRecord> rec = read.idempotency().find(stored);
        parts.put("key " + stored, rec);
        parts.put("events of " + stored, List.copyOf(read.events().byCommand(stored)));
      }
    }
    return new Snapshot(parts);
  }

  static Request as(Actor actor, LocalDate day, String key) {
    return Request.of(actor, day).withKey(key);
  }

  @Test
  void ACC_SUB_6_AGR_1_CAT_a_refused_call_changes_nothing_in_any_repository() {
    RichWorld rw = new RichWorld(CspPolicies.builder()
        .delegatedAdmin(DelegatedAdminPolicy.CUSTOMER_ADMIN).build(), IncidentFeed.NONE);
    CspPartner p = rw.northwind;
    Actor admin = rw.w.admin();
    // a richer store: bills issued, a service, financing, keyed commands, delegated admin removed
    p.addService(as(admin, LocalDate.parse("2025-02-20"), "setup-service"), CONTOSO, "backup", "Backup",
        PartnerFixtures.usd("10.00"), Recurrence.MONTHLY);
    p.setFinancing(as(admin, LocalDate.parse("2025-02-20"), "setup-financing"), FABRIKAM,
        FinancingPlan.instalments(3));
    p.issueBills(Request.of(admin, RichWorld.SUSPENDED), CONTOSO);
    p.issueBills(Request.of(admin, RichWorld.SUSPENDED), FABRIKAM);
    p.removeDelegatedAdmin(as(Actor.customerAdmin(FABRIKAM), DAY, "setup-remove"), FABRIKAM);
    p.createCustomer(as(admin, DAY, "setup-gov"), PartnerFixtures.newCustomer("govco"));

    Actor custAdmin = Actor.customerAdmin(CONTOSO);
    Actor clerk = new Actor.CustomerUser(CONTOSO, "clerk", false);
    Actor dist = Actor.distributor("westcoast");
    Actor plain = RichWorld.adatumAdmin();
    List<Refusal> refusals = new ArrayList<>();
    int[] n = {0};
    java.util.function.Function<Actor, Request> on = a -> as(a, DAY, "refused-" + (++n[0]));

    refusals.add(new Refusal("customer adds seats", "SUB-6", () -> p.addSeats(on.apply(custAdmin), S1, 1)));
    refusals.add(new Refusal("customer cancels", "SUB-6", () -> p.cancel(on.apply(clerk), S1)));
    refusals.add(new Refusal("customer orders", "SUB-6", () -> p.order(on.apply(custAdmin), CONTOSO, E3, 1, "X1")));
    refusals.add(new Refusal("customer quotes a change", "SUB-6", () -> p.quoteAddSeats(on.apply(custAdmin), S1, 1)));
    refusals.add(new Refusal("own-tenant-only orders", "ACC-3",
        () -> p.order(on.apply(rw.w.ownTenantOnly()), CONTOSO, E3, 1, "X2")));
    refusals.add(new Refusal("delegated-only gives notice", "ACC-3",
        () -> p.giveNotice(on.apply(rw.w.delegatedOnly()), NoticeChannel.WRITTEN)));
    refusals.add(new Refusal("non-CSP creates a customer", "ACC-4",
        () -> rw.adatum.createCustomer(on.apply(plain), PartnerFixtures.newCustomer("x3"))));
    refusals.add(new Refusal("non-CSP orders", "ACC-4",
        () -> rw.adatum.order(on.apply(plain), RichWorld.LITWARE, E3, 1, "X4")));
    // another partner's data is not visible at all: refused as unknown, revealing nothing (ACC-4)
    refusals.add(new Refusal("order for another partner's customer", "UNKNOWN_ID",
        () -> p.order(on.apply(admin), WOODGROVE, E3, 1, "X5")));
    refusals.add(new Refusal("seats on another partner's subscription", "UNKNOWN_ID",
        () -> p.addSeats(on.apply(admin), RichWorld.W1, 1)));
    refusals.add(new Refusal("another partner's user", "ACC-4",
        () -> p.addSeats(on.apply(RichWorld.tailspinAdmin()), S1, 1)));
    refusals.add(new Refusal("issue bills by a customer", "ACC-4", () -> p.issueBills(on.apply(custAdmin))));
    refusals.add(new Refusal("partner removes delegated admin", "ACC-2",
        () -> p.removeDelegatedAdmin(on.apply(admin), CONTOSO)));
    refusals.add(new Refusal("non-admin removes delegated admin", "ACC-2",
        () -> p.removeDelegatedAdmin(on.apply(clerk), CONTOSO)));
    refusals.add(new Refusal("administer after removal", "ACC-1",
        () -> p.administerTenant(on.apply(admin), FABRIKAM, "reset")));
    refusals.add(new Refusal("configure another customer", "ACC-5",
        () -> p.configureService(on.apply(Actor.customerAdmin(FABRIKAM)), CONTOSO, "mail", "x")));
    refusals.add(new Refusal("non-admin configures", "ACC-5",
        () -> p.configureService(on.apply(clerk), CONTOSO, "mail", "x")));
    refusals.add(new Refusal("distributor orders", "DIS-1", () -> p.order(on.apply(dist), CONTOSO, E3, 1, "X6")));
    refusals.add(new Refusal("distributor views incidents", "DIS-1", () -> p.serviceIncidents(on.apply(dist), CONTOSO)));
    refusals.add(new Refusal("customer asks a price", "PRC-3",
        () -> p.priceQuote(on.apply(custAdmin), E3, "US", PartnerFixtures.USD, DAY)));
    refusals.add(new Refusal("partner publishes a list", "PRC-1", () -> p.publishPriceList(on.apply(admin),
        PriceList.monthly("US", PartnerFixtures.USD, YearMonth.of(2026, 9), DAY, PartnerFixtures.prices()))));
    refusals.add(new Refusal("list effective too soon", "PRC-2", () -> p.publishPriceList(on.apply(Actor.vendor()),
        PriceList.monthly("US", PartnerFixtures.USD, YearMonth.of(2025, 4), DAY, PartnerFixtures.prices()))));
    refusals.add(new Refusal("notice by email", "AGR-4", () -> p.giveNotice(on.apply(admin), NoticeChannel.EMAIL)));
    refusals.add(new Refusal("order before acceptance", "AGR-1",
        () -> p.order(as(admin, PartnerFixtures.ACCEPTED.minusDays(1), "refused-" + (++n[0])), CONTOSO, E3, 1, "X7")));
    refusals.add(new Refusal("order Intune", "CAT-1",
        () -> p.order(on.apply(admin), CONTOSO, PartnerFixtures.INTUNE, 1, "X8")));
    refusals.add(new Refusal("order government, unverified", "CAT-2",
        () -> p.order(on.apply(admin), CONTOSO, PartnerFixtures.GOV, 1, "X9")));
    refusals.add(new Refusal("order a trial", "CAT-5",
        () -> p.order(on.apply(admin), CONTOSO, PartnerFixtures.TRIAL, 1, "X10")));
    refusals.add(new Refusal("order for a syndication tenant", "CUS-2",
        () -> p.order(on.apply(admin), RichWorld.SYNDCO, E3, 1, "X11")));
    refusals.add(new Refusal("order zero seats", "SUB-1", () -> p.order(on.apply(admin), CONTOSO, E3, 0, "X12")));
    refusals.add(new Refusal("order above the maximum", "SUB-1",
        () -> p.order(on.apply(admin), CONTOSO, E3, 301, "X13")));
    refusals.add(new Refusal("order where no list is published yet", "PRC-3",
        () -> p.order(as(admin, PartnerFixtures.LAST_MONTH.plusMonths(1).atDay(5), "refused-" + (++n[0])),
            CONTOSO, E3, 1, "X14")));
    refusals.add(new Refusal("service in another currency", "BIL-2", () -> p.addService(on.apply(admin), CONTOSO,
        "eur", "Euro service", Money.of(10, MinorUnits.EUR.getCurrencyCode()), Recurrence.ONCE)));
    refusals.add(new Refusal("change dated on the last bill's day", "BIL-7",
        () -> p.addSeats(as(admin, RichWorld.SUSPENDED, "refused-" + (++n[0])), S1, 1)));
    refusals.add(new Refusal("an existing subscription id", "CONFLICT", () -> p.order(on.apply(admin), CONTOSO, E3, 1, S1)));
    refusals.add(new Refusal("a key reused for another command", "CONFLICT",
        () -> p.addSeats(as(admin, DAY, "setup-service"), S1, 1)));
    refusals.add(new Refusal("an existing customer id", "CONFLICT",
        () -> p.createCustomer(on.apply(admin), PartnerFixtures.newCustomer(CONTOSO))));
    refusals.add(new Refusal("an existing service id", "CONFLICT", () -> p.addService(on.apply(admin),
        CONTOSO, "backup", "Backup again", Money.of(10, "USD"), Recurrence.ONCE)));
    refusals.add(new Refusal("an unknown subscription", "UNKNOWN_ID", () -> p.addSeats(on.apply(admin), "NOPE", 1)));
    refusals.add(new Refusal("an unknown customer", "UNKNOWN_ID",
        () -> p.order(on.apply(admin), "nobody", E3, 1, "X16")));
    refusals.add(new Refusal("an unknown base subscription", "UNKNOWN_ID",
        () -> p.orderAddOn(on.apply(admin), "NOPE", PartnerFixtures.ADD_ON, 1, "X17")));
    refusals.add(new Refusal("a subscription id with a NUL", "OUT_OF_RANGE",
        () -> p.order(on.apply(admin), CONTOSO, E3, 1, "X\u0000")));
    refusals.add(new Refusal("a customer name of 101 characters", "OUT_OF_RANGE",
        () -> p.createCustomer(on.apply(admin), NewCustomer.builder().from(PartnerFixtures.newCustomer("newco"))
            .name("n".repeat(101)).build())));
    refusals.add(new Refusal("a service name with a line break", "OUT_OF_RANGE", () -> p.addService(on.apply(admin),
        CONTOSO, "support", "Support\nplus", Money.of(10, "USD"), Recurrence.ONCE)));
    refusals.add(new Refusal("a task with a control character", "OUT_OF_RANGE",
        () -> p.administerTenant(on.apply(admin), CONTOSO, "reset\u0007")));
    // refused after the command rolled S1, S2 and A1 through their term end in its transaction
    refusals.add(new Refusal("roll, then add seats above the maximum", "SUB-1",
        () -> p.addSeats(as(admin, AFTER_TERM, "refused-" + (++n[0])), S1, 295)));
    refusals.add(new Refusal("roll, then an add-on outside the program", "CAT-1",
        () -> p.orderAddOn(as(admin, AFTER_TERM, "refused-" + (++n[0])), S1, PartnerFixtures.INTUNE, 1, "X15")));
    refusals.add(new Refusal("roll, then a customer cancels", "SUB-6",
        () -> p.cancel(as(custAdmin, AFTER_TERM, "refused-" + (++n[0])), S1)));

    List<String> keys = new ArrayList<>(List.of("setup-service", "setup-financing", "setup-remove", "setup-gov"));
    for (int i = 1; i <= refusals.size() + 10; i++) {
      keys.add("refused-" + i);
    }
    Snapshot before = snapshot(rw, keys);
    assertThat(before.parts()).containsKey("bills " + CONTOSO);
    assertThat((List<?>) before.parts().get("bills " + CONTOSO)).isNotEmpty();

    Map<String, String> problems = new LinkedHashMap<>();
    for (Refusal refusal : refusals) {
      Throwable t = catchThrowable(refusal.call()::run);
      if (!(t instanceof CspException c) || !c.code().equals(refusal.rule())) {
        problems.put(refusal.label(), "expected " + refusal.rule() + ", was " + t);
      }
      Snapshot after = snapshot(rw, keys);
      if (!after.equals(before)) {
        List<String> changed = before.parts().keySet().stream()
            .filter(k -> !before.parts().get(k).equals(after.parts().get(k))).toList();
        problems.put(refusal.label() + " (store)", "changed " + changed);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(refusals).hasSizeGreaterThan(30);
  }
}
