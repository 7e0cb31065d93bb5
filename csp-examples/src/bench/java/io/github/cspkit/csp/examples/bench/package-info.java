/**
 * JMH benchmarks of csp (built with {@code -Pbench}): proration, a bill run and the bitemporal
 * price lookup; results in {@code csp-examples/src/bench/RESULTS.md}.
 */
@NullMarked
package io.github.cspkit.csp.examples.bench;

import org.jspecify.annotations.NullMarked;
