/**
 * The partner's operations (DESIGN.md, io.github.cspkit.csp.partner): {@link io.github.cspkit.csp.partner.CspPartner} is the one
 * entry point. Each call checks the actor (ACC), the agreement (AGR-1), the catalog and the rules,
 * applies the change through the domain operations, stores it in one transaction with its events
 * and idempotency record, and returns the result.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.partner;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
