package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import java.time.LocalDate;

/**
 * One dated operation of a generated CSP history, applied through the partner entry point. A
 * history is a plain list of these: shorter lists are simpler, which keeps shrinking effective.
 * Every operation names the actor it runs as, so the same type also describes invalid operations.
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

  /** @param date day @param actor who */
  record AcceptAgreement(LocalDate date, Actor actor) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.acceptAgreement(Request.of(actor, date));
    }
  }

  /** @param date day @param actor who @param channel how */
  record GiveNotice(LocalDate date, Actor actor, NoticeChannel channel) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.giveNotice(Request.of(actor, date), channel);
    }
  }

  /** @param date day @param actor who @param list the list */
  record Publish(LocalDate date, Actor actor, PriceList list) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.publishPriceList(Request.of(actor, date), list);
    }
  }

  /** @param date day @param actor who @param customer the customer */
  record CreateCustomer(LocalDate date, Actor actor, NewCustomer customer) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.createCustomer(Request.of(actor, date), customer);
    }
  }

  /** @param date day @param actor who @param customerId customer @param sku SKU @param seats seats @param id new id */
  record Order(LocalDate date, Actor actor, String customerId, String sku, int seats, String id)
      implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.order(Request.of(actor, date), customerId, sku, seats, id);
    }
  }

  /** @param date day @param actor who @param customerId customer @param sku SKU @param seats seats @param id new id */
  record ConvertTrial(LocalDate date, Actor actor, String customerId, String sku, int seats, String id)
      implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.convertTrial(Request.of(actor, date), customerId, sku, seats, id);
    }
  }

  /** @param date day @param actor who @param baseId base @param sku add-on SKU @param seats seats @param id new id */
  record OrderAddOn(LocalDate date, Actor actor, String baseId, String sku, int seats, String id)
      implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.orderAddOn(Request.of(actor, date), baseId, sku, seats, id);
    }
  }

  /** @param date day @param actor who @param id subscription @param seats seats */
  record AddSeats(LocalDate date, Actor actor, String id, int seats) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.addSeats(Request.of(actor, date), id, seats);
    }
  }

  /** @param date day @param actor who @param id subscription @param seats seats */
  record RemoveSeats(LocalDate date, Actor actor, String id, int seats) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.removeSeats(Request.of(actor, date), id, seats);
    }
  }

  /** @param date day @param actor who @param id subscription */
  record Suspend(LocalDate date, Actor actor, String id) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.suspend(Request.of(actor, date), id);
    }
  }

  /** @param date day @param actor who @param id subscription */
  record Reactivate(LocalDate date, Actor actor, String id) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.reactivate(Request.of(actor, date), id);
    }
  }

  /** @param date day @param actor who @param id subscription */
  record Cancel(LocalDate date, Actor actor, String id) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.cancel(Request.of(actor, date), id);
    }
  }

  /** @param date day @param actor who @param id subscription @param on whether it renews */
  record AutoRenew(LocalDate date, Actor actor, String id, boolean on) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.autoRenew(Request.of(actor, date), id, on);
    }
  }

  /** @param date day @param actor who @param customerId customer */
  record RemoveDelegatedAdmin(LocalDate date, Actor actor, String customerId) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.removeDelegatedAdmin(Request.of(actor, date), customerId);
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
      p.addService(Request.of(actor, date), customerId, id, id, MinorUnits.toAmount(amountMinor,
          CspGenerators.CURRENCY), recurrence);
    }
  }

  /** @param date day through whose end every due bill is issued */
  record IssueBills(LocalDate date) implements HistoryOp {
    @Override
    public void applyTo(CspPartner p) {
      p.issueBills(Request.of(ADMIN, date));
    }
  }
}
