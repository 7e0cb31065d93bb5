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
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.testkit.NceHistories.History;
import io.github.cspkit.csp.testkit.NceHistories.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The current program through the partner's entry point (MPA-1, NCE-1..10): a partner under
 * {@link CspPolicies#currentProgram()} selling at cost + 20 %, on {@link NceWorld}'s catalog with
 * its upgrade path, its prices published as monthly lists with new-commerce rows (each
 * {@value #LEAD_DAYS} days before its month), and the customer {@code contoso} of
 * {@link NceWorld#CONTOSO}. {@link #replay} runs a {@link NceHistories} history through
 * {@link io.github.cspkit.csp.partner.NewCommerce}.
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
   * Runs every operation of a history through the partner (its renewals happen by themselves) and
   * checks that the partner ends with the history's subscriptions.
   *
   * @param p a partner from {@link #partner}
   * @param h the history
   */
  public static void replay(CspPartner p, History h) {
    for (Step s : h.steps()) {
      String what = s.what();
      if (what.startsWith("roll")) {
        continue;
      }
      Request r = admin(p, s.date());
      NceSubscription after = s.change().subscription();
      String id = after.id();
      NceEvent first = s.change().events().isEmpty() ? null : s.change().events().get(0);
      if (what.startsWith("order")) {
        NceEvent.Started st = (NceEvent.Started) first;
        p.newCommerce().order(r, CONTOSO, st.sku(), st.seats(), id,
            after.term().calendar().length(), after.term().calendar().plan());
      } else if (what.startsWith("add")) {
        p.newCommerce().addSeats(r, id, ((NceEvent.SeatsAdded) first).seats());
      } else if (what.startsWith("remove")) {
        p.newCommerce().removeSeats(r, id, ((NceEvent.SeatsRemoved) first).seats());
      } else if (what.startsWith("suspend")) {
        p.newCommerce().suspend(r, id);
      } else if (what.startsWith("reactivate")) {
        p.newCommerce().reactivate(r, id);
      } else if (what.startsWith("cancel")) {
        p.newCommerce().cancel(r, id);
      } else if (first instanceof NceEvent.SeatsMovedOut out) {
        p.newCommerce().upgrade(r, id, out.toSku(), out.seats(), out.toSubscriptionId());
      } else if (first instanceof NceEvent.Upgraded up) {
        p.newCommerce().upgrade(r, id, up.toSku());
      } else if (what.startsWith("schedule")) {
        p.newCommerce().schedule(r, id, after.scheduled().orElseThrow());
      } else if (what.startsWith("auto-renew")) {
        p.newCommerce().autoRenew(r, id, after.autoRenew());
      } else {
        throw new AssertionError("unknown step " + what);
      }
    }
    for (NceSubscription expected : h.subscriptions()) {
      assertThat(p.newCommerce().subscription(expected.id(), h.end())).as("%s", h)
          .contains(expected);
    }
  }
}
