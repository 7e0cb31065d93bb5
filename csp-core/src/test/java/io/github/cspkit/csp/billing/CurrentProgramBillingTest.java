package io.github.cspkit.csp.billing;

import static io.github.cspkit.csp.testkit.Days.d;
import static io.github.cspkit.csp.testkit.NceWorld.BASIC;
import static io.github.cspkit.csp.testkit.NceWorld.CONTOSO;
import static io.github.cspkit.csp.testkit.NceWorld.OPS;
import static io.github.cspkit.csp.testkit.NceWorld.PRICES;
import static io.github.cspkit.csp.testkit.NceWorld.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.billing.internal.NceAccrual;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.Accrual;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SuspensionBilling;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.testkit.NceHistories;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The partner's bill to its customer under the current program (BIL-1..7 keep applying, NCE-7):
 * new-commerce histories billed by the seed's engine through {@link NceAccrual}, per seat-day at
 * the term's sale price over the term's days, whatever the vendor's billing plan.
 */
class CurrentProgramBillingTest {
  static final BillingEngine ENGINE = BillingEngine.seed();

  /**
   * Issues every bill from the first subscription's start to the one after every term ended (in
   * advance, a change shows on the bill after it, BIL-7).
   */
  static List<Bill> bills(List<Subscription> subs) {
    LocalDate first = subs.get(0).startedOn();
    LocalDate last = first;
    for (Subscription s : subs) {
      last = s.term().end().isAfter(last) ? s.term().end() : last;
    }
    BillingAccount account = BillingAccount.open(CONTOSO.id(),
        CONTOSO.billing().periodContaining(first).start());
    List<Bill> bills = new ArrayList<>();
    while (!account.nextPeriodStart().isAfter(last.plusMonths(1))) {
      IssuedBill issued = ENGINE.issue(CONTOSO, account, subs, List.of());
      bills.add(issued.bill());
      account = issued.account();
    }
    return bills;
  }

  @Test
  void BIL_6_the_current_programs_bills_add_up_to_each_terms_rounded_accrual() {
    qt().withExamples(200).forAll(NceHistories.histories(20), Generate.booleans())
        .checkAssert((h, charge) -> {
          SuspensionBilling policy = charge ? SuspensionBilling.CHARGE : SuspensionBilling.STOP;
          List<Subscription> subs = new ArrayList<>();
          for (NceSubscription s : h.subscriptions()) {
            subs.add(NceAccrual.of(s, policy));
          }
          Map<String, Long> billed = new HashMap<>();
          for (Bill b : bills(subs)) {
            for (BillLine l : b.lines()) {
              billed.merge(l.subscriptionId(), l.amountMinor(), Long::sum);
            }
          }
          for (Subscription s : subs) {
            long expected = 0;
            for (Term t : s.terms()) {
              expected += Accrual.seed().sale(t, t.start(), t.end()).divide(t.daysInTerm(), Rounding.HALF_UP);
            }
            assertThat(billed.getOrDefault(s.id(), 0L)).as("%s\n%s", s, h).isEqualTo(expected);
          }
        });
  }

  @Test
  void NCE_7_the_partners_bill_keeps_charging_a_suspended_subscription_by_default() {
    NceSubscription s = OPS.order("S1", CONTOSO, sku(BASIC), 10, TermLength.P1M,
        BillingPlan.MONTHLY, d("2025-03-01"), PRICES).subscription();
    s = OPS.suspend(s, d("2025-03-11")).subscription();
    // sale 8.64 a seat for the month of 31 days
    Bill charged = bills(List.of(NceAccrual.of(s, SuspensionBilling.currentProgram()))).get(0);
    assertThat(charged.totalMinor()).isEqualTo(8_640);
    List<Bill> stopped = bills(List.of(NceAccrual.of(s, SuspensionBilling.seed())));
    long total = 0;
    for (Bill b : stopped) {
      total += b.totalMinor();
    }
    assertThat(total).isEqualTo(2_787); // 86.40 × 10/31 = 27.87
    // the vendor charges the whole month either way
    assertThat(VendorLedger.totalMinor(VendorLedger.partnerCenter().charges(s))).isEqualTo(7_200);
  }
}
