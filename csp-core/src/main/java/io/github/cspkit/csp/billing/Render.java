package io.github.cspkit.csp.billing;

import java.time.LocalDate;
import javax.money.CurrencyUnit;

/**
 * Shared, allocation-light text helpers for {@link BillText} and {@link BillCsv} (BIL-5): amounts,
 * dates and formulas (rendered by {@link io.github.cspkit.csp.money.Formula}) are appended straight
 * into one {@link StringBuilder}, and their widths are computed arithmetically, so rendering a bill
 * makes no intermediate strings per line.
 */
final class Render {
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private Render() {}

  /** @return the currency's minor digits, 0 to 6 */
  static int digits(CurrencyUnit currency) {
    return Math.min(6, Math.max(0, currency.getDefaultFractionDigits()));
  }

  /** @return the number of characters of {@code v} in decimal, sign included */
  static int width(long v) {
    if (v == Long.MIN_VALUE) {
      return 20;
    }
    int w = v < 0 ? 2 : 1;
    long a = Math.abs(v);
    while (a >= 10) {
      a /= 10;
      w++;
    }
    return w;
  }

  /** @return the width of {@code minor} formatted with {@code digits} minor digits */
  static int amountWidth(long minor, int digits) {
    if (digits == 0) {
      return width(minor);
    }
    long pow = POWERS[digits];
    long whole = Math.abs(minor / pow);
    return (minor < 0 ? 1 : 0) + width(whole) + 1 + digits;
  }

  /** Appends {@code minor} as a plain decimal, for example {@code -114.92}, without strings. */
  static StringBuilder amount(StringBuilder sb, long minor, int digits) {
    if (digits == 0) {
      return sb.append(minor);
    }
    long pow = POWERS[digits];
    if (minor < 0) {
      sb.append('-');
    }
    long whole = Math.abs(minor / pow);
    long frac = Math.abs(minor % pow);
    sb.append(whole).append('.');
    for (long p = pow / 10; p > 1 && frac < p; p /= 10) {
      sb.append('0');
    }
    return sb.append(frac);
  }

  /** Appends an ISO date, {@code yyyy-MM-dd}, for years 0 to 9999 (others as {@code LocalDate}). */
  static StringBuilder date(StringBuilder sb, LocalDate d) {
    int y = d.getYear();
    if (y < 0 || y > 9999) {
      return sb.append(d);
    }
    sb.append((char) ('0' + y / 1000)).append((char) ('0' + y / 100 % 10))
        .append((char) ('0' + y / 10 % 10)).append((char) ('0' + y % 10)).append('-');
    two(sb, d.getMonthValue()).append('-');
    return two(sb, d.getDayOfMonth());
  }

  /** @return the width of {@link #date} */
  static int dateWidth(LocalDate d) {
    int y = d.getYear();
    return y < 0 || y > 9999 ? d.toString().length() : 10;
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  /** Appends an accrued line's formula, {@code unit × seats × days/daysInTerm}; nothing for a flat line. */
  static StringBuilder formula(StringBuilder sb, BillLine l, int digits) {
    return l instanceof BillLine.Accrued a ? a.proration().appendTo(sb, digits) : sb;
  }

  /** @return the width of {@link #formula} */
  static int formulaWidth(BillLine l, int digits) {
    return l instanceof BillLine.Accrued a ? a.proration().width(digits) : 0;
  }

  /** Appends {@code n} spaces. */
  static StringBuilder pad(StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(' ');
    }
    return sb;
  }
}
