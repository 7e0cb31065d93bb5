package io.github.cspkit.csp.money;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.NumberValue;
import org.javamoney.moneta.Money;

/**
 * Converts between {@link MonetaryAmount} at the API edge and {@code long} minor units inside
 * (BIL-6: money is exact to the currency's minor unit). An amount finer than the minor unit, or
 * too large for a {@code long} of minor units, is an {@link OutOfRangeException}, never a wrong
 * amount.
 */
public final class MinorUnits {
  /** US dollar. */
  public static final CurrencyUnit USD = Monetary.getCurrency("USD");
  /** Euro. */
  public static final CurrencyUnit EUR = Monetary.getCurrency("EUR");
  /** Pound sterling. */
  public static final CurrencyUnit GBP = Monetary.getCurrency("GBP");
  /** Japanese yen: no minor digits. */
  public static final CurrencyUnit JPY = Monetary.getCurrency("JPY");
  /** Bahraini dinar: three minor digits. */
  public static final CurrencyUnit BHD = Monetary.getCurrency("BHD");

  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private MinorUnits() {}

  /**
   * @param currency a currency
   * @return its minor digits (2 for USD, 0 for JPY, 3 for BHD); never negative
   */
  public static int digits(CurrencyUnit currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /**
   * The one way the library reports an amount, or an intermediate of an amount, that does not fit
   * where it must (BIL-6: exact or refused, never wrong). Every overflow it detects goes through
   * here.
   *
   * @param what what does not fit, a {@code String.format} template
   * @param args the template's arguments
   * @return the exception, to be thrown
   */
  public static OutOfRangeException outOfRange(String what, Object... args) {
    requireNonNull(what, "what");
    return new OutOfRangeException(args.length == 0 ? what : String.format(what, args));
  }

  /**
   * @param a a factor, such as a unit price in minor units
   * @param b a factor, such as a number of seats
   * @return {@code a × b}
   * @throws OutOfRangeException if the product does not fit a {@code long}
   */
  public static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if (hi != lo >> 63) {
      throw outOfRange("%s × %s does not fit a long of minor units", a, b);
    }
    return lo;
  }

  /**
   * @param a an amount in minor units
   * @param b an amount in minor units
   * @return {@code a + b}
   * @throws OutOfRangeException if the sum does not fit a {@code long}
   */
  public static long add(long a, long b) {
    long s = a + b;
    if (((a ^ s) & (b ^ s)) < 0) {
      throw outOfRange("%s + %s does not fit a long of minor units", a, b);
    }
    return s;
  }

  /**
   * Converts an amount to minor units.
   *
   * @param amount the amount; it must have no more digits than its currency's minor unit
   * @return the amount in minor units, for example 28800 for 288.00 USD
   * @throws OutOfRangeException if the amount is finer than the minor unit, or does not fit a
   *     {@code long}
   */
  public static long of(MonetaryAmount amount) {
    requireNonNull(amount, "amount");
    int digits = digits(amount.getCurrency());
    NumberValue number = amount.getNumber();
    int scale = number.getScale();
    // fast path, exact: at most 15 significant digits in minor units fit a double without error
    if (digits < POWERS.length && scale <= digits && number.getPrecision() + (digits - scale) <= 15) {
      return Math.round(number.doubleValue() * POWERS[digits]);
    }
    BigDecimal value = number.numberValue(BigDecimal.class);
    try {
      return value.movePointRight(digits).longValueExact();
    } catch (ArithmeticException e) {
      if (value.movePointRight(digits).stripTrailingZeros().scale() > 0) {
        throw new OutOfRangeException(
            "amount " + amount + " is finer than the minor unit of " + amount.getCurrency());
      }
      throw outOfRange("amount %s is too large", amount);
    }
  }

  /**
   * Converts minor units to an amount.
   *
   * @param minor the minor units
   * @param currency the currency
   * @return the amount, with the currency's scale
   */
  public static MonetaryAmount toAmount(long minor, CurrencyUnit currency) {
    requireNonNull(currency, "currency");
    return Money.of(BigDecimal.valueOf(minor, digits(currency)), currency);
  }

  /**
   * Rounds an amount to the currency's minor unit.
   *
   * @param amount the amount
   * @param mode the rounding mode, passed explicitly
   * @return the amount in minor units
   * @throws OutOfRangeException if it does not fit a {@code long}, or needs rounding under
   *     {@link RoundingMode#UNNECESSARY}
   */
  public static long round(MonetaryAmount amount, RoundingMode mode) {
    requireNonNull(amount, "amount");
    requireNonNull(mode, "mode");
    BigDecimal value = amount.getNumber().numberValue(BigDecimal.class);
    try {
      return value.setScale(digits(amount.getCurrency()), mode).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new OutOfRangeException("amount " + amount + " cannot be rounded to a long of minor"
          + " units " + mode, e);
    }
  }

  /**
   * Formats minor units as a plain decimal, for example {@code 28800 -> "288.00"},
   * {@code -11492 -> "-114.92"}, and {@code 5 -> "5"} for a currency without minor digits.
   *
   * @param minor the minor units
   * @param currency the currency
   * @return the text
   */
  public static String format(long minor, CurrencyUnit currency) {
    return append(new StringBuilder(24), minor, digits(currency)).toString();
  }

  /** Appends minor units as a plain decimal; {@code digits} is 0 to 6. */
  static StringBuilder append(StringBuilder sb, long minor, int digits) {
    if (digits == 0) {
      return sb.append(minor);
    }
    long pow = pow10(digits);
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

  /** @return the length of {@code minor} as {@link #append} writes it; {@code digits} is 0 to 6 */
  static int width(long minor, int digits) {
    if (digits == 0) {
      return decimalWidth(minor);
    }
    long whole = Math.abs(minor / pow10(digits));
    return (minor < 0 ? 1 : 0) + decimalWidth(whole) + 1 + digits;
  }

  private static int decimalWidth(long v) {
    if (v == Long.MIN_VALUE) {
      return 20;
    }
    int w = v < 0 ? 2 : 1;
    for (long a = Math.abs(v); a >= 10; a /= 10) {
      w++;
    }
    return w;
  }

  /**
   * Parses a plain decimal with exactly the currency's minor digits or fewer.
   *
   * @param text for example {@code "240.00"} or {@code "-114.92"}
   * @param currency the currency
   * @return the minor units
   * @throws OutOfRangeException if the text is not such a number
   */
  public static long parse(String text, CurrencyUnit currency) {
    requireNonNull(text, "text");
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new OutOfRangeException("not an amount: " + text);
    }
    if (value.scale() > digits(currency)) {
      throw new OutOfRangeException(
          "amount " + text + " has more digits than " + currency + " allows (" + digits(currency) + ")");
    }
    try {
      return value.movePointRight(digits(currency)).longValueExact();
    } catch (ArithmeticException e) {
      throw new OutOfRangeException("amount " + text + " is too large", e);
    }
  }

  /**
   * @param digits 0 to 6
   * @return 10 to the power {@code digits}
   */
  static long pow10(int digits) {
    return POWERS[digits];
  }
}
