/**
 * Access (ACC-1..5, SUB-6): partners and their kind, actors with explicit rights, the operations
 * of the partner entry point, and the policies that decide who may do what.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.access;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
