package io.github.cspkit.csp.repository;

import static io.github.cspkit.csp.testkit.Days.d;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.DelegatedAdminPolicy;
import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.SecurityGroup;
import io.github.cspkit.csp.access.SecurityGroups;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCommerce;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListFileRow;
import io.github.cspkit.csp.pricing.PriceListImport;
import io.github.cspkit.csp.pricing.SkuMapping;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.testkit.NcePartners;
import io.github.cspkit.csp.testkit.NceWorld;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner's realistic history run through {@link CspPartner} on a store, such that the log gets
 * an entry of every payload type of {@link EventPayload} but {@link EventPayload.Unstructured}:
 * {@link #seed} under the seed's policies (reseller agreement, customers, own services, seed
 * subscriptions, delegated admin, bills, an imported list), {@link #currentProgram} under the
 * current program's (Microsoft Partner Agreement, GDAP, new commerce). Each keeps the entries as
 * the commands returned them ({@link Run#logged}); a bill run returns bills, not entries, so its
 * entries are read from the log right after it and its bills kept ({@link Run#bills}).
 */
final class EveryEventKind {
  private EveryEventKind() {}

  /**
   * What a run logged.
   *
   * @param partnerId the partner
   * @param logged its entries in log order, as the commands returned them (a bill run's as read)
   * @param bills the bills its bill runs issued
   */
  record Run(String partnerId, List<DomainEvent> logged, List<Bill> bills) {}

  /** Collects what each command logged. */
  private static final class Log {
    final CspStore store;
    final CspPartner p;
    final List<DomainEvent> logged = new ArrayList<>();
    final List<Bill> bills = new ArrayList<>();

    Log(CspStore store, CspPartner p) {
      this.store = store;
      this.p = p;
    }

    <T> T add(Result<T> r) {
      logged.addAll(r.events());
      return r.value();
    }

    void bills(List<Bill> issued) {
      long after = logged.isEmpty() ? 0 : logged.get(logged.size() - 1).sequence();
      logged.addAll(store.forPartner(p.partner().id()).read().events().read(after,
          Integer.MAX_VALUE));
      bills.addAll(issued);
    }

    Run run() {
      return new Run(p.partner().id(), List.copyOf(logged), List.copyOf(bills));
    }
  }

  private static Request as(Actor actor, String day) {
    return Request.of(actor, d(day));
  }

  /** A Partner Center list for August 2026 with one mapped row and one unmapped product. */
  private static ImportedPriceList august() {
    PriceListImport imp = PriceListImport.of(
        SkuMapping.empty().with("CFQ7TTC0LFLX:0001", PartnerFixtures.E3), d("2026-06-15"));
    imp.add(new PriceListFileRow(2, "CFQ7TTC0LFLX", "0001", "Office 365 E3", "Office 365 E3",
        "P1Y", "Annual", "US", "USD", "432.00", "", "", "2026-08-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "518.40"));
    imp.add(new PriceListFileRow(3, "CFQ7TTC0KDPC", "0001", "Teams Essentials", "", "P1Y",
        "Annual", "US", "USD", "48.00", "", "", "2026-08-01T00:00:00Z", "9999-12-31T23:59:59Z",
        ""));
    return imp.finish();
  }

  /**
   * Northwind under the seed's policies (customer admins may remove delegated admin, ACC-2) on
   * {@code store}: lists, agreement and notice, two customers (one from a direct trial), billing
   * profile, financing, a service, every seed subscription change, tenant work, two bill runs (the
   * second renews), an imported list.
   *
   * @param store an empty store
   * @return what it logged
   */
  static Run seed(CspStore store) {
    CspPartner p = CspPartner.builder().partner(io.github.cspkit.csp.access.Partner.csp(
        PartnerFixtures.PARTNER)).catalog(PartnerFixtures.catalog())
        .policies(CspPolicies.builder().delegatedAdmin(DelegatedAdminPolicy.CUSTOMER_ADMIN).build())
        .store(store).build();
    Log log = new Log(store, p);
    Actor admin = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");
    for (PriceList list : PartnerFixtures.priceLists()) {
      log.add(p.publishPriceList(Request.of(Actor.vendor(), list.publishedOn()), list));
    }
    log.add(p.acceptAgreement(as(admin, "2024-10-01")));
    log.add(p.createCustomer(as(admin, "2025-01-20"), PartnerFixtures.newCustomer("contoso")));
    log.add(p.createCustomer(as(admin, "2025-01-20"), NewCustomer.builder().id("fabrikam")
        .market("US").currency(PartnerFixtures.USD).tenant(TenantOrigin.DIRECT_TRIAL).build()));
    log.add(p.setBillingProfile(as(admin, "2025-01-21"), "contoso",
        BillingProfile.of(10, PartnerFixtures.USD)));
    log.add(p.setFinancing(as(admin, "2025-01-21"), "contoso", FinancingPlan.instalments(3)));
    log.add(p.addService(as(admin, "2025-02-10"), "contoso", "backup", "Backup",
        PartnerFixtures.usd("25.00"), Recurrence.MONTHLY));
    log.add(p.order(as(admin, "2025-02-10"), "contoso", PartnerFixtures.E3, 10, "S1"));
    log.add(p.orderAddOn(as(admin, "2025-02-10"), "S1", PartnerFixtures.ADD_ON, 5, "A1"));
    log.add(p.convertTrial(as(admin, "2025-02-15"), "fabrikam", PartnerFixtures.E3, 3, "S2"));
    log.add(p.order(as(admin, "2025-02-20"), "fabrikam", PartnerFixtures.E3, 2, "S3"));
    log.add(p.addSeats(as(admin, "2025-03-05"), "S1", 5));
    log.add(p.removeSeats(as(admin, "2025-04-05"), "S1", 2));
    log.add(p.suspend(as(admin, "2025-05-01"), "A1"));
    log.add(p.reactivate(as(admin, "2025-05-15"), "A1"));
    log.add(p.cancel(as(admin, "2025-05-20"), "S3"));
    log.add(p.autoRenew(as(admin, "2025-05-21"), "S2", false));
    log.add(p.administerTenant(as(admin, "2025-05-22"), "contoso", "reset a password"));
    log.add(p.configureService(as(Actor.customerAdmin("contoso"), "2025-05-22"), "contoso",
        "mail", "retention 30 days"));
    log.logged.add(p.administerOwnTenant(as(admin, "2025-05-23"), "rotate the keys"));
    log.add(p.removeDelegatedAdmin(as(Actor.customerAdmin("fabrikam"), "2025-05-24"),
        "fabrikam"));
    log.bills(p.issueBills(as(admin, "2025-06-10")));
    log.add(p.addSeats(as(admin, "2026-03-05"), "S1", 1)); // renews S1 and A1, ends S2 first
    log.add(p.giveNotice(as(admin, "2026-03-06"), NoticeChannel.WRITTEN));
    log.bills(p.issueBills(as(admin, "2026-03-10")));
    log.add(p.importPriceList(as(admin, "2026-07-20"), august()));
    return log.run();
  }

  /**
   * Tailspin under the current program (and a security group for GDAP) on {@code store}: lists,
   * the Microsoft Partner Agreement and its termination, a customer, a GDAP relationship through
   * its life, every new-commerce change (schedule dropped, partial and full upgrades, cancellation,
   * renewal and end), a bill run.
   *
   * @param store an empty store
   * @return what it logged
   */
  static Run currentProgram(CspStore store) {
    String partner = "Tailspin";
    CspPartner p = CspPartner.builder().partner(io.github.cspkit.csp.access.Partner.csp(partner))
        .catalog(NcePartners.catalog())
        .policies(CspPolicies.builder().from(NcePartners.policies()).securityGroups(
            SecurityGroups.of(List.of(SecurityGroup.of("helpdesk", List.of("alice"))))).build())
        .store(store).build();
    Log log = new Log(store, p);
    Actor admin = Actor.partnerAdmin(partner, "agent");
    for (PriceList list : NcePartners.priceLists(YearMonth.of(2023, 12), YearMonth.of(2025, 6))) {
      log.add(p.publishPriceList(Request.of(Actor.vendor(), list.publishedOn()), list));
    }
    log.add(p.acceptPartnerAgreement(as(admin, "2023-11-01")));
    String contoso = NceWorld.CONTOSO.id();
    log.add(p.createCustomer(as(admin, "2023-12-01"), NewCustomer.builder().id(contoso)
        .market(NceWorld.MARKET).currency(NceWorld.USD).build()));
    log.add(p.gdap().request(as(admin, "2024-01-02"), GdapRequest.of("R1", partner, contoso,
        List.of("helpdesk-administrator"), List.of("helpdesk"), Period.parse("P90D"), false)));
    log.add(p.gdap().approve(as(Actor.customerAdmin(contoso), "2024-01-05"), "R1"));
    log.add(p.gdap().autoExtend(as(admin, "2024-01-10"), "R1", true));
    NewCommerce nce = p.newCommerce();
    log.add(nce.order(as(admin, "2024-02-01"), contoso, NceWorld.BASIC, 10, "N1", TermLength.P1Y,
        BillingPlan.ANNUAL));
    log.add(nce.addSeats(as(admin, "2024-02-03"), "N1", 2));
    log.add(nce.removeSeats(as(admin, "2024-02-05"), "N1", 1));
    log.add(nce.suspend(as(admin, "2024-03-01"), "N1"));
    log.add(nce.reactivate(as(admin, "2024-03-10"), "N1"));
    log.add(nce.schedule(as(admin, "2024-04-01"), "N1", ScheduledChange.builder().seats(4)
        .build()));
    log.add(nce.addSeats(as(admin, "2024-04-02"), "N1", 1)); // drops the schedule (NCE-8)
    log.add(nce.upgrade(as(admin, "2024-04-10"), "N1", NceWorld.STANDARD, 4, "N2"));
    log.add(nce.upgrade(as(admin, "2024-04-11"), "N2", NceWorld.PREMIUM));
    log.add(nce.order(as(admin, "2024-05-01"), contoso, NceWorld.BASIC, 3, "N3", TermLength.P1M,
        BillingPlan.MONTHLY));
    log.add(nce.cancel(as(admin, "2024-05-03"), "N3"));
    log.add(nce.order(as(admin, "2024-05-01"), contoso, NceWorld.BASIC, 2, "N4", TermLength.P1M,
        BillingPlan.MONTHLY));
    log.add(nce.autoRenew(as(admin, "2024-06-05"), "N4", false)); // renewed on 06-01 first
    log.add(p.gdap().terminate(as(Actor.customerAdmin(contoso), "2024-06-10"), "R1"));
    log.bills(p.issueBills(as(admin, "2024-07-01"))); // N4 ends on 07-01
    log.add(p.terminatePartnerAgreement(as(admin, "2024-08-01"), d("2024-09-15")));
    return log.run();
  }

  /** @return every record of {@link EventPayload}'s sealed hierarchy */
  static List<Class<?>> payloadTypes() {
    List<Class<?>> out = new ArrayList<>();
    List<Class<?>> todo = new ArrayList<>(List.of(EventPayload.class));
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(0);
      if (c.isSealed()) {
        todo.addAll(List.of(c.getPermittedSubclasses()));
      } else {
        out.add(c);
      }
    }
    return out;
  }
}
