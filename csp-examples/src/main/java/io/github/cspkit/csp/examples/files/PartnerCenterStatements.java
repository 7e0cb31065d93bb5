package io.github.cspkit.csp.examples.files;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.SkuMapping;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What the scenario statements of Partner Center's files do (SCENARIOS.md: {@code map-sku},
 * {@code import-price-list}, {@code expect reconciliation}; DOMAIN.md PCF-1, PCF-2), for the
 * scenario runner and for integrators who script the same steps. Paths are resolved against the
 * scenario file's folder by the caller. Stateless.
 */
public final class PartnerCenterStatements {
  private PartnerCenterStatements() {}

  /**
   * {@code map-sku SKU PRODUCTID:SKUID}.
   *
   * @param mapping the mapping so far
   * @param sku the catalog SKU
   * @param key the file's {@code PRODUCTID:SKUID}
   * @return the mapping with it
   * @throws io.github.cspkit.csp.RuleViolation PCF-1 if another key maps to {@code sku}
   * @throws io.github.cspkit.csp.OutOfRangeException if the key is not {@code PRODUCTID:SKUID}
   */
  public static SkuMapping mapSku(SkuMapping mapping, String sku, String key) {
    return requireNonNull(mapping, "mapping").with(key, sku);
  }

  /**
   * {@code DATE import-price-list FILE published DATE}: reads the file and imports it as the
   * request's actor on the request's day.
   *
   * @param partner the entry point
   * @param r the request (the partner's admin agent, on the line's date)
   * @param file the price list file
   * @param mapping the partner's SKU mapping
   * @param publishedOn the publication day the line states
   * @return the imported list (keep it for new-commerce prices:
   *     {@link ImportedPriceList#offerPrices})
   * @throws io.github.cspkit.csp.RuleViolation PCF-1 for a malformed row (naming the file and
   *     line) or a day before the publication; PRC-1, PRC-2 as for any list
   */
  public static ImportedPriceList importPriceList(CspPartner partner, Request r, Path file,
      SkuMapping mapping, LocalDate publishedOn) {
    requireNonNull(partner, "partner");
    requireNonNull(r, "r");
    ImportedPriceList list = PriceListFile.read(file, mapping, publishedOn);
    partner.importPriceList(r, list);
    return list;
  }

  /**
   * {@code expect reconciliation FILE YYYY-MM matched N missing-here N missing-there N different N}.
   *
   * @param file the reconciliation file
   * @param month the month
   * @param charges every vendor charge of the partner's new-commerce subscriptions
   * @param matched the lines expected matched
   * @param missingHere the lines expected only in the file
   * @param missingThere the lines expected only in the library
   * @param different the lines expected in both with other figures
   * @return empty if the expectation holds, else what was expected and found, with the report
   */
  public static Optional<String> expectReconciliation(Path file, YearMonth month,
      List<VendorCharge> charges, int matched, int missingHere, int missingThere, int different) {
    Reconciliation r = ReconciliationFile.reconcile(file, month, charges);
    if (r.matched().size() == matched && r.missingHere().size() == missingHere
        && r.missingThere().size() == missingThere && r.different().size() == different) {
      return Optional.empty();
    }
    return Optional.of(String.format("expected reconciliation %s %s matched %d missing-here %d"
            + " missing-there %d different %d, found matched %d missing-here %d missing-there %d"
            + " different %d%n%s", file.getFileName(), month, matched, missingHere, missingThere,
        different, r.matched().size(), r.missingHere().size(), r.missingThere().size(),
        r.different().size(), ReconciliationReport.text(r).stripTrailing()));
  }
}
