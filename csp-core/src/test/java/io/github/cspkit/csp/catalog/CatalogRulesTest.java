package io.github.cspkit.csp.catalog;

import static io.github.cspkit.csp.testkit.Refusals.refused;
import static io.github.cspkit.csp.testkit.SubscriptionGen.A3_EDU;
import static io.github.cspkit.csp.testkit.SubscriptionGen.ADVANCED_THREAT;
import static io.github.cspkit.csp.testkit.SubscriptionGen.CATALOG;
import static io.github.cspkit.csp.testkit.SubscriptionGen.E1;
import static io.github.cspkit.csp.testkit.SubscriptionGen.E3;
import static io.github.cspkit.csp.testkit.SubscriptionGen.E3_GOV;
import static io.github.cspkit.csp.testkit.SubscriptionGen.E3_TRIAL;
import static io.github.cspkit.csp.testkit.SubscriptionGen.E5;
import static io.github.cspkit.csp.testkit.SubscriptionGen.EMS;
import static io.github.cspkit.csp.testkit.SubscriptionGen.INTUNE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.google.common.collect.ImmutableSet;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.LifecyclePolicy;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.SubscriptionGen;
import io.github.cspkit.csp.time.DayCount;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CAT-1..5: what may be ordered, segments, add-ons, access while suspended, no trials. */
class CatalogRulesTest {
  static final SubscriptionOperations OPS = SubscriptionOperations.seed();
  static final PriceBook BOOK = SubscriptionGen.priceBook();
  static final LocalDate DAY = LocalDate.of(2025, 2, 10);
  static final Customer CONTOSO =
      SubscriptionGen.customer("contoso", BillingProfile.of(1, MinorUnits.USD));

  static Subscription copy(Subscription s) {
    return Subscription.builder().from(s).build();
  }

  static Customer copy(Customer c) {
    return Customer.builder().from(c).build();
  }

  // ------------------------------------------------------------------ CAT-1

  @Test
  void CAT_1_intune_is_refused() {
    Customer before = copy(CONTOSO);
    RuleViolation v = refused("CAT-1", () -> OPS.order("S1", CONTOSO, INTUNE, 5, DAY, BOOK));
    assertThat(v.reason()).contains("INTUNE_A").contains("intune");
    assertThat(CONTOSO).isEqualTo(before);
  }

  @Test
  void CAT_1_enterprise_mobility_suite_is_refused() {
    refused("CAT-1", () -> OPS.order("S1", CONTOSO, EMS, 5, DAY, BOOK));
  }

  @Test
  void CAT_1_office_365_is_orderable() {
    for (Sku sku : SubscriptionGen.BASE_SKUS) {
      assertThat(OPS.order("S1", CONTOSO, sku, 1, DAY, BOOK).subscription().status())
          .isEqualTo(SubscriptionStatus.ACTIVE);
    }
  }

  @Test
  void CAT_1_unknown_sku_in_the_catalog_is_refused() {
    RuleViolation v = refused("CAT-1", () -> CATALOG.sku("NO_SUCH_SKU"));
    assertThat(v.reason()).contains("NO_SUCH_SKU");
    assertThat(CATALOG.find("NO_SUCH_SKU")).isEmpty();
    assertThat(CATALOG.sku("O365_E3")).isEqualTo(E3);
  }

  @Test
  void CAT_1_program_families_are_a_policy_value() {
    assertThat(ProgramPolicy.seed().offers(ProductFamily.OFFICE_365)).isTrue();
    assertThat(ProgramPolicy.seed().offers(ProductFamily.INTUNE)).isFalse();
    assertThat(ProgramPolicy.seed().offers(ProductFamily.EMS)).isFalse();
    ProgramPolicy wider = ProgramPolicy.of(ImmutableSet.of(ProductFamily.OFFICE_365, ProductFamily.INTUNE));
    SubscriptionOperations ops = SubscriptionOperations.of(DayCount.ACTUAL, Proration.seed(),
        PriceLock.TERM_START, PricingPolicy.atCost(), LifecyclePolicy.seed(), wider);
    assertThat(ops.order("S1", CONTOSO, INTUNE, 5, DAY, BOOK).subscription().sku()).isEqualTo("INTUNE_A");
    refused("CAT-1", () -> ops.order("S1", CONTOSO, EMS, 5, DAY, BOOK));
  }

