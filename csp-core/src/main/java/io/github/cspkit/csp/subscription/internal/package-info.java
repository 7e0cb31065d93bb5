/**
 * The subscription operations behind {@code CspPartner} (SUB-1..7, CAT-3, CUS-3): they check the
 * rules but not the actor, so they are not exported; integrators call {@code CspPartner}.
 */
@NullMarked
package io.github.cspkit.csp.subscription.internal;

import org.jspecify.annotations.NullMarked;
