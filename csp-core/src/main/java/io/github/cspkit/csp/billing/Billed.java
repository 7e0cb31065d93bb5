package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.money.Numerator;
import java.time.LocalDate;

/**
 * What has been billed of one subscription term (BIL-6): its exact accrual through
 * {@code through}, as a numerator over the term's day count, for sale and cost. The amount billed
 * so far is that accrual rounded once. Numerators are exact 128-bit integers ({@link Numerator}):
 * they may exceed a {@code long} when the amounts they stand for do not.
 *
 * @param saleNumerator the billed sale accrual times the term's day count, minor units
 * @param costNumerator the billed cost accrual times the term's day count, minor units
 * @param through the first day not yet billed
 */
public record Billed(Numerator saleNumerator, Numerator costNumerator, LocalDate through) {
  /**
   * @param saleNumerator sale numerator
   * @param costNumerator cost numerator
   * @param through the first day not yet billed
   */
  public Billed {
    requireNonNull(saleNumerator, "saleNumerator");
    requireNonNull(costNumerator, "costNumerator");
    requireNonNull(through, "through");
  }

  /**
   * @param saleNumerator sale numerator, within a {@code long}
   * @param costNumerator cost numerator, within a {@code long}
   * @param through the first day not yet billed
   */
  public Billed(long saleNumerator, long costNumerator, LocalDate through) {
    this(Numerator.of(saleNumerator), Numerator.of(costNumerator), through);
  }
}
