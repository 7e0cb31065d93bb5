package io.github.cspkit.csp.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Exact accrual numerators beyond a long (BIL-6, SUB-2): every operation agrees with
 * {@link BigInteger} and {@link BigDecimal}, and only a result that does not fit is refused.
 */
class NumeratorTest {
  private static final RoundingMode[] MODES = {RoundingMode.HALF_UP, RoundingMode.HALF_EVEN,
      RoundingMode.HALF_DOWN, RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING,
      RoundingMode.FLOOR};

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static long expected(BigInteger n, long d, RoundingMode mode) {
    return new BigDecimal(n).divide(BigDecimal.valueOf(d), 0, mode).longValueExact();
  }

  private static boolean fits(BigInteger n, long d, RoundingMode mode) {
    return new BigDecimal(n).divide(BigDecimal.valueOf(d), 0, mode).toBigInteger().bitLength() <= 63;
  }

  @Test
  void BIL_6_sums_of_products_are_exact_beyond_a_long() {
    qt().withExamples(20_000).forAll(longs().all(), longs().between(-400, 400), longs().all(),
        longs().between(-400, 400)).checkAssert((a, b, c, e) -> {
          Numerator n = Numerator.product(a, b).plusProduct(c, e);
          BigInteger want = big(a).multiply(big(b)).add(big(c).multiply(big(e)));
          assertThat(n.toBigInteger()).isEqualTo(want);
          assertThat(Numerator.of(want)).isEqualTo(n);
          assertThat(n.negate().toBigInteger()).isEqualTo(want.negate());
          assertThat(n.signum()).isEqualTo(want.signum());
          assertThat(n.fitsLong()).isEqualTo(want.bitLength() <= 63);
          assertThat(n.compareTo(Numerator.of(0))).isEqualTo(want.signum());
          Numerator.Sum sum = new Numerator.Sum(Numerator.ZERO).addProduct(a, b).addProduct(c, e);
          assertThat(sum.value()).isEqualTo(n);
          assertThat(n.toString()).isEqualTo(want.toString());
        });
  }

  @Test
  void BIL_6_rounding_a_numerator_beyond_a_long_follows_its_rounding_mode() {
    qt().withExamples(20_000).forAll(longs().all(), longs().between(1, 1_000), longs().all(),
        longs().between(1, 10_000)).checkAssert((rate, days, extra, denominator) -> {
          int m = (int) Math.floorMod(extra, (long) MODES.length);
          Numerator n = Numerator.product(rate, days).plusProduct(extra, 1);
          BigInteger exact = n.toBigInteger();
          Rounding rounding = m == 0 ? Rounding.HALF_UP : Rounding.of(MODES[m]);
          if (fits(exact, denominator, MODES[m])) {
            assertThat(n.divide(denominator, rounding)).as("%s / %s %s", exact, denominator, MODES[m])
                .isEqualTo(expected(exact, denominator, MODES[m]));
            assertThat(new Numerator.Sum(n).divide(denominator, rounding))
                .isEqualTo(expected(exact, denominator, MODES[m]));
          } else {
            assertThatThrownBy(() -> n.divide(denominator, rounding))
                .isInstanceOf(io.github.cspkit.csp.OutOfRangeException.class).hasMessageContaining("does not fit");
          }
        });
  }

  @Test
  void BIL_6_ties_beyond_a_long_round_by_their_mode() {
    // 2^64 + 1 over 2: a tie between two even... and odd neighbours, far beyond a long
    BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
    for (BigInteger n : new BigInteger[] {twoTo64.add(BigInteger.ONE), twoTo64.add(BigInteger.valueOf(3)),
        twoTo64.add(BigInteger.ONE).negate(), twoTo64.add(BigInteger.valueOf(3)).negate()}) {
      for (RoundingMode mode : MODES) {
        Rounding r = mode == RoundingMode.HALF_UP ? Rounding.HALF_UP : Rounding.of(mode);
        assertThat(Numerator.of(n).divide(4, r)).as("%s / 4 %s", n, mode).isEqualTo(expected(n, 4, mode));
        assertThat(r.divide(n, 4)).isEqualTo(expected(n, 4, mode));
      }
    }
  }

  @Test
  void BIL_6_the_issue_limit_case_is_exact() {
    long rate = 119_999_999L * Integer.MAX_VALUE;
    Numerator year = Numerator.product(rate, 366);
    assertThat(year.fitsLong()).isFalse();
    assertThat(year.divide(366, Rounding.HALF_UP)).isEqualTo(rate);
    assertThat(Numerator.product(rate, 1).plusProduct(rate, 365).divide(366, Rounding.HALF_UP))
        .isEqualTo(rate);
    assertThat(year.quotient(366)).isEqualTo(rate);
    assertThatThrownBy(year::longValueExact).isInstanceOf(io.github.cspkit.csp.OutOfRangeException.class);
    assertThatThrownBy(() -> Numerator.of(BigInteger.ONE.shiftLeft(127)))
        .isInstanceOf(io.github.cspkit.csp.OutOfRangeException.class);
    assertThatThrownBy(() -> Numerator.of(Long.MAX_VALUE).divide(0, Rounding.HALF_UP))
        .isInstanceOf(io.github.cspkit.csp.OutOfRangeException.class);
  }

  @Test
  void SUB_2_proration_is_exact_whenever_the_charge_fits() {
    qt().withExamples(20_000).forAll(longs().between(0, Long.MAX_VALUE), longs().between(-Integer.MAX_VALUE, Integer.MAX_VALUE),
        longs().between(0, 366), longs().between(365, 366)).checkAssert((unit, seats, days, n) -> {
          BigInteger exact = big(unit).multiply(big(seats)).multiply(big(days));
          if (fits(exact, n, RoundingMode.HALF_UP)) {
            assertThat(Proration.seed().chargeMinor(unit, seats, days, n))
                .isEqualTo(expected(exact, n, RoundingMode.HALF_UP));
          } else {
            assertThatThrownBy(() -> Proration.seed().chargeMinor(unit, seats, days, n))
                .isInstanceOf(io.github.cspkit.csp.OutOfRangeException.class);
          }
        });
  }
}
