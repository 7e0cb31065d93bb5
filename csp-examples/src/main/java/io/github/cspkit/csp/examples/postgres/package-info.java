/**
 * The reference PostgreSQL adapter of the persistence SPI (DESIGN.md, Persistence):
 * {@link io.github.cspkit.csp.examples.postgres.PostgresStore}, plain JDBC over the versioned schema
 * {@code db/csp-schema-v1.sql}. Money is a {@code numeric} with its currency code, dates are
 * {@code date}; no ORM.
 */
@NullMarked
package io.github.cspkit.csp.examples.postgres;

import org.jspecify.annotations.NullMarked;
