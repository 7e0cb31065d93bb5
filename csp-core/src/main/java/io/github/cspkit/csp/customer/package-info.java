/**
 * Customers and tenants (CUS-1..4): a customer's tenant and its origin, its market and segment,
 * its billing profile (BIL-2) and the partner's delegated admin on it (CUS-4, ACC-1).
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.customer;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
