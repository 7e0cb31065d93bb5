/**
 * Subscriptions and seats (SUB-1..7, CAT-3, CUS-3): terms, the seat and suspension history of each
 * term as exact per-day accrual rates, and the lifecycle operations, each returning the next value
 * and the event that explains it.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
