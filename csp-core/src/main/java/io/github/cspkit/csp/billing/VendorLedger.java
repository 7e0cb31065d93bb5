package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.pricing.Instalment;
import io.github.cspkit.csp.pricing.SalePrice;
import io.github.cspkit.csp.subscription.NceChange;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.NceTerm;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.TermCalendar;
import io.github.cspkit.csp.subscription.TermState;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives the vendor's charges to the partner from a new-commerce subscription's history (NCE-10),
 * one {@link VendorCharge} per charge:
 * <ul>
 *   <li>the first cycle of a term when it starts: a purchase ({@code new}), a renewal
 *       ({@code renew}), or the new SKU's charge of a partial upgrade ({@code convert}), from its day
 *       to the end of its cycle;
 *   <li>every later cycle of the term at its start ({@code cycleCharge}), for the seats held before
 *       the changes of that day, suspended or not (NCE-7), until the subscription ends;
 *   <li>added seats ({@code addQuantity}, NCE-4), removed seats ({@code removeQuantity}, NCE-6), a
 *       cancellation ({@code cancelImmediate}, NCE-5) and an upgrade's credit on the old SKU and
 *       charge on the new one ({@code convert}, NCE-9), each from its day, included, to the end of
 *       the current cycle.
 * </ul>
 * Every line is priced from the protected price of its term (NCE-3): {@code UnitPrice} is the
 * instalment (NCE-2) and {@code EffectiveUnitPrice} the instalment × days ÷ days in the cycle,
 * rounded once by the vendor's rounding ({@link #TRUNCATE}, Partner Center's {@code ROUNDDOWN}, by
 * default), negated for a refund. The cycle charges of the current term after its latest event
 * assume no further change; renewals appear once the subscription is rolled. Pure and thread-safe.
 */
public final class VendorLedger {
  /** Partner Center's rounding: toward zero to the minor unit ({@code ROUNDDOWN}). */
  public static final Rounding TRUNCATE = (numerator, denominator) -> {
    Checks.range(denominator > 0, "denominator must be positive, found %s", denominator);
    return numerator / denominator;
  };

  private static final VendorLedger PARTNER_CENTER = new VendorLedger(TRUNCATE);

  private final Rounding rounding;

  private VendorLedger(Rounding rounding) {
    this.rounding = requireNonNull(rounding, "rounding");
  }

  /** @return the ledger with Partner Center's rounding, {@link #TRUNCATE} */
  public static VendorLedger partnerCenter() {
    return PARTNER_CENTER;
  }

  /**
   * @param rounding the vendor's rounding of a line's effective unit price, a policy of its own
   * @return the ledger
   */
  public static VendorLedger of(Rounding rounding) {
    return new VendorLedger(rounding);
  }

  /** @return the vendor's rounding */
  public Rounding rounding() {
    return rounding;
  }

  /**
   * @param sub a subscription
   * @return every charge of its terms, in date order within each term
   */
  public List<VendorCharge> charges(NceSubscription sub) {
    requireNonNull(sub, "sub");
    List<VendorCharge> out = new ArrayList<>();
    for (NceTerm term : sub.terms()) {
      walk(sub, term, null, out);
    }
    return List.copyOf(out);
  }

