package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static io.github.cspkit.csp.testkit.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import org.junit.jupiter.api.Test;

/**
 * A command checks its arguments before the rules on state and dates (AGR-1, BIL-7, SUB-7), so a
 * refusal names what is wrong with the call itself first, and nothing changes.
 */
class ArgumentChecksFirstTest {
  @Test
  void SUB_1_seat_counts_are_checked_before_the_billed_day_and_the_agreement() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    p.issueBills(w.asAdmin(d("2025-03-01")));
    // 2025-03-01 is already billed: a valid change is refused BIL-7, an invalid count SUB-1
    refused("BIL-7", () -> p.addSeats(w.asAdmin(d("2025-03-01")), S1, 5));
    refused("SUB-1", () -> p.addSeats(w.asAdmin(d("2025-03-01")), S1, -5));
    refused("SUB-1", () -> p.addSeats(w.asAdmin(d("2025-03-01")), S1, 0));
    refused("SUB-7", () -> p.removeSeats(w.asAdmin(d("2025-03-01")), S1, -5));
    refused("SUB-1", () -> p.order(w.asAdmin(d("2025-03-01")), CONTOSO, E3, 0, "S9"));
    refused("SUB-1", () -> p.order(w.asAdmin(d("2025-03-01")), CONTOSO, E3, 301, "S9"));
    refused("SUB-1", () -> p.orderAddOn(w.asAdmin(d("2025-03-01")), S1, PartnerFixtures.ADD_ON, 0,
        "A9"));
    refused("SUB-1", () -> p.quoteAddSeats(w.asAdmin(d("2025-03-01")), S1, -5));
    // after the agreement's end: AGR-1 for a valid order, SUB-1 for a count of 0
    p.giveNotice(w.asAdmin(d("2025-03-02")), NoticeChannel.WRITTEN);
    refused("AGR-1", () -> p.addSeats(w.asAdmin(d("2025-09-01")), S1, 1));
    refused("SUB-1", () -> p.addSeats(w.asAdmin(d("2025-09-01")), S1, -5));
    refused("SUB-1", () -> p.convertTrial(w.asAdmin(d("2025-09-01")), CONTOSO, E3, 0, "S9"));
    assertThat(p.subscription(S1).orElseThrow().seats()).isEqualTo(10);
    assertThat(p.subscriptions(CONTOSO)).hasSize(2);
  }

  @Test
  void AGR_4_a_notice_through_another_channel_is_refused_before_the_agreement_is_looked_at() {
    io.github.cspkit.csp.repository.CspStore store = io.github.cspkit.csp.repository.InMemoryStore.create();
    CspPartner p = PartnerFixtures.bare(Partner.csp(PartnerFixtures.PARTNER), CspPolicies.seed(),
        IncidentFeed.NONE, store);
    World w = new World(p, store.forPartner(p.partner().id()));
    refused("AGR-4", () -> p.giveNotice(w.asAdmin(d("2025-03-01")), NoticeChannel.EMAIL));
    refused("AGR-1", () -> p.giveNotice(w.asAdmin(d("2025-03-01")), NoticeChannel.WRITTEN));
    assertThat(p.agreement()).isEmpty();
  }
}
