package io.github.cspkit.csp.customer;

import static io.github.cspkit.csp.testkit.Refusals.refused;
import static io.github.cspkit.csp.testkit.SubscriptionGen.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.AccessPolicy;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.access.Right;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.SubscriptionGen;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** CUS-1..4: tenants, syndication, direct trial conversion, delegated admin. */
class CustomerRulesTest {
  static final SubscriptionOperations OPS = SubscriptionOperations.seed();
  static final PriceBook BOOK = SubscriptionGen.priceBook();
  static final LocalDate DAY = LocalDate.of(2025, 2, 10);

  static Customer customer(TenantOrigin origin) {
    return Customer.builder().id("contoso").partnerId("p1").market("US")
        .tenant(Tenant.of("t-contoso", origin)).billing(BillingProfile.of(31, MinorUnits.USD))
        .createdOn(LocalDate.of(2025, 1, 20)).build();
  }

  static Customer copy(Customer c) {
    return Customer.builder().from(c).build();
  }

  // ------------------------------------------------------------------ CUS-1

  @Test
  void CUS_1_a_customer_has_a_tenant_created_by_the_partner() {
    Customer c = customer(TenantOrigin.NEW);
    assertThat(c.tenant().id()).isEqualTo("t-contoso");
    assertThat(c.tenant().origin()).isEqualTo(TenantOrigin.NEW);
    assertThat(c.tenant().trialEndedOn()).isEmpty();
    assertThat(c.isManagedBy("p1")).isTrue();
    assertThat(c.isManagedBy("p2")).isFalse();
    assertThat(c.name()).isEqualTo("contoso");
    c.requireCspEligible();
    Subscription s = OPS.order("S1", c, E3, 3, DAY, BOOK).subscription();
    assertThat(s.customerId()).isEqualTo("contoso");
    assertThat(s.currency()).isEqualTo(MinorUnits.USD);
  }

