package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Turns the lines of a scenario file into {@link ScenarioLine} values, one line at a time, and
 * checks the file's own rules, which need nothing but the lines before (SCENARIOS.md): dates never
 * go backwards, the line after {@code DATE advance} is later than DATE, no dated line is more than
 * {@value ScenarioRunner#MAX_YEARS} years after the first one, {@code program} comes before the
 * first dated line, and {@code known} is not later than the current date. Every problem is a
 * {@link ScenarioSyntaxException} ("expected …, found …"); a line is parsed whole before it is
 * checked against the ones before it.
 */
final class ScenarioParser {
  private final StatementParser statements = new StatementParser();
  private LocalDate firstDate;
  private LocalDate today;
  private LocalDate advancedTo;

  /**
   * @param raw a line of the file, comment included
   * @return its statement or expectation; empty for a blank or comment-only line
   */
  Optional<ScenarioLine> parse(String raw) {
    Words w = Words.of(raw);
    if (w.isEmpty()) {
      return Optional.empty();
    }
    String first = w.next("a statement");
    if (first.equals("expect")) {
      return Optional.of(ExpectationParser.parse(w, Optional.ofNullable(today)));
    }
    if (!first.isEmpty() && first.charAt(0) >= '0' && first.charAt(0) <= '9') {
      Statement.Dated d = statements.dated(Words.parseDate(first, "a date"), w);
      onDay(d.date(), d.operation() instanceof Operation.Advance);
      return Optional.of(d);
    }
    Statement s = statements.setup(first, w);
    if (s instanceof Statement.ProgramSetup && firstDate != null) {
      throw expected("'program' before the first dated line (" + firstDate + ")",
          "it after that line");
    }
    return Optional.of(s);
  }

  /** @return the current date: the last dated line's, if any */
  Optional<LocalDate> today() {
    return Optional.ofNullable(today);
  }

  private void onDay(LocalDate date, boolean advance) {
    if (today != null && date.isBefore(today)) {
      throw expected("a date on or after " + today + " (dates never go backwards)", date.toString());
    }
    if (advancedTo != null && !date.isAfter(advancedTo)) {
      throw expected("a date after " + advancedTo + " (the day of the last advance)", date.toString());
    }
    if (firstDate == null) {
      firstDate = date;
    } else if (date.isAfter(firstDate.plusYears(ScenarioRunner.MAX_YEARS))) {
      // every bill of every period in between would be issued: bound the work a typo can cause
      throw expected("a date at most " + ScenarioRunner.MAX_YEARS + " years after the first dated"
          + " line (" + firstDate + ")", date.toString());
    }
    today = date;
    if (advance) {
      advancedTo = date;
    }
  }
}
