/**
 * The partner's operations (DESIGN.md, csp.partner): {@link csp.partner.CspPartner} is the one
 * entry point. Each call checks the actor (ACC), the agreement (AGR-1), the catalog and the rules,
 * applies the change through the domain operations, stores it in one transaction with its events
 * and idempotency record, and returns the result.
 */
@CspStyle
package csp.partner;

import csp.CspStyle;
