package io.github.cspkit.csp.examples.scenario;

/**
 * A line of a scenario that cannot be parsed, or breaks the file's own rules (dates going
 * backwards, {@code known} later than the current date): the runner reports
 * {@code FILE:LINE: expected …, found …} and stops the file with exit status 2. Carries no stack
 * trace: it is the scenario's mistake, not the program's.
 */
final class ScenarioSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private ScenarioSyntaxException(String message) {
    super(message, null, false, false);
  }

  /**
   * @param expected what the line should have had
   * @param found what it had
   * @return the exception, to be thrown
   */
  static ScenarioSyntaxException expected(String expected, String found) {
    return new ScenarioSyntaxException("expected " + expected + ", found " + found);
  }
}
