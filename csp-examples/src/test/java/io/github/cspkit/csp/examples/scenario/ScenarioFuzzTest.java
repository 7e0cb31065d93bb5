package io.github.cspkit.csp.examples.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario input fuzzing (hardening): mutated copies of the real scenario files of
 * src/test/resources/scenarios go through {@link ScenarioRunner}, in memory. Every run must end
 * with a status 0, 1 or 2, print every problem as {@code FILE:LINE: …}, and never let an exception
 * escape, print a stack trace or an internal error, hang or run out of memory.
 *
 * <p>Mutations come in three classes, so that the assertion can be exact where it can be:
 * <ul>
 *   <li><b>invalid</b>: the mutated line certainly cannot parse (a character no word may hold, a
 *       keyword or date cut short, an unknown keyword, a missing or repeated clause, a number or date
 *       no slot accepts, a name over 100 characters, a garbage line, bytes that are not UTF-8).
 *       The lines before it are the original's, which passes, so the run must exit 2 and report
 *       {@code FILE:L: expected …} for the mutated line L.
 *   <li><b>equivalent</b>: the file means the same (other blanks, CRLF, clauses in another order,
 *       comments with any characters, blank lines): exit 0 and nothing on stderr.
 *   <li><b>any</b>: valid-looking changes with other values (numbers at their limits, far-away dates,
 *       lines dropped, repeated or swapped, random characters anywhere): exit 0, 1 or 2.
 * </ul>
 * The seed is fixed and every case is built from its own index, so the cases and the summary are
 * the same on every run, whatever the number of threads.
 */
class ScenarioFuzzTest {
  private static final long SEED = 0x5CE7A210_F022L;
  private static final int CASES = 12_000;
  /** A run of a scenario of a hundred lines takes a few milliseconds; this bound means a hang. */
  private static final long MAX_RUN_MILLIS = 5_000;
  private static final Duration ALL_RUNS = Duration.ofSeconds(240);

  private static final Pattern STACK_TRACE = Pattern.compile(
      "\tat |Exception in thread|java\\.lang\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|internal error");

  private static List<Scenario> scenarios;

  // ------------------------------------------------------------------ the scenarios, tagged

  enum Role { KW, NAME, NAMES, DATE, MONTH, COUNT, AMOUNT, PERCENT, CUR, RULE, PAIR, DURATION }

  /** A word of a line: where it is, and what the grammar makes of it. */
  record Tok(int start, int end, String text, Role role) {}

  /** Clause words {@code [from, to)}: a keyword and its values, or one SKU=PRICE. */
  record Span(int from, int to, String keyword, boolean required) {}

  /** A statement line of a scenario, 0-based {@code index} in the file. */
  record Stmt(int index, String text, List<Tok> toks, List<Span> clauses) {
    int firstClauseToken() {
      return clauses.isEmpty() ? -1 : clauses.stream().mapToInt(Span::from).min().orElseThrow();
    }
  }

  record Scenario(String name, List<String> lines, List<Stmt> statements) {}

  private static final Map<String, List<Role>> SKU_CLAUSES = clauses("family", Role.NAME,
      "segment", Role.KW, "addon-of", Role.NAMES, "suspended-access", Role.KW, "max-seats",
      Role.COUNT, "trial", null, "upgrades-to", Role.NAMES);
  private static final Map<String, List<Role>> CUSTOMER_CLAUSES = clauses("market", Role.NAME,
      "segment", Role.KW, "billing-day", Role.COUNT, "currency", Role.CUR, "tenant", Role.KW,
      "verified", null);
  private static final Map<String, List<Role>> ORDER_CLAUSES = clauses("seats", Role.COUNT, "as",
      Role.NAME, "term", Role.NAME, "plan", Role.KW);
  /** The clauses of {@code schedule} and {@code expect scheduled}: any one of them will do. */
  private static final Map<String, List<Role>> NEXT_TERM_CLAUSES = clauses("seats", Role.COUNT,
      "term", Role.NAME, "plan", Role.KW, "sku", Role.NAME);
  private static final Map<String, List<Role>> EFFECTIVE_CLAUSE = clauses("effective", Role.DATE);
  private static final Map<String, List<Role>> LIST_CLAUSES = clauses("market", Role.NAME,
      "currency", Role.CUR, "effective", Role.DATE);
  private static final Map<String, List<Role>> USERS_CLAUSES = clauses("users", Role.NAMES);
  private static final Map<String, List<Role>> TASKS_CLAUSES = clauses("tasks", Role.NAMES);
  private static final Map<String, List<Role>> GDAP_CLAUSES = clauses("as", Role.NAME, "roles",
      Role.NAMES, "groups", Role.NAMES, "duration", Role.DURATION, "auto-extend", null);
  private static final Set<String> REQUIRED = Set.of("family", "segment", "market", "billing-day",
      "currency", "seats", "as", "effective", "users", "tasks", "roles", "groups", "duration");

