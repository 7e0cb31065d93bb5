package io.github.cspkit.csp.subscription;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Changes scheduled for a new-commerce subscription's next term (NCE-8): a seat count (more or
 * fewer), a term, a billing plan, a SKU of the same product. They take effect on the renewal day
 * at that day's price; an immediate change during the term drops them. At least one is given.
 */
@Value.Immutable
public abstract class ScheduledChange {
  ScheduledChange() {} // only the generated implementation extends it

  /** @return the seats of the next term */
  public abstract OptionalInt seats();

  /** @return the next term's length */
  public abstract Optional<TermLength> term();

  /** @return the next term's billing plan */
  public abstract Optional<BillingPlan> plan();

  /** @return the next term's SKU id */
  public abstract Optional<String> sku();

  @Value.Check
  void check() {
    Checks.range(seats().isPresent() || term().isPresent() || plan().isPresent()
        || sku().isPresent(), "a scheduled change changes something");
    seats().ifPresent(n -> Checks.range(n >= 1, "scheduled seats must be at least 1, found %s", n));
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ScheduledChange}. */
  public static final class Builder extends ImmutableScheduledChange.Builder {}

  /** @return {@code "seats 5 term P1M plan monthly sku X"}, naming only what is scheduled */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    seats().ifPresent(n -> sb.append("seats ").append(n));
    term().ifPresent(t -> sb.append(sb.length() == 0 ? "" : " ").append("term ").append(t.code()));
    plan().ifPresent(p -> sb.append(sb.length() == 0 ? "" : " ").append("plan ").append(p.code()));
    sku().ifPresent(s -> sb.append(sb.length() == 0 ? "" : " ").append("sku ").append(s));
    return sb.toString();
  }
}