  /**
   * @param sub a subscription
   * @param period a period, for example a month
   * @return the charges whose {@code ChargeStartDate} falls in the period
   */
  public List<VendorCharge> charges(NceSubscription sub, DateRange period) {
    requireNonNull(period, "period");
    List<VendorCharge> out = new ArrayList<>();
    for (VendorCharge c : charges(sub)) {
      if (period.contains(c.chargeStartDate())) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The charges an operation caused: those of the events it appended, on the subscription and on the
   * one a partial upgrade created (cycle charges are caused by time, not by an operation).
   *
   * @param change the result of an operation, as returned (events are matched by identity)
   * @return its charges
   */
  public List<VendorCharge> caused(NceChange change) {
    requireNonNull(change, "change");
    Set<NceEvent> mine = Collections.newSetFromMap(new IdentityHashMap<>());
    mine.addAll(change.events());
    List<VendorCharge> out = new ArrayList<>();
    List<NceSubscription> subs = new ArrayList<>(2);
    subs.add(change.subscription());
    change.created().ifPresent(subs::add);
    for (NceSubscription sub : subs) {
      for (NceTerm term : sub.terms()) {
        walk(sub, term, mine, out);
      }
    }
    return List.copyOf(out);
  }

  /**
   * @param lines charge lines in one currency
   * @return the sum of their subtotals, minor units
   * @throws OutOfRangeException if the sum does not fit a {@code long}
   */
  public static long totalMinor(List<VendorCharge> lines) {
    long sum = 0;
    for (VendorCharge c : lines) {
      sum = MinorUnits.add(sum, c.subtotalMinor());
    }
    return sum;
  }

  /** Emits the lines of one term; with {@code only}, just those of the events it holds. */
  private void walk(NceSubscription sub, NceTerm term, @Nullable Set<NceEvent> only,
      List<VendorCharge> out) {
    TermCalendar cal = term.calendar();
    List<NceEvent> events = term.events();
    NceEvent.Started started = term.started();
    TermState state = TermState.start(started);
    if (only == null || only.contains(started)) {
      ChargeType type = switch (started.how()) {
        case PURCHASE -> ChargeType.NEW;
        case RENEWAL -> ChargeType.RENEW;
        case UPGRADE -> ChargeType.CONVERT;
      };
      out.add(line(sub, cal, type, started.sku(), started.price(), started.seats(),
          started.date(), false));
    }
    int first = cycleIndex(cal, started.date());
    int e = 1;
    for (int j = first + 1; j < cal.cycleCount(); j++) {
      DateRange cycle = cal.cycle(j);
      while (e < events.size() && events.get(e).date().isBefore(cycle.start())) {
        state = apply(sub, cal, state, events.get(e), only, out);
        e++;
      }
      if (state.status() == SubscriptionStatus.ENDED) {
        break;
      }
      if (only == null) {
        out.add(line(sub, cal, ChargeType.CYCLE_CHARGE, state.sku(), state.price(), state.seats(),
            cycle.start(), false));
      }
    }
    for (; e < events.size(); e++) {
      state = apply(sub, cal, state, events.get(e), only, out);
    }
  }

  private TermState apply(NceSubscription sub, TermCalendar cal, TermState before, NceEvent event,
      @Nullable Set<NceEvent> only, List<VendorCharge> out) {
    if (only == null || only.contains(event)) {
      LocalDate d = event.date();
      out.addAll(event.accept(new NceEvent.Visitor<List<VendorCharge>>() {
        @Override
        public List<VendorCharge> started(NceEvent.Started e) {
          return List.of();
        }

        @Override
        public List<VendorCharge> seatsAdded(NceEvent.SeatsAdded a) {
          return List.of(line(sub, cal, ChargeType.ADD_QUANTITY, before.sku(), before.price(),
              a.seats(), d, false));
        }

        @Override
        public List<VendorCharge> seatsRemoved(NceEvent.SeatsRemoved r) {
          return List.of(line(sub, cal, ChargeType.REMOVE_QUANTITY, before.sku(), before.price(),
              r.seats(), d, true));
        }

        @Override
        public List<VendorCharge> suspended(NceEvent.Suspended e) {
          return List.of(); // still charged (NCE-7)
        }

        @Override
        public List<VendorCharge> reactivated(NceEvent.Reactivated e) {
          return List.of();
        }

        @Override
        public List<VendorCharge> cancelled(NceEvent.Cancelled e) {
          return List.of(line(sub, cal, ChargeType.CANCEL_IMMEDIATE, before.sku(), before.price(),
              before.seats(), d, true));
        }

        @Override
        public List<VendorCharge> upgraded(NceEvent.Upgraded u) {
          return List.of(
              line(sub, cal, ChargeType.CONVERT, before.sku(), before.price(), before.seats(), d,
                  true),
              line(sub, cal, ChargeType.CONVERT, u.toSku(), u.price(), before.seats(), d, false));
        }

        @Override
        public List<VendorCharge> seatsMovedOut(NceEvent.SeatsMovedOut m) {
          return List.of(line(sub, cal, ChargeType.CONVERT, before.sku(), before.price(),
              m.seats(), d, true));
        }

        @Override
        public List<VendorCharge> ended(NceEvent.Ended e) {
          return List.of();
        }
      }));
    }
    return before.apply(event);
  }

  /** A line from {@code from} to the end of its cycle, at the instalment of {@code price}. */
  private VendorCharge line(NceSubscription sub, TermCalendar cal, ChargeType type, String sku,
      SalePrice price, int quantity, LocalDate from, boolean refund) {
    DateRange cycle = cal.cycleOn(from);
    Instalment instalment = Instalment.of(price.costMinor(), cal.cycleCount(), price.currency());
    long days = DateRange.daysBetween(from, cycle.end());
    long effective = instalment.share(days, cycle.days(), rounding);
    return VendorCharge.builder().customerId(sub.customerId()).subscriptionId(sub.id()).skuId(sku)
        .chargeType(type).span(DateRange.of(from, cycle.end())).cycleDays(cycle.days())
        .term(cal.length()).plan(cal.plan()).currency(price.currency())
        .unitPriceMinor(instalment.minor(rounding))
        .effectiveUnitPriceMinor(refund ? -effective : effective).quantity(quantity).build();
  }

  private static int cycleIndex(TermCalendar cal, LocalDate date) {
    for (int j = 0; j < cal.cycleCount(); j++) {
      if (cal.cycle(j).contains(date)) {
        return j;
      }
    }
    throw new OutOfRangeException(date + " is not within " + cal);
  }
}
