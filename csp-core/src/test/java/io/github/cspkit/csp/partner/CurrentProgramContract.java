package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.E3;
import static io.github.cspkit.csp.testkit.NceWorld.PREMIUM;
import static io.github.cspkit.csp.testkit.NceWorld.STANDARD;
import static io.github.cspkit.csp.testkit.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.ChargeType;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.NceTerm;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.NcePartners;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The current program end to end through {@link CspPartner} and {@link NewCommerce} (MPA-1,
 * NCE-1..10): one worked case or more per rule, each refusal checked to change nothing. Subclass it
 * with {@link #newStore()} returning an empty store; the lists of {@link NcePartners} (BASIC
 * 7.20/72.00/216.00 for P1M/P1Y/P3Y until 2025, +10 % from 2026; sale price cost + 20 %) are
 * published on it.
 */
public abstract class CurrentProgramContract {
  /** The store under test, lists published. */
  protected CspStore store;
  /** The partner, agreement accepted, {@code contoso} created. */
  protected CspPartner p;
  /** Its new-commerce subscriptions. */
  protected NewCommerce nce;

  /** @return a new, empty store */
  protected abstract CspStore newStore();

  @BeforeEach
  protected void world() {
    store = NcePartners.publish(newStore(), YearMonth.of(2023, 12), YearMonth.of(2027, 6));
    p = NcePartners.partner(store, "Northwind");
    nce = p.newCommerce();
  }

  private Request at(String day) {
    return NcePartners.admin(p, d(day));
  }

  private NceSubscription order(String day, String sku, int seats, String id, TermLength term,
      BillingPlan plan) {
    return nce.order(at(day), NcePartners.CONTOSO, sku, seats, id, term, plan).value();
  }

  private NceSubscription stored(String id) {
    return nce.subscription(id, LocalDate.of(2000, 1, 1)).orElseThrow();
  }

  private static DateRange range(String from, String to) {
    return DateRange.of(d(from), d(to));
  }

  // ---------------------------------------------------------------- MPA-1

  @Test
  void MPA_1_the_agreement_is_in_force_from_acceptance_until_the_date_its_notice_names() {
    CspPartner bare = NcePartners.bare(store, "Tailspin");
    refused("AGR-1", () -> bare.createCustomer(NcePartners.admin(bare, d("2024-01-02")),
        NewCustomer.builder().id("woodgrove").market("US").currency(PartnerFixtures.USD).build()));
    assertThat(bare.partnerAgreement()).isEmpty();
    bare.acceptPartnerAgreement(NcePartners.admin(bare, d("2024-01-02")));
    assertThat(bare.partnerAgreement().orElseThrow().isInForce(d("2030-01-01"))).isTrue();
    refused("MPA-1", () -> bare.acceptPartnerAgreement(NcePartners.admin(bare, d("2024-02-01"))));
    bare.createCustomer(NcePartners.admin(bare, d("2024-02-01")), NewCustomer.builder()
        .id("woodgrove").market("US").currency(PartnerFixtures.USD).build());

    // a notice must name a date at least 30 days after it
    refused("MPA-1", () -> bare.terminatePartnerAgreement(NcePartners.admin(bare, d("2025-03-01")),
        d("2025-03-30")));
    assertThat(bare.partnerAgreement().orElseThrow().terminations()).isEmpty();
    Result<io.github.cspkit.csp.agreement.PartnerAgreement> t = bare.terminatePartnerAgreement(
        NcePartners.admin(bare, d("2025-03-01")), d("2025-03-31"));
    assertThat(t.value().endDate()).contains(d("2025-03-30"));
    assertThat(t.events()).extracting(DomainEvent::kind).containsExactly("TERMINATION");

    // the last day in force is the day before the date named
    bare.newCommerce().order(NcePartners.admin(bare, d("2025-03-30")), "woodgrove", BASIC, 3, "W1",
        TermLength.P1M, BillingPlan.MONTHLY);
    refused("AGR-1", () -> bare.newCommerce().order(NcePartners.admin(bare, d("2025-03-31")),
        "woodgrove", BASIC, 3, "W2", TermLength.P1M, BillingPlan.MONTHLY));
    assertThat(bare.newCommerce().subscriptions("woodgrove", d("2025-03-31"))).hasSize(1);
    // winding down goes on: a cancellation within its window
    assertThat(bare.newCommerce().cancel(NcePartners.admin(bare, d("2025-03-31")), "W1").value()
        .status()).isEqualTo(SubscriptionStatus.ENDED);
  }

