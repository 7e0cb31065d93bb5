package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.notSupportedYet;

import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.examples.scenario.Operation.PriceEntry;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Runs one dated operation through the library's public API ({@link CspPartner}), as one request.
 * What the library throws is the operation's refusal; an operation whose rules are not wired into
 * {@link CspPartner} yet throws {@link ScenarioSyntaxException#notSupportedYet}.
 */
final class ScenarioOperations implements Operation.Visitor<Void> {
  private final ScenarioWorld world;
  private final CspPartner p;
  private final Request r;

  /**
   * @param world the world, told about new customers and price lists
   * @param p the partner
   * @param r the request: the line's actor and day
   */
  ScenarioOperations(ScenarioWorld world, CspPartner p, Request r) {
    this.world = world;
    this.p = p;
    this.r = r;
  }

  @Override
  public Void acceptAgreement(Operation.AcceptAgreement o) {
    p.acceptAgreement(r);
    return null;
  }

  @Override
  public Void notice(Operation.Notice o) {
    p.giveNotice(r, o.channel());
    return null;
  }

  @Override
  public Void publishPriceList(Operation.PublishPriceList o) {
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    for (PriceEntry e : o.prices()) {
      TermOffer offer = e.offer();
      if (!offer.equals(TermOffer.annual(offer.sku()))) {
        throw notSupportedYet("publish-price-list with the row " + offer + " (NCE-1, NCE-2: price"
            + " rows other than the one-year term billed annually are not wired into CspPartner"
            + " yet)");
      }
      prices.put(offer.sku(), MinorUnits.toAmount(e.priceMinor(), o.currency()));
    }
    PriceList list = PriceList.builder().id(o.id()).market(o.market()).currency(o.currency())
        .publishedOn(r.date()).effectiveOn(o.effective()).putAllPrices(prices).build();
    p.publishPriceList(r, list);
    world.published(o.market(), o.currency());
    return null;
  }

  @Override
  public Void createCustomer(Operation.CreateCustomer o) {
    NewCustomer spec = NewCustomer.builder().id(o.id()).market(o.market()).segment(o.segment())
        .billingDay(o.billingDay()).currency(o.currency()).tenant(o.tenant())
        .verified(o.verified()).build();
    p.createCustomer(r, spec);
    world.created(p, o.id());
    return null;
  }

  @Override
  public Void order(Operation.Order o) {
    TermLength term = o.term().orElse(TermLength.P1Y);
    BillingPlan plan = o.plan().orElse(BillingPlan.ANNUAL);
    if (term != TermLength.P1Y || plan != BillingPlan.ANNUAL) {
      throw notSupportedYet("order with" + o.term().map(t -> " term " + t.code()).orElse("")
          + o.plan().map(q -> " plan " + q.code()).orElse("") + " (NCE-1:"
          + " terms and billing plans other than the one-year term billed annually are not wired"
          + " into CspPartner yet)");
    }
    p.order(r, o.customer(), o.sku(), o.seats(), o.sub());
    return null;
  }

  @Override
  public Void orderAddon(Operation.OrderAddon o) {
    p.orderAddOn(r, o.base(), o.sku(), o.seats(), o.sub());
    return null;
  }

  @Override
  public Void convertTrial(Operation.ConvertTrial o) {
    p.convertTrial(r, o.customer(), o.sku(), o.seats(), o.sub());
    return null;
  }

  @Override
  public Void addSeats(Operation.AddSeats o) {
    p.addSeats(r, o.sub(), o.seats());
    return null;
  }

  @Override
  public Void removeSeats(Operation.RemoveSeats o) {
    p.removeSeats(r, o.sub(), o.seats());
    return null;
  }

  @Override
  public Void suspend(Operation.Suspend o) {
    p.suspend(r, o.sub());
    return null;
  }

  @Override
  public Void reactivate(Operation.Reactivate o) {
    p.reactivate(r, o.sub());
    return null;
  }

  @Override
  public Void cancel(Operation.Cancel o) {
    p.cancel(r, o.sub());
    return null;
  }

  @Override
  public Void autoRenew(Operation.AutoRenew o) {
    p.autoRenew(r, o.sub(), o.on());
    return null;
  }

  @Override
  public Void removeDelegatedAdmin(Operation.RemoveDelegatedAdmin o) {
    p.removeDelegatedAdmin(r, o.customer());
    return null;
  }

  @Override
  public Void service(Operation.Service o) {
    Customer c = ScenarioWorld.customer(p, o.customer());
    CurrencyUnit cur = c.billing().currency();
    long minor = Words.amount(o.amount(), cur, "an amount");
    p.addService(r, o.customer(), o.service(), o.service(), MinorUnits.toAmount(minor, cur),
        o.recurrence());
    return null;
  }

  @Override
  public Void financing(Operation.Financing o) {
    p.setFinancing(r, o.customer(), o.plan());
    return null;
  }

  @Override
  public Void advance(Operation.Advance o) {
    throw new IllegalArgumentException("advance issues bills; it is not a request");
  }

  @Override
  public Void schedule(Operation.Schedule o) {
    throw notSupportedYet("schedule (NCE-8: scheduled changes are not wired into CspPartner yet)");
  }

  @Override
  public Void upgrade(Operation.Upgrade o) {
    throw notSupportedYet("upgrade (NCE-9: upgrades are not wired into CspPartner yet)");
  }

  @Override
  public Void terminateAgreement(Operation.TerminateAgreement o) {
    throw notSupportedYet("terminate-agreement (MPA-1: the Microsoft Partner Agreement is not"
        + " wired into CspPartner yet)");
  }

  @Override
  public Void gdapRequest(Operation.GdapRequest o) {
    world.gdap("gdap-request").request(r, GdapRequest.of(o.relationship(), p.partner().id(),
        o.customer(), o.roles(), o.groups(), o.duration(), o.autoExtend()));
    return null;
  }

  @Override
  public Void gdapApprove(Operation.GdapApprove o) {
    world.gdap("gdap-approve").approve(r, o.relationship());
    return null;
  }

  @Override
  public Void gdapTerminate(Operation.GdapTerminate o) {
    world.gdap("gdap-terminate").terminate(r, o.relationship());
    return null;
  }

  @Override
  public Void administer(Operation.Administer o) {
    p.administerTenant(r, o.customer(), o.task());
    return null;
  }

  @Override
  public Void importPriceList(Operation.ImportPriceList o) {
    throw notSupportedYet("import-price-list (PCF-1: Partner Center price list files are not read"
        + " yet)");
  }
}
