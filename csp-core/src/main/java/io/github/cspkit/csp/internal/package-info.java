/**
 * Internals shared by every rule group: the Immutables style and the checks that refuse with the
 * {@link io.github.cspkit.csp.CspException} family. Not exported by the module.
 */
@NullMarked
package io.github.cspkit.csp.internal;

import org.jspecify.annotations.NullMarked;
