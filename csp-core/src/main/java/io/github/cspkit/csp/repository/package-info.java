/**
 * The persistence SPI (DESIGN.md, Persistence): repositories of agreements, price lists,
 * customers, subscriptions, bills and billing accounts, the partner's own services, an
 * append-only event log and idempotency records, all reached through one transactional
 * {@link io.github.cspkit.csp.repository.CspStore}. Every versioned save carries the version that was read; a
 * stale one is refused with {@link io.github.cspkit.csp.repository.StaleVersionException}. The in-memory
 * implementation ({@link io.github.cspkit.csp.repository.InMemoryStore}) is the embedded, thread-safe default.
 */
@CspStyle
@NullMarked
package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.internal.CspStyle;
import org.jspecify.annotations.NullMarked;