  @Test
  void CAT_1_only_offered_families_pass_the_program_policy() {
    qt().withExamples(300).forAll(SubscriptionGen.skus()).checkAssert(sku -> {
      boolean offered = sku.family().equals(ProductFamily.OFFICE_365);
      try {
        ProgramPolicy.seed().checkOrderable(sku, sku.segment(), true);
        assertThat(offered && !sku.trial()).as("accepted %s", sku).isTrue();
      } catch (RuleViolation v) {
        String expected = !offered ? "CAT-1" : "CAT-5";
        assertThat(v.rule()).as("refused %s", sku).isEqualTo(expected);
        assertThat(v.reason()).isNotBlank();
      }
    });
  }

  // ------------------------------------------------------------------ CAT-2

  @Test
  void CAT_2_government_sku_is_refused_to_an_unverified_customer() {
    Customer gov = Customer.builder().from(CONTOSO).segment(Segment.GOVERNMENT).verified(false).build();
    Customer before = copy(gov);
    RuleViolation v = refused("CAT-2", () -> OPS.order("S1", gov, E3_GOV, 5, DAY, BOOK));
    assertThat(v.reason()).contains("government");
    assertThat(gov).isEqualTo(before);
  }

  @Test
  void CAT_2_government_sku_is_refused_to_a_commercial_customer() {
    refused("CAT-2", () -> OPS.order("S1", CONTOSO, E3_GOV, 5, DAY, BOOK));
    Customer verifiedCommercial = Customer.builder().from(CONTOSO).verified(true).build();
    refused("CAT-2", () -> OPS.order("S1", verifiedCommercial, E3_GOV, 5, DAY, BOOK));
  }

  @Test
  void CAT_2_government_sku_is_sold_to_a_verified_government_customer() {
    Customer gov = Customer.builder().from(CONTOSO).segment(Segment.GOVERNMENT).verified(true).build();
    assertThat(OPS.order("S1", gov, E3_GOV, 5, DAY, BOOK).subscription().sku()).isEqualTo("O365_E3_GOV");
  }

  @Test
  void CAT_2_education_sku_needs_verification_for_education() {
    Customer edu = Customer.builder().from(CONTOSO).segment(Segment.EDUCATION).build();
    refused("CAT-2", () -> OPS.order("S1", edu, A3_EDU, 5, DAY, BOOK));
    Customer verifiedGov = Customer.builder().from(CONTOSO).segment(Segment.GOVERNMENT).verified(true).build();
    RuleViolation v = refused("CAT-2", () -> OPS.order("S1", verifiedGov, A3_EDU, 5, DAY, BOOK));
    assertThat(v.reason()).contains("education");
    Customer verifiedEdu = Customer.builder().from(edu).verified(true).build();
    assertThat(OPS.order("S1", verifiedEdu, A3_EDU, 5, DAY, BOOK).subscription().sku())
        .isEqualTo("O365_A3_EDU");
  }

  @Test
  void CAT_2_commercial_sku_is_sold_to_every_segment() {
    for (Segment s : Segment.values()) {
      for (boolean verified : new boolean[] {false, true}) {
        Customer c = Customer.builder().from(CONTOSO).segment(s).verified(verified).build();
        assertThat(OPS.order("S1", c, E3, 1, DAY, BOOK).subscription().sku()).isEqualTo("O365_E3");
      }
    }
  }

  @Test
  void CAT_2_segment_skus_need_a_customer_verified_for_that_segment() {
    qt().withExamples(300).forAll(SubscriptionGen.anyCustomers(), SubscriptionGen.skus())
        .checkAssert((customer, sku) -> {
          boolean familyOk = sku.family().equals(ProductFamily.OFFICE_365) && !sku.trial();
          boolean segmentOk = sku.segment() == Segment.COMMERCIAL
              || (customer.segment() == sku.segment() && customer.verified());
          try {
            ProgramPolicy.seed().checkOrderable(sku, customer.segment(), customer.verified());
            assertThat(familyOk && segmentOk).isTrue();
          } catch (RuleViolation v) {
            if (familyOk) {
              assertThat(segmentOk).isFalse();
              assertThat(v.rule()).isEqualTo("CAT-2");
            } else {
              assertThat(v.rule()).isIn("CAT-1", "CAT-5");
            }
          }
        });
  }

  // ------------------------------------------------------------------ CAT-3

