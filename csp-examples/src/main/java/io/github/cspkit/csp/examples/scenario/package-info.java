/**
 * Scenario files (SCENARIOS.md): the runner that replays a {@code .csp} file through the
 * library's public API and checks its expectations
 * ({@link io.github.cspkit.csp.examples.scenario.ScenarioRunner}), and a generator of large
 * scenarios for load tests.
 */
@NullMarked
package io.github.cspkit.csp.examples.scenario;

import org.jspecify.annotations.NullMarked;
