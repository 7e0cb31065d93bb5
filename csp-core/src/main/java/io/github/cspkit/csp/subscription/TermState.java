package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.pricing.SalePrice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a new-commerce term holds after some of its events (NCE-3..9): SKU, seats, status, the
 * protected price, and the seats of each addition with their window (NCE-6). {@link #apply}
 * returns the state after one more event, or throws {@link OutOfRangeException} when the event
 * cannot follow (operations refuse such changes first, naming their rule). Immutable.
 *
 * @param sku the SKU id
 * @param seats the seats held, at least 1
 * @param status the status
 * @param price the protected price of one seat for the whole term (NCE-3)
 * @param additions the seats of each addition still held, with their last day; they add up to
 *     {@code seats}
 */
public record TermState(String sku, int seats, SubscriptionStatus status, SalePrice price,
    List<RefundableSeats> additions) {
  private static final Comparator<RefundableSeats> CLOSING_FIRST =
      Comparator.comparing(RefundableSeats::lastDay);

  /**
   * Checks the fields.
   * @param sku the SKU id
   * @param seats the number of seats
   * @param status the status
   * @param price the unit price
   * @param additions the additions
   * @throws OutOfRangeException if the additions do not add up to the seats, or there is none
   */
  public TermState {
    requireNonNull(sku, "sku");
    requireNonNull(status, "status");
    requireNonNull(price, "price");
    additions = List.copyOf(additions);
    long sum = 0;
    for (RefundableSeats a : additions) {
      sum += a.seats();
    }
    if (sum != seats || seats < 1) {
      throw new OutOfRangeException("additions " + additions + " do not add up to " + seats
          + " seats");
    }
  }

  /**
   * @param started a term's first event
   * @return the state it starts
   */
  public static TermState start(NceEvent.Started started) {
    return new TermState(started.sku(), started.seats(), SubscriptionStatus.ACTIVE, started.price(),
        List.of(new RefundableSeats(started.seats(), started.refundableThrough())));
  }

  /**
   * @param date a day
   * @return the additions whose seats can still be removed on that day (NCE-6)
   */
  public List<RefundableSeats> refundableOn(LocalDate date) {
    requireNonNull(date, "date");
    List<RefundableSeats> open = new ArrayList<>(additions.size());
    for (RefundableSeats a : additions) {
      if (a.isOpenOn(date)) {
        open.add(a);
      }
    }
    return List.copyOf(open);
  }

  /**
   * @param date a day
   * @return the seats that can be removed on that day (NCE-6)
   */
  public int refundableQuantityOn(LocalDate date) {
    int n = 0;
    for (RefundableSeats a : refundableOn(date)) {
      n += a.seats();
    }
    return n;
  }

  /**
   * @param event the next event of the term (not its first)
   * @return the state after it
   * @throws OutOfRangeException if the event cannot follow this state
   */
  public TermState apply(NceEvent event) {
    requireNonNull(event, "event");
    if (status == SubscriptionStatus.ENDED) {
      throw new OutOfRangeException("no event follows the end of a term: " + event);
    }
    return event.accept(new NceEvent.Visitor<TermState>() {
      @Override
      public TermState started(NceEvent.Started e) {
        throw new OutOfRangeException("a term starts once: " + e);
      }

      @Override
      public TermState seatsAdded(NceEvent.SeatsAdded a) {
        requireActive(a);
        List<RefundableSeats> next = new ArrayList<>(additions);
        next.add(new RefundableSeats(a.seats(), a.refundableThrough()));
        long total = (long) seats + a.seats();
        if (total > Integer.MAX_VALUE) {
          throw new OutOfRangeException(seats + " + " + a.seats() + " seats do not fit an int");
        }
        return new TermState(sku, (int) total, status, price, next);
      }

      @Override
      public TermState seatsRemoved(NceEvent.SeatsRemoved r) {
        requireActive(r);
        return leaving(r.seats(), r.date(), true, r);
      }

      @Override
      public TermState suspended(NceEvent.Suspended e) {
        requireActive(e);
        return new TermState(sku, seats, SubscriptionStatus.SUSPENDED, price, additions);
      }

      @Override
      public TermState reactivated(NceEvent.Reactivated e) {
        if (status != SubscriptionStatus.SUSPENDED) {
          throw new OutOfRangeException("only a suspended term is reactivated: " + e);
        }
        return new TermState(sku, seats, SubscriptionStatus.ACTIVE, price, additions);
      }

      @Override
      public TermState upgraded(NceEvent.Upgraded u) {
        requireActive(u);
        if (u.toSku().equals(sku) || !u.price().currency().equals(price.currency())) {
          throw new OutOfRangeException("an upgrade moves to another SKU in the same currency: "
              + u);
        }
        return new TermState(u.toSku(), seats, status, u.price(), additions);
      }

      @Override
      public TermState seatsMovedOut(NceEvent.SeatsMovedOut m) {
        requireActive(m);
        return leaving(m.seats(), m.date(), false, m);
      }

      @Override
      public TermState cancelled(NceEvent.Cancelled e) {
        return endedState();
      }

      @Override
      public TermState ended(NceEvent.Ended e) {
        return endedState();
      }

      private TermState endedState() {
        return new TermState(sku, seats, SubscriptionStatus.ENDED, price, additions);
      }
    });
  }

  private void requireActive(NceEvent event) {
    if (status != SubscriptionStatus.ACTIVE) {
      throw new OutOfRangeException("the term is " + status + "; it cannot take " + event);
    }
  }

  /**
   * Seats leave, taken from the additions whose window closes first: for a removal only from those
   * still open on {@code date} (NCE-6), for a partial upgrade from any.
   */
  private TermState leaving(int n, LocalDate date, boolean openOnly, NceEvent event) {
    if (n >= seats) {
      throw new OutOfRangeException("at least one seat stays: " + event + " on " + seats);
    }
    List<RefundableSeats> sorted = new ArrayList<>(additions);
    sorted.sort(CLOSING_FIRST);
    int left = n;
    List<RefundableSeats> next = new ArrayList<>(sorted.size());
    for (RefundableSeats a : sorted) {
      if (left > 0 && (!openOnly || a.isOpenOn(date))) {
        int take = Math.min(left, a.seats());
        left -= take;
        if (take < a.seats()) {
          next.add(new RefundableSeats(a.seats() - take, a.lastDay()));
        }
      } else {
        next.add(a);
      }
    }
    if (left > 0) {
      throw new OutOfRangeException("only " + (n - left) + " of " + n
          + " seats can leave on " + date + ": " + event);
    }
    return new TermState(sku, seats - n, status, price, next);
  }
}
