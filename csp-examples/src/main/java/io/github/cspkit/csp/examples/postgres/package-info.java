/**
 * The reference PostgreSQL adapter of the persistence SPI (DESIGN.md, Persistence):
 * {@link io.github.cspkit.csp.examples.postgres.PostgresStore}, plain JDBC over a schema migrated by
 * Flyway ({@code db/migration/csp}), one class per repository over a transaction ({@code Tx}) that
 * reads a customer with everything a command needs in one round trip and writes set by set at
 * commit ({@code Flush}). Money is a {@code numeric} with its currency code, dates are
 * {@code date}; every partner's row carries its {@code partner_id}; no ORM.
 */
@NullMarked
package io.github.cspkit.csp.examples.postgres;

import org.jspecify.annotations.NullMarked;
