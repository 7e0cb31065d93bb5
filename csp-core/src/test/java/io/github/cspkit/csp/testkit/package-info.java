/**
 * Test support shipped in csp-core's test-jar: framework-neutral generators of valid CSP histories
 * and of labelled invalid operations ({@link io.github.cspkit.csp.testkit.CspGenerators}), their
 * QuickTheories adapters, and the fixtures of the library's own tests.
 */
@NullMarked
package io.github.cspkit.csp.testkit;

import org.jspecify.annotations.NullMarked;
