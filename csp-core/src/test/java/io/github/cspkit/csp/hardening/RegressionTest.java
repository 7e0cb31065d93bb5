package io.github.cspkit.csp.hardening;

import static io.github.cspkit.csp.hardening.World.on;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bugs the hardening found in main code, kept as regression tests now that they are fixed. Each
 * test's comment holds the original diagnosis.
 */
class RegressionTest {
  private static final Sku E3 = World.base("O365_E3", 300);

  /** A US world with USD and EUR lists, so a customer may switch currency (BIL-2). */
  private static World usdAndEur() {
    World w = World.of(List.of(E3), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2025, 1),
        YearMonth.of(2026, 6), Map.of("O365_E3", 12_000L));
    for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2026, 6)); m = m.plusMonths(1)) {
      w.p.publishPriceList(Request.of(Actor.vendor(), d("2024-11-01")), PriceList.builder()
          .id("US-EUR-" + m).market("US").currency(MinorUnits.EUR).publishedOn(d("2024-11-01"))
          .effectiveOn(m.atDay(1)).putPrices("O365_E3", MinorUnits.toAmount(11_000, MinorUnits.EUR)).build());
    }
    return w;
  }

  /*
   * Diagnosis: CspPartner.setBillingProfile allows a currency change once every subscription is
   * ENDED, but BillingEngine.issue checks the currency of every subscription, ended or not, and
   * throws BIL-2. From then on every bill run of the customer throws: the customer can never be
   * billed again (and the credit for the cancellation, still unbilled, would be in the old
   * currency anyway). Fix: in setBillingProfile refuse a currency change while any subscription
   * term of the customer is not fully settled (billed through its end with no change since), and
   * in BillingEngine skip terms that are fully settled instead of checking their currency.
   */
  @Test
  void BIL_2_switching_currency_after_the_last_subscription_ended_is_refused_and_the_customer_stays_billable() {
    World w = usdAndEur();
    w.customer("acme", 1, d("2025-01-10"));
    w.p.order(on(d("2025-03-10")), "acme", "O365_E3", 10, "S1");
    w.p.issueBills(on(d("2025-04-01")));
    w.p.cancel(on(d("2025-04-03")), "S1");
    assertThatThrownBy(() -> w.p.setBillingProfile(on(d("2025-04-04")), "acme",
        BillingProfile.of(1, MinorUnits.EUR)))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("BIL-2"));
    w.p.issueBills(on(d("2025-05-01")));
    assertThat(w.p.bills("acme")).hasSizeGreaterThan(3);
  }

  /*
   * Diagnosis: setBillingProfile checks the currency of the customer's subscriptions but not of its
   * own services (BIL-1); BillingEngine.issue then throws BIL-2 for the USD service on every bill
   * run of the now-EUR customer. Fix: in setBillingProfile also refuse (BIL-2) a currency change
   * while the customer has a monthly service, or an unbilled one-off service, in another currency.
   */
  @Test
  void BIL_2_switching_currency_with_an_own_service_in_the_old_currency_is_refused() {
    World w = usdAndEur();
    w.customer("acme", 1, d("2025-01-10"));
    w.p.addService(on(d("2025-03-10")), "acme", "svc", "support", MinorUnits.toAmount(5_000, MinorUnits.USD),
        Recurrence.MONTHLY);
    assertThatThrownBy(() -> w.p.setBillingProfile(on(d("2025-03-11")), "acme",
        BillingProfile.of(1, MinorUnits.EUR)))
        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("BIL-2"));
  }

  /*
   * Diagnosis: CspPartner.issueBills(Request) bills customer by customer, each in its own
   * transaction, and lets the first exception escape: customers before the failing one are billed
   * and committed, the failing one and every customer after it are not. One unbillable customer
   * (see the two BIL-2 bugs above, or the overflow below) stops the whole partner's bill run, and
   * the caller gets an exception for a call that did change the store. Fix: catch per customer,
   * continue with the others, and report the failures (for example a BillRun result with the bills
   * issued and the refusals by customer), or validate all customers before issuing any.
   */
  @Test
  void BIL_1_one_unbillable_customer_does_not_stop_the_bill_run_of_the_others() {
    World w = usdAndEur();
    w.customer("a-first", 1, d("2025-01-10"));
    w.customer("b-broken", 1, d("2025-01-10"));
    w.customer("c-last", 1, d("2025-01-10"));
    // written straight into the store, past the entry point's checks: a service in another currency
    w.store.inTransaction(tx -> {
      tx.bills().saveService(io.github.cspkit.csp.billing.OwnService.builder().id("svc").customerId("b-broken")
          .amountMinor(5_000).currency(MinorUnits.EUR).recurrence(Recurrence.MONTHLY)
          .startsOn(d("2025-03-10")).build());
      return null;
    });
    assertThatThrownBy(() -> w.p.issueBills(on(d("2025-05-01"))))
        .isInstanceOfSatisfying(io.github.cspkit.csp.partner.BillRunException.class, e -> {
          assertThat(e.failures()).containsOnlyKeys("b-broken");
          assertThat(e.failures().get("b-broken")).isInstanceOf(RuleViolation.class);
          assertThat(e.issued()).extracting(Bill::customerId).contains("a-first", "c-last");
        });
    assertThat(w.p.bills("a-first")).extracting(Bill::month).contains(YearMonth.of(2025, 5));
    assertThat(w.p.bills("c-last")).extracting(Bill::month).contains(YearMonth.of(2025, 5));
    assertThat(w.p.bills("b-broken")).isEmpty();
  }

  /*
   * Diagnosis: SubscriptionOperations.changeSeats (and orderAddOn) check with Math.*Exact only the
   * change's own charge (unit x seats x days left), never the term's whole accrual. Adding seats to
   * a large subscription can so make the term's accrual exceed a long: the change is accepted, and
   * the overflow surfaces later as ArithmeticException("long overflow") in BillingEngine on every
   * bill run of the customer. First fix: refuse the change when rate x days in term overflows.
   * Second fix (#15): accrual numerators are 128-bit, so such a change is billed exactly; only a
   * change whose whole-term charge (the new rate itself) does not fit a long is refused, at the
   * change.
   */
  @Test
  void SUB_2_a_seat_change_whose_whole_term_charge_overflows_is_refused_at_the_change() {
    long unit = Long.MAX_VALUE / 8_000;
    World w = World.of(List.of(World.base("BIG", 10_000)), CspPolicies.seed(), "US", MinorUnits.USD,
        YearMonth.of(2023, 3), YearMonth.of(2025, 6), Map.of("BIG", unit));
    w.customer("whale", 1, d("2023-03-01"));
    w.p.order(on(d("2023-06-01")), "whale", "BIG", 6_000, "S1");
    assertThatThrownBy(() -> w.p.addSeats(on(d("2023-06-02")), "S1", 4_000))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("does not fit");
    assertThat(w.p.subscription("S1").orElseThrow().seats()).isEqualTo(6_000);
    w.p.addSeats(on(d("2023-06-02")), "S1", 2_000); // 8,000 seats: the rate still fits
    w.p.issueBills(on(d("2023-07-01")));
    Conservation.check(w.store, new Conservation.Tally());
  }

  /*
   * Diagnosis: idempotency keys are global to the store, not scoped to a partner (IdempotencyRecords
   * is keyed by the bare key). A second partner's instance sharing the store (DESIGN.md: many
   * instances, one store) that reuses a key (keys are client-chosen; "add-1" is likely) has its own,
   * valid command refused (then an IllegalArgumentException), and the message discloses the first
   * partner's command, subscription id, date and user ("was used for addSeats(S1, 2) on 2025-03-11
   * by agent"). Fix: scope keys by partner: put the partner id into CommandRecord and look records
   * up by (partnerId, key) in IdempotencyRecords (and in the PostgreSQL schema's primary key).
   */
  @Test
  void ACC_4_another_partner_reusing_a_key_on_a_shared_store_runs_its_own_command() {
    World w = World.of(List.of(E3), CspPolicies.seed(), "US", MinorUnits.USD, YearMonth.of(2025, 1),
        YearMonth.of(2025, 12), Map.of("O365_E3", 12_000L));
    w.customer("acme", 1, d("2025-01-10"));
    w.p.order(on(d("2025-03-10")), "acme", "O365_E3", 10, "S1");
    w.p.addSeats(on(d("2025-03-11")).withKey("add-1"), "S1", 2);
    io.github.cspkit.csp.partner.CspPartner other = io.github.cspkit.csp.partner.CspPartner.builder().partner(io.github.cspkit.csp.access.Partner.csp("tailspin"))
        .catalog(io.github.cspkit.csp.catalog.Catalog.of(List.of(E3))).store(w.store).build();
    Actor otherAdmin = Actor.partnerAdmin("tailspin", "agent");
    other.acceptAgreement(Request.of(otherAdmin, d("2025-01-02")));
    other.createCustomer(Request.of(otherAdmin, d("2025-01-10")), io.github.cspkit.csp.partner.NewCustomer.builder().id("zeta")
        .market("US").currency(MinorUnits.USD).build());
    other.order(Request.of(otherAdmin, d("2025-03-10")), "zeta", "O365_E3", 3, "Z1");
    io.github.cspkit.csp.partner.Result<io.github.cspkit.csp.subscription.Subscription> r =
        other.addSeats(Request.of(otherAdmin, d("2025-03-11")).withKey("add-1"), "Z1", 1);
    assertThat(r.value().id()).isEqualTo("Z1");
    assertThat(other.subscription("Z1").orElseThrow().seats()).isEqualTo(4);
  }
}
