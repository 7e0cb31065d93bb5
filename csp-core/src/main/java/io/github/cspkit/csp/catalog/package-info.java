/**
 * The catalog (CAT-1..5): SKUs, product families, segments, add-on attachment, the access kept
 * while suspended, and the program policy that says which families may be ordered.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.catalog;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
