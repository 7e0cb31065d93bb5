/**
 * Exact money (BIL-6): minor units inside, {@code MonetaryAmount} at the edge, one rounding per
 * charge, 128-bit accrual numerators ({@link io.github.cspkit.csp.money.Numerator}) so that an
 * amount is exact whenever it fits a {@code long}, one report of an amount that does not
 * ({@link io.github.cspkit.csp.money.MinorUnits#outOfRange}), and conserving allocation.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.money;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
