package io.github.cspkit.csp.partner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.cspkit.csp.billing.Bill;
import java.util.List;
import java.util.Map;

/**
 * What a bill run (BIL-1, {@link CspPartner#runBills}) did: the bills it issued, and every customer
 * it could not bill with the reason (each such customer's transaction left nothing). Customers
 * with nothing due, or billed meanwhile by another instance, appear in neither.
 */
public final class BillRunReport {
  private final ImmutableList<Bill> issued;
  private final ImmutableMap<String, RuntimeException> notBilled;

  /**
   * @param issued the bills issued, in customer and date order
   * @param notBilled why each customer could not be billed, by customer id
   */
  public BillRunReport(List<Bill> issued, Map<String, RuntimeException> notBilled) {
    this.issued = ImmutableList.copyOf(issued);
    this.notBilled = ImmutableMap.copyOf(notBilled);
  }

  /** @return the bills issued, in customer and date order */
  public List<Bill> issued() {
    return issued;
  }

  /** @return why each customer could not be billed, by customer id */
  public Map<String, RuntimeException> notBilled() {
    return notBilled;
  }

  @Override
  public String toString() {
    return "BillRunReport{" + issued.size() + " bills issued, " + notBilled.size()
        + " customers not billed" + (notBilled.isEmpty() ? "" : ": " + notBilled.keySet()) + "}";
  }
}
