package io.github.cspkit.csp.pricing;

import java.time.Period;

/** The monthly cadence of PRC-1/PRC-3 with a notice (PRC-2). */
final class MonthlyCadence implements PriceListPolicy {
  private final Period notice;

  MonthlyCadence(Period notice) {
    this.notice = notice;
  }

  @Override
  public Period notice() {
    return notice;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MonthlyCadence && ((MonthlyCadence) o).notice.equals(notice);
  }

  @Override
  public int hashCode() {
    return notice.hashCode();
  }

  @Override
  public String toString() {
    return "PriceListPolicy.monthly(" + notice + ")";
  }
}
