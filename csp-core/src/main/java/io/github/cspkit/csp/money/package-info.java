/**
 * Exact money (BIL-6): minor units inside, {@code MonetaryAmount} at the edge, one rounding per
 * charge, and conserving allocation.
 */
@CspStyle
package io.github.cspkit.csp.money;

import io.github.cspkit.csp.internal.CspStyle;
