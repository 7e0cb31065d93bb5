package io.github.cspkit.csp.examples.scenario;

/**
 * A line of a scenario file that is not blank or a comment, as parsed: a {@link Statement} or an
 * {@link Expectation} (SCENARIOS.md).
 */
sealed interface ScenarioLine permits Statement, Expectation {}
