package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.ProgramPolicy;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.catalog.UpgradePaths;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.pricing.PriceRow;
import io.github.cspkit.csp.pricing.PriceRows;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.pricing.TermPolicy;
import io.github.cspkit.csp.subscription.ChangeWindow;
import io.github.cspkit.csp.subscription.NceOperations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.money.CurrencyUnit;

/**
 * A small new-commerce world for tests (NCE-1..10): Business Basic → Standard → Premium on one
 * upgrade path, an E3 priced only as the one-year annual row (a seed list), and an Intune SKU
 * outside the program. Cost prices of one seat for the whole term, the same for every plan of a
 * term, rise by 10 % from 2026 on:
 * <pre>
 *            P1M    P1Y     P3Y      from 2026: P1M    P1Y     P3Y
 * BASIC      7.20   72.00   216.00              7.92   79.20   237.60
 * STANDARD  15.00  150.00   450.00             16.50  165.00   495.00
 * PREMIUM   26.40  264.00   792.00             29.04  290.40   871.20
 * E3         -     240.00 (annual only)          -     250.00
 * </pre>
 * Lists exist for every month from 2023-12 to 2031-12 and are known from the start (PRC-3 is
 * tested on the price book). Sale prices are cost + 20 %.
 */
public final class NceWorld {
  /** Microsoft 365 Business Basic. */
  public static final String BASIC = "BASIC";
  /** Microsoft 365 Business Standard. */
  public static final String STANDARD = "STANDARD";
  /** Microsoft 365 Business Premium. */
  public static final String PREMIUM = "PREMIUM";
  /** Office 365 E3, priced only as a seed list prices it. */
  public static final String E3 = "O365_E3";
  /** Intune: not in the program (CAT-1). */
  public static final String INTUNE = "INTUNE";

  /** The market. */
  public static final String MARKET = "US";
  /** The currency. */
  public static final CurrencyUnit USD = MinorUnits.USD;

  /** The catalog. */
  public static final Catalog CATALOG = Catalog.of(List.of(
      Sku.builder().id(BASIC).family(ProductFamily.OFFICE_365).maxSeats(300).build(),
      Sku.builder().id(STANDARD).family(ProductFamily.OFFICE_365).maxSeats(300).build(),
      Sku.builder().id(PREMIUM).family(ProductFamily.OFFICE_365).maxSeats(300).build(),
      Sku.builder().id(E3).family(ProductFamily.OFFICE_365).build(),
      Sku.of(INTUNE, ProductFamily.INTUNE)));

  /** Basic → Standard → Premium. */
  public static final UpgradePaths PATHS = UpgradePaths.none()
      .with(STANDARD, List.of(PREMIUM))
      .with(BASIC, List.of(STANDARD));

  /** The prices, by month. */
  public static final OfferPrices PRICES = prices();

  /** A commercial customer billed in USD. */
  public static final Customer CONTOSO = Customer.builder().id("contoso").partnerId("p1")
      .market(MARKET).tenant(Tenant.of("t1", TenantOrigin.NEW))
      .billing(BillingProfile.of(1, USD)).createdOn(LocalDate.parse("2023-12-01")).build();

  /** The partner's agreement is always in force. */
  public static final Predicate<LocalDate> IN_FORCE = day -> true;

  /** The current program's operations, selling at cost + 20 %. */
  public static final NceOperations OPS = NceOperations.of(TermPolicy.currentProgram(),
      ChangeWindow.currentProgram(), PricingPolicy.markup(new BigDecimal("20")),
      ProgramPolicy.seed());

  private NceWorld() {}

  /**
   * @param id a SKU id of the catalog
   * @return the SKU
   */
  public static Sku sku(String id) {
    return CATALOG.sku(id);
  }

  /**
   * @param sku a SKU id
   * @param term a term
   * @param year a year
   * @return the cost of one seat for the whole term, in cents, or -1 if not sold
   */
  public static long costMinor(String sku, TermLength term, int year) {
    boolean later = year >= 2026;
    long yearly = switch (sku) {
      case BASIC -> later ? 7_920 : 7_200;
      case STANDARD -> later ? 16_500 : 15_000;
      case PREMIUM -> later ? 29_040 : 26_400;
      case INTUNE -> 9_000;
      default -> -1;
    };
    if (sku.equals(E3)) {
      return term == TermLength.P1Y ? (later ? 25_000 : 24_000) : -1;
    }
    return switch (term) {
      case P1M -> yearly / 10;
      case P1Y -> yearly;
      case P3Y -> yearly * 3;
    };
  }

  private static OfferPrices prices() {
    Map<YearMonth, PriceRows> byMonth = new HashMap<>();
    for (YearMonth m = YearMonth.of(2023, 12); !m.isAfter(YearMonth.of(2031, 12)); m = m.plusMonths(1)) {
      List<PriceRow> rows = new ArrayList<>();
      for (String sku : List.of(BASIC, STANDARD, PREMIUM, E3, INTUNE)) {
        for (TermLength t : TermLength.values()) {
          for (BillingPlan p : BillingPlan.values()) {
            long cost = costMinor(sku, t, m.getYear());
            boolean seedOnly = sku.equals(E3) && p != BillingPlan.ANNUAL;
            if (p.fits(t) && cost >= 0 && !seedOnly) {
              rows.add(PriceRow.of(TermOffer.of(sku, t, p), MinorUnits.toAmount(cost, USD)));
            }
          }
        }
      }
      byMonth.put(m, PriceRows.of(USD, rows));
    }
    return (market, currency, day, knownOn) -> market.equals(MARKET) && currency.equals(USD)
        ? Optional.ofNullable(byMonth.get(YearMonth.from(day))) : Optional.empty();
  }
}
