/**
 * Price lists and prices (PRC-1..6, DIS-1): the vendor's monthly {@link io.github.cspkit.csp.pricing.PriceList}s,
 * the notice and cadence policy ({@link io.github.cspkit.csp.pricing.PriceListPolicy}), the bitemporal
 * {@link io.github.cspkit.csp.pricing.PriceBook} that answers "price of a SKU on day D as known on day K"
 * ({@link io.github.cspkit.csp.pricing.PriceQuote}), the distributor's view ({@link io.github.cspkit.csp.pricing.DistributorDesk}),
 * the partner's own pricing from cost ({@link io.github.cspkit.csp.pricing.PricingPolicy},
 * {@link io.github.cspkit.csp.pricing.SalePrice}) and the price lock of a term ({@link io.github.cspkit.csp.pricing.PriceLock}).
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.pricing;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
