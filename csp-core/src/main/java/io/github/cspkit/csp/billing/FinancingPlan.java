package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.math.BigDecimal;

/**
 * The partner's own financing for a customer (BIL-3), one of three alternatives: {@link None} (the
 * default), {@link AnnualPrepayment} (the rest of each term billed at once, less a discount), or
 * {@link Instalments} (each bill's total split into N monthly parts that add up exactly and differ
 * by at most one minor unit). Immutable.
 */
public sealed interface FinancingPlan
    permits FinancingPlan.None, FinancingPlan.AnnualPrepayment, FinancingPlan.Instalments {
  /** The alternatives' stable codes, as a store keeps them. */
  enum Kind {
    /** Every bill is due on its issue day: {@link None}. */
    NONE,
    /** The rest of each term is billed at once, less a discount: {@link AnnualPrepayment}. */
    ANNUAL_PREPAYMENT,
    /** Each bill's total falls due in N monthly parts: {@link Instalments}. */
    INSTALMENTS
  }

  /** No financing: every bill is due on its issue day. */
  record None() implements FinancingPlan {
    private static final None INSTANCE = new None();

    @Override
    public Kind kind() {
      return Kind.NONE;
    }

    @Override
    public String toString() {
      return "none";
    }
  }

  /**
   * Annual prepayment: the rest of each term is billed at once, less a discount.
   *
   * @param discountBasisPoints the discount in basis points (1/100 of a percent), 0 to 10,000
   */
  record AnnualPrepayment(long discountBasisPoints) implements FinancingPlan {
    /**
     * Checks the discount.
     *
     * @param discountBasisPoints the discount, 0 to 10,000 basis points
     * @throws io.github.cspkit.csp.OutOfRangeException if it is out of that range
     */
    public AnnualPrepayment {
      Checks.range(discountBasisPoints >= 0 && discountBasisPoints <= 10_000,
          "discountBasisPoints must be 0 to 10000, found %s", discountBasisPoints);
    }

    @Override
    public Kind kind() {
      return Kind.ANNUAL_PREPAYMENT;
    }

    @Override
    public String toString() {
      return "annual prepayment, "
          + BigDecimal.valueOf(discountBasisPoints, 2).stripTrailingZeros().toPlainString()
          + "% discount";
    }
  }

  /**
   * Instalments: each bill's total falls due in monthly parts.
   *
   * @param instalments the number of monthly parts, 2 to 36
   */
  record Instalments(int instalments) implements FinancingPlan {
    /**
     * Checks the number of parts.
     *
     * @param instalments the number of monthly parts, 2 to 36
     * @throws io.github.cspkit.csp.OutOfRangeException if it is out of that range
     */
    public Instalments {
      Checks.range(instalments >= 2 && instalments <= 36, "parts must be 2 to 36, found %s",
          instalments);
    }

    @Override
    public Kind kind() {
      return Kind.INSTALMENTS;
    }

    @Override
    public String toString() {
      return instalments + " monthly instalments";
    }
  }

  /** @return no financing: bills are due when issued */
  static FinancingPlan none() {
    return None.INSTANCE;
  }

  /**
   * @param discountPercent the discount, 0 to 100, at most two decimals (for example 5 or 2.5)
   * @return annual prepayment with that discount
   */
  static FinancingPlan annualPrepayment(BigDecimal discountPercent) {
    requireNonNull(discountPercent, "discountPercent");
    Checks.range(discountPercent.signum() >= 0
            && discountPercent.compareTo(BigDecimal.valueOf(100)) <= 0,
        "discountPercent must be 0 to 100, found %s", discountPercent);
    Checks.range(discountPercent.stripTrailingZeros().scale() <= 2,
        "discountPercent has at most two decimals, found %s", discountPercent);
    return new AnnualPrepayment(discountPercent.movePointRight(2).longValueExact());
  }

  /**
   * @param parts the number of monthly parts, 2 to 36
   * @return instalments
   */
  static FinancingPlan instalments(int parts) {
    return new Instalments(parts);
  }

  /** @return which alternative this is, as a stable code for storage */
  Kind kind();

  /**
   * The discount as a store keeps it in a column of its own.
   *
   * @return the prepayment discount in basis points; 0 unless {@link AnnualPrepayment}
   */
  default long discountBasisPoints() {
    return 0;
  }

  /**
   * The number of parts as a store keeps it in a column of its own.
   *
   * @return the number of monthly parts; 1 unless {@link Instalments}
   */
  default int instalments() {
    return 1;
  }

  /** @return whether terms are billed to their end at once ({@link AnnualPrepayment}) */
  default boolean prepaid() {
    return this instanceof AnnualPrepayment;
  }
}
