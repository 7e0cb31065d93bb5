/**
 * The billing engine behind {@code CspPartner} (BIL-1..7): it computes bills without checking the
 * actor or storing anything, so it is not exported; integrators call {@code CspPartner}.
 */
package io.github.cspkit.csp.billing.internal;
