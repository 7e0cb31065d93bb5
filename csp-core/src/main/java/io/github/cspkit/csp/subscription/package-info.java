/**
 * Subscriptions and seats (SUB-1..7, CAT-3, CUS-3): terms, the seat and suspension history of each
 * term as steps that keep what their seats pay, the one {@link io.github.cspkit.csp.subscription.Accrual}
 * of a term under the day count policy, and the lifecycle operations, each returning the next value
 * and the event that explains it.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
