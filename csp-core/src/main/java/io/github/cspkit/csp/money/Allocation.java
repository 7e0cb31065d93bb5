package io.github.cspkit.csp.money;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

/**
 * Splits a whole amount by weights, conserving it exactly (BIL-3, BIL-6): the parts add up to the
 * total, and each part differs from its exact share by less than one minor unit. The largest
 * remainder method decides which parts get the leftover units; ties go to the earlier part.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * Splits {@code total} into {@code parts} parts that differ by at most one unit, larger first.
   *
   * @param total the whole, in minor units (may be negative)
   * @param parts at least 1
   * @return the parts, adding up to {@code total}
   */
  public static long[] evenly(long total, int parts) {
    Checks.range(parts >= 1, "parts must be at least 1, found %s", parts);
    long[] out = new long[parts];
    long base = total / parts;
    long rest = total - base * parts;
    long step = rest >= 0 ? 1 : -1;
    for (int i = 0; i < parts; i++) {
      out[i] = base;
      if (rest != 0) {
        out[i] += step;
        rest -= step;
      }
    }
    return out;
  }

  /**
   * Splits {@code total} in proportion to {@code weights}.
   * Weights may be negative (a credit among charges); their sum must not be zero unless the
   * total is zero too, in which case every part is zero.
   *
   * @param total the whole, in minor units
   * @param weights the weights, at least one
   * @return one part per weight, adding up to {@code total}
   */
  public static long[] byWeights(long total, long... weights) {
    requireNonNull(weights, "weights");
    Checks.range(weights.length > 0, "weights must not be empty");
    long sum = 0;
    for (long w : weights) {
      sum = Checks.add(sum, w);
    }
    long[] out = new long[weights.length];
    if (sum == 0) {
      Checks.range(total == 0, "weights add up to zero, cannot split %s", total);
      return out;
    }
    java.math.BigInteger bigTotal = java.math.BigInteger.valueOf(total);
    java.math.BigInteger bigSum = java.math.BigInteger.valueOf(sum);
    long[] remainders = new long[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      java.math.BigInteger[] qr = bigTotal.multiply(java.math.BigInteger.valueOf(weights[i]))
          .divideAndRemainder(bigSum);
      long q = exact(qr[0], total, weights[i]);
      long r = qr[1].longValueExact(); // below |sum|
      // normalise to floor division so that every remainder is in [0, |sum|)
      if (r != 0 && ((r < 0) != (sum < 0))) {
        q -= 1;
        r += sum;
      }
      out[i] = q;
      remainders[i] = Math.abs(r);
      given += q;
    }
    long left = total - given;
    // left is in [0, weights.length): hand out one unit to the largest remainders
    while (left > 0) {
      int best = -1;
      for (int i = 0; i < weights.length; i++) {
        if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best])) {
          best = i;
        }
      }
      out[best] += 1;
      remainders[best] = -1;
      left--;
    }
    return out;
  }

  private static long exact(java.math.BigInteger part, long total, long weight) {
    Checks.range(part.bitLength() < 64, "arithmetic overflow: the part of %s with weight %s"
        + " does not fit 64 bits", total, weight);
    return part.longValue();
  }
}