  @Test
  void MPA_1_a_subscription_does_not_renew_once_the_agreement_has_ended() {
    order("2025-01-15", BASIC, 5, "S1", TermLength.P1M, BillingPlan.MONTHLY);
    p.terminatePartnerAgreement(at("2025-01-20"), d("2025-03-01"));
    NceSubscription s = nce.subscription("S1", d("2025-04-01")).orElseThrow();
    assertThat(s.terms()).extracting(NceTerm::start).containsExactly(d("2025-01-15"),
        d("2025-02-15"));
    assertThat(s.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(s.term().events().get(s.term().events().size() - 1).date())
        .isEqualTo(d("2025-03-15"));
  }

  @Test
  void MPA_1_the_reseller_agreement_is_replaced_under_the_current_program() {
    refused("MPA-1", () -> p.acceptAgreement(at("2025-01-01")));
    assertThat(p.agreement()).isEmpty();
    CspPartner seed = CspPartner.builder().partner(Partner.csp("Adatum")).store(store)
        .catalog(NcePartners.catalog()).build();
    assertThatThrownBy(() -> seed.acceptPartnerAgreement(NcePartners.admin(seed, d("2025-01-01"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no partner-agreement");
    assertThatThrownBy(seed::newCommerce).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no new-commerce policies");
  }

  // ---------------------------------------------------------------- NCE-1

  @Test
  void NCE_1_an_offer_is_ordered_only_with_a_term_and_plan_its_list_has_a_row_for() {
    NceSubscription s = order("2025-01-10", BASIC, 5, "S1", TermLength.P1M, BillingPlan.MONTHLY);
    assertThat(s.offer().toString()).isEqualTo("BASIC/P1M/monthly");
    assertThat(s.price().costMinor()).isEqualTo(720);
    assertThat(s.price().saleMinor()).isEqualTo(864);
    refused("NCE-1", () -> order("2025-01-10", BASIC, 5, "S2", TermLength.P1M, BillingPlan.ANNUAL));
    refused("NCE-1", () -> order("2025-01-10", E3, 5, "S2", TermLength.P1M, BillingPlan.MONTHLY));
    assertThat(nce.subscriptions(NcePartners.CONTOSO, d("2025-01-10"))).hasSize(1);
    // a seed list's price is the one-year term billed annually
    assertThat(order("2025-01-10", E3, 5, "S2", TermLength.P1Y, BillingPlan.ANNUAL).price()
        .costMinor()).isEqualTo(24_000);
  }

  @Test
  void NCE_1_the_rows_of_a_list_imported_from_partner_center_price_new_commerce_orders() {
    io.github.cspkit.csp.pricing.PriceListImport imp = io.github.cspkit.csp.pricing.PriceListImport
        .of(io.github.cspkit.csp.pricing.SkuMapping.empty().with("CFQ7TTC0LFLX:0001", BASIC),
            d("2027-06-15"));
    imp.add(new io.github.cspkit.csp.pricing.PriceListFileRow(2, "CFQ7TTC0LFLX", "0001", "Basic",
        "Basic", "P1Y", "Annual", "US", "USD", "90.00", "", "", "2027-08-01T00:00:00Z",
        "9999-12-31T23:59:59Z", ""));
    imp.add(new io.github.cspkit.csp.pricing.PriceListFileRow(3, "CFQ7TTC0LFLX", "0001", "Basic",
        "Basic", "P1M", "Monthly", "US", "USD", "9.00", "", "", "2027-08-01T00:00:00Z",
        "9999-12-31T23:59:59Z", ""));
    io.github.cspkit.csp.pricing.ImportedPriceList list = imp.finish();
    assertThat(p.importPriceList(at("2027-07-20"), list).value()).isEqualTo(list.priceList());
    // importing it again changes nothing, the rows included
    assertThat(p.importPriceList(at("2027-07-21"), list).value()).isEqualTo(list.priceList());
    assertThat(order("2027-08-05", BASIC, 3, "S1", TermLength.P1M, BillingPlan.MONTHLY).price()
        .costMinor()).isEqualTo(900);
    assertThat(order("2027-08-05", BASIC, 3, "S2", TermLength.P1Y, BillingPlan.ANNUAL).price()
        .costMinor()).isEqualTo(9_000);
    refused("NCE-1", () -> order("2027-08-05", BASIC, 3, "S3", TermLength.P3Y,
        BillingPlan.ANNUAL));
  }

  @Test
  void NCE_1_terms_are_anchored_on_the_first_start_and_never_drift() {
    order("2025-01-31", BASIC, 2, "S1", TermLength.P1M, BillingPlan.MONTHLY);
    NceSubscription s = nce.subscription("S1", d("2025-05-15")).orElseThrow();
    assertThat(s.terms()).extracting(NceTerm::start).containsExactly(d("2025-01-31"),
        d("2025-02-28"), d("2025-03-31"), d("2025-04-30"));
    assertThat(stored("S1").terms()).hasSize(1); // a read stores nothing
  }

  @Test
  void NCE_1_a_replayed_key_returns_the_order_without_ordering_again() {
    Request r = at("2025-01-10").withKey("order-1");
    Result<NceSubscription> first = nce.order(r, NcePartners.CONTOSO, BASIC, 5, "S1",
        TermLength.P1Y, BillingPlan.MONTHLY);
    Result<NceSubscription> again = nce.order(r, NcePartners.CONTOSO, BASIC, 5, "S1",
        TermLength.P1Y, BillingPlan.MONTHLY);
    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(first.events()).extracting(DomainEvent::kind).containsExactly("ORDER");
  }

  // ---------------------------------------------------------------- NCE-2, NCE-4, NCE-10

  @Test
  void NCE_2_a_yearly_price_is_charged_in_equal_monthly_instalments() {
    order("2025-01-31", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.MONTHLY);
    List<VendorCharge> charges = nce.vendorCharges("S1", range("2025-01-31", "2026-01-31"));
    assertThat(charges).hasSize(12);
    assertThat(charges).extracting(VendorCharge::unitPriceMinor).containsOnly(600L);
    assertThat(charges).extracting(VendorCharge::subtotalMinor).containsOnly(6_000L);
    assertThat(charges.get(0).chargeType()).isEqualTo(ChargeType.NEW);
    assertThat(charges.subList(1, 12)).extracting(VendorCharge::chargeType)
        .containsOnly(ChargeType.CYCLE_CHARGE);
    assertThat(charges.get(1).chargeStartDate()).isEqualTo(d("2025-02-28"));
  }

  @Test
  void NCE_4_added_seats_are_charged_from_their_day_to_the_end_of_the_cycle() {
    order("2025-01-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.MONTHLY);
    assertThat(nce.addSeats(at("2025-01-10"), "S1", 3).value().seats()).isEqualTo(13);
    List<VendorCharge> jan = nce.vendorCharges("S1", range("2025-01-01", "2025-02-01"));
    VendorCharge added = jan.get(1);
    assertThat(added.chargeType()).isEqualTo(ChargeType.ADD_QUANTITY);
    assertThat(added.span()).isEqualTo(range("2025-01-10", "2025-02-01"));
    assertThat(added.effectiveUnitPriceMinor()).isEqualTo(600L * 22 / 31); // 4.25
    assertThat(added.subtotalMinor()).isEqualTo(3 * 425);
    // from the next cycle on they are part of the cycle charge
    assertThat(nce.vendorCharges("S1", range("2025-02-01", "2025-03-01")))
        .extracting(VendorCharge::quantity).containsExactly(13);
  }

  @Test
  void NCE_10_the_vendor_truncates_each_line_and_negates_refunds() {
    order("2025-01-01", BASIC, 5, "S1", TermLength.P1M, BillingPlan.MONTHLY);
    nce.removeSeats(at("2025-01-04"), "S1", 2);
    List<VendorCharge> all = nce.vendorCharges(range("2025-01-01", "2025-02-01"));
    assertThat(all).extracting(VendorCharge::chargeType)
        .containsExactly(ChargeType.NEW, ChargeType.REMOVE_QUANTITY);
    assertThat(all.get(0).subtotalMinor()).isEqualTo(5 * 720);
    VendorCharge refund = all.get(1);
    assertThat(refund.effectiveUnitPriceMinor()).isEqualTo(-650); // ROUNDDOWN(7.20 x 28/31)
    assertThat(refund.quantity()).isEqualTo(2);
    assertThat(refund.subtotalMinor()).isEqualTo(-1_300);
    assertThat(refund.customerId()).isEqualTo(NcePartners.CONTOSO);
    // February: the renewal of the three seats left
    assertThat(nce.vendorCharges(range("2025-02-01", "2025-03-01")))
        .extracting(VendorCharge::chargeType, VendorCharge::quantity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChargeType.RENEW, 3));
  }

  // ---------------------------------------------------------------- NCE-3

  @Test
  void NCE_3_the_price_is_protected_for_the_term_and_a_renewal_takes_that_days_price() {
    order("2025-06-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    NceSubscription added = nce.addSeats(at("2025-12-15"), "S1", 2).value();
    assertThat(added.price().costMinor()).isEqualTo(7_200);
    assertThat(nce.addSeats(at("2026-02-01"), "S1", 1).value().price().costMinor())
        .isEqualTo(7_200);
    NceSubscription renewed = nce.subscription("S1", d("2026-06-01")).orElseThrow();
    assertThat(renewed.terms()).hasSize(2);
    assertThat(renewed.price().costMinor()).isEqualTo(7_920);
    assertThat(renewed.price().saleMinor()).isEqualTo(9_504);
    assertThat(renewed.seats()).isEqualTo(13);
  }

  // ---------------------------------------------------------------- NCE-5

  @Test
  void NCE_5_cancel_within_the_window_ends_it_refunds_the_unused_days_and_credits_the_customer() {
    order("2025-03-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    List<Bill> before = p.issueBills(at("2025-03-01"));
    long billedBefore = billed(before, "S1");
    assertThat(billedBefore).isPositive();
    NceSubscription s = nce.cancel(at("2025-03-05"), "S1").value();
    assertThat(s.status()).isEqualTo(SubscriptionStatus.ENDED);
    List<VendorCharge> charges = nce.vendorCharges("S1", range("2025-03-01", "2025-04-01"));
    assertThat(charges).extracting(VendorCharge::chargeType)
        .containsExactly(ChargeType.NEW, ChargeType.CANCEL_IMMEDIATE);
    assertThat(charges.get(1).effectiveUnitPriceMinor()).isEqualTo(-(7_200L * 361 / 365));
    assertThat(charges.get(1).subtotalMinor()).isEqualTo(-10 * (7_200L * 361 / 365));
    // the customer's next bill credits what was billed beyond the cancellation (BIL-7)
    List<Bill> after = p.issueBills(at("2025-04-01"));
    assertThat(after).isNotEmpty();
    assertThat(after.get(after.size() - 1).lines()).filteredOn(l -> l.subscriptionId().equals("S1"))
        .extracting(BillLine::amountMinor).allMatch(a -> a < 0).isNotEmpty();
    // in all: four days of ten seats at 86.40 a year
    assertThat(billedBefore + billed(after, "S1")).isEqualTo(Math.round(10 * 8_640 * 4 / 365.0));
  }

  private static long billed(List<Bill> bills, String subscriptionId) {
    long sum = 0;
    for (Bill b : bills) {
      for (BillLine l : b.lines()) {
        if (l.subscriptionId().equals(subscriptionId)) {
          sum += l.amountMinor();
        }
      }
    }
    return sum;
  }

  @Test
  void NCE_5_cancel_after_the_window_is_refused_and_changes_nothing() {
    order("2025-03-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    NceSubscription before = stored("S1");
    refused("NCE-5", () -> nce.cancel(at("2025-03-08"), "S1"));
    assertThat(stored("S1")).isEqualTo(before);
    // turning auto-renewal off instead: it ends with its term
    nce.autoRenew(at("2025-03-08"), "S1", false);
    NceSubscription later = nce.subscription("S1", d("2026-03-01")).orElseThrow();
    assertThat(later.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(later.terms()).hasSize(1);
  }

  // ---------------------------------------------------------------- NCE-6

  @Test
  void NCE_6_seats_are_removed_only_within_the_window_of_their_addition() {
    order("2025-03-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    nce.addSeats(at("2025-03-20"), "S1", 5);
    assertThat(nce.removeSeats(at("2025-03-25"), "S1", 3).value().seats()).isEqualTo(12);
    NceSubscription before = stored("S1");
    refused("NCE-6", () -> nce.removeSeats(at("2025-03-25"), "S1", 3));
    refused("NCE-6", () -> nce.removeSeats(at("2025-03-27"), "S1", 1));
    assertThat(stored("S1")).isEqualTo(before);
    assertThat(nce.vendorCharges("S1", range("2025-03-25", "2025-03-26")))
        .extracting(VendorCharge::chargeType, VendorCharge::quantity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChargeType.REMOVE_QUANTITY, 3));
  }

  // ---------------------------------------------------------------- NCE-7

  @Test
  void NCE_7_a_suspended_subscription_is_still_charged_and_does_not_renew() {
    order("2025-01-01", BASIC, 5, "S1", TermLength.P1Y, BillingPlan.MONTHLY);
    p.issueBills(at("2025-01-01"));
    nce.suspend(at("2025-01-10"), "S1");
    // the vendor keeps charging, and so does the partner's bill (the default policy)
    assertThat(nce.vendorCharges("S1", range("2025-02-01", "2025-03-01")))
        .extracting(VendorCharge::chargeType).containsExactly(ChargeType.CYCLE_CHARGE);
    List<Bill> bills = p.issueBills(at("2025-02-01"));
    assertThat(billed(bills, "S1")).isPositive();
    // suspending is not cancelling
    refused("NCE-5", () -> nce.cancel(at("2025-02-02"), "S1"));
    NceSubscription end = nce.subscription("S1", d("2026-01-01")).orElseThrow();
    assertThat(end.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(end.terms()).hasSize(1);
  }

  @Test
  void NCE_7_a_policy_can_stop_the_partners_bill_while_the_vendor_still_charges() {
    CspPolicies stop = CspPolicies.builder().from(NcePartners.policies())
        .newCommerce(NewCommercePolicies.builder().suspension(
            io.github.cspkit.csp.subscription.SuspensionBilling.STOP).build()).build();
    CspPartner q = CspPartner.builder().partner(Partner.csp("Stopper")).store(store)
        .catalog(NcePartners.catalog()).policies(stop).build();
    q.acceptPartnerAgreement(NcePartners.admin(q, d("2024-12-01")));
    q.createCustomer(NcePartners.admin(q, d("2024-12-01")), NewCustomer.builder().id("c1")
        .market("US").billingDay(1).currency(PartnerFixtures.USD).build());
    q.newCommerce().order(NcePartners.admin(q, d("2025-01-01")), "c1", BASIC, 5, "S1",
        TermLength.P1Y, BillingPlan.MONTHLY);
    q.issueBills(NcePartners.admin(q, d("2025-01-01")));
    q.newCommerce().suspend(NcePartners.admin(q, d("2025-01-10")), "S1");
    List<Bill> bills = q.issueBills(NcePartners.admin(q, d("2025-03-01")));
    // February's bill credits January's suspended days; March's charges nothing
    assertThat(billed(bills.subList(bills.size() - 1, bills.size()), "S1")).isZero();
    assertThat(billed(bills, "S1")).isNegative();
    assertThat(q.newCommerce().vendorCharges("S1", range("2025-03-01", "2025-04-01")))
        .extracting(VendorCharge::chargeType).containsExactly(ChargeType.CYCLE_CHARGE);
  }

  @Test
  void NCE_1_new_commerce_can_be_sold_under_the_seeds_reseller_agreement() {
    CspPolicies mixed = CspPolicies.builder()
        .newCommerce(NewCommercePolicies.currentProgram()).build();
    CspPartner q = CspPartner.builder().partner(Partner.csp("Mixed")).store(store)
        .catalog(NcePartners.catalog()).policies(mixed).build();
    q.acceptAgreement(NcePartners.admin(q, d("2024-10-01")));
    assertThatThrownBy(() -> q.acceptPartnerAgreement(NcePartners.admin(q, d("2024-10-01"))))
        .isInstanceOf(IllegalStateException.class);
    q.createCustomer(NcePartners.admin(q, d("2024-12-01")), NewCustomer.builder().id("c1")
        .market("US").billingDay(1).currency(PartnerFixtures.USD).build());
    NceSubscription s = q.newCommerce().order(NcePartners.admin(q, d("2025-01-01")), "c1", BASIC,
        5, "S1", TermLength.P1M, BillingPlan.MONTHLY).value();
    assertThat(s.price().saleMinor()).isEqualTo(720); // the seed sells at cost
    // the reseller agreement ends on an August 31 after notice: no renewal after it (AGR-1)
    q.giveNotice(NcePartners.admin(q, d("2025-01-15")),
        io.github.cspkit.csp.agreement.NoticeChannel.WRITTEN);
    NceSubscription later = q.newCommerce().subscription("S1", d("2025-10-01")).orElseThrow();
    assertThat(later.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(later.term().start()).isEqualTo(d("2025-08-01"));
  }

  // ---------------------------------------------------------------- NCE-8

  @Test
  void NCE_8_a_scheduled_change_takes_effect_on_the_renewal_day_at_that_days_price() {
    order("2025-02-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    nce.schedule(at("2025-06-01"), "S1", ScheduledChange.builder().seats(4).sku(STANDARD)
        .term(TermLength.P1M).plan(BillingPlan.MONTHLY).build());
    NceSubscription eve = nce.subscription("S1", d("2026-01-31")).orElseThrow();
    assertThat(eve.seats()).isEqualTo(10);
    assertThat(eve.scheduled()).isPresent();
    NceSubscription renewed = nce.subscription("S1", d("2026-02-01")).orElseThrow();
    assertThat(renewed.offer().toString()).isEqualTo("STANDARD/P1M/monthly");
    assertThat(renewed.seats()).isEqualTo(4);
    assertThat(renewed.price().costMinor()).isEqualTo(1_650);
    assertThat(renewed.scheduled()).isEmpty();
  }

  @Test
  void NCE_8_an_immediate_change_drops_the_schedule_and_says_so() {
    order("2025-02-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    nce.schedule(at("2025-06-01"), "S1", ScheduledChange.builder().seats(4).build());
    Result<NceSubscription> r = nce.addSeats(at("2025-06-02"), "S1", 1);
    assertThat(r.value().scheduled()).isEmpty();
    assertThat(r.events()).extracting(DomainEvent::kind)
        .containsExactly("ADD_SEATS", "SCHEDULE_DROPPED");
    assertThat(nce.subscription("S1", d("2026-02-01")).orElseThrow().seats()).isEqualTo(11);
    refused("NCE-8", () -> nce.schedule(at("2025-06-03"), "S1",
        ScheduledChange.builder().sku(io.github.cspkit.csp.testkit.NceWorld.INTUNE).build()));
  }

  // ---------------------------------------------------------------- NCE-9

  @Test
  void NCE_9_upgrades_follow_the_path_and_a_partial_one_keeps_the_parents_term() {
    order("2025-01-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    NceSubscription child = nce.upgrade(at("2025-02-10"), "S1", STANDARD, 4, "S2").value();
    assertThat(child.id()).isEqualTo("S2");
    assertThat(child.parentId()).contains("S1");
    assertThat(child.seats()).isEqualTo(4);
    assertThat(child.term().end()).isEqualTo(d("2026-01-01"));
    assertThat(child.cancellableThrough()).isEqualTo(stored("S1").cancellableThrough());
    assertThat(stored("S1").seats()).isEqualTo(6);
    NceSubscription before = stored("S2");
    refused("NCE-9", () -> nce.upgrade(at("2025-02-11"), "S2", BASIC));
    assertThat(stored("S2")).isEqualTo(before);
    assertThat(nce.upgrade(at("2025-02-11"), "S1", PREMIUM).value().sku()).isEqualTo(PREMIUM);
    assertThat(nce.vendorCharges(range("2025-02-10", "2025-02-12")))
        .extracting(VendorCharge::chargeType).containsOnly(ChargeType.CONVERT);
    assertThat(nce.subscriptions(NcePartners.CONTOSO, d("2025-03-01"))).extracting(
        NceSubscription::id).containsExactly("S1", "S2");
  }

  @Test
  void NCE_9_a_subscription_id_is_unique_across_both_kinds_of_subscription() {
    order("2025-01-01", BASIC, 10, "S1", TermLength.P1Y, BillingPlan.ANNUAL);
    assertThatThrownBy(() -> order("2025-01-02", BASIC, 1, "S1", TermLength.P1M,
        BillingPlan.MONTHLY)).isInstanceOf(io.github.cspkit.csp.ConflictException.class);
    assertThatThrownBy(() -> nce.upgrade(at("2025-01-03"), "S1", STANDARD, 2, "S1"))
        .isInstanceOf(io.github.cspkit.csp.ConflictException.class);
  }

  // ---------------------------------------------------------------- ACC-4

  /** The store under test as one view for everyone: the default {@link CspStore#forPartner}. */
  private CspStore oneViewForEveryone() {
    CspStore shared = store;
    return new CspStore() {
      @Override
      public <T> T inTransaction(java.util.function.Function<
          io.github.cspkit.csp.repository.Repositories, T> work) {
        return shared.inTransaction(work);
      }

      @Override
      public io.github.cspkit.csp.repository.Repositories read() {
        return shared.read();
      }
    };
  }

  @Test
  void ACC_4_new_commerce_reads_on_a_store_serving_every_partner_show_only_the_partners_own() {
    CspStore single = oneViewForEveryone();
    CspPartner adatum = NcePartners.partner(single, "Adatum");
    CspPartner tailspin = NcePartners.world(single, "Tailspin").acceptedOn(NcePartners.ACCEPTED)
        .customer(d("2024-01-02"), NewCustomer.builder().id("woodgrove")
            .market(io.github.cspkit.csp.testkit.NceWorld.MARKET).billingDay(1)
            .currency(io.github.cspkit.csp.testkit.NceWorld.USD).build())
        .buildPartner();
    adatum.newCommerce().order(NcePartners.admin(adatum, d("2025-01-15")), NcePartners.CONTOSO,
        BASIC, 5, "A1", TermLength.P1M, BillingPlan.MONTHLY);
    tailspin.newCommerce().order(NcePartners.admin(tailspin, d("2025-01-15")), "woodgrove", BASIC,
        3, "T1", TermLength.P1M, BillingPlan.MONTHLY);
    LocalDate day = d("2025-02-20");
    DateRange january = range("2025-01-01", "2025-02-01");
    NewCommerce other = tailspin.newCommerce();

    // another partner's subscription is not there, as on the partner's own view of a store
    assertThat(other.subscription("A1", day)).isEmpty();
    assertThat(other.subscriptions(NcePartners.CONTOSO, day)).isEmpty();
    assertThatThrownBy(() -> other.vendorCharges("A1", january))
        .isInstanceOf(io.github.cspkit.csp.UnknownIdException.class)
        .hasMessage("UNKNOWN_ID: unknown subscription A1");
    assertThat(other.vendorCharges(january)).extracting(VendorCharge::subscriptionId)
        .containsOnly("T1").isNotEmpty();
    // and a command on it is refused as the seed's are
    refused("ACC-4", () -> other.addSeats(NcePartners.admin(tailspin, day), "A1", 1));

    // each partner reads its own
    assertThat(other.subscription("T1", day).orElseThrow().seats()).isEqualTo(3);
    NewCommerce own = adatum.newCommerce();
    assertThat(own.subscription("A1", day).orElseThrow().seats()).isEqualTo(5);
    assertThat(own.subscriptions(NcePartners.CONTOSO, day)).extracting(NceSubscription::id)
        .containsExactly("A1");
    assertThat(own.vendorCharges("A1", january)).isNotEmpty();
    assertThat(own.vendorCharges(january)).extracting(VendorCharge::subscriptionId)
        .containsOnly("A1");
  }
}
