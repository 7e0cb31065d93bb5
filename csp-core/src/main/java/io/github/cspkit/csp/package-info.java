/**
 * csp: the rules of Microsoft's Cloud Solution Provider program for a reseller partner.
 * The root holds {@link RuleViolation}, the one exception for refused operations, and the
 * shared Immutables style {@link CspStyle}. Rule groups live in sub-packages named after them.
 */
package io.github.cspkit.csp;
