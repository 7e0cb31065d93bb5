package io.github.cspkit.csp.partner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.cspkit.csp.billing.Bill;
import java.util.List;
import java.util.Map;

/**
 * A bill run (BIL-1) that could not bill some customers: every other customer was billed, each in
 * its own transaction, and a failed customer's transaction left nothing. Holds both, so the caller
 * can deliver the bills issued and fix the failures.
 */
public final class BillRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ImmutableList<Bill> issued;
  private final transient ImmutableMap<String, RuntimeException> failures;

  /**
   * @param issued the bills issued
   * @param failures why each customer failed, by customer id
   */
  public BillRunException(List<Bill> issued, Map<String, RuntimeException> failures) {
    super(failures.size() + " customers could not be billed: " + failures.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue().getMessage() + ")")
        .collect(java.util.stream.Collectors.joining("; ")));
    this.issued = ImmutableList.copyOf(issued);
    this.failures = ImmutableMap.copyOf(failures);
  }

  /** @return the bills issued for the other customers */
  public List<Bill> issued() {
    return issued;
  }

  /** @return why each customer failed, by customer id */
  public Map<String, RuntimeException> failures() {
    return failures;
  }
}