  @Test
  void CAT_3_addon_needs_an_active_base_of_a_sku_it_attaches_to() {
    Subscription e3 = OPS.order("B1", CONTOSO, E3, 10, DAY, BOOK).subscription();
    SubscriptionChange addOn = OPS.orderAddOn("A1", e3, CONTOSO, ADVANCED_THREAT, 4,
        LocalDate.of(2025, 7, 1), BOOK);
    assertThat(addOn.subscription().baseId()).contains("B1");
    assertThat(addOn.event().kind()).isEqualTo(ChangeKind.ORDER_ADD_ON);
    assertThat(addOn.subscription().seats()).isEqualTo(4);

    Subscription e1 = OPS.order("B2", CONTOSO, E1, 10, DAY, BOOK).subscription();
    Subscription before = copy(e1);
    RuleViolation v = refused("CAT-3", () -> OPS.orderAddOn("A2", e1, CONTOSO, ADVANCED_THREAT, 4,
        LocalDate.of(2025, 7, 1), BOOK));
    assertThat(v.reason()).contains("O365_ATP").contains("O365_E1");
    assertThat(e1).isEqualTo(before);
  }

  @Test
  void CAT_3_base_sku_cannot_be_ordered_as_an_addon() {
    Subscription e3 = OPS.order("B1", CONTOSO, E3, 10, DAY, BOOK).subscription();
    refused("CAT-3", () -> OPS.orderAddOn("A1", e3, CONTOSO, E5, 4, LocalDate.of(2025, 7, 1), BOOK));
  }

  @Test
  void CAT_3_addon_cannot_be_ordered_without_a_base() {
    RuleViolation v = refused("CAT-3", () -> OPS.order("A1", CONTOSO, ADVANCED_THREAT, 4, DAY, BOOK));
    assertThat(v.reason()).contains("add-on");
  }

  @Test
  void CAT_3_addon_is_coterminous_with_the_base_term() {
    Subscription base = OPS.order("B1", CONTOSO, E5, 10, DAY, BOOK).subscription();
    Subscription addOn = OPS.orderAddOn("A1", base, CONTOSO, ADVANCED_THREAT, 3,
        LocalDate.of(2025, 11, 17), BOOK).subscription();
    assertThat(addOn.term().end()).isEqualTo(base.term().end());
    assertThat(addOn.term().lastDay()).isEqualTo(LocalDate.of(2026, 2, 9));
    assertThat(addOn.term().start()).isEqualTo(LocalDate.of(2025, 11, 17));
    assertThat(addOn.term().daysInTerm()).isEqualTo(base.term().daysInTerm()).isEqualTo(365);
  }

  @Test
  void CAT_3_addon_on_a_suspended_base_is_refused() {
    Subscription base = OPS.order("B1", CONTOSO, E3, 10, DAY, BOOK).subscription();
    Subscription suspended = OPS.suspend(base, LocalDate.of(2025, 5, 1)).subscription();
    Subscription before = copy(suspended);
    RuleViolation v = refused("CAT-3", () -> OPS.orderAddOn("A1", suspended, CONTOSO,
        ADVANCED_THREAT, 4, LocalDate.of(2025, 7, 1), BOOK));
    assertThat(v.reason()).contains("active").contains("suspended");
    assertThat(suspended).isEqualTo(before);
  }

  @Test
  void CAT_3_addon_on_a_cancelled_base_is_refused() {
    Subscription base = OPS.order("B1", CONTOSO, E3, 10, DAY, BOOK).subscription();
    Subscription cancelled = OPS.cancel(base, LocalDate.of(2025, 5, 1)).subscription();
    refused("CAT-3", () -> OPS.orderAddOn("A1", cancelled, CONTOSO, ADVANCED_THREAT, 4,
        LocalDate.of(2025, 7, 1), BOOK));
  }

