package io.github.cspkit.csp.partner;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import java.time.LocalDate;

/**
 * {@link PartnerFixtures#standard()} plus: S2 (2 seats of E3) suspended on 2025-03-01, a customer
 * with a direct trial ({@link #TRIALCO}), a customer with a syndication tenant ({@link #SYNDCO}),
 * the non-CSP partner Adatum managing {@link #LITWARE} (with copies of S1, A1 and S2, and a trial
 * customer, stored directly), and the CSP partner Tailspin managing Woodgrove (with subscription
 * W1), all on one store, each partner in its own part of it.
 */
final class RichWorld {
  static final String S2 = "S2";
  static final String W1 = "W1";
  static final String TRIALCO = "trialco";
  static final String SYNDCO = "syndco";
  static final String LITWARE = "litware";
  static final LocalDate SUSPENDED = LocalDate.parse("2025-03-01");
  /** The day the calls under test are made. */
  static final LocalDate DAY = LocalDate.parse("2025-03-10");

  final World w;
  final CspPartner northwind;
  final CspPartner adatum;
  final CspPartner tailspin;

  RichWorld(CspPolicies policies, IncidentFeed incidents) {
    w = PartnerFixtures.standard(policies, incidents);
    northwind = w.partner();
    northwind.order(w.asAdmin(PartnerFixtures.ORDERED), PartnerFixtures.CONTOSO, PartnerFixtures.E3, 2, S2);
    northwind.suspend(w.asAdmin(SUSPENDED), S2);
    northwind.createCustomer(w.asAdmin(PartnerFixtures.CREATED), NewCustomer.builder()
        .from(PartnerFixtures.newCustomer(TRIALCO)).tenant(TenantOrigin.DIRECT_TRIAL).build());
    northwind.createCustomer(w.asAdmin(PartnerFixtures.CREATED), NewCustomer.builder()
        .from(PartnerFixtures.newCustomer(SYNDCO)).tenant(TenantOrigin.SYNDICATION).build());
    adatum = PartnerFixtures.nonCspPartner(w, LITWARE, incidents);
    // the non-CSP partner's own data, so that its calls meet its own ids (ACC-4 refuses them)
    w.store().forPartner(adatum.partner().id()).inTransaction(tx -> {
      for (String id : java.util.List.of(PartnerFixtures.S1, PartnerFixtures.A1, S2)) {
        io.github.cspkit.csp.subscription.Subscription s = northwind.subscription(id).orElseThrow();
        tx.subscriptions().save(io.github.cspkit.csp.subscription.Subscription.builder().from(s)
            .customerId(LITWARE).build(), 0);
      }
      tx.customers().save(io.github.cspkit.csp.customer.Customer.builder()
          .from(northwind.customer(TRIALCO).orElseThrow())
          .partnerId(PartnerFixtures.NON_CSP_PARTNER).build(), 0);
      return null;
    });
    tailspin = PartnerFixtures.otherPartner(w);
    tailspin.order(Request.of(tailspinAdmin(), PartnerFixtures.ORDERED), PartnerFixtures.WOODGROVE,
        PartnerFixtures.E3, 4, W1);
  }

  RichWorld() {
    this(CspPolicies.seed(), IncidentFeed.NONE);
  }

  static Actor tailspinAdmin() {
    return Actor.partnerAdmin(PartnerFixtures.OTHER_PARTNER, "other-agent");
  }

  static Actor adatumAdmin() {
    return Actor.partnerAdmin(PartnerFixtures.NON_CSP_PARTNER, "plain-agent");
  }
}
