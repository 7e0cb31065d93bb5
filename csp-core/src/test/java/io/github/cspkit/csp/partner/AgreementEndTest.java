package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.PartnerFixtures.ADD_ON;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.YearMonth;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * AGR-1 after the agreement's last day, through the entry point: no renewal (SUB-7), winding down
 * allowed, a new agreement accepted. The agreement is accepted on 2024-06-01; a written notice on
 * 2025-07-15 (before the August 1 deadline) makes 2025-08-31 its last day in force (AGR-3). E3
 * costs 240.00 and its add-on 36.00 in every month from 2024-06 to 2026-09; sold at cost.
 */
class AgreementEndTest {
  private static final Actor ADMIN = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");

  private static Request at(String iso) {
    return Request.of(ADMIN, d(iso));
  }

  /** The partner, its lists and Contoso (billed on the 1st), created on {@code created}. */
  private static CspPartner world(String created) {
    CspPartner p = PartnerFixtures.bare(Partner.csp(PartnerFixtures.PARTNER), CspPolicies.seed(),
        IncidentFeed.NONE, null);
    for (YearMonth m = YearMonth.of(2024, 6); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
      PriceList list = PriceList.monthly(PartnerFixtures.MARKET, PartnerFixtures.USD, m,
          PartnerFixtures.publishedOn(m), PartnerFixtures.prices());
      p.publishPriceList(Request.of(Actor.vendor(), list.publishedOn()), list);
    }
    p.acceptAgreement(at("2024-06-01"));
    p.createCustomer(at(created), PartnerFixtures.newCustomer(CONTOSO));
    return p;
  }

  private static void noticeEndingOn20250831(CspPartner p) {
    Agreement a = p.giveNotice(at("2025-07-15"), NoticeChannel.WRITTEN).value();
    assertThat(a.endDate()).contains(d("2025-08-31"));
  }

