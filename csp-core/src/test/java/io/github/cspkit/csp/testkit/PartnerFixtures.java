package io.github.cspkit.csp.testkit;

import static io.github.cspkit.csp.testkit.Days.d;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.access.PartnerKind;
import io.github.cspkit.csp.access.Right;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * A reusable world for tests that go through the partner entry point ({@link CspPartner}): a CSP
 * partner that accepted the agreement on {@link #ACCEPTED}, monthly US/USD price lists from
 * {@link #FIRST_MONTH} to {@link #LAST_MONTH} (each published {@link #LEAD_DAYS} days before its
 * month), a catalog with an Office 365 base, an add-on, an Intune SKU (outside the program), a
 * government SKU and a trial SKU, and two customers created on {@link #CREATED}.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * PartnerFixtures.World w = PartnerFixtures.world();
 * w.partner().order(w.asAdmin(d("2025-02-10")), PartnerFixtures.CONTOSO, PartnerFixtures.E3, 10, "S1");
 * }</pre>
 *
 * <p>{@link #standard()} also orders {@link #S1} (10 seats of E3 for Contoso on {@link #ORDERED})
 * and its add-on {@link #A1}. Every builder method returns fresh, independent objects.
 */
public final class PartnerFixtures {
  /** The CSP partner's id. */
  public static final String PARTNER = "Northwind";
  /** Another CSP partner, which can share the store (its own customers). */
  public static final String OTHER_PARTNER = "Tailspin";
  /** A plain, non-CSP partner (ACC-4). */
  public static final String NON_CSP_PARTNER = "Adatum";

  /** A customer of {@link #PARTNER}. */
  public static final String CONTOSO = "contoso";
  /** Another customer of {@link #PARTNER}. */
  public static final String FABRIKAM = "fabrikam";
  /** A customer of {@link #OTHER_PARTNER} (see {@link #otherPartner(World)}). */
  public static final String WOODGROVE = "woodgrove";

  /** Office 365 E3: a commercial base SKU in the program. */
  public static final String E3 = "O365_E3";
  /** An add-on attaching to {@link #E3}. */
  public static final String ADD_ON = "O365_ATP";
  /** Intune: same value, not in the program (CAT-1). */
  public static final String INTUNE = "INTUNE_STD";
  /** A government SKU (CAT-2). */
  public static final String GOV = "O365_E3_GOV";
  /** A trial SKU (CAT-5). */
  public static final String TRIAL = "O365_E3_TRIAL";

  /** The market of every list and customer. */
  public static final String MARKET = "US";
  /** The currency of every list and customer. */
  public static final CurrencyUnit USD = MinorUnits.USD;

  /** The day the partner accepted the agreement. */
  public static final LocalDate ACCEPTED = LocalDate.parse("2024-10-01");
  /** The day the customers were created. */
  public static final LocalDate CREATED = LocalDate.parse("2025-01-20");
  /** The day {@link #S1} was ordered in {@link #standard()}. */
  public static final LocalDate ORDERED = LocalDate.parse("2025-02-10");
  /** The first month with a price list. */
  public static final YearMonth FIRST_MONTH = YearMonth.of(2024, 11);
  /** The last month with a price list. */
  public static final YearMonth LAST_MONTH = YearMonth.of(2026, 6);
  /** How many days before its month a list is published (PRC-2 needs at least 30). */
  public static final int LEAD_DAYS = 40;

  /** The base subscription ordered by {@link #standard()}. */
  public static final String S1 = "S1";
  /** The add-on of {@link #S1} ordered by {@link #standard()}. */
  public static final String A1 = "A1";

  private PartnerFixtures() {}

  /**
   * A world: the partner, its store and the actors of every kind.
   *
   * @param partner the entry point of {@link #PARTNER}
   * @param store the store it was built on
   */
  public record World(CspPartner partner, CspStore store) {
    /** @return a partner admin agent: both rights */
    public Actor.PartnerUser admin() {
      return Actor.partnerAdmin(partner.partner().id(), "agent");
    }

    /** @return a partner user with only delegated admin over customers (ACC-3) */
    public Actor.PartnerUser delegatedOnly() {
      return Actor.partnerUser(partner.partner().id(), "helpdesk", Right.DELEGATED_ADMIN);
    }

    /** @return a partner user with only admin rights on the partner's own tenant (ACC-3) */
    public Actor.PartnerUser ownTenantOnly() {
      return Actor.partnerUser(partner.partner().id(), "it-admin", Right.OWN_TENANT_ADMIN);
    }

    /**
     * @param date the day
     * @return a request by {@link #admin()}
     */
    public Request asAdmin(LocalDate date) {
      return Request.of(admin(), date);
    }
  }

  /** @return the catalog: E3, its add-on, Intune, a government SKU and a trial SKU */
  public static Catalog catalog() {
    return Catalog.of(List.of(
        Sku.builder().id(E3).family(ProductFamily.OFFICE_365).maxSeats(300).build(),
        Sku.builder().id(ADD_ON).family(ProductFamily.OFFICE_365).addAttachesTo(E3).build(),
        Sku.of(INTUNE, ProductFamily.INTUNE),
        Sku.builder().id(GOV).family(ProductFamily.OFFICE_365).segment(Segment.GOVERNMENT).build(),
        Sku.builder().id(TRIAL).family(ProductFamily.OFFICE_365).trial(true).build()));
  }

  /** @return the unit prices (one seat, one year) of every SKU of {@link #catalog()} */
  public static Map<String, MonetaryAmount> prices() {
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    prices.put(E3, usd("240.00"));
    prices.put(ADD_ON, usd("36.00"));
    prices.put(INTUNE, usd("72.00"));
    prices.put(GOV, usd("200.00"));
    prices.put(TRIAL, usd("0.00"));
    return prices;
  }

  /** @return the monthly US/USD lists, {@link #FIRST_MONTH} to {@link #LAST_MONTH} */
  public static List<PriceList> priceLists() {
    List<PriceList> lists = new ArrayList<>();
    for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
      lists.add(PriceList.monthly(MARKET, USD, m, publishedOn(m), prices()));
    }
    return lists;
  }

  /**
   * @param month a month
   * @return the day its list is published in this world
   */
  public static LocalDate publishedOn(YearMonth month) {
    return month.atDay(1).minusDays(LEAD_DAYS);
  }

  /**
   * @param text an amount such as {@code "240.00"}
   * @return that many US dollars
   */
  public static MonetaryAmount usd(String text) {
    return Money.of(new BigDecimal(text), USD.getCurrencyCode());
  }

  /**
   * @param id the customer id
   * @return a US commercial customer billed on the 1st in USD
   */
  public static NewCustomer newCustomer(String id) {
    return NewCustomer.builder().id(id).market(MARKET).billingDay(1).currency(USD).build();
  }

  /**
   * A bare partner: no agreement, no price list, no customer.
   *
   * @param partner the partner
   * @param policies the policies
   * @param incidents the incident feed
   * @param store the store, or null for a new in-memory one
   * @return the entry point
   */
  public static CspPartner bare(Partner partner, CspPolicies policies, IncidentFeed incidents,
      CspStore store) {
    return TestWorld.builder().partner(partner).policies(policies).incidents(incidents)
        .store(store).buildPartner();
  }


  /**
   * A bare {@link #PARTNER} under the seed's policies, without incidents: no agreement, no price
   * list, no customer.
   *
   * @param store the store, or null for a new in-memory one
   * @return the entry point
   */
  public static CspPartner bare(CspStore store) {
    return bare(Partner.csp(PARTNER), CspPolicies.seed(), IncidentFeed.NONE, store);
  }

  /**
   * Publishes {@link #priceLists()} through the vendor.
   *
   * @param p the entry point
   */
  public static void publishPriceLists(CspPartner p) {
    for (PriceList list : priceLists()) {
      p.publishPriceList(Request.of(Actor.vendor(), list.publishedOn()), list);
    }
  }

  /** @return the world under the seed's policies: agreement, lists, Contoso and Fabrikam */
  public static World world() {
    return world(CspPolicies.seed(), IncidentFeed.NONE);
  }

  /**
   * @param policies the policies
   * @param incidents the incident feed
   * @return the world: agreement accepted, lists published, Contoso and Fabrikam created
   */
  public static World world(CspPolicies policies, IncidentFeed incidents) {
    return TestWorld.builder().policies(policies).incidents(incidents).priceLists(priceLists())
        .acceptedOn(ACCEPTED).customer(CREATED, newCustomer(CONTOSO))
        .customer(CREATED, newCustomer(FABRIKAM)).build();
  }


  /** @return {@link #world()} with {@link #S1} (10 seats of E3) and its add-on {@link #A1} (5 seats) */
  public static World standard() {
    return standard(CspPolicies.seed(), IncidentFeed.NONE);
  }

  /**
   * @param policies the policies
   * @param incidents the incident feed
   * @return {@link #world(CspPolicies, IncidentFeed)} with {@link #S1} and {@link #A1} for Contoso
   */
  public static World standard(CspPolicies policies, IncidentFeed incidents) {
    World w = world(policies, incidents);
    w.partner().order(w.asAdmin(ORDERED), CONTOSO, E3, 10, S1);
    w.partner().orderAddOn(w.asAdmin(ORDERED), S1, ADD_ON, 5, A1);
    return w;
  }

  /**
   * {@link #OTHER_PARTNER} on the same store, with its agreement and its customer {@link #WOODGROVE}.
   *
   * @param w a world
   * @return the other partner's entry point
   */
  public static CspPartner otherPartner(World w) {
    return TestWorld.builder().partner(OTHER_PARTNER).policies(w.partner().policies())
        .store(w.store()).agent("other-agent").acceptedOn(ACCEPTED)
        .customer(CREATED, newCustomer(WOODGROVE)).buildPartner();
  }


  /**
   * A non-CSP partner ({@link #NON_CSP_PARTNER}) on the world's store. It cannot create customers
   * (ACC-4), so a customer it manages is stored directly: {@code customerId}, managed by it.
   *
   * @param w a world
   * @param customerId the id of the customer it manages
   * @return its entry point
   */
  public static CspPartner nonCspPartner(World w, String customerId) {
    return nonCspPartner(w, customerId, IncidentFeed.NONE);
  }

  /**
   * @param w a world
   * @param customerId the id of the customer it manages
   * @param incidents its incident feed
   * @return the non-CSP partner's entry point; see {@link #nonCspPartner(World, String)}
   */
  public static CspPartner nonCspPartner(World w, String customerId, IncidentFeed incidents) {
    CspPartner plain = bare(new Partner(NON_CSP_PARTNER, "Adatum", PartnerKind.NON_CSP),
        w.partner().policies(), incidents, w.store());
    w.store().forPartner(NON_CSP_PARTNER).inTransaction(tx -> tx.customers().save(io.github.cspkit.csp.customer.Customer.builder().id(customerId)
        .partnerId(NON_CSP_PARTNER).market(MARKET)
        .tenant(io.github.cspkit.csp.customer.Tenant.of(customerId + "-tenant", io.github.cspkit.csp.customer.TenantOrigin.NEW))
        .billing(io.github.cspkit.csp.customer.BillingProfile.of(1, USD)).createdOn(CREATED).build(), 0));
    return plain;
  }
}