  private static Map<String, List<Role>> clauses(Object... kv) {
    Map<String, List<Role>> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1] == null ? List.of() : List.of((Role) kv[i + 1]));
    }
    return m;
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\uFEFF';
  }

  /** @return where the comment of a line starts (its length if none) */
  static int commentStart(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line.length() : hash;
  }

  /** Tags the words of a line by the grammar of SCENARIOS.md, as the runner reads them. */
  private static final class Tagger {
    private final String line;
    private final List<int[]> bounds = new ArrayList<>();
    private final Role[] roles;
    private final List<Span> spans = new ArrayList<>();
    private int i;

    Tagger(String line) {
      this.line = line;
      int n = commentStart(line);
      int p = 0;
      while (p < n) {
        while (p < n && isBlank(line.charAt(p))) {
          p++;
        }
        int s = p;
        while (p < n && !isBlank(line.charAt(p))) {
          p++;
        }
        if (p > s) {
          bounds.add(new int[] {s, p});
        }
      }
      roles = new Role[bounds.size()];
    }

    String word(int k) {
      return k < bounds.size() ? line.substring(bounds.get(k)[0], bounds.get(k)[1]) : null;
    }

    String peek() {
      return word(i);
    }

    String take(Role r) {
      if (i >= bounds.size()) {
        throw new IllegalStateException("the tagger ran out of words");
      }
      roles[i] = r;
      return word(i++);
    }

    void clauses(Map<String, List<Role>> spec, boolean pairs) {
      clauses(spec, pairs, REQUIRED);
    }

    void clauses(Map<String, List<Role>> spec, boolean pairs, Set<String> required) {
      while (i < bounds.size()) {
        int from = i;
        String w = peek();
        if (pairs && w.indexOf('=') > 0) {
          take(Role.PAIR);
          spans.add(new Span(from, i, "=", false));
          continue;
        }
        List<Role> values = spec.get(w);
        if (values == null) {
          throw new IllegalStateException("unknown clause " + w);
        }
        take(Role.KW);
        values.forEach(this::take);
        spans.add(new Span(from, i, w, required.contains(w)));
      }
    }

    Stmt tag(int index) {
      if (bounds.isEmpty()) {
        return null;
      }
      String first = take(Role.KW);
      switch (first) {
        case "partner" -> {
          take(Role.NAME);
          take(Role.KW);
        }
        case "sku" -> {
          take(Role.NAME);
          clauses(SKU_CLAUSES, false);
        }
        case "markup" -> {
          take(Role.PERCENT);
          if (peek() != null) {
            take(Role.KW);
            take(Role.NAME);
          }
        }
        case "timing", "program" -> take(Role.KW);
        case "security-group" -> {
          take(Role.NAME);
          clauses(USERS_CLAUSES, false);
        }
        case "role" -> {
          take(Role.NAME);
          clauses(TASKS_CLAUSES, false);
        }
        case "expect" -> expect();
        default -> dated();
      }
      if (i != bounds.size()) {
        throw new IllegalStateException("the tagger left words: " + word(i));
      }
      List<Tok> toks = new ArrayList<>();
      for (int k = 0; k < bounds.size(); k++) {
        toks.add(new Tok(bounds.get(k)[0], bounds.get(k)[1], word(k), roles[k]));
      }
      return new Stmt(index, line, List.copyOf(toks), List.copyOf(spans));
    }

    private void expect() {
      switch (take(Role.KW)) {
        case "refused" -> take(Role.RULE);
        case "agreement-ends" -> take("none".equals(peek()) ? Role.KW : Role.DATE);
        case "agreement" -> {
          take(Role.KW);
          take(Role.DATE);
          take(Role.KW);
        }
        case "price" -> {
          take(Role.NAME);
          take(Role.KW);
          take(Role.NAME);
          take(Role.KW);
          take(Role.DATE);
          take(Role.KW);
          take(Role.DATE);
          if ("not-published".equals(peek())) {
            take(Role.KW);
            take(Role.KW);
            take(Role.DATE);
          } else {
            take(Role.AMOUNT);
            take(Role.CUR);
          }
        }
        case "quote" -> {
          take(Role.DATE);
          take(Role.KW);
          take(Role.NAME);
          take(Role.COUNT);
          take(Role.AMOUNT);
          take(Role.CUR);
        }
        case "seats" -> {
          take(Role.NAME);
          take(Role.COUNT);
        }
        case "status" -> {
          take(Role.NAME);
          take(Role.KW);
        }
        case "term-end" -> {
          take(Role.NAME);
          take(Role.DATE);
        }
        case "bill", "cost" -> {
          take(Role.NAME);
          take(Role.MONTH);
          take(Role.AMOUNT);
          take(Role.CUR);
        }
        case "billed" -> {
          take(Role.NAME);
          take(Role.MONTH);
          take(Role.MONTH);
          take(Role.AMOUNT);
          take(Role.CUR);
        }
        case "gdap" -> {
          take(Role.NAME);
          take(Role.KW);
        }
        case "gdap-ends" -> {
          take(Role.NAME);
          take("none".equals(peek()) ? Role.KW : Role.DATE);
        }
        case "cancellable" -> {
          take(Role.NAME);
          take(Role.KW);
        }
        case "refundable" -> {
          take(Role.NAME);
          take(Role.COUNT);
        }
        case "scheduled" -> {
          take(Role.NAME);
          if ("none".equals(peek())) {
            take(Role.KW);
          } else {
            clauses(NEXT_TERM_CLAUSES, false, Set.of());
          }
        }
        case "vendor-charges" -> {
          take(Role.NAME);
          take(Role.MONTH);
          take(Role.AMOUNT);
          take(Role.CUR);
        }
        case "vendor-charge" -> {
          take(Role.NAME);
          take(Role.DATE);
          take(Role.DATE);
          take(Role.COUNT);
          take(Role.AMOUNT);
          take(Role.CUR);
        }
        default -> throw new IllegalStateException("unknown expectation");
      }
    }

    private void dated() {
      roles[0] = Role.DATE;
      if ("as".equals(peek())) {
        take(Role.KW);
        String who = take(Role.KW);
        if (who.equals("customer") || who.equals("user")) {
          take(Role.NAME);
        }
      }
      switch (take(Role.KW)) {
        case "advance", "accept-agreement" -> { }
        case "notice" -> take(Role.KW);
        case "publish-price-list" -> {
          take(Role.NAME);
          clauses(LIST_CLAUSES, true);
        }
        case "create-customer" -> {
          take(Role.NAME);
          clauses(CUSTOMER_CLAUSES, false);
        }
        case "order", "convert-trial", "order-addon" -> {
          take(Role.NAME);
          take(Role.NAME);
          clauses(ORDER_CLAUSES, false);
        }
        case "add-seats", "remove-seats" -> {
          take(Role.NAME);
          take(Role.COUNT);
        }
        case "suspend", "reactivate", "cancel", "remove-delegated-admin", "gdap-approve",
            "gdap-terminate" -> take(Role.NAME);
        case "gdap-request" -> {
          take(Role.NAME);
          clauses(GDAP_CLAUSES, false);
        }
        case "administer" -> {
          take(Role.NAME);
          take(Role.NAME);
        }
        case "auto-renew" -> {
          take(Role.NAME);
          take(Role.KW);
        }
        case "service" -> {
          take(Role.NAME);
          take(Role.NAME);
          take(Role.AMOUNT);
          take(Role.KW);
        }
        case "financing" -> {
          take(Role.NAME);
          switch (take(Role.KW)) {
            case "prepaid" -> take(Role.PERCENT);
            case "instalments" -> take(Role.COUNT);
            default -> { }
          }
        }
        case "schedule" -> {
          take(Role.NAME);
          clauses(NEXT_TERM_CLAUSES, false, Set.of());
        }
        case "upgrade" -> {
          take(Role.NAME);
          take(Role.KW);
          take(Role.NAME);
          clauses(ORDER_CLAUSES, false); // seats N as SUB2: both or neither
        }
        case "terminate-agreement" -> clauses(EFFECTIVE_CLAUSE, false);
        default -> throw new IllegalStateException("unknown operation");
      }
    }
  }

  @BeforeAll
  static void load() throws Exception {
    List<Scenario> all = new ArrayList<>();
    for (Path file : ScenarioFilesTest.scenarios()) {
      if (!file.getParent().getFileName().toString().equals("scenarios")) {
        continue; // scenarios/pcf name fixture files beside them, which a copy run from memory lacks
      }
      List<String> lines = List.of(Files.readString(file, UTF_8).split("\n", -1));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines = lines.subList(0, lines.size() - 1);
      }
      all.add(scenario(file.getFileName().toString(), lines, true));
    }
    scenarios = List.copyOf(all);
  }

  /**
   * @param strict every line must tag (a real scenario); otherwise lines that do not tag (already
   *     mutated) are left out of the statements to mutate
   */
  private static Scenario scenario(String name, List<String> lines, boolean strict) {
    List<Stmt> statements = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      try {
        Stmt s = new Tagger(lines.get(k)).tag(k);
        if (s != null) {
          statements.add(s);
        }
      } catch (RuntimeException e) {
        if (strict) {
          throw new AssertionError(name + ":" + (k + 1) + ": the fuzzer cannot tag "
              + lines.get(k) + ": " + e.getMessage(), e);
        }
      }
    }
    return new Scenario(name, List.copyOf(lines), List.copyOf(statements));
  }

  // ------------------------------------------------------------------ mutations

  enum Expect { INVALID, EQUIVALENT, ANY }

  enum Kind {
    ILLEGAL_CHAR_INSERTED(Expect.INVALID),
    ILLEGAL_CHAR_REPLACED(Expect.INVALID),
    TRUNCATED_IN_TOKEN(Expect.INVALID),
    UNKNOWN_KEYWORD(Expect.INVALID),
    MISSING_CLAUSE(Expect.INVALID),
    DUPLICATED_CLAUSE(Expect.INVALID),
    INVALID_NUMBER(Expect.INVALID),
    INVALID_DATE(Expect.INVALID),
    LONG_NAME(Expect.INVALID),
    GARBAGE_LINE(Expect.INVALID),
    INVALID_UTF8(Expect.INVALID),
    WHITESPACE(Expect.EQUIVALENT),
    CRLF(Expect.EQUIVALENT),
    CLAUSES_REORDERED(Expect.EQUIVALENT),
    COMMENT_NOISE(Expect.EQUIVALENT),
    BLANK_LINES(Expect.EQUIVALENT),
    VALID_NUMBER(Expect.ANY),
    FAR_DATE(Expect.ANY),
    OTHER_NAME(Expect.ANY),
    TRUNCATED_ANYWHERE(Expect.ANY),
    FILE_CUT(Expect.ANY),
    TOKEN_SPLIT(Expect.ANY),
    TOKEN_DROPPED(Expect.ANY),
    TOKENS_SWAPPED(Expect.ANY),
    LINE_DROPPED(Expect.ANY),
    LINE_REPEATED(Expect.ANY),
    LINES_SWAPPED(Expect.ANY),
    OPTIONAL_CLAUSE_DROPPED(Expect.ANY),
    RANDOM_CHARS(Expect.ANY),
    RANDOM_BYTES(Expect.ANY),
    /** Two to four mutations of the kinds above (but bytes), one after the other. */
    STACKED(Expect.ANY);

    final Expect expect;

    Kind(Expect expect) {
      this.expect = expect;
    }
  }

  /**
   * A mutated scenario: {@code text} (read through the Reader API) or {@code bytes} (through the
   * byte API, as a file is read); {@code line} is the 1-based mutated line for the invalid class.
   */
  record Mutant(int id, Kind kind, String file, String detail, int line, String text, byte[] bytes) {
    String name() {
      return "fuzz" + id + "/" + file;
    }

    String shownLine() {
      String[] lines = (text != null ? text : new String(bytes, UTF_8)).split("\n", -1);
      String l = line >= 1 && line <= lines.length ? lines[line - 1] : "";
      return shorten(l);
    }
  }

  static String shorten(String s) {
    String t = s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + " chars)" : s;
    StringBuilder b = new StringBuilder();
    for (char c : t.toCharArray()) {
      b.append(c < 0x20 || Character.isSurrogate(c) || c == 0x7F
          ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  /** Characters that no word of any statement may hold (not blanks, not #, = , . - _ ,). */
  private static final String[] ILLEGAL = {"\u0000", "\u0001", "\u0007", "\u001B", "\u001C",
      "\u007F", "\u0085", "\u00A0", "\u2028", "\u2029", "\u200B", "\u202E", "\uFFFD", "\uD800",
      "\uDFFF", "\uD83D\uDE00", "@", "!", "$", "%", "&", "*", "(", ")", "/", ":", ";", "<", ">",
      "?", "[", "\\", "]", "^", "`", "{", "|", "}", "~", "\"", "'", "+", "é", "ß", "Σ", "中",
      "０", "１"};
  private static final String BLANKS = " \t\r\f\u000B\uFEFF";

  private static final String[] BAD_COUNTS = {"99999999999999999999", "2147483648",
      "9999999999", "1e400", "-0", "-1", "1.5", "+5", "0x10", "1_000", "１２", "NaN",
      "9".repeat(31), "00000000000"};
  private static final String[] BAD_AMOUNTS = {"99999999999999999999",
      "123456789012345678901234567890", "9".repeat(30), "9".repeat(31), "-" + "9".repeat(29),
      "1e400", "NaN", "Infinity", "1.2.3", ".5", "5.", "+5", "--1", "-", "0x10", "１", "1,00"};
  private static final String[] BAD_PERCENTS = {"1e400", "-0", "-5", "NaN", "9".repeat(31), "+5",
      ".5", "5.", "1,5"};
  private static final String[] BAD_DATES = {"99999-01-01", "2025-02-30", "0000-00-00",
      "2025-13-01", "2025-00-10", "2025-04-31", "2023-02-29", "2025-1-01", "20250210",
      "2025/02/10", "+2025-02-10", "-2025-02-10", "2025-02-10T00:00", "1e400", "2025-02-1O",
      "９９９９-01-01"};
  private static final String[] BAD_MONTHS = {"2025-13", "0000-00", "99999-01", "2025-1",
      "202503", "2025-3", "+2025-03", "2025-00", "2025/03", "2025-03-01x"};

  private static final String[] VALID_COUNTS = {"0", "1", "2147483647", "10000", "10001",
      "999999", "0000000001"};
  private static final String[] VALID_AMOUNTS = {"-0", "0", "0.00", "92233720368547758.07",
      "-92233720368547758.08", "92233720368547758.08", "99999999999999.99", "-1.00", "0.001",
      "1.5", "00000000000000000000000000.01"};
  private static final String[] VALID_PERCENTS = {"0", "100", "100.01", "99.999",
      "99999999999999999999", "9".repeat(30), "0.000000000000000000000000001", "1.5", "0.00"};
  private static final String[] FAR_DATES = {"9999-12-31", "0001-01-01", "1970-01-01",
      "2999-12-31", "2124-12-31", "2024-02-29", "2100-01-01"};
  private static final String[] FAR_MONTHS = {"9999-12", "0001-01", "2999-12", "1970-01",
      "2100-01"};

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private static String letters(Random r, int n) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    char[] c = new char[n];
    for (int k = 0; k < n; k++) {
      c[k] = alphabet.charAt(r.nextInt(k == 0 ? 52 : alphabet.length()));
    }
    return new String(c);
  }

  private static String blanks(Random r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder b = new StringBuilder(n);
    for (int k = 0; k < n; k++) {
      b.append(BLANKS.charAt(r.nextInt(BLANKS.length())));
    }
    return b.toString();
  }

  /** Any character but a line feed: a comment may hold it. */
  private static String junk(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int k = 0; k < n; k++) {
      int mode = r.nextInt(4);
      if (mode == 0) {
        b.append(pick(r, ILLEGAL));
      } else if (mode == 1) {
        b.append((char) (0x20 + r.nextInt(0x5F)));
      } else {
        char c = (char) r.nextInt(0x10000);
        b.append(c == '\n' ? '#' : c);
      }
    }
    return b.toString();
  }

  /** What one mutation makes of a scenario: the lines and the mutated line (0-based), or null. */
  private record Change(List<String> lines, int index, String detail) {}

  private static List<String> replaced(List<String> lines, int index, String line) {
    List<String> copy = new ArrayList<>(lines);
    copy.set(index, line);
    return copy;
  }

  private static String replaceTok(Stmt s, Tok t, String with) {
    return s.text.substring(0, t.start) + with + s.text.substring(t.end);
  }

  private static List<Tok> toks(Stmt s, Role... roles) {
    List<Role> wanted = Arrays.asList(roles);
    return s.toks.stream().filter(t -> wanted.contains(t.role)).toList();
  }

  /** Applies a mutation of {@code kind} to a random statement, or returns null if it cannot. */
  private static Change mutate(Kind kind, Scenario sc, Random r) {
    List<String> lines = sc.lines;
    Stmt s = pick(r, sc.statements);
    String text = s.text;
    switch (kind) {
      case ILLEGAL_CHAR_INSERTED, ILLEGAL_CHAR_REPLACED -> {
        Tok t = pick(r, s.toks);
        String c = pick(r, ILLEGAL);
        int at = t.start + r.nextInt(t.text.length() + (kind == Kind.ILLEGAL_CHAR_INSERTED ? 1 : 0));
        String line = text.substring(0, at) + c
            + text.substring(kind == Kind.ILLEGAL_CHAR_INSERTED ? at : at + 1);
        return new Change(replaced(lines, s.index, line), s.index,
            shorten(c) + " in '" + t.text + "'");
      }
      case TRUNCATED_IN_TOKEN -> {
        List<Tok> ts = toks(s, Role.KW, Role.DATE, Role.MONTH);
        if (ts.isEmpty()) {
          return null;
        }
        Tok t = pick(r, ts);
        int cut = t.start + 1 + r.nextInt(t.text.length() - 1);
        return new Change(replaced(lines, s.index, text.substring(0, cut)), s.index,
            "'" + t.text + "' cut to '" + text.substring(t.start, cut) + "'");
      }
      case UNKNOWN_KEYWORD -> {
        List<Tok> ts = toks(s, Role.KW);
        Tok t = pick(r, ts);
        String with = switch (r.nextInt(5)) {
          case 0 -> t.text.toUpperCase(Locale.ROOT);
          case 1 -> t.text + "x";
          case 2 -> "x" + t.text;
          case 3 -> Character.toUpperCase(t.text.charAt(0)) + t.text.substring(1);
          default -> "frobnicate";
        };
        return new Change(replaced(lines, s.index, replaceTok(s, t, with)), s.index,
            "'" + t.text + "' -> '" + with + "'");
      }
      case MISSING_CLAUSE -> {
        List<Span> required = s.clauses.stream().filter(Span::required).toList();
        boolean pairs = s.clauses.stream().anyMatch(c -> c.keyword.equals("="));
        if (required.isEmpty()) {
          return null;
        }
        StringBuilder b = new StringBuilder();
        String detail;
        if (pairs && r.nextInt(4) == 0) {
          detail = "every SKU=PRICE dropped";
          for (int k = 0; k < s.toks.size(); k++) {
            if (s.toks.get(k).role != Role.PAIR) {
              b.append(s.toks.get(k).text).append(' ');
            }
          }
        } else {
          Span drop = pick(r, required);
          detail = "'" + drop.keyword + "' dropped";
          for (int k = 0; k < s.toks.size(); k++) {
            if (k < drop.from || k >= drop.to) {
              b.append(s.toks.get(k).text).append(' ');
            }
          }
        }
        return new Change(replaced(lines, s.index, b.toString() + text.substring(commentStart(text))),
            s.index, detail);
      }
      case DUPLICATED_CLAUSE -> {
        if (s.clauses.isEmpty()) {
          return null;
        }
        Span dup = pick(r, s.clauses);
        String clause = text.substring(s.toks.get(dup.from).start, s.toks.get(dup.to - 1).end);
        Span where = pick(r, s.clauses);
        int at = s.toks.get(where.to - 1).end;
        return new Change(replaced(lines, s.index, text.substring(0, at) + " " + clause
            + text.substring(at)), s.index, "'" + clause + "' twice");
      }
      case INVALID_NUMBER -> {
        List<Tok> ts = toks(s, Role.COUNT, Role.AMOUNT, Role.PERCENT, Role.PAIR);
        if (ts.isEmpty()) {
          return null;
        }
        Tok t = pick(r, ts);
        String with = switch (t.role) {
          case COUNT -> pick(r, BAD_COUNTS);
          case PERCENT -> pick(r, BAD_PERCENTS);
          case PAIR -> t.text.substring(0, t.text.indexOf('=') + 1)
              + (r.nextBoolean() ? pick(r, BAD_AMOUNTS) : pick(r, new String[] {"-0", "-1", "-0.01"}));
          default -> pick(r, BAD_AMOUNTS);
        };
        return new Change(replaced(lines, s.index, replaceTok(s, t, with)), s.index,
            t.role + " '" + t.text + "' -> '" + shorten(with) + "'");
      }
      case INVALID_DATE -> {
        List<Tok> ts = toks(s, Role.DATE, Role.MONTH);
        if (ts.isEmpty()) {
          return null;
        }
        Tok t = pick(r, ts);
        String with = t.role == Role.DATE ? pick(r, BAD_DATES) : pick(r, BAD_MONTHS);
        return new Change(replaced(lines, s.index, replaceTok(s, t, with)), s.index,
            t.role + " '" + t.text + "' -> '" + with + "'");
      }
      case LONG_NAME -> {
        Tok t = r.nextInt(3) == 0 ? pick(r, s.toks) : pick(r, toks(s, Role.NAME, Role.KW));
        int[] sizes = {101, 1_000, 10_000, 10_000, 99_000, 200_000};
        String with = letters(r, sizes[r.nextInt(sizes.length)]);
        return new Change(replaced(lines, s.index, replaceTok(s, t, with)), s.index,
            t.role + " '" + t.text + "' -> " + with.length() + " characters");
      }
      case GARBAGE_LINE -> {
        int at = r.nextInt(lines.size() + 1);
        String first = pick(r, ILLEGAL);
        String line = (r.nextBoolean() ? blanks(r, 0, 3) : "") + first + junk(r, r.nextInt(80));
        List<String> copy = new ArrayList<>(lines);
        copy.add(at, line);
        return new Change(copy, at, "a garbage line");
      }
      case WHITESPACE -> {
        StringBuilder b = new StringBuilder(blanks(r, 0, 3));
        for (int k = 0; k < s.toks.size(); k++) {
          b.append(k == 0 ? "" : blanks(r, 1, 4)).append(s.toks.get(k).text);
        }
        b.append(blanks(r, 0, 3)).append(text.substring(commentStart(text)));
        return new Change(replaced(lines, s.index, b.toString()), s.index, "other blanks");
      }
      case CRLF -> {
        return new Change(lines.stream().map(l -> l + "\r").toList(), 0, "CRLF line ends");
      }
      case CLAUSES_REORDERED -> {
        if (s.clauses.size() < 2) {
          return null;
        }
        List<String> parts = new ArrayList<>();
        for (Span c : s.clauses) {
          parts.add(text.substring(s.toks.get(c.from).start, s.toks.get(c.to - 1).end));
        }
        Collections.shuffle(parts, r);
        int from = s.toks.get(s.firstClauseToken()).start;
        int to = s.toks.get(s.toks.size() - 1).end;
        return new Change(replaced(lines, s.index, text.substring(0, from) + String.join(" ", parts)
            + text.substring(to)), s.index, "clauses reordered");
      }
      case COMMENT_NOISE -> {
        String noise = "#" + junk(r, r.nextInt(10) == 0 ? 50_000 : r.nextInt(200));
        int at = r.nextInt(lines.size());
        if (r.nextBoolean()) {
          return new Change(replaced(lines, at, lines.get(at) + noise), at, "a comment appended");
        }
        List<String> copy = new ArrayList<>(lines);
        copy.add(at, blanks(r, 0, 3) + noise);
        return new Change(copy, at, "a comment line");
      }
      case BLANK_LINES -> {
        int at = r.nextInt(lines.size() + 1);
        int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 5_000 : 20);
        List<String> copy = new ArrayList<>(lines);
        for (int k = 0; k < n; k++) {
          copy.add(at, blanks(r, 0, 5));
        }
        return new Change(copy, at, n + " blank lines");
      }
      case VALID_NUMBER -> {
        List<Tok> ts = toks(s, Role.COUNT, Role.AMOUNT, Role.PERCENT, Role.PAIR);
        if (ts.isEmpty()) {
          return null;
        }
        Tok t = pick(r, ts);
        String with = switch (t.role) {
          case COUNT -> pick(r, VALID_COUNTS);
          case PERCENT -> pick(r, VALID_PERCENTS);
          case PAIR -> t.text.substring(0, t.text.indexOf('=') + 1) + pick(r, VALID_AMOUNTS);
          default -> pick(r, VALID_AMOUNTS);
        };
        return new Change(replaced(lines, s.index, replaceTok(s, t, with)), s.index,
            t.role + " '" + t.text + "' -> '" + shorten(with) + "'");
      }
      case FAR_DATE -> {
        List<Tok> ts = toks(s, Role.DATE, Role.MONTH);
        if (ts.isEmpty()) {
          return null;
        }
        Tok t = pick(r, ts);
        String with;
        if (t.role == Role.MONTH) {
          with = pick(r, FAR_MONTHS);
        } else if (r.nextInt(3) == 0) {
          LocalDate d = LocalDate.parse(t.text);
          with = (r.nextBoolean() ? d.plusDays(1 + r.nextInt(3)) : d.minusDays(1 + r.nextInt(3)))
              .toString();
        } else {
          with = pick(r, FAR_DATES);
        }
        return new Change(replaced(lines, s.index, replaceTok(s, t, with)), s.index,
            t.role + " '" + t.text + "' -> '" + with + "'");
      }
      case OTHER_NAME -> {
        List<Tok> names = toks(s, Role.NAME);
        if (names.isEmpty()) {
          return null;
        }
        Tok t = pick(r, names);
        List<String> all = sc.statements.stream().flatMap(x -> x.toks.stream())
            .filter(x -> x.role == Role.NAME).map(Tok::text).distinct().toList();
        String with = switch (r.nextInt(3)) {
          case 0 -> letters(r, 100);
          case 1 -> letters(r, 1 + r.nextInt(8));
          default -> pick(r, all);
        };
        return new Change(replaced(lines, s.index, replaceTok(s, t, with)), s.index,
            "NAME '" + t.text + "' -> '" + shorten(with) + "'");
      }
      case TRUNCATED_ANYWHERE -> {
        int cut = r.nextInt(text.length() + 1);
        return new Change(replaced(lines, s.index, text.substring(0, cut)), s.index,
            "cut at " + cut + " of " + text.length());
      }
      case FILE_CUT -> {
        String all = String.join("\n", lines);
        int cut = r.nextInt(all.length() + 1);
        return new Change(List.of(all.substring(0, cut).split("\n", -1)), s.index,
            "file cut at " + cut);
      }
      case TOKEN_SPLIT -> {
        Tok t = pick(r, s.toks);
        if (t.text.length() < 2) {
          return null;
        }
        int at = t.start + 1 + r.nextInt(t.text.length() - 1);
        return new Change(replaced(lines, s.index, text.substring(0, at) + blanks(r, 1, 2)
            + text.substring(at)), s.index, "'" + t.text + "' split");
      }
      case TOKEN_DROPPED -> {
        Tok t = pick(r, s.toks);
        return new Change(replaced(lines, s.index, replaceTok(s, t, "")), s.index,
            "'" + t.text + "' dropped");
      }
      case TOKENS_SWAPPED -> {
        if (s.toks.size() < 2) {
          return null;
        }
        int k = r.nextInt(s.toks.size() - 1);
        Tok a = s.toks.get(k);
        Tok b = s.toks.get(k + 1);
        String line = text.substring(0, a.start) + b.text + text.substring(a.end, b.start) + a.text
            + text.substring(b.end);
        return new Change(replaced(lines, s.index, line), s.index,
            "'" + a.text + "' and '" + b.text + "' swapped");
      }
      case LINE_DROPPED -> {
        List<String> copy = new ArrayList<>(lines);
        copy.remove(s.index);
        return new Change(copy, s.index, "line dropped");
      }
      case LINE_REPEATED -> {
        List<String> copy = new ArrayList<>(lines);
        copy.add(s.index, text);
        return new Change(copy, s.index, "line repeated");
      }
      case LINES_SWAPPED -> {
        Stmt o = pick(r, sc.statements);
        List<String> copy = new ArrayList<>(lines);
        Collections.swap(copy, s.index, o.index);
        return new Change(copy, Math.min(s.index, o.index), "lines swapped");
      }
      case OPTIONAL_CLAUSE_DROPPED -> {
        List<Span> optional = s.clauses.stream().filter(c -> !c.required).toList();
        if (optional.isEmpty()) {
          return null;
        }
        Span drop = pick(r, optional);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.toks.size(); k++) {
          if (k < drop.from || k >= drop.to) {
            b.append(s.toks.get(k).text).append(' ');
          }
        }
        return new Change(replaced(lines, s.index, b.toString()), s.index,
            "'" + drop.keyword + "' dropped");
      }
      case RANDOM_CHARS -> {
        String all = String.join("\n", lines);
        StringBuilder b = new StringBuilder(all);
        int n = 1 + r.nextInt(5);
        for (int k = 0; k < n; k++) {
          int at = r.nextInt(b.length() + 1);
          String c = r.nextInt(5) == 0 ? "\n" : junk(r, 1);
          if (r.nextBoolean() && at < b.length()) {
            b.replace(at, at + 1, c);
          } else {
            b.insert(at, c);
          }
        }
        return new Change(List.of(b.toString().split("\n", -1)), s.index, n + " random characters");
      }
      default -> throw new IllegalArgumentException(kind.toString());
    }
  }

  /** Invalid UTF-8 sequences: anywhere in the file, even in a comment, they stop it. */
  private static final byte[][] BAD_UTF8 = {{(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80},
      {(byte) 0xBF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF},
      {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3},
      {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};

  static Mutant generate(int id) {
    Random r = new Random(SEED ^ (id * 0x9E3779B97F4A7C15L));
    Kind[] kinds = Kind.values();
    Kind kind = kinds[id % kinds.length];
    for (int attempt = 0; attempt < 100; attempt++) {
      Scenario sc = pick(r, scenarios);
      if (kind == Kind.INVALID_UTF8 || kind == Kind.RANDOM_BYTES) {
        byte[] file = (String.join("\n", sc.lines) + "\n").getBytes(UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String detail;
        int line;
        if (kind == Kind.INVALID_UTF8) {
          int at = r.nextInt(file.length + 1);
          byte[] bad = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
          b.write(file, 0, at);
          b.writeBytes(bad);
          b.write(file, at, file.length - at);
          line = 1;
          for (int k = 0; k < at; k++) {
            line += file[k] == '\n' ? 1 : 0;
          }
          detail = bad.length + " bad bytes at byte " + at;
        } else {
          byte[] copy = file.clone();
          int n = 1 + r.nextInt(8);
          for (int k = 0; k < n; k++) {
            copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
          }
          b.writeBytes(copy);
          line = 0;
          detail = n + " random bytes";
        }
        return new Mutant(id, kind, sc.name, detail, line, null, b.toByteArray());
      }
      Change c;
      if (kind == Kind.STACKED) {
        List<Kind> textKinds = Arrays.stream(kinds)
            .filter(k -> k != Kind.STACKED && k != Kind.INVALID_UTF8 && k != Kind.RANDOM_BYTES)
            .toList();
        List<String> details = new ArrayList<>();
        Scenario cur = sc;
        c = null;
        for (int n = 2 + r.nextInt(3); n > 0 && !cur.statements.isEmpty(); n--) {
          Kind k = pick(r, textKinds);
          Change step = mutate(k, cur, r);
          if (step != null) {
            c = step;
            details.add(k + " (" + step.detail + ")");
            cur = scenario(sc.name, step.lines, false);
          }
        }
        c = c == null ? null : new Change(c.lines, c.index, String.join(", ", details));
      } else {
        c = mutate(kind, sc, r);
      }
      if (c != null) {
        return new Mutant(id, kind, sc.name, c.detail, c.index + 1,
            String.join("\n", c.lines) + "\n", null);
      }
    }
    throw new IllegalStateException("no scenario takes a mutation " + kind);
  }

  // ------------------------------------------------------------------ running

  record Result(Mutant mutant, int status, long nanos, String problem) {}

  /** Keeps the first 4 MiB written (a runaway output shows as truncated, not as out of memory). */
  private static final class Capped extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      total += len;
      int room = Math.max(0, Math.min(len, (4 << 20) - kept.size()));
      kept.write(b, off, room);
    }

    String text() {
      return kept.toString(UTF_8);
    }
  }

  static Result execute(Mutant m) {
    Capped out = new Capped();
    Capped err = new Capped();
    PrintStream o = new PrintStream(out, true, UTF_8);
    PrintStream e = new PrintStream(err, true, UTF_8);
    long t0 = System.nanoTime();
    int status;
    try {
      status = m.bytes != null ? ScenarioRunner.run(m.name(), new ByteArrayInputStream(m.bytes), o, e)
          : ScenarioRunner.run(m.name(), (Reader) new StringReader(m.text), o, e);
    } catch (Throwable x) {
      return new Result(m, -1, System.nanoTime() - t0, "threw " + x);
    }
    long nanos = System.nanoTime() - t0;
    return new Result(m, status, nanos, check(m, status, nanos, out.text(), err.text()));
  }

  /** @return what is wrong with a run, or null */
  static String check(Mutant m, int status, long nanos, String out, String err) {
    if (status < 0 || status > 2) {
      return "status " + status;
    }
    if (nanos > MAX_RUN_MILLIS * 1_000_000) {
      return "took " + nanos / 1_000_000 + " ms";
    }
    if (STACK_TRACE.matcher(out).find() || STACK_TRACE.matcher(err).find()) {
      return "a stack trace or an internal error: " + shorten(err.isEmpty() ? out : err);
    }
    String verdict = status == 0 ? "passed" : status == 1 ? "FAILED" : "BROKEN";
    if (!out.contains(m.name() + ": " + verdict + " (exit " + status + ")")) {
      return "no summary line for exit " + status;
    }
    if ((status == 0) != err.isEmpty()) {
      return "exit " + status + " with stderr " + shorten(err);
    }
    String prefix = m.name() + ":";
    for (String l : err.isEmpty() ? new String[0] : err.split("\n")) {
      // a mutation may write a statement of the current program that does not run yet
      if (!l.startsWith(prefix)
          || !l.substring(prefix.length()).matches("[1-9][0-9]*: (expected |not supported yet: ).*")) {
        return "a problem not as FILE:LINE: expected … or FILE:LINE: not supported yet: …: "
            + shorten(l);
      }
      for (char c : l.toCharArray()) {
        if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
          return "a raw control or surrogate character in a message: " + shorten(l);
        }
      }
    }
    switch (m.kind.expect) {
      case INVALID -> {
        if (status != 2) {
          return "exit " + status + " for a line that cannot parse";
        }
        if (!err.contains(prefix + m.line + ": expected ")) {
          return "no problem reported at line " + m.line + ": " + shorten(err);
        }
      }
      case EQUIVALENT -> {
        if (status != 0) {
          return "exit " + status + " for an equivalent file: " + shorten(err);
        }
      }
      default -> { }
    }
    return null;
  }

  @Test
  void the_tagger_reads_every_statement_of_every_scenario_and_each_passes_unmutated() {
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(8);
    for (Scenario sc : scenarios) {
      assertThat(sc.statements).as(sc.name).isNotEmpty();
      Mutant same = new Mutant(-1, Kind.WHITESPACE, sc.name, "none", 0,
          String.join("\n", sc.lines) + "\n", null);
      Result r = execute(same);
      assertThat(r.problem).as(sc.name).isNull();
      assertThat(r.status).as(sc.name).isZero();
    }
  }

  @Test
  void ten_thousand_mutated_scenarios_exit_cleanly() {
    int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    Map<Integer, Mutant> running = new ConcurrentHashMap<>();
    Result[] results = new Result[CASES];
    long t0 = System.nanoTime();
    assertTimeoutPreemptively(ALL_RUNS, () -> {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
          workers.add(pool.submit(() -> {
            for (int id; (id = next.getAndIncrement()) < CASES; ) {
              Mutant m = generate(id);
              running.put(id, m);
              results[id] = execute(m);
              running.remove(id);
            }
          }));
        }
        for (Future<?> f : workers) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }, () -> "hung on " + running.values().stream().map(m -> m.name() + " " + m.kind + " "
        + m.detail + " line " + m.line + ": " + m.shownLine()).toList());
    long millis = (System.nanoTime() - t0) / 1_000_000;

    Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
    int[] byStatus = new int[3];
    List<String> problems = new ArrayList<>();
    Result slowest = results[0];
    for (Result r : results) {
      if (r.status >= 0 && r.status <= 2) {
        byKind.computeIfAbsent(r.mutant.kind, k -> new int[3])[r.status]++;
        byStatus[r.status]++;
      }
      if (r.nanos > slowest.nanos) {
        slowest = r;
      }
      if (r.problem != null) {
        Mutant m = r.mutant;
        problems.add(m.name() + " " + m.kind + " (" + m.detail + ") line " + m.line + " ["
            + m.shownLine() + "]: " + r.problem);
      }
    }
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
        "Scenario fuzzing: %d mutated files from %d scenarios in %d ms on %d threads (seed %#x);"
            + " slowest run %d ms (%s %s)%n  %-26s %-10s %6s %6s %6s%n", CASES, scenarios.size(),
        millis, threads, SEED, slowest.nanos / 1_000_000, slowest.mutant.name(),
        slowest.mutant.kind, "mutation", "class", "exit 0", "exit 1", "exit 2"));
    byKind.forEach((k, c) -> summary.append(String.format(Locale.ROOT, "  %-26s %-10s %6d %6d %6d%n",
        k, k.expect.toString().toLowerCase(Locale.ROOT), c[0], c[1], c[2])));
    summary.append(String.format(Locale.ROOT, "  %-26s %-10s %6d %6d %6d%n", "all", "", byStatus[0],
        byStatus[1], byStatus[2]));
    System.out.print(summary);

    assertThat(problems).as(summary + "\n%d problems, the first ones", problems.size())
        .satisfies(p -> assertThat(p.subList(0, Math.min(30, p.size()))).isEmpty());
    assertThat(byStatus[0] + byStatus[1] + byStatus[2]).isEqualTo(CASES);
    assertThat(byKind).hasSize(Kind.values().length);
  }

  // ------------------------------------------------------------------ pathological inputs

  private static final String HEAD = ScenarioRunnerTest.HEAD; // 7 lines, first dated 2024-10-01

  private static Result runText(String text) {
    return execute(new Mutant(0, Kind.RANDOM_CHARS, "p.csp", "", 0, text, null));
  }

  @Test
  void huge_numbers_are_parse_errors_not_arithmetic_traces() {
    String[] lines = {
        "2025-03-01 add-seats S1 99999999999999999999",
        "2025-03-01 order contoso O365_E3 seats 99999999999999999999 as S2",
        "2025-03-01 service contoso support 123456789012345678901234567890 monthly",
        "2025-03-01 service contoso support 99999999999999999999 once",
        "2025-03-01 publish-price-list L2504 market US currency USD effective 2025-04-01"
            + " O365_E3=123456789012345678901234567890",
        "expect bill contoso 2025-03 123456789012345678901234567890 USD",
        "expect quote 2025-03-05 add-seats S1 1 99999999999999999999 USD",
        "expect seats S1 99999999999999999999",
        "2025-03-01 financing contoso instalments 99999999999999999999",
        "2025-03-01 financing contoso prepaid 99999999999999999999",
        "2025-03-01 create-customer c2 market US segment commercial billing-day 99999999999999999999"
            + " currency USD",
    };
    for (String line : lines) {
      Result r = runText(HEAD + line + "\n");
      assertThat(r.problem).as(line).isNull();
      assertThat(r.status).as(line).isEqualTo(2);
    }
    // a markup of 30 digits is a valid percent: the charges overflow, and the order is refused
    Result r = runText(HEAD + "markup " + "9".repeat(30) + "\n"
        + "2025-03-01 order contoso O365_E3 seats 1 as S2\n2025-04-01 advance\n");
    assertThat(r.problem).isNull();
    assertThat(r.status).isEqualTo(1);
  }

  @Test
  void a_date_80_years_later_runs_and_one_past_100_years_is_refused() {
    Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> runText(HEAD + "2104-10-01 advance\n"));
    assertThat(r.problem).isNull();
    assertThat(r.status).isZero();
    r = runText(HEAD + "2124-10-02 advance\n");
    assertThat(r.problem).isNull();
    assertThat(r.status).isEqualTo(2);
  }

  @Test
  void every_scenario_advanced_80_years_runs_in_bounded_time() {
    for (Scenario sc : scenarios) {
      LocalDate first = LocalDate.parse(sc.statements.stream().map(x -> x.toks.get(0))
          .filter(t -> t.role == Role.DATE).findFirst().orElseThrow().text);
      String text = String.join("\n", sc.lines) + "\n" + first.plusYears(80) + " advance\n";
      Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runText(text));
      assertThat(r.problem).as(sc.name).isNull();
      assertThat(r.status).as(sc.name).isZero();
      assertThat(r.nanos).as(sc.name).isLessThan(MAX_RUN_MILLIS * 1_000_000);
    }
  }

  @Test
  void very_long_lines_are_bounded() {
    String longComment = "#" + "x".repeat(ScenarioRunner.MAX_LINE - 1);
    Result r = runText(HEAD + longComment + "\n2025-03-01 advance\n");
    assertThat(r.problem).isNull();
    assertThat(r.status).isZero();
    r = runText(HEAD + "2025-03-01 suspend " + "S".repeat(ScenarioRunner.MAX_LINE - 19) + "\n");
    assertThat(r.problem).isNull();
    assertThat(r.status).isEqualTo(2);
    Result tooLong = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> runText(HEAD + "#" + "x".repeat(20_000_000) + "\n2025-03-01 advance\n"));
    assertThat(tooLong.problem).isNull();
    assertThat(tooLong.status).isEqualTo(2);
  }

  @Test
  void two_hundred_thousand_blank_lines_run_quickly_and_count_lines() {
    String blank = "\n".repeat(200_000);
    Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> runText(HEAD + blank + "2025-03-01 advance\n" + " \t\r\n".repeat(200_000)));
    assertThat(r.problem).isNull();
    assertThat(r.status).isZero();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ScenarioRunner.run("b.csp", new StringReader(HEAD + blank + "2025-03-01 frob\n"),
        new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(UTF_8)).startsWith("b.csp:200008: expected an operation");
  }

  @Test
  void odd_but_valid_files_pass() {
    for (String text : new String[] {"", "\n", "\uFEFF", "\uFEFF# bom\n", "\r\n\r\n",
        HEAD.strip(), HEAD.replace("\n", "\r\n")}) {
      Result r = runText(text);
      assertThat(r.problem).as(shorten(text)).isNull();
      assertThat(r.status).as(shorten(text)).isZero();
    }
  }

  @Test
  void bytes_that_are_not_utf8_are_reported_at_their_line_in_a_file(@TempDir Path dir)
      throws IOException {
    StringBuilder big = new StringBuilder(HEAD);
    for (int k = 0; k < 400; k++) {
      big.append("# padding, so that the bad bytes come after the first 8 KiB of the file\n");
    }
    byte[] head = big.toString().getBytes(UTF_8);
    byte[] bad = "expect seats S1 1\u00ff0\n".getBytes(UTF_8);
    bad[bad.length - 3] = (byte) 0xFF; // the second byte of ÿ (C3 BF) becomes FF
    Path file = dir.resolve("bad.csp");
    Files.write(file, concat(head, bad));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ScenarioRunner.run(file, new PrintStream(OutputStream.nullOutputStream()),
        new PrintStream(err, true, UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(UTF_8)).isEqualTo(file + ":408: expected UTF-8 text, found bytes that"
        + " are not UTF-8\n");
    Files.write(file, concat("# ok\n".getBytes(UTF_8), new byte[] {'#', (byte) 0xE2, (byte) 0x82}));
    err.reset();
    status = ScenarioRunner.run(file, new PrintStream(OutputStream.nullOutputStream()),
        new PrintStream(err, true, UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(UTF_8)).startsWith(file + ":2: expected UTF-8 text");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