  private static void refusedAgr1(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class,
        v -> assertThat(v.rule()).as(v.getMessage()).isEqualTo("AGR-1"));
  }

  private static long billed(CspPartner p, String subscriptionId) {
    long sum = 0;
    for (Bill b : p.bills(CONTOSO)) {
      for (BillLine l : b.lines()) {
        if (subscriptionId.equals(l.subscriptionId())) {
          sum += l.amountMinor();
        }
      }
    }
    return sum;
  }

  @Test
  void AGR_1_no_renewal_after_the_agreement_ends() {
    CspPartner p = world("2024-08-15");
    p.order(at("2024-09-01"), CONTOSO, E3, 10, "S1");
    p.orderAddOn(at("2024-09-01"), "S1", ADD_ON, 2, "A1");
    noticeEndingOn20250831(p);
    // only bill runs move the subscriptions through their term end (2025-09-01)
    p.issueBills(at("2025-10-01"));
    for (String id : new String[] {"S1", "A1"}) {
      Subscription s = p.subscription(id).orElseThrow();
      assertThat(s.status()).as(id).isEqualTo(SubscriptionStatus.ENDED);
      assertThat(s.terms()).as(id).hasSize(1);
      assertThat(s.term().end()).as(id).isEqualTo(d("2025-09-01"));
      assertThat(p.subscription(id, d("2027-01-01")).orElseThrow().terms()).as(id).hasSize(1);
    }
    // each term billed whole, nothing after it: 240.00 × 10 + 36.00 × 2 (365 days)
    assertThat(billed(p, "S1")).isEqualTo(240_000);
    assertThat(billed(p, "A1")).isEqualTo(7_200);
    assertThat(p.bill(CONTOSO, YearMonth.of(2025, 9)).orElseThrow().totalMinor()).isZero();
    assertThat(p.bill(CONTOSO, YearMonth.of(2025, 10)).orElseThrow().totalMinor()).isZero();
  }

  @Test
  void AGR_1_a_renewal_on_the_agreements_last_day_in_force_still_happens() {
    CspPartner p = world("2024-08-15");
    p.order(at("2024-08-31"), CONTOSO, E3, 10, "S2");
    noticeEndingOn20250831(p);
    p.issueBills(at("2026-10-01"));
    Subscription s = p.subscription("S2").orElseThrow();
    assertThat(s.terms()).extracting(Term::start).containsExactly(d("2024-08-31"), d("2025-08-31"));
    assertThat(s.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(s.term().end()).isEqualTo(d("2026-08-31"));
    // BIL-7: the renewal inside August's period is on September's bill, from its day:
    // 2400.00 × 1/365 = 6.58 for August 31, then 2400.00 × 31/365 = 203.84 cumulated
    Bill september = p.bill(CONTOSO, YearMonth.of(2025, 9)).orElseThrow();
    assertThat(september.lines()).extracting(BillLine::amountMinor).containsExactly(658L, 19_726L);
    assertThat(september.totalMinor()).isEqualTo(20_384);
    // both terms billed whole (BIL-6): 2400.00 each
    assertThat(billed(p, "S2")).isEqualTo(480_000);
  }

  @Test
  void AGR_1_winding_down_is_allowed_after_the_last_day_transacting_is_not() {
    CspPartner p = world("2025-01-20");
    p.order(at("2025-02-10"), CONTOSO, E3, 10, "S1");
    p.orderAddOn(at("2025-02-10"), "S1", ADD_ON, 2, "A1");
    p.order(at("2025-02-10"), CONTOSO, E3, 5, "S2");
    noticeEndingOn20250831(p);
    refusedAgr1(() -> p.order(at("2025-09-10"), CONTOSO, E3, 1, "S9"));
    refusedAgr1(() -> p.addSeats(at("2025-09-10"), "S1", 1));
    refusedAgr1(() -> p.orderAddOn(at("2025-09-10"), "S2", ADD_ON, 1, "A9"));
    refusedAgr1(() -> p.autoRenew(at("2025-09-10"), "S1", true));
    assertThat(p.removeSeats(at("2025-09-10"), "S1", 2).value().seats()).isEqualTo(8);
    assertThat(p.autoRenew(at("2025-09-10"), "S2", false).value().autoRenew()).isFalse();
    assertThat(p.suspend(at("2025-09-15"), "S2").value().status())
        .isEqualTo(SubscriptionStatus.SUSPENDED);
    refusedAgr1(() -> p.reactivate(at("2025-09-20"), "S2"));
    Subscription cancelled = p.cancel(at("2025-10-01"), "S1").value();
    assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(p.subscription("A1").orElseThrow().status()).isEqualTo(SubscriptionStatus.ENDED);
    // nothing refused changed anything; the partner still bills its customers
    assertThat(p.subscriptions(CONTOSO)).extracting(Subscription::id)
        .containsExactlyInAnyOrder("S1", "A1", "S2");
    p.issueBills(at("2026-03-01"));
    assertThat(p.subscription("S2").orElseThrow().status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(p.subscription("S2").orElseThrow().terms()).hasSize(1);
    // S1: 10 seats 2025-02-10 .. 2025-09-10 (212 days), 8 seats to 2025-10-01 (21 days):
    // 240.00 × (10 × 212 + 8 × 21) / 365 = 1504.44
    assertThat(billed(p, "S1")).isEqualTo(150_444);
  }

  @Test
  void AGR_1_a_partner_whose_agreement_ended_accepts_a_new_one() {
    CspPartner p = world("2024-06-15");
    p.order(at("2024-07-01"), CONTOSO, E3, 1, "SC"); // renews 2025-07-01, in force
    p.order(at("2024-10-15"), CONTOSO, E3, 1, "SA"); // term ends 2025-10-15: between the agreements
    p.order(at("2025-03-01"), CONTOSO, E3, 1, "SB"); // renews 2026-03-01, under the new agreement
    noticeEndingOn20250831(p);
    refusedAgr1(() -> p.acceptAgreement(at("2025-08-31"))); // still in force
    refusedAgr1(() -> p.order(at("2025-09-10"), CONTOSO, E3, 1, "S9"));
    Agreement next = p.acceptAgreement(at("2025-11-01")).value();
    assertThat(next.acceptedOn()).isEqualTo(d("2025-11-01"));
    assertThat(next.firstRenewalDate()).isEqualTo(d("2026-08-31"));
    assertThat(next.endDate()).isEmpty();
    assertThat(p.agreement().orElseThrow()).isEqualTo(next);
    // the renewal on 2025-07-01 happened under the first agreement, though nothing had rolled SC
    assertThat(p.subscription("SC").orElseThrow().terms()).extracting(Term::start)
        .containsExactly(d("2024-07-01"), d("2025-07-01"));
    assertThat(p.subscription("SA", d("2025-11-01")).orElseThrow().status())
        .isEqualTo(SubscriptionStatus.ENDED);
    Subscription sb = p.subscription("SB", d("2026-03-01")).orElseThrow();
    assertThat(sb.terms()).extracting(Term::start).containsExactly(d("2025-03-01"), d("2026-03-01"));
    assertThat(p.order(at("2025-11-01"), CONTOSO, E3, 1, "SD").value().status())
        .isEqualTo(SubscriptionStatus.ACTIVE);
    refusedAgr1(() -> p.acceptAgreement(at("2025-12-01"))); // the new one is in force
  }
}
