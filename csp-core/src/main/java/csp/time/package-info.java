/** Half-open date ranges and day counts, shared by every rule group (SUB-1, SUB-2, BIL-2). */
@CspStyle
package csp.time;

import csp.CspStyle;
