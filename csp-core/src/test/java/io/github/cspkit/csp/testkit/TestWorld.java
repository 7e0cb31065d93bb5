package io.github.cspkit.csp.testkit;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.IncidentFeed;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one builder of the tests' worlds through the partner entry point ({@link CspPartner}): a
 * partner, its policies, catalog and store, the price lists the vendor published, the agreement it
 * accepted (the Microsoft Partner Agreement when the policies have one, MPA-1, else the reseller
 * agreement, AGR-1) and the customers it created, in that order: {@link #setup()}'s operations,
 * replayed by {@link HistoryOp#replay}.
 *
 * <pre>{@code
 * World w = TestWorld.builder().priceLists(lists).acceptedOn(d("2024-10-01"))
 *     .customer(d("2025-01-20"), newCustomer("contoso")).build();
 * }</pre>
 *
 * <p>Defaults: the CSP partner {@link PartnerFixtures#PARTNER}, the seed's policies, no incident,
 * {@link PartnerFixtures#catalog()}, a new in-memory store, no list, no agreement, no customer;
 * the admin agent {@code "agent"} makes the partner's requests.
 */
public final class TestWorld {
  private Partner partner = Partner.csp(PartnerFixtures.PARTNER);
  private CspPolicies policies = CspPolicies.seed();
  private IncidentFeed incidents = IncidentFeed.NONE;
  private Catalog catalog = PartnerFixtures.catalog();
  private @Nullable CspStore store;
  private final List<PriceList> priceLists = new ArrayList<>();
  private @Nullable LocalDate acceptedOn;
  private String agent = "agent";
  private final List<Map.Entry<LocalDate, NewCustomer>> customers = new ArrayList<>();

  private TestWorld() {}

  /** @return a builder with the defaults */
  public static TestWorld builder() {
    return new TestWorld();
  }

  /**
   * @param p the partner
   * @return this
   */
  public TestWorld partner(Partner p) {
    this.partner = requireNonNull(p, "partner");
    return this;
  }

  /**
   * @param cspPartnerId the id of a CSP partner
   * @return this
   */
  public TestWorld partner(String cspPartnerId) {
    return partner(Partner.csp(cspPartnerId));
  }

  /**
   * @param p the policies
   * @return this
   */
  public TestWorld policies(CspPolicies p) {
    this.policies = requireNonNull(p, "policies");
    return this;
  }

  /**
   * @param feed the incident feed
   * @return this
   */
  public TestWorld incidents(IncidentFeed feed) {
    this.incidents = requireNonNull(feed, "incidents");
    return this;
  }

  /**
   * @param c the catalog
   * @return this
   */
  public TestWorld catalog(Catalog c) {
    this.catalog = requireNonNull(c, "catalog");
    return this;
  }

  /**
   * @param s the store the partner is built on, or null for {@link CspPartner}'s default in
   *     {@link #buildPartner()} and a new in-memory store in {@link #build()}
   * @return this
   */
  public TestWorld store(@Nullable CspStore s) {
    this.store = s;
    return this;
  }

  /**
   * @param lists price lists, each published by the vendor on its publication day
   * @return this
   */
  public TestWorld priceLists(List<PriceList> lists) {
    this.priceLists.addAll(lists);
    return this;
  }

  /**
   * @param day the day the partner accepts its agreement (MPA-1 or AGR-1 per the policies)
   * @return this
   */
  public TestWorld acceptedOn(LocalDate day) {
    this.acceptedOn = requireNonNull(day, "day");
    return this;
  }

  /**
   * @param name the partner admin agent making the partner's requests
   * @return this
   */
  public TestWorld agent(String name) {
    this.agent = requireNonNull(name, "agent");
    return this;
  }

  /**
   * @param createdOn the day the partner creates it
   * @param c the customer
   * @return this
   */
  public TestWorld customer(LocalDate createdOn, NewCustomer c) {
    customers.add(Map.entry(requireNonNull(createdOn, "createdOn"), requireNonNull(c, "customer")));
    return this;
  }

  /** @return the partner's entry point, lists published, agreement accepted, customers created */
  public CspPartner buildPartner() {
    CspPartner.Builder b = CspPartner.builder().partner(partner).catalog(catalog)
        .policies(policies).incidents(incidents);
    if (store != null) {
      b.store(store);
    }
    CspPartner p = b.build();
    HistoryOp.replay(setup(), p);
    return p;
  }

  /**
   * @return the operations {@link #buildPartner()} replays: each list published by the vendor on
   *     its publication day, the agreement accepted, the customers created
   */
  public List<HistoryOp> setup() {
    List<HistoryOp> ops = new ArrayList<>();
    for (PriceList list : priceLists) {
      ops.add(new HistoryOp.Publish(list.publishedOn(), Actor.vendor(), list));
    }
    Actor admin = Actor.partnerAdmin(partner.id(), agent);
    if (acceptedOn != null) {
      ops.add(policies.partnerAgreement().isPresent()
          ? new HistoryOp.AcceptPartnerAgreement(acceptedOn, admin)
          : new HistoryOp.AcceptAgreement(acceptedOn, admin));
    }
    for (Map.Entry<LocalDate, NewCustomer> c : customers) {
      ops.add(new HistoryOp.CreateCustomer(c.getKey(), admin, c.getValue()));
    }
    return ops;
  }

  /** @return the world: {@link #buildPartner()} and its store, seen by the partner */
  public World build() {
    if (store == null) {
      store = InMemoryStore.create(policies.priceLists());
    }
    CspStore s = store;
    CspPartner p = buildPartner();
    return new World(p, s.forPartner(p.partner().id()));
  }
}
