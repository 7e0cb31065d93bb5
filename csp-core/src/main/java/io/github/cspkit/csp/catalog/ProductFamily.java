package io.github.cspkit.csp.catalog;

import io.github.cspkit.csp.internal.Checks;

/**
 * A vendor product family, such as {@code office365} (CAT-1). Whether the program offers a family
 * is decided by {@link ProgramPolicy}, not by the family.
 */
public final class ProductFamily implements Comparable<ProductFamily> {
  /** Office 365, the family the program offers (CAT-1). */
  public static final ProductFamily OFFICE_365 = new ProductFamily("office365");
  /** Microsoft Intune: same value, not yet in the program (CAT-1). */
  public static final ProductFamily INTUNE = new ProductFamily("intune");
  /** Enterprise Mobility Suite: same value, not yet in the program (CAT-1). */
  public static final ProductFamily EMS = new ProductFamily("ems");

  private final String id;

  private ProductFamily(String id) {
    this.id = id;
  }

  /**
   * @param id the family id: letters, digits, {@code _} and {@code -}
   * @return the family
   */
  public static ProductFamily of(String id) {
    Checks.name("family id", id);
    Checks.range(id.matches("[A-Za-z0-9_-]+"), "family id must be a word, found '%s'", id);
    return new ProductFamily(id.toLowerCase(java.util.Locale.ROOT));
  }

  /** @return the id, lower case */
  public String id() {
    return id;
  }

  @Override
  public int compareTo(ProductFamily o) {
    return id.compareTo(o.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProductFamily f && f.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
