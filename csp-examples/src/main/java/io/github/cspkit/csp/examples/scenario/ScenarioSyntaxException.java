package io.github.cspkit.csp.examples.scenario;

/**
 * A line that stops the scenario with exit status 2: it cannot be parsed, breaks the file's own
 * rules (dates going backwards, {@code known} later than the current date), or names something the
 * runner does not support yet. The runner reports {@code FILE:LINE: } and the message. Carries no
 * stack trace: it is the scenario's mistake, or a documented limit, not the program's.
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

  /**
   * @param what the statement or expectation, and why: which rules are not wired in yet
   * @return the exception, to be thrown: {@code not supported yet: WHAT}
   */
  static ScenarioSyntaxException notSupportedYet(String what) {
    return new ScenarioSyntaxException("not supported yet: " + what);
  }
}
