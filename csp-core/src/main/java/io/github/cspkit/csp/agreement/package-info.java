/**
 * The reseller agreement (AGR-1..5): acceptance, yearly terms ending on the renewal date, written
 * notices of intent not to renew, the end date they cause, and the status on any date.
 * <p>
 * All calendar arithmetic is on plain dates: a renewal date that falls on a weekend or holiday is
 * not shifted to a business day.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.agreement;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
