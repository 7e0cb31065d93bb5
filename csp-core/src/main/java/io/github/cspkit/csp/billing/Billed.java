package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What has been billed of one subscription term (BIL-6): its exact accrual through
 * {@code through}, as a numerator over the term's day count, for sale and cost. The amount billed
 * so far is that accrual rounded once.
 *
 * @param saleNumerator the billed sale accrual times the term's day count, minor units
 * @param costNumerator the billed cost accrual times the term's day count, minor units
 * @param through the first day not yet billed
 */
public record Billed(long saleNumerator, long costNumerator, LocalDate through) {
  /**
   * @param saleNumerator sale numerator
   * @param costNumerator cost numerator
   * @param through the first day not yet billed
   */
  public Billed {
    requireNonNull(through, "through");
  }
}
