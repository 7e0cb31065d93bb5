package io.github.cspkit.csp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PricingPolicy;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.testkit.NceHistories.History;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current program through the partner's entry point (MPA-1, NCE-1..10): a partner under
 * {@link CspPolicies#currentProgram()} selling at cost + 20 %, on {@link NceWorld}'s catalog with
 * its upgrade path, its prices published as monthly lists with new-commerce rows (each
 * {@value #LEAD_DAYS} days before its month), and the customer {@code contoso} of
 * {@link NceWorld#CONTOSO}. {@link #replay} runs a {@link NceHistories} history through
 * {@link io.github.cspkit.csp.partner.NewCommerce} and checks what it must lead to.
 */
public final class NcePartners {
  /** How many days before its month a list is published (PRC-2 needs at least 30). */
  public static final int LEAD_DAYS = 40;
  /** The day the partner accepts the Microsoft Partner Agreement. */
  public static final LocalDate ACCEPTED = LocalDate.parse("2023-11-01");
  /** The customer's id, {@link NceWorld#CONTOSO}'s. */
  public static final String CONTOSO = NceWorld.CONTOSO.id();

  private NcePartners() {}

  /** @return the current program, selling at cost + 20 % as {@link NceWorld#OPS} does */
  public static CspPolicies policies() {
    return CspPolicies.builder().from(CspPolicies.currentProgram())
        .pricing(PricingPolicy.markup(new BigDecimal("20"))).build();
  }

  /** @return {@link NceWorld#CATALOG} with {@link NceWorld#PATHS} */
  public static Catalog catalog() {
    return NceWorld.CATALOG.withUpgradePaths(NceWorld.PATHS);
  }

  /**
   * @param from the first month
   * @param to the last month
   * @return the monthly US/USD lists of {@link NceWorld#PRICES}, with their rows
   */
  public static List<PriceList> priceLists(YearMonth from, YearMonth to) {
    List<PriceList> lists = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      LocalDate first = m.atDay(1);
      lists.add(PriceList.monthly(NceWorld.MARKET, NceWorld.USD, m, first.minusDays(LEAD_DAYS),
          Map.of()).withOfferRows(NceWorld.PRICES.rows(NceWorld.MARKET, NceWorld.USD, first, first)
              .orElseThrow()));
    }
    return lists;
  }

  /**
   * Publishes lists on a store through the vendor.
   *
   * @param store the store
   * @param from the first month
   * @param to the last month
   * @return the store
   */
  public static CspStore publish(CspStore store, YearMonth from, YearMonth to) {
    TestWorld.builder().partner("vendor-desk").store(store).catalog(catalog()).policies(policies())
        .priceLists(priceLists(from, to)).buildPartner();
    return store;
  }


  /**
   * A partner on a store whose lists are published: not yet bound by any agreement.
   *
   * @param store the store
   * @param partnerId the partner's id
   * @return the entry point
   */
  public static CspPartner bare(CspStore store, String partnerId) {
    return world(store, partnerId).buildPartner();
  }

  /**
   * @param store the store
   * @param partnerId the partner's id
   * @return the builder of {@link #bare}'s partner, on the current program's policies and catalog
   */
  public static TestWorld world(CspStore store, String partnerId) {
    return TestWorld.builder().partner(partnerId).store(store).catalog(catalog())
        .policies(policies());
  }


  /**
   * A partner that accepted the agreement on {@link #ACCEPTED} and created {@code contoso} on
   * {@link NceWorld#CONTOSO}'s day.
   *
   * @param store the store, lists published
   * @param partnerId the partner's id
   * @return the entry point
   */
  public static CspPartner partner(CspStore store, String partnerId) {
    return world(store, partnerId).acceptedOn(ACCEPTED)
        .customer(NceWorld.CONTOSO.createdOn(), NewCustomer.builder().id(CONTOSO)
            .market(NceWorld.MARKET).billingDay(1).currency(NceWorld.USD).build())
        .buildPartner();
  }


  /**
   * @param p a partner
   * @param date a day
   * @return a request by the partner's admin agent on that day
   */
  public static Request admin(CspPartner p, LocalDate date) {
    return Request.of(Actor.partnerAdmin(p.partner().id(), "agent"), date);
  }

  /**
   * Runs a history through the partner ({@link HistoryOp#replay}; its renewals happen by
   * themselves) and checks that the partner ends with the history's subscriptions, rolled to its
   * end.
   *
   * @param p a partner from {@link #partner}
   * @param h the history
   */
  public static void replay(CspPartner p, History h) {
    replay(p, h.ops());
    for (NceSubscription expected : h.subscriptions()) {
      assertThat(p.newCommerce().subscription(expected.id(), h.end())).as("%s", h)
          .contains(expected);
    }
  }

  /**
   * Runs operations through the partner ({@link HistoryOp#replay}) and checks that on the last
   * one's day the partner holds every subscription as the last expectation of the new-commerce
   * operations ({@link HistoryOp.NceOp#expected()}) left it.
   *
   * @param p a partner from {@link #partner}
   * @param ops the operations, dates ascending, for example a {@link LabelledOp#setup()}
   */
  public static void replay(CspPartner p, List<? extends HistoryOp> ops) {
    HistoryOp.replay(ops, p);
    Map<String, NceSubscription> expected = new LinkedHashMap<>();
    LocalDate last = null;
    for (HistoryOp op : ops) {
      last = op.date();
      if (op instanceof HistoryOp.NceOp n && n.expected().isPresent()) {
        NceChange change = n.change();
        expected.put(change.subscription().id(), change.subscription());
        change.created().ifPresent(c -> expected.put(c.id(), c));
      }
    }
    for (NceSubscription s : expected.values()) {
      assertThat(p.newCommerce().subscription(s.id(), last)).as("%s on %s after %s", s.id(), last,
          ops).contains(s);
    }
  }
}
