package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * PRC-5 through the entry point: the partner raises its markup from 20 % to 50 % from 2026-03-01 on
 * by building a new {@link CspPartner} over the same store. E3 costs 240.00 in every month: 288.00
 * before the change, 360.00 after. Renewals are computed when a subscription is next touched,
 * after the change, yet each term takes the policy in force on its first day.
 */
class PricingPolicyChangeTest {
  private static final LocalDate CHANGE = LocalDate.parse("2026-03-01");

  private static CspPolicies markup(PricingPolicy pricing) {
    return CspPolicies.builder().pricing(pricing).build();
  }

  @Test
  void PRC_5_a_pricing_policy_change_applies_to_terms_that_start_after_it_renewals_included() {
    PricingPolicy before = PricingPolicy.markup(new BigDecimal("20"));
    World w = PartnerFixtures.world(markup(before), io.github.cspkit.csp.access.IncidentFeed.NONE);
    w.partner().order(w.asAdmin(d("2025-02-10")), CONTOSO, E3, 10, S1); // renews 2026-02-10
    w.partner().order(w.asAdmin(d("2025-04-01")), CONTOSO, E3, 2, "S3"); // renews 2026-04-01
    CspPartner after = CspPartner.builder().partner(w.partner().partner()).store(w.store())
        .catalog(w.partner().catalog())
        .policies(markup(before.changingOn(CHANGE, PricingPolicy.markup(new BigDecimal("50")))))
        .build();
    // S1's renewal on 2026-02-10, computed only now, started before the change: 288.00
    Subscription s1 = after.addSeats(w.asAdmin(d("2026-03-05")), S1, 1).value();
    assertThat(s1.terms()).extracting(Term::saleUnit).containsExactly(28_800L, 28_800L);
    // and the running term's added seats pay its locked price: 288.00 × 1 × 342/365
    assertThat(after.quoteAddSeats(w.asAdmin(d("2026-03-05")), S1, 1).chargeMinor())
        .isEqualTo(26_985);
    // a term that starts after the change, an order or a renewal: 360.00
    assertThat(after.order(w.asAdmin(CHANGE), CONTOSO, E3, 1, "S2").value().term().saleUnit())
        .isEqualTo(36_000);
    assertThat(after.subscription("S3", d("2026-04-01")).orElseThrow().terms())
        .extracting(Term::saleUnit).containsExactly(28_800L, 36_000L);
  }
}
