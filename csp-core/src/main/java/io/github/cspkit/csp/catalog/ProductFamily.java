package io.github.cspkit.csp.catalog;

import io.github.cspkit.csp.internal.Checks;

/**
 * A vendor product family, such as {@code office365} (CAT-1). Whether the program offers a family
 * is decided by {@link ProgramPolicy}, not by the family.
 *
 * @param id the family id, a word of letters, digits, {@code _} and {@code -}, kept in lower case
 */
public record ProductFamily(String id) implements Comparable<ProductFamily> {
  /** Office 365, the family the program offers (CAT-1). */
  public static final ProductFamily OFFICE_365 = new ProductFamily("office365");
  /** Microsoft Intune: same value, not yet in the program (CAT-1). */
  public static final ProductFamily INTUNE = new ProductFamily("intune");
  /** Enterprise Mobility Suite: same value, not yet in the program (CAT-1). */
  public static final ProductFamily EMS = new ProductFamily("ems");

  /**
   * Checks the id and keeps it in lower case.
   *
   * @param id the family id: letters, digits, {@code _} and {@code -}
   * @throws io.github.cspkit.csp.OutOfRangeException if it is not such a word
   */
  public ProductFamily {
    Checks.name("family id", id);
    Checks.range(id.matches("[A-Za-z0-9_-]+"), "family id must be a word, found '%s'", id);
    id = id.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * @param id the family id: letters, digits, {@code _} and {@code -}
   * @return the family
   */
  public static ProductFamily of(String id) {
    return new ProductFamily(id);
  }

  @Override
  public int compareTo(ProductFamily o) {
    return id.compareTo(o.id);
  }

  @Override
  public String toString() {
    return id;
  }
}
