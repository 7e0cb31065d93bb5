/**
 * Monthly bills (BIL-1..7): billing timing, exact accrual billed as a difference from what was
 * billed before, explained prorated lines, the partner's own services, financing, cost and
 * margin, and plain-text and CSV rendering.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.billing;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
