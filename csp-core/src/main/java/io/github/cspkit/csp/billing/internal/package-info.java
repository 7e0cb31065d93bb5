/**
 * The billing engine behind {@code CspPartner} (BIL-1..7): it computes bills without checking the
 * actor or storing anything, so it is not exported; integrators call {@code CspPartner}.
 */
@NullMarked
package io.github.cspkit.csp.billing.internal;

import org.jspecify.annotations.NullMarked;
