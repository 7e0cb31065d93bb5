package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.math.BigDecimal;

/**
 * The partner's own financing for a customer (BIL-3): none (the default), annual prepayment (the
 * rest of each term billed at once, less a discount), or instalments (each bill's total split into
 * N monthly parts that add up exactly and differ by at most one minor unit). Immutable.
 */
public final class FinancingPlan {
  /** The kinds of plan. */
  public enum Kind {
    /** Every bill is due on its issue day. */
    NONE,
    /** The rest of each term is billed at once, less a discount. */
    ANNUAL_PREPAYMENT,
    /** Each bill's total falls due in N monthly parts. */
    INSTALMENTS
  }

  private static final FinancingPlan NONE = new FinancingPlan(Kind.NONE, 0, 1);

  private final Kind kind;
  private final long discountBasisPoints;
  private final int instalments;

  private FinancingPlan(Kind kind, long discountBasisPoints, int instalments) {
    this.kind = kind;
    this.discountBasisPoints = discountBasisPoints;
    this.instalments = instalments;
  }

  /** @return no financing: bills are due when issued */
  public static FinancingPlan none() {
    return NONE;
  }

  /**
   * @param discountPercent the discount, 0 to 100, at most two decimals (for example 5 or 2.5)
   * @return annual prepayment with that discount
   */
  public static FinancingPlan annualPrepayment(BigDecimal discountPercent) {
    requireNonNull(discountPercent, "discountPercent");
    Checks.range(discountPercent.signum() >= 0 && discountPercent.compareTo(BigDecimal.valueOf(100)) <= 0,
        "discountPercent must be 0 to 100, found %s", discountPercent);
    Checks.range(discountPercent.stripTrailingZeros().scale() <= 2,
        "discountPercent has at most two decimals, found %s", discountPercent);
    return new FinancingPlan(Kind.ANNUAL_PREPAYMENT, discountPercent.movePointRight(2).longValueExact(), 1);
  }

  /**
   * @param parts the number of monthly parts, 2 to 36
   * @return instalments
   */
  public static FinancingPlan instalments(int parts) {
    Checks.range(parts >= 2 && parts <= 36, "parts must be 2 to 36, found %s", parts);
    return new FinancingPlan(Kind.INSTALMENTS, 0, parts);
  }

  /** @return the kind */
  public Kind kind() {
    return kind;
  }

  /** @return the prepayment discount in basis points (1/100 of a percent) */
  public long discountBasisPoints() {
    return discountBasisPoints;
  }

  /** @return the number of monthly parts (1 unless instalments) */
  public int instalments() {
    return instalments;
  }

  /** @return whether terms are billed to their end at once */
  public boolean prepaid() {
    return kind == Kind.ANNUAL_PREPAYMENT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FinancingPlan p && p.kind == kind
        && p.discountBasisPoints == discountBasisPoints && p.instalments == instalments;
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Long.hashCode(discountBasisPoints) + instalments;
  }

  @Override
  public String toString() {
    switch (kind) {
      case ANNUAL_PREPAYMENT:
        return "annual prepayment, " + BigDecimal.valueOf(discountBasisPoints, 2).stripTrailingZeros().toPlainString() + "% discount";
      case INSTALMENTS:
        return instalments + " monthly instalments";
      default:
        return "none";
    }
  }
}
