package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.NceTerm;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.NcePartners;
import io.github.cspkit.csp.testkit.NceWorld;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * New-commerce subscriptions sold under the reseller agreement (policies with new commerce and no
 * Microsoft Partner Agreement): accepting a new agreement after the old one ended first rolls them
 * under the old one, as it does the seed's subscriptions. The agreement is accepted on 2024-06-01;
 * written notice on 2025-07-15 makes 2025-08-31 its last day in force (AGR-3).
 */
class NceAgreementReacceptTest {
  private static final Actor ADMIN = Actor.partnerAdmin("Northwind", "agent");

  private static Request at(String iso) {
    return Request.of(ADMIN, LocalDate.parse(iso));
  }

  @Test
  void AGR_1_a_new_agreement_rolls_new_commerce_subscriptions_under_the_one_that_ended() {
    InMemoryStore store = InMemoryStore.create();
    NcePartners.publish(store, YearMonth.of(2024, 6), YearMonth.of(2026, 1));
    CspPolicies policies = CspPolicies.builder().from(NcePartners.policies())
        .partnerAgreement(Optional.empty()).build();
    CspPartner p = CspPartner.builder().partner(Partner.csp("Northwind")).store(store)
        .catalog(NcePartners.catalog()).policies(policies).build();
    p.acceptAgreement(at("2024-06-01"));
    p.createCustomer(at("2024-06-15"), NewCustomer.builder().id("contoso")
        .market(NceWorld.MARKET).billingDay(1).currency(NceWorld.USD).build());
    p.giveNotice(at("2025-07-15"), NoticeChannel.WRITTEN);
    // its first term ends 2025-08-20, in force: it renews; the next ends 2025-09-20: it ends
    p.newCommerce().order(at("2025-07-20"), "contoso", NceWorld.BASIC, 3, "N1", TermLength.P1M,
        BillingPlan.MONTHLY);

    p.acceptAgreement(at("2025-11-01"));

    var n1 = p.newCommerce().subscription("N1", LocalDate.parse("2025-11-01")).orElseThrow();
    assertThat(n1.terms()).extracting(NceTerm::start)
        .containsExactly(LocalDate.parse("2025-07-20"), LocalDate.parse("2025-08-20"));
    assertThat(n1.status()).isEqualTo(SubscriptionStatus.ENDED);
  }
}
