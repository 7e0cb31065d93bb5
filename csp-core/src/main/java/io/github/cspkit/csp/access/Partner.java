package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

/**
 * A partner (ACC-4): its id, name and whether it is a CSP partner.
 *
 * @param id the partner id
 * @param name its name
 * @param kind CSP or not
 */
public record Partner(String id, String name, PartnerKind kind) {
  /**
   * @param id id
   * @param name name
   * @param kind kind
   */
  public Partner {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    Checks.word("partner id", id);
    Checks.name("partner name", name);
  }

  /**
   * @param id the id, also used as name
   * @return a CSP partner
   */
  public static Partner csp(String id) {
    return new Partner(id, id, PartnerKind.CSP);
  }

  /** @return whether it is in the CSP program */
  public boolean isCsp() {
    return kind == PartnerKind.CSP;
  }
}