  @Test
  void CUS_1_a_customer_needs_a_tenant() {
    assertThatThrownBy(() -> Customer.builder().id("contoso").partnerId("p1").market("US")
        .billing(BillingProfile.of(1, MinorUnits.USD)).createdOn(DAY).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("tenant");
  }

  @Test
  void CUS_1_with_tenant_returns_a_new_customer() {
    Customer c = customer(TenantOrigin.NEW);
    Customer other = c.withTenant(Tenant.of("t2", TenantOrigin.NEW));
    assertThat(other.tenant().id()).isEqualTo("t2");
    assertThat(c.tenant().id()).isEqualTo("t-contoso");
  }

  @Test
  void CUS_1_generated_new_tenants_can_order() {
    qt().withExamples(100).forAll(SubscriptionGen.customers(), SubscriptionGen.baseSkus())
        .checkAssert((c, sku) -> {
          assertThat(c.tenant().origin()).isEqualTo(TenantOrigin.NEW);
          assertThat(OPS.order("S1", c, sku, 1, DAY, BOOK).subscription().status())
              .isEqualTo(SubscriptionStatus.ACTIVE);
        });
  }

  // ------------------------------------------------------------------ CUS-2

  @Test
  void CUS_2_syndication_tenant_cannot_take_csp_subscriptions() {
    Customer c = customer(TenantOrigin.SYNDICATION);
    Customer before = copy(c);
    RuleViolation v = refused("CUS-2", () -> OPS.order("S1", c, E3, 5, DAY, BOOK));
    assertThat(v.reason()).contains("t-contoso").contains("syndication");
    refused("CUS-2", c::requireCspEligible);
    refused("CUS-2", () -> c.tenant().requireCspEligible());
    assertThat(c).isEqualTo(before);
  }

  @Test
  void CUS_2_syndication_customer_can_be_created() {
    Customer c = customer(TenantOrigin.SYNDICATION);
    assertThat(c.tenant().origin()).isEqualTo(TenantOrigin.SYNDICATION);
  }

  @Test
  void CUS_2_syndication_tenant_cannot_convert_a_trial() {
    Customer c = customer(TenantOrigin.SYNDICATION);
    // refused as a syndication tenant (CUS-3 names CUS-2 for it), not as "no trial to convert"
    refused("CUS-2", () -> OPS.convertTrial("S1", c, E3, 5, DAY, BOOK));
    // the seat count is checked first, as an argument
    refused("SUB-1", () -> OPS.convertTrial("S1", c, E3, 0, DAY, BOOK));
  }

  @Test
  void CUS_2_syndication_tenant_cannot_take_addons() {
    Customer ok = customer(TenantOrigin.NEW);
    Subscription base = OPS.order("B1", ok, E3, 5, DAY, BOOK).subscription();
    Customer synd = ok.withTenant(Tenant.of("t-contoso", TenantOrigin.SYNDICATION));
    refused("CUS-2", () -> OPS.orderAddOn("A1", base, synd, SubscriptionGen.ADVANCED_THREAT, 1,
        DAY.plusDays(3), BOOK));
  }

  @Test
  void CUS_2_every_tenant_but_syndication_is_csp_eligible() {
    qt().withExamples(100).forAll(SubscriptionGen.tenants()).checkAssert(t -> {
      if (t.origin() == TenantOrigin.SYNDICATION) {
        refused("CUS-2", t::requireCspEligible);
      } else {
        t.requireCspEligible();
      }
    });
  }

  // ------------------------------------------------------------------ CUS-3

  @Test
  void CUS_3_direct_trial_converts_to_a_paid_subscription() {
    Customer c = customer(TenantOrigin.DIRECT_TRIAL);
    assertThat(c.tenant().hasDirectTrialOn(DAY)).isTrue();
    SubscriptionChange change = OPS.convertTrial("S1", c, E3, 25, DAY, BOOK);
    assertThat(change.event().kind()).isEqualTo(ChangeKind.CONVERT_TRIAL);
    assertThat(change.subscription().term().start()).isEqualTo(DAY);
    assertThat(change.subscription().seats()).isEqualTo(25);
    assertThat(change.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(change.event().chargeMinor()).isPositive();
  }

  @Test
  void CUS_3_the_trial_ends_on_the_day_the_paid_subscription_starts() {
    Tenant trial = Tenant.of("t1", TenantOrigin.DIRECT_TRIAL);
    Tenant ended = trial.endTrial(DAY);
    assertThat(ended.trialEndedOn()).contains(DAY);
    assertThat(ended.hasDirectTrialOn(DAY.minusDays(1))).isTrue();
    assertThat(ended.hasDirectTrialOn(DAY)).isFalse();
    assertThat(ended.hasDirectTrialOn(DAY.plusDays(100))).isFalse();
    assertThat(trial.trialEndedOn()).isEmpty();
    assertThat(trial.hasDirectTrialOn(DAY)).isTrue();
  }

  @Test
  void CUS_3_converting_twice_is_refused() {
    Customer c = customer(TenantOrigin.DIRECT_TRIAL);
    OPS.convertTrial("S1", c, E3, 25, DAY, BOOK);
    Customer converted = c.withTenant(c.tenant().endTrial(DAY));
    Customer before = copy(converted);
    RuleViolation v = refused("CUS-3", () -> OPS.convertTrial("S2", converted, E3, 25, DAY, BOOK));
    assertThat(v.reason()).contains("contoso");
    refused("CUS-3", () -> OPS.convertTrial("S2", converted, E3, 25, DAY.plusDays(10), BOOK));
    refused("CUS-3", () -> converted.tenant().endTrial(DAY));
    refused("CUS-3", () -> converted.tenant().endTrial(DAY.plusDays(1)));
    assertThat(converted).isEqualTo(before);
  }

  @Test
  void CUS_3_a_converted_trial_cannot_be_converted_again_on_an_earlier_day() {
    Customer c = customer(TenantOrigin.DIRECT_TRIAL);
    Customer converted = c.withTenant(c.tenant().endTrial(DAY));
    Tenant before = converted.tenant();
    refused("CUS-3", () -> converted.tenant().endTrial(DAY.minusDays(5)));
    refused("CUS-3", () -> OPS.convertTrial("S2", converted, E3, 25, DAY.minusDays(5), BOOK));
    assertThat(converted.tenant()).isEqualTo(before);
  }

  @Test
  void CUS_3_new_tenant_has_no_trial_to_convert() {
    Customer c = customer(TenantOrigin.NEW);
    Customer before = copy(c);
    refused("CUS-3", () -> OPS.convertTrial("S1", c, E3, 25, DAY, BOOK));
    Tenant t = c.tenant();
    refused("CUS-3", () -> t.endTrial(DAY));
    assertThat(c).isEqualTo(before);
    assertThat(t.trialEndedOn()).isEmpty();
  }

  @Test
  void CUS_3_conversion_still_obeys_the_order_rules() {
    Customer c = customer(TenantOrigin.DIRECT_TRIAL);
    refused("SUB-1", () -> OPS.convertTrial("S1", c, E3, 0, DAY, BOOK));
    refused("CAT-5", () -> OPS.convertTrial("S1", c, SubscriptionGen.E3_TRIAL, 5, DAY, BOOK));
    refused("CAT-1", () -> OPS.convertTrial("S1", c, SubscriptionGen.INTUNE, 5, DAY, BOOK));
  }

  // ------------------------------------------------------------------ CUS-4

  @Test
  void CUS_4_delegated_admin_defaults_to_true() {
    assertThat(customer(TenantOrigin.NEW).delegatedAdmin()).isTrue();
    assertThat(customer(TenantOrigin.DIRECT_TRIAL).delegatedAdmin()).isTrue();
    assertThat(customer(TenantOrigin.SYNDICATION).delegatedAdmin()).isTrue();
  }

  @Test
  void CUS_4_delegated_admin_change_returns_a_new_customer() {
    Customer c = customer(TenantOrigin.NEW);
    Customer off = c.withDelegatedAdmin(false);
    assertThat(off.delegatedAdmin()).isFalse();
    assertThat(c.delegatedAdmin()).isTrue();
    assertThat(off.withDelegatedAdmin(true)).isEqualTo(c);
  }

  @Test
  void CUS_4_every_generated_customer_grants_delegated_admin() {
    // whatever its tenant's origin, segment or verification, a customer lets its partner's
    // delegated admins administer its tenant (ACC-1), and only because it grants delegated admin
    AccessPolicy access = AccessPolicy.seed();
    qt().withExamples(100).forAll(SubscriptionGen.anyCustomers()).checkAssert(c -> {
      Partner partner = Partner.csp(c.partnerId());
      Actor helpdesk = Actor.partnerUser(c.partnerId(), "helpdesk", Right.DELEGATED_ADMIN);
      assertThat(c.delegatedAdmin()).as("%s grants delegated admin", c.id()).isTrue();
      assertThatCode(() -> access.authorize(helpdesk, partner, Operation.ADMINISTER_TENANT, c))
          .doesNotThrowAnyException();
      refused("ACC-1", () -> access.authorize(helpdesk, partner, Operation.ADMINISTER_TENANT,
          c.withDelegatedAdmin(false)));
      refused("ACC-4", () -> access.authorize(Actor.partnerAdmin("other", "helpdesk"),
          Partner.csp("other"), Operation.ADMINISTER_TENANT, c));
    });
  }
}