  @Test
  void CAT_3_addon_renews_with_its_base_and_ends_with_it() {
    Subscription base = OPS.order("B1", CONTOSO, E3, 10, DAY, BOOK).subscription();
    Subscription addOn = OPS.orderAddOn("A1", base, CONTOSO, ADVANCED_THREAT, 2,
        LocalDate.of(2025, 9, 1), BOOK).subscription();
    LocalDate renewal = base.term().end();
    Subscription base2 = OPS.rollTo(base, null, CONTOSO, E3, renewal, BOOK).subscription();
    Subscription addOn2 = OPS.rollTo(addOn, base2, CONTOSO, ADVANCED_THREAT, renewal, BOOK).subscription();
    assertThat(addOn2.terms()).hasSize(2);
    assertThat(addOn2.term().range()).isEqualTo(base2.term().range());
    assertThat(addOn2.term().daysInTerm()).isEqualTo(base2.term().daysInTerm());

    Subscription base3 = OPS.autoRenew(base2, false, renewal).subscription();
    LocalDate next = base3.term().end();
    Subscription baseEnded = OPS.rollTo(base3, null, CONTOSO, E3, next, BOOK).subscription();
    Subscription addOnEnded =
        OPS.rollTo(addOn2, baseEnded, CONTOSO, ADVANCED_THREAT, next, BOOK).subscription();
    assertThat(baseEnded.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(addOnEnded.status()).isEqualTo(SubscriptionStatus.ENDED);
    assertThat(addOnEnded.last().date()).isEqualTo(next);
  }

  // ------------------------------------------------------------------ CAT-4

  @Test
  void CAT_4_suspended_access_is_reported_by_the_product() {
    assertThat(Sku.of("X", ProductFamily.OFFICE_365).suspendedAccess()).isEqualTo(SuspendedAccess.LIMITED);
    assertThat(E5.suspendedAccess()).isEqualTo(SuspendedAccess.NONE);
    for (Sku sku : new Sku[] {E3, E5}) {
      Subscription sub = OPS.order("S1", CONTOSO, sku, 10, DAY, BOOK).subscription();
      Subscription suspended = OPS.suspend(sub, LocalDate.of(2025, 6, 1)).subscription();
      assertThat(suspended.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
      assertThat(CATALOG.sku(suspended.sku()).suspendedAccess()).isEqualTo(sku.suspendedAccess());
    }
    assertThat(CATALOG.sku("O365_E3").suspendedAccess()).isEqualTo(SuspendedAccess.LIMITED);
    assertThat(CATALOG.sku("O365_E5").suspendedAccess()).isEqualTo(SuspendedAccess.NONE);
  }

  @Test
  void CAT_4_customer_access_follows_status_and_product() {
    for (Sku sku : new Sku[] {E3, E5}) {
      Subscription sub = OPS.order("S1", CONTOSO, sku, 10, DAY, BOOK).subscription();
      assertThat(io.github.cspkit.csp.subscription.CustomerAccess.of(sub, sku)).isEqualTo(io.github.cspkit.csp.subscription.CustomerAccess.FULL);
      Subscription suspended = OPS.suspend(sub, LocalDate.of(2025, 6, 1)).subscription();
      assertThat(io.github.cspkit.csp.subscription.CustomerAccess.of(suspended, sku)).isEqualTo(
          sku.suspendedAccess() == SuspendedAccess.LIMITED
              ? io.github.cspkit.csp.subscription.CustomerAccess.LIMITED : io.github.cspkit.csp.subscription.CustomerAccess.NONE);
      Subscription ended = OPS.cancel(suspended, LocalDate.of(2025, 7, 1)).subscription();
      assertThat(io.github.cspkit.csp.subscription.CustomerAccess.of(ended, sku)).isEqualTo(io.github.cspkit.csp.subscription.CustomerAccess.NONE);
    }
  }

  // ------------------------------------------------------------------ CAT-5

  @Test
  void CAT_5_trial_sku_is_refused() {
    Customer before = copy(CONTOSO);
    RuleViolation v = refused("CAT-5", () -> OPS.order("S1", CONTOSO, E3_TRIAL, 5, DAY, BOOK));
    assertThat(v.reason()).contains("O365_E3_TRIAL").contains("trial");
    assertThat(CONTOSO).isEqualTo(before);
  }

  @Test
  void CAT_5_trial_addon_is_refused() {
    Sku trialAddOn = Sku.builder().id("ATP_TRIAL").family(ProductFamily.OFFICE_365)
        .attachesTo(Set.of("O365_E3")).trial(true).build();
    Subscription base = OPS.order("B1", CONTOSO, E3, 10, DAY, BOOK).subscription();
    refused("CAT-5", () -> OPS.orderAddOn("A1", base, CONTOSO, trialAddOn, 1, DAY, BOOK));
  }

  // ------------------------------------------------------------------ catalog value

  @Test
  void CAT_1_catalog_with_replaces_a_sku_and_leaves_the_original() {
    Catalog one = Catalog.of(java.util.List.of(E3));
    Sku e3None = Sku.builder().from(E3).suspendedAccess(SuspendedAccess.NONE).build();
    Catalog two = one.with(e3None).with(E5);
    assertThat(one.skus()).containsExactly(E3);
    assertThat(two.sku("O365_E3").suspendedAccess()).isEqualTo(SuspendedAccess.NONE);
    assertThat(two.skus()).hasSize(2);
    assertThat(Catalog.empty().skus()).isEmpty();
  }
}
