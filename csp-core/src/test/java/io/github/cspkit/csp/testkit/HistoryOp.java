package io.github.cspkit.csp.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.ScheduledChange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One dated operation of a generated CSP history, applied through the partner entry point: the
 * seed's operations (AGR, PRC, CUS, SUB, BIL rules), the Microsoft Partner Agreement's (MPA-1) and
 * the new-commerce ones (NCE-1..9, {@link NceOp}). A history is a plain list of these, replayed by
 * {@link #replay}: shorter lists are simpler, which keeps shrinking effective. Every operation
 * names the actor it runs as, so the same type also describes invalid operations
 * ({@link LabelledOp}).
 *
 * <p>Histories are written for the partner {@link CspGenerators#PARTNER_ID}; replayed by a partner
 * of another id (many partners sharing one store), that partner's users act instead ({@link
 * #request}). Other actors (customers, the vendor, a distributor, another partner) act as given.
 */
public sealed interface HistoryOp {
  /** @return the day the operation applies from */
  LocalDate date();

  /**
   * Applies the operation.
   *
   * @param partner the entry point
   */
  void applyTo(CspPartner partner);

  /** The partner's admin agent: both rights. */
  Actor ADMIN = Actor.partnerAdmin(CspGenerators.PARTNER_ID, "agent");

  /**
   * The one replay of every generated history: applies each operation in order.
   *
   * @param ops the operations, dates ascending
   * @param partner the entry point
   */
  static void replay(List<? extends HistoryOp> ops, CspPartner partner) {
    ops.forEach(op -> op.applyTo(partner));
  }

  /**
   * The request of an operation: a user of {@link CspGenerators#PARTNER_ID} becomes the same user
   * of {@code partner}; any other actor acts as given.
   *
   * @param actor who acts, as the history names it
   * @param date the day
   * @param partner the partner replaying the history
   * @return the request
   */
  static Request request(Actor actor, LocalDate date, CspPartner partner) {
    String id = partner.partner().id();
    if (actor instanceof Actor.PartnerUser u && u.partnerId().equals(CspGenerators.PARTNER_ID)
        && !id.equals(CspGenerators.PARTNER_ID)) {
      return Request.of(new Actor.PartnerUser(id, u.userId(), u.rights()), date);
    }
    return Request.of(actor, date);
  }

  /** @param date day @param actor who */
  record AcceptAgreement(LocalDate date, Actor actor) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.acceptAgreement(request(actor, date, p));
    }
  }

  /** @param date day @param actor who @param channel how */
  record GiveNotice(LocalDate date, Actor actor, NoticeChannel channel) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.giveNotice(request(actor, date, p), channel);
    }
  }

  /** @param date day @param actor who @param list the list */
  record Publish(LocalDate date, Actor actor, PriceList list) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.publishPriceList(request(actor, date, p), list);
    }
  }

  /** @param date day @param actor who @param customer the customer */
  record CreateCustomer(LocalDate date, Actor actor, NewCustomer customer) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.createCustomer(request(actor, date, p), customer);
    }
  }

  /** @param date day @param actor who @param customerId customer @param sku SKU @param seats seats @param id new id */
  record Order(LocalDate date, Actor actor, String customerId, String sku, int seats, String id)
      implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.order(request(actor, date, p), customerId, sku, seats, id);
    }
  }

  /** @param date day @param actor who @param customerId customer @param sku SKU @param seats seats @param id new id */
  record ConvertTrial(LocalDate date, Actor actor, String customerId, String sku, int seats, String id)
      implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.convertTrial(request(actor, date, p), customerId, sku, seats, id);
    }
  }

  /** @param date day @param actor who @param baseId base @param sku add-on SKU @param seats seats @param id new id */
  record OrderAddOn(LocalDate date, Actor actor, String baseId, String sku, int seats, String id)
      implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.orderAddOn(request(actor, date, p), baseId, sku, seats, id);
    }
  }

  /** @param date day @param actor who @param id subscription @param seats seats */
  record AddSeats(LocalDate date, Actor actor, String id, int seats) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.addSeats(request(actor, date, p), id, seats);
    }
  }

  /** @param date day @param actor who @param id subscription @param seats seats */
  record RemoveSeats(LocalDate date, Actor actor, String id, int seats) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.removeSeats(request(actor, date, p), id, seats);
    }
  }

  /** @param date day @param actor who @param id subscription */
  record Suspend(LocalDate date, Actor actor, String id) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.suspend(request(actor, date, p), id);
    }
  }

  /** @param date day @param actor who @param id subscription */
  record Reactivate(LocalDate date, Actor actor, String id) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.reactivate(request(actor, date, p), id);
    }
  }

  /** @param date day @param actor who @param id subscription */
  record Cancel(LocalDate date, Actor actor, String id) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.cancel(request(actor, date, p), id);
    }
  }

  /** @param date day @param actor who @param id subscription @param on whether it renews */
  record AutoRenew(LocalDate date, Actor actor, String id, boolean on) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.autoRenew(request(actor, date, p), id, on);
    }
  }

  /** @param date day @param actor who @param customerId customer */
  record RemoveDelegatedAdmin(LocalDate date, Actor actor, String customerId) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.removeDelegatedAdmin(request(actor, date, p), customerId);
    }
  }

  /**
   * @param date day @param actor who @param customerId customer @param id service id
   * @param amountMinor amount @param recurrence recurrence
   */
  record AddService(LocalDate date, Actor actor, String customerId, String id, long amountMinor,
      Recurrence recurrence) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.addService(request(actor, date, p), customerId, id, id, MinorUnits.toAmount(amountMinor,
          CspGenerators.CURRENCY), recurrence);
    }
  }

  /** @param date day through whose end every due bill is issued */
  record IssueBills(LocalDate date) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.issueBills(request(ADMIN, date, p));
    }
  }

  /**
   * The partner accepts the Microsoft Partner Agreement (MPA-1).
   *
   * @param date day @param actor who
   */
  record AcceptPartnerAgreement(LocalDate date, Actor actor) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.acceptPartnerAgreement(request(actor, date, p));
    }
  }

  /**
   * The partner terminates the Microsoft Partner Agreement, at least 30 days ahead (MPA-1).
   *
   * @param date day the notice is given @param actor who @param effective the day it ends
   */
  record TerminatePartnerAgreement(LocalDate date, Actor actor, LocalDate effective)
      implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.terminatePartnerAgreement(request(actor, date, p), effective);
    }

    @Override
    public String toString() {
      return date + " terminate the partner agreement effective " + effective + who(actor);
    }
  }

  /**
   * What a valid new-commerce operation does, as
   * {@link io.github.cspkit.csp.subscription.NceOperations} computes it on the history's model:
   * properties check the partner against it.
   *
   * @param before the subscription before the operation, rolled to its day; empty for an order
   * @param change the operation's result
   */
  record Expected(Optional<NceSubscription> before, NceChange change) {
    /**
     * @param before before
     * @param change change
     */
    public Expected {
      requireNonNull(before, "before");
      requireNonNull(change, "change");
    }

    @Override
    public String toString() {
      NceSubscription s = change.subscription();
      return "→ " + s.id() + " " + s.status() + " " + s.sku() + " ×" + s.seats()
          + change.created().map(c -> " + " + c.id() + " " + c.sku() + " ×" + c.seats())
              .orElse("");
    }
  }

  /**
   * A new-commerce operation (NCE-1..9) through {@link CspPartner#newCommerce()}, with what it
   * must do when the history generated it valid.
   */
  sealed interface NceOp extends HistoryOp {
    /** @return the subscription it acts on (the new one of an order) */
    String id();

    /** @return what it must do, when generated valid; empty for an invalid operation */
    Optional<Expected> expected();

    /** @return the subscription before it, rolled to its day (throws when it has none) */
    default NceSubscription before() {
      return expected().flatMap(Expected::before)
          .orElseThrow(() -> new IllegalStateException("no subscription before " + this));
    }

    /** @return its expected result (throws when it has none) */
    default NceChange change() {
      return expected().map(Expected::change)
          .orElseThrow(() -> new IllegalStateException("no expected change of " + this));
    }
  }

  /**
   * Orders a subscription with a term and a billing plan that fits it (NCE-1).
   *
   * @param date day @param actor who @param customerId customer @param sku SKU @param seats seats
   * @param id new id @param term term @param plan billing plan @param expected what it does
   */
  record NceOrder(LocalDate date, Actor actor, String customerId, String sku, int seats, String id,
      TermLength term, BillingPlan plan, Optional<Expected> expected) implements NceOp {
    /** An order with no expectation (an invalid one). */
    public NceOrder(LocalDate date, Actor actor, String customerId, String sku, int seats,
        String id, TermLength term, BillingPlan plan) {
      this(date, actor, customerId, sku, seats, id, term, plan, Optional.empty());
    }

    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().order(request(actor, date, p), customerId, sku, seats, id, term, plan);
    }

    @Override
    public String toString() {
      return describe(this, actor, "order " + id + " " + sku + " ×" + seats + " " + term + "/"
          + plan + " for " + customerId);
    }
  }

  /**
   * Adds seats, charged to the term's end at its price (NCE-2, NCE-3).
   *
   * @param date day @param actor who @param id subscription @param seats seats
   * @param expected what it does
   */
  record NceAddSeats(LocalDate date, Actor actor, String id, int seats,
      Optional<Expected> expected) implements NceOp {
    /** Seats added with no expectation (an invalid addition). */
    public NceAddSeats(LocalDate date, Actor actor, String id, int seats) {
      this(date, actor, id, seats, Optional.empty());
    }

    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().addSeats(request(actor, date, p), id, seats);
    }

    @Override
    public String toString() {
      return describe(this, actor, "add " + seats + " to " + id);
    }
  }

  /**
   * Removes seats, at most the refundable quantity (NCE-6).
   *
   * @param date day @param actor who @param id subscription @param seats seats
   * @param expected what it does
   */
  record NceRemoveSeats(LocalDate date, Actor actor, String id, int seats,
      Optional<Expected> expected) implements NceOp {
    /** Seats removed with no expectation (an invalid removal). */
    public NceRemoveSeats(LocalDate date, Actor actor, String id, int seats) {
      this(date, actor, id, seats, Optional.empty());
    }

    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().removeSeats(request(actor, date, p), id, seats);
    }

    @Override
    public String toString() {
      return describe(this, actor, "remove " + seats + " of " + id);
    }
  }

  /**
   * Suspends the subscription (NCE-7).
   *
   * @param date day @param actor who @param id subscription @param expected what it does
   */
  record NceSuspend(LocalDate date, Actor actor, String id, Optional<Expected> expected)
      implements NceOp {
    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().suspend(request(actor, date, p), id);
    }

    @Override
    public String toString() {
      return describe(this, actor, "suspend " + id);
    }
  }

  /**
   * Reactivates a suspended subscription (NCE-7).
   *
   * @param date day @param actor who @param id subscription @param expected what it does
   */
  record NceReactivate(LocalDate date, Actor actor, String id, Optional<Expected> expected)
      implements NceOp {
    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().reactivate(request(actor, date, p), id);
    }

    @Override
    public String toString() {
      return describe(this, actor, "reactivate " + id);
    }
  }

  /**
   * Cancels within the window of the term (NCE-5).
   *
   * @param date day @param actor who @param id subscription @param expected what it does
   */
  record NceCancel(LocalDate date, Actor actor, String id, Optional<Expected> expected)
      implements NceOp {
    /** A cancellation with no expectation (an invalid one). */
    public NceCancel(LocalDate date, Actor actor, String id) {
      this(date, actor, id, Optional.empty());
    }

    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().cancel(request(actor, date, p), id);
    }

    @Override
    public String toString() {
      return describe(this, actor, "cancel " + id);
    }
  }

  /**
   * Upgrades every seat to a higher SKU on the path (NCE-9).
   *
   * @param date day @param actor who @param id subscription @param toSku the SKU it moves to
   * @param expected what it does
   */
  record NceUpgrade(LocalDate date, Actor actor, String id, String toSku,
      Optional<Expected> expected) implements NceOp {
    /** An upgrade with no expectation (an invalid one). */
    public NceUpgrade(LocalDate date, Actor actor, String id, String toSku) {
      this(date, actor, id, toSku, Optional.empty());
    }

    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().upgrade(request(actor, date, p), id, toSku);
    }

    @Override
    public String toString() {
      return describe(this, actor, "upgrade " + id + " to " + toSku);
    }
  }

  /**
   * A partial upgrade: some seats move to a new subscription of a higher SKU (NCE-9).
   *
   * @param date day @param actor who @param id subscription @param toSku the SKU they move to
   * @param seats how many @param newId the new subscription @param expected what it does
   */
  record NceUpgradeSeats(LocalDate date, Actor actor, String id, String toSku, int seats,
      String newId, Optional<Expected> expected) implements NceOp {
    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().upgrade(request(actor, date, p), id, toSku, seats, newId);
    }

    @Override
    public String toString() {
      return describe(this, actor, "upgrade " + seats + " of " + id + " to " + toSku + " as "
          + newId);
    }
  }

  /**
   * Schedules changes for the next term (NCE-8).
   *
   * @param date day @param actor who @param id subscription @param next the change at renewal
   * @param expected what it does
   */
  record NceSchedule(LocalDate date, Actor actor, String id, ScheduledChange next,
      Optional<Expected> expected) implements NceOp {
    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().schedule(request(actor, date, p), id, next);
    }

    @Override
    public String toString() {
      return describe(this, actor, "schedule " + next + " for " + id);
    }
  }

  /**
   * Switches auto-renewal (NCE-7).
   *
   * @param date day @param actor who @param id subscription @param on whether it renews
   * @param expected what it does
   */
  record NceAutoRenew(LocalDate date, Actor actor, String id, boolean on,
      Optional<Expected> expected) implements NceOp {
    @Override
    public void applyTo(CspPartner p) {
      p.newCommerce().autoRenew(request(actor, date, p), id, on);
    }

    @Override
    public String toString() {
      return describe(this, actor, "auto-renew " + on + " " + id);
    }
  }

  /**
   * Time passing over a term end: the subscription renews, or ends (NCE-7, NCE-8). Nobody calls
   * anything: the partner rolls its subscriptions by itself when read or changed on a later day, so
   * applying it does nothing. It records what the roll must do.
   *
   * @param date the day everything was rolled to
   * @param id subscription
   * @param rolled the subscription before and after
   */
  record NceRenewal(LocalDate date, String id, Expected rolled) implements NceOp {
    /**
     * @param date date
     * @param id id
     * @param rolled rolled
     */
    public NceRenewal {
      checkArgument(rolled.before().isPresent(), "a renewal of %s rolls a subscription", id);
    }

    @Override
    public Optional<Expected> expected() {
      return Optional.of(rolled);
    }

    @Override
    public void applyTo(CspPartner p) {
      // renewals happen by themselves (NCE-7)
    }

    @Override
    public String toString() {
      return date + " roll " + id + " " + rolled;
    }
  }

  private static String describe(NceOp op, Actor actor, String what) {
    return op.date() + " " + what + who(actor) + op.expected().map(e -> " " + e).orElse("");
  }

  /** The actor, unless it is the partner's admin agent. */
  private static String who(Actor actor) {
    return actor.equals(ADMIN) ? "" : " as " + actor;
  }
}
