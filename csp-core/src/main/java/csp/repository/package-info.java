/**
 * The persistence SPI (DESIGN.md, Persistence): repositories of agreements, price lists,
 * customers, subscriptions, bills and billing accounts, the partner's own services, an
 * append-only event log and idempotency records, all reached through one transactional
 * {@link csp.repository.CspStore}. Every versioned save carries the version that was read; a
 * stale one is refused with {@link csp.repository.StaleVersionException}. The in-memory
 * implementation ({@link csp.repository.InMemoryStore}) is the embedded, thread-safe default.
 */
@CspStyle
package csp.repository;

import csp.CspStyle;
