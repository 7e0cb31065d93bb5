package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Replays a scenario file ({@code .csp}, SCENARIOS.md) through the library's public API
 * ({@link CspPartner}) on a {@link CspStore} (a fresh {@link InMemoryStore} unless one is given),
 * prints every bill as it is issued, and checks every {@code expect} line.
 *
 * <h2>How a file runs</h2>
 * The file is streamed line by line ({@link ScenarioInput}); each line is parsed whole into a
 * {@link Statement} or an {@link Expectation} ({@link ScenarioParser}) before anything runs. The
 * {@link ScenarioWorld} runs statements: setup statements ({@code partner}, {@code sku},
 * {@code markup}, {@code timing}, {@code program}) change its configuration, dated statements
 * run through {@link CspPartner}, and bills due on the way are issued in the order the library
 * says they are due. {@link ScenarioAnswers} checks expectations, and {@link ScenarioReport}
 * prints what happened. A {@code markup … for CUSTOMER} may come before the customer is created; a
 * customer that the file never creates is reported at the markup's line. Before a dated line of
 * day D runs, every bill due by the end of D−1 is issued (in advance: a bill is issued at the end of
 * its period's first day, so it sees every statement dated that day or earlier); {@code D advance}
 * issues every bill due by the end of D, and the next dated line must be later.
 *
 * <h2>Actors</h2>
 * A dated line runs as the partner's admin agent unless it says {@code as customer C} (that
 * customer's admin) or {@code as user U} (a partner user whose rights come from its security
 * groups, GDA-2: {@code Actor.gdapUser}). {@code publish-price-list} runs as the vendor, who publishes price lists
 * (PRC-1), unless the line names an actor explicitly ({@code as partner} or
 * {@code as customer C}), so that a scenario can show that nobody else may publish.
 *
 * <h2>Extension: {@code financing}</h2>
 * Besides the statements of SCENARIOS.md, the runner accepts the dated statement
 * <pre>
 * DATE financing CUSTOMER prepaid PERCENT | instalments N | none      # BIL-3
 * </pre>
 * which calls {@link CspPartner#setFinancing}: annual prepayment with a discount of PERCENT, N
 * monthly instalments, or no financing. It is needed to replay a customer on annual prepayment.
 *
 * <h2>The current program</h2>
 * Every statement and expectation of SCENARIOS.md's section "The current program" is parsed and
 * checked. {@code program current} (before the first dated line) runs the file under
 * {@link CspPolicies#currentProgram()}: {@code accept-agreement} accepts the Microsoft Partner
 * Agreement and {@code terminate-agreement} gives its notice of termination (MPA-1); orders,
 * seat changes, cancellation, suspension, reactivation, auto-renewal, {@code schedule} and
 * {@code upgrade} run through {@link CspPartner#newCommerce()} (NCE-1..9), and
 * {@code expect cancellable|refundable|scheduled|vendor-charges|vendor-charge} and
 * {@code expect seats|status|term-end|quote} read its subscriptions as of the current date (a quote
 * is the partner's sale charge over the rest of the term, SUB-2); bills include them. A price
 * entry {@code SKU/TERM/PLAN=PRICE} publishes a row by term and plan (NCE-1, NCE-2).
 * {@code map-sku}, {@code import-price-list} and {@code expect reconciliation} read Partner Center's
 * files (PCF-1, PCF-2) named relative to the scenario file's folder; a file that cannot be read
 * stops the scenario with exit status 2. Under the seed, a statement that only the current program
 * knows (a term or plan, {@code schedule}, {@code upgrade}, {@code terminate-agreement}, an
 * expectation about new-commerce subscriptions) stops the file with exit status 2, asking for
 * {@code program current}. Under the current program {@code order-addon} and {@code convert-trial}
 * are not wired in yet: they stop the file with exit status 2 and
 * {@code FILE:LINE: not supported yet: …}. {@code administer CUSTOMER TASK} runs as a delegated
 * admin task (ACC-1). Under {@code program current} granular delegated admin (GDA-1..4) is on: the
 * file's {@code security-group} lines are the partner's security groups, its {@code role} lines
 * define roles over Microsoft Entra's built-in ones (a line naming a built-in role redefines it),
 * {@code gdap-request}, {@code gdap-approve} and {@code gdap-terminate} run through
 * {@link CspPartner#gdap()}, {@code administer} needs an active relationship (GDA-2), and
 * {@code expect gdap}/{@code gdap-ends} read a relationship on the current date. Under the seed
 * those statements and expectations stop the file with exit status 2
 * ({@code expected 'program current' before …}); {@code security-group} and {@code role} are kept
 * but grant nothing.
 *
 * <h2>Outcomes</h2>
 * Exit status 0 when every line parsed and every expectation held; 1 when an expectation failed or
 * a statement was refused without {@code expect refused} on the very next line; 2 when the file
 * cannot be read or parsed, or uses what is not supported yet (the file stops at that line). Each
 * problem is printed to {@code err} as {@code FILE:LINE: expected …, found …}. Any exception the
 * library throws while running a statement is a refusal of that statement; no stack trace is ever
 * printed. {@code expect refused CODE} matches the refusal's {@link CspException#code()}: a rule id
 * such as {@code SUB-6} (a {@link RuleViolation}), or {@code UNKNOWN_ID}, {@code CONFLICT} or
 * {@code OUT_OF_RANGE} (an unknown id, a taken id or reused key, a value out of range or an
 * overflow). Limits that keep hostile input from hanging the runner: lines of at most
 * {@value #MAX_LINE} characters, names of at most 100 characters, numbers of at most 30
 * characters, file paths of at most 1000 characters, and dated lines at most {@value #MAX_YEARS}
 * years after the first one. Currency codes must name money with a minor unit: ISO 4217's
 * {@code XXX} ("no currency"), {@code XTS} and the metals are refused.
 */
public final class ScenarioRunner {
  /** Every line parsed and every expectation held. */
  public static final int PASSED = 0;
  /** An expectation failed, or a statement was refused without {@code expect refused}. */
  public static final int FAILED = 1;
  /** The file could not be read or parsed. */
  public static final int BROKEN = 2;

  /** The longest line accepted, in characters. */
  static final int MAX_LINE = 100_000;
  /** How far after the first dated line a dated line may go. */
  static final int MAX_YEARS = 100;

  private final ScenarioReport report;
  private final ScenarioParser parser = new ScenarioParser();
  private final ScenarioWorld world;
  private final ScenarioAnswers answers;

  // the last statement, for `expect refused`
  private int lastLine;
  private String lastOp;
  private RuntimeException lastRefusal;
  private boolean refusalPending;
  private boolean expectedSinceStatement;

  private ScenarioRunner(String name, CspStore store, Path folder, PrintStream out,
      PrintStream err) {
    this.report = new ScenarioReport(requireNonNull(name, "name"), requireNonNull(out, "out"),
        requireNonNull(err, "err"));
    this.world = new ScenarioWorld(requireNonNull(store, "store"), report, folder);
    this.answers = new ScenarioAnswers(world);
  }

  /**
   * @return the store a scenario runs on by default: a new, empty {@link InMemoryStore} with the
   *     seed's price-list policy
   */
  public static CspStore inMemoryStore() {
    return InMemoryStore.create(CspPolicies.seed().priceLists());
  }

  /**
   * Runs one scenario file on a new {@link #inMemoryStore()} and prints a summary line for it to
   * {@code out}.
   *
   * @param file the file
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes, as {@code FILE:LINE: expected …, found …}
   * @return 0 passed, 1 an expectation failed or a refusal was not expected, 2 unreadable or
   *     unparsable
   */
  public static int run(Path file, PrintStream out, PrintStream err) {
    return run(file, inMemoryStore(), out, err);
  }

  /**
   * Runs one scenario file on a given store and prints a summary line for it to {@code out}.
   *
   * @param file the file
   * @param store an empty store for this file's partner
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes, as {@code FILE:LINE: expected …, found …}
   * @return the exit status, as {@link #run(Path, PrintStream, PrintStream)}
   */
  public static int run(Path file, CspStore store, PrintStream out, PrintStream err) {
    requireNonNull(file, "file");
    Path folder = file.toAbsolutePath().getParent();
    ScenarioRunner r = new ScenarioRunner(file.toString(), store,
        folder == null ? workingFolder() : folder, out, err);
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return r.unreadable("an existing file", "no such file");
    } catch (IOException | RuntimeException e) {
      return r.unreadable("a readable file", describe(e));
    }
    try (in) {
      return r.run(new ScenarioInput.StrictUtf8Reader(in));
    } catch (IOException e) {
      // only close() can get here: the run itself reports read errors at their line
      return r.report.status();
    }
  }

  /**
   * Runs a scenario read as UTF-8 bytes from {@code in} (which it does not close), exactly as
   * {@link #run(Path, PrintStream, PrintStream)} reads a file: bytes that are not UTF-8 stop the
   * file with exit status 2 at the line that holds them.
   *
   * @param name the file name used in messages
   * @param in the scenario bytes
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes
   * @return the exit status, as {@link #run(Path, PrintStream, PrintStream)}
   */
  static int run(String name, InputStream in, PrintStream out, PrintStream err) {
    return new ScenarioRunner(name, inMemoryStore(), workingFolder(), out, err)
        .run(new ScenarioInput.StrictUtf8Reader(requireNonNull(in, "in")));
  }

  /**
   * Runs a scenario read from {@code reader} (which it does not close).
   *
   * @param name the file name used in messages
   * @param reader the scenario text
   * @param out where bills, acknowledged refusals and the summary go
   * @param err where every failure goes
   * @return the exit status, as {@link #run(Path, PrintStream, PrintStream)}
   */
  public static int run(String name, Reader reader, PrintStream out, PrintStream err) {
    return new ScenarioRunner(name, inMemoryStore(), workingFolder(), out, err)
        .run(requireNonNull(reader, "reader"));
  }

  /** @return the folder that file names are relative to when the scenario is not a file */
  private static Path workingFolder() {
    return Path.of("").toAbsolutePath();
  }

  private int unreadable(String expectedWhat, String found) {
    report.unreadable(expectedWhat, found);
    report.summary();
    return report.status();
  }

  // ------------------------------------------------------------------ the loop

  private int run(Reader reader) {
    ScenarioInput.LineReader lines = new ScenarioInput.LineReader(reader);
    int lineNo = 0;
    try {
      while (true) {
        String raw;
        try {
          raw = lines.next();
        } catch (CharacterCodingException e) {
          // the line being read holds the bytes (StrictUtf8Reader delivers all before them)
          report.atLine(++lineNo);
          throw expected("UTF-8 text", "bytes that are not UTF-8");
        } catch (IOException e) {
          report.atLine(++lineNo);
          throw expected("a readable file", describe(e));
        }
        if (raw == null) {
          break;
        }
        report.atLine(++lineNo);
        if (lines.truncated()) {
          throw expected("a line of at most " + MAX_LINE + " characters", "a longer line");
        }
        Optional<ScenarioLine> line = parser.parse(raw);
        if (line.isPresent()) {
          run(line.get());
        }
      }
      flushRefusal();
      world.finish();
    } catch (ScenarioSyntaxException e) {
      flushRefusal();
      report.problem(e.getMessage(), BROKEN);
    } catch (RuntimeException | StackOverflowError e) {
      flushRefusal();
      report.problem("expected the line to run, found an internal error: " + describe(e), BROKEN);
    }
    report.summary();
    return report.status();
  }

  private void run(ScenarioLine line) {
    if (line instanceof Expectation.Refused refused) {
      report.expectation();
      expectRefused(refused);
      return;
    }
    flushRefusal();
    if (line instanceof Expectation e) {
      expectedSinceStatement = true;
      report.expectation();
      check(e);
      return;
    }
    Statement s = (Statement) line;
    if (s instanceof Statement.Dated d) {
      world.startDay(d.date());
      statement(s);
      world.run(d).ifPresent(refusal -> {
        lastRefusal = refusal;
        refusalPending = true;
      });
    } else {
      statement(s);
      world.setup(s);
    }
  }

  private void statement(Statement s) {
    report.statement();
    lastLine = report.line();
    lastOp = s.keyword();
    lastRefusal = null;
    refusalPending = false;
    expectedSinceStatement = false;
  }

  /** Reports a refused statement that no {@code expect refused} followed. */
  private void flushRefusal() {
    if (refusalPending) {
      refusalPending = false;
      report.problemAt(lastLine, "expected " + lastOp + " to succeed (or an 'expect refused' line"
          + " right after it), found " + refusal(lastRefusal), FAILED);
    }
  }

  private void check(Expectation e) {
    Optional<String> found;
    try {
      found = answers.found(e);
    } catch (ScenarioSyntaxException x) {
      throw x;
    } catch (RuntimeException x) {
      found = Optional.of(refusal(x));
    }
    found.ifPresent(f -> report.problem("expected " + e.text() + ", found " + f, FAILED));
  }

  private void expectRefused(Expectation.Refused e) {
    refusalPending = false;
    String expectedText = e.text();
    if (lastOp == null) {
      report.problem("expected " + expectedText + ", found no statement before it", FAILED);
    } else if (lastRefusal == null) {
      report.problem("expected " + expectedText + ", found " + lastOp + " on line " + lastLine
          + " succeeded", FAILED);
    } else if (expectedSinceStatement) {
      report.problem("expected " + expectedText + " right after the refused " + lastOp + " on line "
          + lastLine + ", found another expectation in between", FAILED);
    } else if (!(lastRefusal instanceof CspException v) || !v.code().equals(e.code())) {
      report.problem("expected " + expectedText + ", found " + refusal(lastRefusal), FAILED);
    } else {
      report.refusedAsExpected(lastLine, lastOp, v.getMessage());
    }
  }

  // ------------------------------------------------------------------ messages

  /** @return a refusal as messages show it: {@code refused SUB-6: reason} */
  static String refusal(Throwable e) {
    if (e instanceof RuleViolation v) {
      return "refused " + v.rule() + ": " + v.reason();
    }
    if (e instanceof CspException c) {
      return "refused " + c.getMessage(); // "CODE: reason"
    }
    return "refused: " + describe(e);
  }

  /** @return an exception's message, or its type when it has none */
  static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
