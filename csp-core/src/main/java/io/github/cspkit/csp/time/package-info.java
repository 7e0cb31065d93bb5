/** Half-open date ranges and day counts, shared by every rule group (SUB-1, SUB-2, BIL-2). */
@CspStyle
@NullMarked
package io.github.cspkit.csp.time;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
