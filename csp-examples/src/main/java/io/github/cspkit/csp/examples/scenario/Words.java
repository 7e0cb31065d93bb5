package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.expected;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.money.MinorUnits;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.jspecify.annotations.Nullable;

/**
 * The words of one scenario line (comment removed, split on runs of blanks) and a cursor over
 * them. Every reader checks its word and throws {@link ScenarioSyntaxException} with
 * "expected …, found …" when the word is missing or malformed; nothing here can hang or overflow
 * on hostile input (every number and name has a length limit before it is converted).
 */
final class Words {
  /** The longest name (customer, subscription, SKU, price list, service) accepted. */
  static final int MAX_NAME = 100;
  /** The longest file path accepted. */
  static final int MAX_PATH = 1000;
  private static final int MAX_NUMBER_CHARS = 30;
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
  private static final Pattern PERIOD =
      Pattern.compile("P(?=[0-9])([0-9]{1,9}Y)?([0-9]{1,9}M)?([0-9]{1,9}W)?([0-9]{1,9}D)?");
  private static final int SHOWN = 40;

  private final List<String> words;
  private int pos;

  private Words(List<String> words) {
    this.words = words;
  }

  /**
   * @param line a line of the file, comment included
   * @return its words; empty for a blank or comment-only line
   */
  static Words of(String line) {
    int hash = line.indexOf('#');
    String text = hash < 0 ? line : line.substring(0, hash);
    List<String> out = new ArrayList<>(8);
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isBlank(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isBlank(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i));
      }
    }
    return new Words(out);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\uFEFF';
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  boolean hasNext() {
    return pos < words.size();
  }

  @Nullable String peek() {
    return hasNext() ? words.get(pos) : null;
  }

  /** @return the rest of the line, for messages */
  String rest() {
    return String.join(" ", words.subList(pos, words.size()));
  }

  /** @return what the next word is, for a message: {@code 'word'} or {@code end of line} */
  String found() {
    return hasNext() ? show(words.get(pos)) : "end of line";
  }

  /**
   * @return a word shown in a message, quoted and shortened if long; control, format and
   *     surrogate characters (NUL, ESC, a right-to-left override, half of a pair, …) are shown as a
   *     backslash, {@code u} and four hex digits, so that a hostile word cannot garble the message
   *     or the terminal
   */
  static String show(String word) {
    String shown = word.length() > SHOWN ? word.substring(0, SHOWN) : word;
    StringBuilder b = new StringBuilder(shown.length() + 24).append('\'');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('\'');
    if (word.length() > SHOWN) {
      b.insert(b.length() - 1, '…').append(" (").append(word.length()).append(" characters)");
    }
    return b.toString();
  }

  /**
   * @param what what the word should be, for the message
   * @return the next word
   */
  String next(String what) {
    if (!hasNext()) {
      throw expected(what, "end of line");
    }
    return words.get(pos++);
  }

  /** Consumes the next word, which must be {@code keyword}. */
  void keyword(String keyword) {
    String w = next("'" + keyword + "'");
    if (!w.equals(keyword)) {
      throw expected("'" + keyword + "'", show(w));
    }
  }

  /**
   * @param choices the allowed words
   * @return the next word, one of {@code choices}
   */
  String oneOf(String... choices) {
    String what = String.join("|", choices);
    String w = next(what);
    for (String c : choices) {
      if (c.equals(w)) {
        return c;
      }
    }
    throw expected(what, show(w));
  }

  /** Checks that the line has no more words. */
  void end() {
    if (hasNext()) {
      throw expected("end of line", show(words.get(pos)));
    }
  }

  /**
   * @param what what the name names, for the message (for example "a customer")
   * @return the next word, a name: letters, digits, {@code _} and {@code -}, at most 100 characters
   */
  String name(String what) {
    return checkName(next(what + " name"), what);
  }

  static String checkName(String w, String what) {
    if (w.isEmpty()) {
      throw expected(what + " name", "an empty name");
    }
    if (w.length() > MAX_NAME) {
      throw expected(what + " name of at most " + MAX_NAME + " characters", show(w));
    }
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-';
      if (!ok) {
        throw expected(what + " name (letters, digits, _ and -)", show(w));
      }
    }
    return w;
  }

  /**
   * @param text a comma-separated list of names, as in {@code roles A,B}
   * @param what what each name names, for the message (for example "a role")
   * @return the names in order, each checked and each once
   */
  static List<String> names(String text, String what) {
    List<String> out = new ArrayList<>();
    for (String n : text.split(",", -1)) {
      if (out.contains(checkName(n, what))) {
        throw expected("each name of the list once", show(n) + " a second time");
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  /**
   * @param w a file path, relative to the scenario file
   * @param what what the file is, for the message
   * @return the path: segments of letters, digits, {@code _}, {@code -} and {@code .}, separated by
   *     single {@code /}, at most {@value #MAX_PATH} characters, not absolute
   */
  static String checkPath(String w, String what) {
    if (w.length() > MAX_PATH) {
      throw expected(what + " path of at most " + MAX_PATH + " characters", show(w));
    }
    if (!PATH.matcher(w).matches()) {
      throw expected(what + " path relative to the scenario file (letters, digits, _, -, . and"
          + " / between them)", show(w));
    }
    return w;
  }

  /**
   * @param w an ISO-8601 period of years, months, weeks and days, such as {@code P90D} or
   *     {@code P2Y}
   * @param what what it is, for the message
   * @return the period
   */
  static Period parsePeriod(String w, String what) {
    if (!PERIOD.matcher(w).matches()) {
      throw expected(what + " (an ISO-8601 period such as P90D, P6M or P2Y)", show(w));
    }
    try {
      return Period.parse(w);
    } catch (DateTimeException | ArithmeticException e) {
      throw expected(what + " (an ISO-8601 period within range)", show(w));
    }
  }

  /** @return the next word as an ISO date */
  LocalDate date(String what) {
    return parseDate(next(what + " (YYYY-MM-DD)"), what);
  }

  static LocalDate parseDate(String w, String what) {
    if (w.length() != 10 || !isDigits(w, 0, 4) || w.charAt(4) != '-' || !isDigits(w, 5, 7)
        || w.charAt(7) != '-' || !isDigits(w, 8, 10)) {
      throw expected(what + " (YYYY-MM-DD)", show(w));
    }
    try {
      return LocalDate.parse(w);
    } catch (DateTimeException e) {
      throw expected(what + " (a real day, YYYY-MM-DD)", show(w));
    }
  }

  /** @return the next word as a month, {@code YYYY-MM} */
  YearMonth month(String what) {
    String w = next(what + " (YYYY-MM)");
    if (w.length() != 7 || !isDigits(w, 0, 4) || w.charAt(4) != '-' || !isDigits(w, 5, 7)) {
      throw expected(what + " (YYYY-MM)", show(w));
    }
    try {
      return YearMonth.parse(w);
    } catch (DateTimeException e) {
      throw expected(what + " (a real month, YYYY-MM)", show(w));
    }
  }

  /** @return the next word as a whole number from 0 to {@link Integer#MAX_VALUE} */
  int count(String what) {
    return parseCount(next(what), what);
  }

  static int parseCount(String w, String what) {
    if (w.isEmpty() || w.length() > 10 || !isDigits(w, 0, w.length())) {
      throw expected(what + " (a whole number from 0 to " + Integer.MAX_VALUE + ")", show(w));
    }
    long v = Long.parseLong(w);
    if (v > Integer.MAX_VALUE) {
      throw expected(what + " (a whole number from 0 to " + Integer.MAX_VALUE + ")", show(w));
    }
    return (int) v;
  }

  /** @return the next word as a non-negative decimal, such as a percentage */
  BigDecimal decimal(String what) {
    String w = next(what);
    if (w.length() > MAX_NUMBER_CHARS || !isPlainDecimal(w, false)) {
      throw expected(what + " (a plain decimal, not negative)", show(w));
    }
    return new BigDecimal(w);
  }

  /** @return the next word, unchecked, to be read as an amount once its currency is known */
  String amountText(String what) {
    String w = next(what);
    checkAmountText(w, what);
    return w;
  }

  static void checkAmountText(String w, String what) {
    if (w.length() > MAX_NUMBER_CHARS || !isPlainDecimal(w, true)) {
      throw expected(what + " (a plain decimal such as 240.00 or -114.92)", show(w));
    }
  }

  /**
   * @param text an amount checked by {@link #checkAmountText}
   * @param currency its currency
   * @param what for the message
   * @return the amount in minor units
   */
  static long amount(String text, CurrencyUnit currency, String what) {
    checkAmountText(text, what);
    try {
      return MinorUnits.parse(text, currency);
    } catch (OutOfRangeException e) {
      throw expected(what + " with at most " + MinorUnits.digits(currency) + " decimals in "
          + currency.getCurrencyCode() + ", within range", show(text));
    }
  }

  /** @return the next word as a currency code known to the money library */
  CurrencyUnit currency() {
    return parseCurrency(next("a currency code"));
  }

  static CurrencyUnit parseCurrency(String w) {
    if (w.length() != 3) {
      throw expected("a currency code such as USD", show(w));
    }
    for (int i = 0; i < 3; i++) {
      char c = w.charAt(i);
      if (c < 'A' || c > 'Z') {
        throw expected("a currency code such as USD", show(w));
      }
    }
    CurrencyUnit currency;
    try {
      currency = Monetary.getCurrency(w.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw expected("a known currency code such as USD", show(w));
    }
    if (currency.getDefaultFractionDigits() < 0) {
      // ISO 4217's codes without a minor unit are not money a bill can be in: XXX ("no
      // currency"), XTS (testing), precious metals (XAU, XAG, XPD, XPT) and units of account
      throw expected("a currency with a minor unit such as USD", show(w) + (w.equals("XXX")
          ? " (ISO 4217's code for no currency)" : " (an ISO 4217 code without a minor unit)"));
    }
    return currency;
  }

  private static boolean isDigits(String w, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = w.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlainDecimal(String w, boolean signed) {
    int i = 0;
    if (signed && w.startsWith("-")) {
      i = 1;
    }
    int dot = w.indexOf('.');
    if (dot < 0) {
      return isDigits(w, i, w.length());
    }
    return isDigits(w, i, dot) && isDigits(w, dot + 1, w.length());
  }
}
