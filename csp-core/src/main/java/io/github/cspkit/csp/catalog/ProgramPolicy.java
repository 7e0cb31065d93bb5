package io.github.cspkit.csp.catalog;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import java.util.Set;

/**
 * Which product families the program lets a partner order (CAT-1), and the catalog's other
 * ordering rules: segment verification (CAT-2) and no trials (CAT-5).
 * The seed's reading is {@link #seed()}: Office 365 only.
 */
public interface ProgramPolicy {
  /**
   * @param family a product family
   * @return whether the program offers it
   */
  boolean offers(ProductFamily family);

  /** @return the seed's policy: only {@link ProductFamily#OFFICE_365} may be ordered */
  static ProgramPolicy seed() {
    return of(ImmutableSet.of(ProductFamily.OFFICE_365));
  }

  /**
   * @param families the families the program offers
   * @return a policy that offers exactly these families
   */
  static ProgramPolicy of(Set<ProductFamily> families) {
    ImmutableSet<ProductFamily> offered = ImmutableSet.copyOf(requireNonNull(families, "families"));
    return new ProgramPolicy() {
      @Override
      public boolean offers(ProductFamily family) {
        return offered.contains(family);
      }

      @Override
      public String toString() {
        return offered.stream().map(ProductFamily::id).collect(java.util.stream.Collectors.joining(", "));
      }
    };
  }

  /**
   * Refuses an order that the catalog rules forbid.
   *
   * @param sku the SKU ordered
   * @param customerSegment the customer's segment
   * @param verified whether the customer is verified for its segment
   * @throws RuleViolation CAT-1 (family not in the program), CAT-5 (trial offer), or CAT-2
   *     (government or education SKU for a customer not verified for that segment)
   */
  default void checkOrderable(Sku sku, Segment customerSegment, boolean verified) {
    requireNonNull(sku, "sku");
    requireNonNull(customerSegment, "customerSegment");
    Checks.rule(offers(sku.family()), "CAT-1",
        "SKU %s belongs to the product family %s, which the CSP program does not offer; it offers: %s",
        sku.id(), sku.family(), this);
    Checks.rule(!sku.trial(), "CAT-5",
        "SKU %s is a trial offer and CSP has no trial offers; order the paid SKU instead", sku.id());
    if (sku.segment() != Segment.COMMERCIAL) {
      Checks.rule(customerSegment == sku.segment() && verified, "CAT-2",
          "SKU %s is sold only to customers verified for the %s segment; verify the customer first",
          sku.id(), sku.segment().name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
