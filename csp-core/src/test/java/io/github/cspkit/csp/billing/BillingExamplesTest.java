package io.github.cspkit.csp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceLock;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.subscription.LifecyclePolicy;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.time.DayCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class BillingExamplesTest {
  static final Sku E3 = Sku.of("O365_E3", ProductFamily.OFFICE_365);

  @Test
  void BIL_6_worked_example_march_bill_charges_394_52() {
    PriceBook book = PriceBook.create();
    book.publish(PriceList.builder().id("L2502").market("US").currency(MinorUnits.USD)
        .publishedOn(LocalDate.parse("2024-12-30")).effectiveOn(LocalDate.parse("2025-02-01"))
        .putPrices("O365_E3", Money.of(new BigDecimal("240.00"), "USD")).build());
    Customer contoso = Customer.builder().id("contoso").partnerId("p").market("US")
        .tenant(Tenant.of("t1", TenantOrigin.NEW)).billing(BillingProfile.of(1, MinorUnits.USD))
        .createdOn(LocalDate.parse("2025-01-20")).build();
    SubscriptionOperations ops = SubscriptionOperations.of(DayCount.ACTUAL, Proration.seed(),
        PriceLock.TERM_START, PricingPolicy.markup(new BigDecimal("20")), LifecyclePolicy.seed(),
        ProgramPolicy.seed());
    Subscription s1 = ops.order("S1", contoso, E3, 10, LocalDate.parse("2025-02-10"), book).subscription();
    assertThat(s1.term().lastDay()).isEqualTo(LocalDate.parse("2026-02-09"));
    var quote = ops.addSeats(s1, contoso, E3, 5, LocalDate.parse("2025-07-01"), book).event();
    assertThat(quote.charge()).isEqualTo(Money.of(new BigDecimal("883.73"), "USD"));
    assertThat(quote.formula()).isEqualTo("288.00 × 5 × 224/365");

    BillingEngine engine = BillingEngine.seed();
    BillingAccount acct = BillingAccount.open("contoso", LocalDate.parse("2025-02-01"));
    IssuedBill feb = engine.issue(contoso, acct, List.of(), List.of());
    assertThat(feb.bill().totalMinor()).isZero();
    IssuedBill mar = engine.issue(contoso, feb.account(), List.of(s1), List.of());
    assertThat(mar.bill().total()).isEqualTo(Money.of(new BigDecimal("394.52"), "USD"));
    assertThat(mar.bill().cost()).isEqualTo(Money.of(new BigDecimal("328.77"), "USD"));
    mar.bill().lines().forEach(System.out::println);
    assertThat(mar.bill().lines()).hasSize(2);
  }
}
