package io.github.cspkit.csp.examples.scenario;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillText;
import java.io.PrintStream;

/**
 * What a scenario run prints and how it ends (SCENARIOS.md "Running"): each bill as it is issued
 * and each acknowledged refusal to {@code out}, each problem to {@code err} as
 * {@code FILE:LINE: message}, and a summary line; the exit status is the worst problem's.
 */
final class ScenarioReport {
  private final String name;
  private final PrintStream out;
  private final PrintStream err;

  private int status = ScenarioRunner.PASSED;
  private int line;
  private int statements;
  private int expectations;
  private int failures;
  private int billsIssued;

  /**
   * @param name the file name used in messages
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where problems go
   */
  ScenarioReport(String name, PrintStream out, PrintStream err) {
    this.name = name;
    this.out = out;
    this.err = err;
  }

  /** @param n the number of the line being run, 1 for the first */
  void atLine(int n) {
    line = n;
  }

  /** @return the number of the line being run */
  int line() {
    return line;
  }

  /** @return the exit status so far */
  int status() {
    return status;
  }

  /** Counts a statement that runs. */
  void statement() {
    statements++;
  }

  /** Counts an expectation that is checked. */
  void expectation() {
    expectations++;
  }

  /**
   * Reports a problem at the current line.
   *
   * @param message what was expected and found
   * @param severity {@link ScenarioRunner#FAILED} or {@link ScenarioRunner#BROKEN}
   */
  void problem(String message, int severity) {
    problemAt(line, message, severity);
  }

  /**
   * Reports a problem at a given line.
   *
   * @param at the line
   * @param message what was expected and found
   * @param severity {@link ScenarioRunner#FAILED} or {@link ScenarioRunner#BROKEN}
   */
  void problemAt(int at, String message, int severity) {
    err.println(name + ":" + at + ": " + message);
    failures++;
    status = Math.max(status, severity);
  }

  /**
   * Reports a file that cannot be opened: {@code FILE: expected …, found …}, without a line.
   *
   * @param expectedWhat what the file should be
   * @param found what it is
   */
  void unreadable(String expectedWhat, String found) {
    err.println(name + ": expected " + expectedWhat + ", found " + found);
    status = ScenarioRunner.BROKEN;
  }

  /** @param b a bill just issued, printed with its formulas */
  void bill(Bill b) {
    billsIssued++;
    out.print(BillText.render(b));
    out.println();
  }

  /**
   * @param at the refused statement's line
   * @param keyword the statement
   * @param refusal the refusal's message
   */
  void refusedAsExpected(int at, String keyword, String refusal) {
    out.println(name + ":" + at + ": " + keyword + " refused as expected: " + refusal);
  }

  /** Prints the summary line. */
  void summary() {
    String verdict = status == ScenarioRunner.PASSED ? "passed"
        : status == ScenarioRunner.FAILED ? "FAILED" : "BROKEN";
    out.println(name + ": " + verdict + " (exit " + status + "): " + line + " lines, " + statements
        + " statements, " + expectations + " expectations, " + billsIssued + " bills issued"
        + (failures > 0 ? ", " + failures + (failures == 1 ? " problem" : " problems") : ""));
  }
}
