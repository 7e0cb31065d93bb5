package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Period;

/**
 * The monthly cadence of PRC-1/PRC-3 with a notice (PRC-2).
 *
 * @param notice how long before its month a list is published, not negative
 */
record MonthlyCadence(Period notice) implements PriceListPolicy {
  MonthlyCadence {
    requireNonNull(notice, "notice");
  }

  @Override
  public String toString() {
    return "PriceListPolicy.monthly(" + notice + ")";
  }
}
