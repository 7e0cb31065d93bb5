package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.pricing.SalePrice;
import io.github.cspkit.csp.pricing.TermOffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.immutables.value.Value;

/**
 * A new-commerce subscription (NCE-1..9): a SKU bought for a customer in terms of one month, one
 * year or three years with a billing plan, anchored on its first start (NCE-1). Its history is kept
 * as {@link NceTerm}s of {@link NceEvent}s; SKU, seats, status and the protected price are those
 * after the current term's events. A subscription split off by a partial upgrade names its parent
 * and shares the parent's calendar and cancellation window (NCE-9). Changes scheduled for the next
 * term are kept until the renewal or an immediate change (NCE-8). Immutable: operations in
 * {@link NceOperations} return the next value.
 */
@Value.Immutable
public abstract class NceSubscription {
  NceSubscription() {} // only the generated implementation extends it

  /** @return the subscription id */
  public abstract String id();

  /** @return the customer it belongs to */
  public abstract String customerId();

  /** @return the currency of its prices, the customer's bill currency */
  public abstract CurrencyUnit currency();

  /** @return the subscription it was split off by a partial upgrade (NCE-9) */
  public abstract Optional<String> parentId();

  /** @return whether it renews at the end of its term */
  @Value.Default
  public boolean autoRenew() {
    return true;
  }

  /** @return the changes scheduled for the next term (NCE-8) */
  public abstract Optional<ScheduledChange> scheduled();

  /** @return its terms, oldest first; the last is the current one */
  public abstract List<NceTerm> terms();

  @Value.Check
  void check() {
    Checks.word("subscription id", id());
    Checks.range(!terms().isEmpty(), "subscription %s has no term", id());
    for (int i = 0; i < terms().size(); i++) {
      NceTerm t = terms().get(i);
      Checks.range(t.index() == i, "term %s of %s has index %s", i, id(), t.index());
      Checks.range(t.state().price().currency().equals(currency()),
          "term %s of %s is priced in another currency than %s", i, id(), currency());
      if (i > 0) {
        NceTerm before = terms().get(i - 1);
        Checks.range(t.calendar().anchor().equals(before.calendar().anchor())
            && t.calendar().offsetMonths() == before.calendar().offsetMonths()
                + before.calendar().length().months()
            && t.start().equals(before.end()),
            "term %s of %s does not follow the term before it", i, id());
        Checks.range(before.state().status() != SubscriptionStatus.ENDED,
            "subscription %s has a term after its end", id());
      }
    }
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link NceSubscription}. */
  public static final class Builder extends ImmutableNceSubscription.Builder {}

  /** @return the current (latest) term */
  public NceTerm term() {
    return terms().get(terms().size() - 1);
  }

  /** @return the current term's state */
  public TermState state() {
    return term().state();
  }

  /** @return the status now */
  public SubscriptionStatus status() {
    return state().status();
  }

  /** @return the seats now */
  public int seats() {
    return state().seats();
  }

  /** @return the SKU id now */
  public String sku() {
    return state().sku();
  }

  /** @return the protected price of one seat for the current term, cost and sale (NCE-3) */
  public SalePrice price() {
    return state().price();
  }

  /** @return the SKU, term and plan of the current term */
  public TermOffer offer() {
    return TermOffer.of(sku(), term().calendar().length(), term().calendar().plan());
  }

  /** @return the day every term and cycle is anchored on (NCE-1) */
  public LocalDate anchor() {
    return terms().get(0).calendar().anchor();
  }

  /** @return the first day of its first term */
  public LocalDate startedOn() {
    return terms().get(0).start();
  }

  /** @return the last day a cancellation is allowed in the current term (NCE-5) */
  public LocalDate cancellableThrough() {
    return term().cancellableThrough();
  }

  /**
   * @param date a day of the current term
   * @return whether it can be cancelled on that day (NCE-5)
   */
  public boolean isCancellableOn(LocalDate date) {
    requireNonNull(date, "date");
    return status() != SubscriptionStatus.ENDED && !date.isBefore(term().start())
        && !date.isAfter(cancellableThrough()) && date.isBefore(term().end());
  }

  /**
   * Partner Center's refundable quantity (NCE-6): one entry per addition whose seats can still be
   * removed on {@code date}, with its last allowed day. Empty unless active.
   *
   * @param date a day of the current term
   * @return the entries
   */
  public List<RefundableSeats> refundableOn(LocalDate date) {
    return status() == SubscriptionStatus.ACTIVE ? state().refundableOn(date) : List.of();
  }

  /**
   * @param date a day of the current term
   * @return the seats added on days whose window is still open (NCE-6); a removal must still
   *     leave one seat (removing them all is a cancellation, NCE-5)
   */
  public int refundableQuantityOn(LocalDate date) {
    int n = 0;
    for (RefundableSeats r : refundableOn(date)) {
      n += r.seats();
    }
    return n;
  }

  /**
   * @param term the current term with more events, or a new term
   * @return this subscription with it
   */
  NceSubscription withCurrentTerm(NceTerm term) {
    List<NceTerm> all = terms();
    List<NceTerm> next = term.index() == all.size()
        ? ImmutableList.<NceTerm>builder().addAll(all).add(term).build()
        : ImmutableList.<NceTerm>builder().addAll(all.subList(0, all.size() - 1)).add(term).build();
    return builder().from(this).terms(next).build();
  }

  @Override
  public String toString() {
    return "NceSubscription{" + id() + " " + offer() + " seats=" + seats() + " " + status()
        + " terms=" + terms().size() + scheduled().map(s -> " scheduled: " + s).orElse("") + "}";
  }
}
