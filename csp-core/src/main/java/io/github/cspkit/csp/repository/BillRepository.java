package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Stores bills, each customer's billing account (what was billed so far, BIL-6) and the partner's
 * own services (BIL-1). A bill is unique per customer and period.
 */
public interface BillRepository {
  /**
   * @param customerId a customer
   * @return its billing account and version
   */
  Optional<Versioned<BillingAccount>> account(String customerId);

  /**
   * @param account the account
   * @param expectedVersion the version read, 0 for a new account
   * @return the stored value and its new version
   * @throws StaleVersionException if the stored version differs
   */
  Versioned<BillingAccount> saveAccount(BillingAccount account, long expectedVersion);

  /**
   * @param bill a new bill
   * @throws io.github.cspkit.csp.ConflictException ({@code DUPLICATE_ID}) if the customer already
   *     has a bill for that period
   */
  void add(Bill bill);

  /**
   * @param customerId a customer
   * @return its bills, oldest first
   */
  List<Bill> bills(String customerId);

  /**
   * @param customerId a customer
   * @param month the month its period starts in
   * @return that bill, if issued
   */
  Optional<Bill> find(String customerId, YearMonth month);

  /**
   * @param service a service; it replaces one with the same customer and id
   */
  void saveService(OwnService service);

  /**
   * @param customerId a customer
   * @return its services, in order of creation
   */
  List<OwnService> services(String customerId);
}
