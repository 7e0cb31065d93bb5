package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.immutables.value.Value;

/**
 * A CSP subscription (SUB-1..7): a SKU ordered by a partner for a customer, in one-year terms.
 * An add-on names its base and shares the base's term end (CAT-3, SUB-3). Its history is kept as
 * {@link Term}s of {@link Step}s; status and seats are those of the latest step.
 * Immutable: the operations of {@code CspPartner} return the next value.
 */
@Value.Immutable
public abstract class Subscription {
  Subscription() {} // only the generated implementation extends it

  /** @return the subscription id */
  public abstract String id();

  /** @return the customer it belongs to */
  public abstract String customerId();

  /** @return the SKU id */
  public abstract String sku();

  /** @return the base subscription's id, for an add-on (CAT-3) */
  public abstract Optional<String> baseId();

  /** @return the currency of its prices, the customer's bill currency */
  public abstract CurrencyUnit currency();

  /** @return whether it renews at the end of its term (SUB-7) */
  @Value.Default
  public boolean autoRenew() {
    return true;
  }

  /** @return its terms, oldest first; the last is the current one */
  public abstract List<Term> terms();

  @Value.Check
  void check() {
    Checks.range(!terms().isEmpty(), "subscription %s has no term", id());
    Checks.word("subscription id", id());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Subscription}. */
  public static final class Builder extends ImmutableSubscription.Builder {}

  /** @return the current (latest) term */
  public Term term() {
    List<Term> t = terms();
    return t.get(t.size() - 1);
  }

  /** @return the latest step of the current term */
  public Step last() {
    return term().last();
  }

  /** @return the status now */
  public SubscriptionStatus status() {
    return last().status();
  }

  /** @return the seats now */
  public int seats() {
    return last().seats();
  }

  /** @return whether it is an add-on */
  public boolean isAddOn() {
    return baseId().isPresent();
  }

  /** @return the first day of its first term */
  public LocalDate startedOn() {
    return terms().get(0).start();
  }

  /**
   * @param term the new current term, or the current term with a new step
   * @return this subscription with it
   */
  public Subscription withCurrentTerm(Term term) {
    Builder b = builder().from(this);
    List<Term> all = terms();
    b.terms(term.index() == all.size() ? concat(all, term) : replaceLast(all, term));
    return b.build();
  }

  /**
   * @param on whether to renew
   * @return this subscription with auto-renewal on or off
   */
  public Subscription withAutoRenewal(boolean on) {
    return builder().from(this).autoRenew(on).build();
  }

  private static List<Term> concat(List<Term> all, Term t) {
    return com.google.common.collect.ImmutableList.<Term>builder().addAll(all).add(t).build();
  }

  private static List<Term> replaceLast(List<Term> all, Term t) {
    return com.google.common.collect.ImmutableList.<Term>builder()
        .addAll(all.subList(0, all.size() - 1)).add(t).build();
  }
}
