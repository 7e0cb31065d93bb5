package io.github.cspkit.csp.billing.internal;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;

/**
 * A bill and the customer's billing account after it (BIL-6): store both together.
 *
 * @param bill the bill
 * @param account the account, with the bill's amounts recorded as billed
 */
public record IssuedBill(Bill bill, BillingAccount account) {
  /**
   * @param bill the bill
   * @param account the account after it
   */
  public IssuedBill {
    requireNonNull(bill, "bill");
    requireNonNull(account, "account");
  }
}
