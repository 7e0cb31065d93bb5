package io.github.cspkit.csp.examples.scenario;

import static io.github.cspkit.csp.examples.scenario.ScenarioSyntaxException.notSupportedYet;

import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.examples.files.PartnerCenterStatements;
import io.github.cspkit.csp.examples.scenario.Operation.PriceEntry;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCommerce;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceRow;
import io.github.cspkit.csp.pricing.PriceRows;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.subscription.ScheduledChange;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Runs one dated operation through the library's public API ({@link CspPartner}, and its
 * {@link NewCommerce} under {@code program current}), as one request. What the library throws is
 * the operation's refusal; an operation whose rules are not wired into {@link CspPartner} yet
 * (GDAP's; add-ons and trial conversion under the current program) throws
 * {@link ScenarioSyntaxException#notSupportedYet}.
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
    if (world.current()) {
      p.acceptPartnerAgreement(r); // MPA-1
    } else {
      p.acceptAgreement(r);
    }
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
    List<PriceRow> rows = new ArrayList<>();
    boolean annualOnly = true;
    for (PriceEntry e : o.prices()) {
      TermOffer offer = e.offer();
      MonetaryAmount price = MinorUnits.toAmount(e.priceMinor(), o.currency());
      annualOnly &= offer.equals(TermOffer.annual(offer.sku()));
      rows.add(PriceRow.of(offer, price));
      if (offer.equals(TermOffer.annual(offer.sku()))) {
        prices.put(offer.sku(), price);
      }
    }
    PriceList list = PriceList.builder().id(o.id()).market(o.market()).currency(o.currency())
        .publishedOn(r.date()).effectiveOn(o.effective()).putAllPrices(prices).build();
    if (!annualOnly) {
      // NCE-1, NCE-2: rows by SKU, term and plan; the SKU=PRICE entries are the P1Y annual rows
      list = list.withOfferRows(PriceRows.of(o.currency(), rows));
    }
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
    if (world.current()) {
      nce().order(r, o.customer(), o.sku(), o.seats(), o.sub(), term, plan); // NCE-1
      return null;
    }
    if (term != TermLength.P1Y || plan != BillingPlan.ANNUAL) {
      throw needsCurrentProgram("order with" + o.term().map(t -> " term " + t.code()).orElse("")
          + o.plan().map(q -> " plan " + q.code()).orElse(""));
    }
    p.order(r, o.customer(), o.sku(), o.seats(), o.sub());
    return null;
  }

  /** @return the new-commerce entry point (the file says {@code program current}) */
  private NewCommerce nce() {
    return p.newCommerce();
  }

  /**
   * @param what a statement that only the current program knows
   * @return the exception that stops the file: the seed has no terms, plans, scheduled changes,
   *     upgrades or partner agreement to terminate
   */
  private static ScenarioSyntaxException needsCurrentProgram(String what) {
    return ScenarioSyntaxException.expected("'program current' before the first dated line for "
        + what, "the seed program");
  }

  @Override
  public Void orderAddon(Operation.OrderAddon o) {
    if (world.current()) {
      throw notSupportedYet("order-addon under program current (CAT-3: add-ons of new-commerce"
          + " subscriptions are not wired into NewCommerce yet)");
    }
    p.orderAddOn(r, o.base(), o.sku(), o.seats(), o.sub());
    return null;
  }

  @Override
  public Void convertTrial(Operation.ConvertTrial o) {
    if (world.current()) {
      throw notSupportedYet("convert-trial under program current (CUS-3: converting a trial into"
          + " a new-commerce subscription is not wired into NewCommerce yet)");
    }
    p.convertTrial(r, o.customer(), o.sku(), o.seats(), o.sub());
    return null;
  }

  @Override
  public Void addSeats(Operation.AddSeats o) {
    if (world.current()) {
      nce().addSeats(r, o.sub(), o.seats());
    } else {
      p.addSeats(r, o.sub(), o.seats());
    }
    return null;
  }

  @Override
  public Void removeSeats(Operation.RemoveSeats o) {
    if (world.current()) {
      nce().removeSeats(r, o.sub(), o.seats());
    } else {
      p.removeSeats(r, o.sub(), o.seats());
    }
    return null;
  }

  @Override
  public Void suspend(Operation.Suspend o) {
    if (world.current()) {
      nce().suspend(r, o.sub());
    } else {
      p.suspend(r, o.sub());
    }
    return null;
  }

  @Override
  public Void reactivate(Operation.Reactivate o) {
    if (world.current()) {
      nce().reactivate(r, o.sub());
    } else {
      p.reactivate(r, o.sub());
    }
    return null;
  }

  @Override
  public Void cancel(Operation.Cancel o) {
    if (world.current()) {
      nce().cancel(r, o.sub());
    } else {
      p.cancel(r, o.sub());
    }
    return null;
  }

  @Override
  public Void autoRenew(Operation.AutoRenew o) {
    if (world.current()) {
      nce().autoRenew(r, o.sub(), o.on());
    } else {
      p.autoRenew(r, o.sub(), o.on());
    }
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
    if (!world.current()) {
      throw needsCurrentProgram("schedule");
    }
    Operation.NextTerm next = o.changes();
    ScheduledChange.Builder change = ScheduledChange.builder();
    next.seats().ifPresent(change::seats);
    next.term().ifPresent(change::term);
    next.plan().ifPresent(change::plan);
    next.sku().ifPresent(change::sku);
    nce().schedule(r, o.sub(), change.build()); // NCE-8
    return null;
  }

  @Override
  public Void upgrade(Operation.Upgrade o) {
    if (!world.current()) {
      throw needsCurrentProgram("upgrade");
    }
    if (o.moved().isPresent()) {
      nce().upgrade(r, o.sub(), o.to(), o.moved().get().seats(), o.moved().get().sub()); // NCE-9
    } else {
      nce().upgrade(r, o.sub(), o.to());
    }
    return null;
  }

  @Override
  public Void terminateAgreement(Operation.TerminateAgreement o) {
    if (!world.current()) {
      throw needsCurrentProgram("terminate-agreement");
    }
    p.terminatePartnerAgreement(r, o.effective()); // MPA-1
    return null;
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
    Path file = world.file(o.file());
    ImportedPriceList list;
    try {
      list = PartnerCenterStatements.importPriceList(p, r, file, world.mapping(), o.published());
    } catch (UncheckedIOException e) {
      throw ScenarioSyntaxException.expected("a readable price list file " + Words.show(o.file()),
          ScenarioRunner.describe(e.getCause()));
    }
    world.published(list.market(), list.currency());
    return null;
  }
}
