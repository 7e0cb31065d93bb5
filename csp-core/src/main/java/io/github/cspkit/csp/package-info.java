/**
 * csp: the rules of Microsoft's Cloud Solution Provider program for a reseller partner.
 * The root holds the one family of refusals, {@link io.github.cspkit.csp.CspException}: a
 * {@link io.github.cspkit.csp.RuleViolation} (a rule id), an
 * {@link io.github.cspkit.csp.UnknownIdException}, a {@link io.github.cspkit.csp.ConflictException}
 * and an {@link io.github.cspkit.csp.OutOfRangeException}, each with a stable code. Rule groups
 * live in sub-packages named after them.
 */
@NullMarked
package io.github.cspkit.csp;

import org.jspecify.annotations.NullMarked;
