package io.github.cspkit.csp.billing;

import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;

/**
 * When a bill is issued, and so what it knows (BIL-7): a policy. Under either timing a bill
 * charges what accrued through its period's end, as known when it is issued, less what was
 * billed before; so the bills of a finished term add up to its accrual (BIL-6).
 */
public enum BillingTiming {
  /** The default: issued at the end of the period's first day, charging the period in advance. */
  IN_ADVANCE {
    @Override
    public LocalDate issueDate(DateRange period) {
      return period.start();
    }
  },
  /** Issued at the end of the period's last day, for what accrued in it. */
  IN_ARREARS {
    @Override
    public LocalDate issueDate(DateRange period) {
      return period.lastDay();
    }
  };

  /**
   * @param period a bill period
   * @return the day at whose end the bill is issued
   */
  public abstract LocalDate issueDate(DateRange period);
}
