/**
 * Test support shipped in csp-core's test-jar: framework-neutral generators of valid CSP histories
 * and of labelled invalid operations ({@link io.github.cspkit.csp.testkit.CspGenerators}), their
 * QuickTheories adapters, and the fixtures of the library's own tests. Every history, the seed's
 * and the current program's ({@link io.github.cspkit.csp.testkit.NceHistories}), is a list of
 * {@link io.github.cspkit.csp.testkit.HistoryOp} replayed by
 * {@link io.github.cspkit.csp.testkit.HistoryOp#replay}; every invalid operation is a
 * {@link io.github.cspkit.csp.testkit.LabelledOp}.
 */
@NullMarked
package io.github.cspkit.csp.testkit;

import org.jspecify.annotations.NullMarked;
