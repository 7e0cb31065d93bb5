package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.BillingTiming;
import io.github.cspkit.csp.billing.LineKind;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bills across a renewal (BIL-6, BIL-7): each term is rounded on its own, and a renewal inside a
 * period is charged on the next bill from its day. S1 (Contoso, billed on the 1st) is ordered on
 * 2025-02-10 and renews on 2026-02-10 at February 2026's price; both terms have 365 days.
 */
class RenewalBillingTest {
  private static final Actor ADMIN = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");

  private static Request at(String iso) {
    return Request.of(ADMIN, LocalDate.parse(iso));
  }

  private static CspPartner world(BillingTiming timing, String priceFrom2026) {
    CspPartner p = PartnerFixtures.bare(Partner.csp(PartnerFixtures.PARTNER),
        CspPolicies.builder().timing(timing).build(), IncidentFeed.NONE, null);
    publish(p, YearMonth.of(2025, 2), "240.00");
    publish(p, YearMonth.of(2026, 2), priceFrom2026);
    p.acceptAgreement(at("2024-10-01"));
    p.createCustomer(at("2025-01-20"), PartnerFixtures.newCustomer(CONTOSO));
    return p;
  }

  private static void publish(CspPartner p, YearMonth month, String e3) {
    PriceList list = PriceList.monthly(PartnerFixtures.MARKET, PartnerFixtures.USD, month,
        PartnerFixtures.publishedOn(month), Map.of(E3, PartnerFixtures.usd(e3)));
    p.publishPriceList(Request.of(Actor.vendor(), list.publishedOn()), list);
  }

  @Test
  void BIL_7_a_renewal_inside_a_period_is_charged_on_the_next_bill_from_its_day() {
    CspPartner p = world(BillingTiming.IN_ADVANCE, "250.00");
    p.order(at("2025-02-10"), CONTOSO, E3, 10, "S1");
    p.issueBills(at("2026-03-01"));
    // issued at the end of Feb 1, February's bill does not know the renewal: the old term to its
    // end, 2400.00 - round(2400.00 × 356/365)
    Bill february = p.bill(CONTOSO, YearMonth.of(2026, 2)).orElseThrow();
    assertThat(february.lines()).extracting(BillLine::kind, BillLine::amountMinor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING, 5_918L));
    // March's bill charges the new term from the renewal day: 2500.00 × 19/365 for Feb 10 .. Mar 1
    // as a prorated line, then March, cumulated: round(2500.00 × 50/365) - 130.14
    Bill march = p.bill(CONTOSO, YearMonth.of(2026, 3)).orElseThrow();
    assertThat(march.lines()).extracting(BillLine::kind, BillLine::amountMinor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.PRORATED, 13_014L),
            org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING, 21_233L));
    BillLine renewal = march.lines().get(0);
    assertThat(renewal.span().start()).isEqualTo(LocalDate.parse("2026-02-10"));
    assertThat(renewal.formula()).isEqualTo("250.00 × 10 × 19/365");
    assertThat(march.total()).isEqualTo(MinorUnits.toAmount(34_247, PartnerFixtures.USD));
  }

  @Test
  void BIL_6_each_term_of_a_renewed_subscription_is_rounded_on_its_own() {
    // in arrears, February 2026's bill holds the end of the first term and the start of the second
    CspPartner p = world(BillingTiming.IN_ARREARS, "250.03");
    p.order(at("2025-02-10"), CONTOSO, E3, 1, "S1");
    p.issueBills(at("2026-02-28"));
    Bill february = p.bill(CONTOSO, YearMonth.of(2026, 2)).orElseThrow();
    // first term: 240.00 - round(240.00 × 356/365) = 240.00 - 234.08 = 5.92;
    // second term: round(250.03 × 19/365) = round(13.015...) = 13.02
    assertThat(february.lines()).extracting(BillLine::amountMinor).containsExactly(592L, 1_302L);
    assertThat(february.totalMinor()).isEqualTo(1_894);
    // rounding the two terms' accruals together would give 18.93: 240.00 - 234.0822 + 13.0153
    long together = new java.math.BigDecimal("24000").subtract(new java.math.BigDecimal(24000L * 356)
        .divide(new java.math.BigDecimal(365), 10, java.math.RoundingMode.HALF_UP))
        .add(new java.math.BigDecimal(25003L * 19).divide(new java.math.BigDecimal(365), 10,
            java.math.RoundingMode.HALF_UP)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    assertThat(together).isEqualTo(1_893);
    // the whole first term is billed exactly: 240.00
    long firstTerm = p.bills(CONTOSO).stream().flatMap(b -> b.lines().stream())
        .filter(l -> l.span().start().isBefore(LocalDate.parse("2026-02-10")))
        .mapToLong(BillLine::amountMinor).sum();
    assertThat(firstTerm).isEqualTo(24_000);
  }
}
