/**
 * Price lists and prices (PRC-1..6, DIS-1): the vendor's monthly {@link csp.pricing.PriceList}s,
 * the notice and cadence policy ({@link csp.pricing.PriceListPolicy}), the bitemporal
 * {@link csp.pricing.PriceBook} that answers "price of a SKU on day D as known on day K"
 * ({@link csp.pricing.PriceQuote}), the distributor's view ({@link csp.pricing.DistributorDesk}),
 * the partner's own pricing from cost ({@link csp.pricing.PricingPolicy},
 * {@link csp.pricing.SalePrice}) and the price lock of a term ({@link csp.pricing.PriceLock}).
 */
@CspStyle
package csp.pricing;

import csp.CspStyle;
