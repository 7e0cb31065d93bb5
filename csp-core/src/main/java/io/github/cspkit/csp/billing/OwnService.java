package io.github.cspkit.csp.billing;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.time.LocalDate;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.immutables.value.Value;

/**
 * One of the partner's own tools, products or services on a customer's bill (BIL-1): recurring
 * monthly or one-off, in the bill's currency. It counts as sale only, never as cost (BIL-4).
 */
@Value.Immutable
public abstract class OwnService {
  OwnService() {} // only the generated implementation extends it

  /** @return the service's id, unique per customer */
  public abstract String id();

  /** @return the customer */
  public abstract String customerId();

  /** @return the partner's name for it */
  @Value.Default
  public String name() {
    return id();
  }

  /** @return the amount per bill (monthly) or once, minor units */
  public abstract long amountMinor();

  /** @return the currency */
  public abstract CurrencyUnit currency();

  /** @return how it is charged */
  public abstract Recurrence recurrence();

  /** @return the day it starts */
  public abstract LocalDate startsOn();

  /** @return the first day it is no longer charged, for a monthly service that stopped */
  public abstract Optional<LocalDate> endsOn();

  /** @return the amount */
  public MonetaryAmount amount() {
    return MinorUnits.toAmount(amountMinor(), currency());
  }

  @Value.Check
  void check() {
    Checks.name("service id", id());
    Checks.name("service name", name());
    Checks.range(endsOn().map(e -> e.isAfter(startsOn())).orElse(true),
        "service %s ends on %s, not after it starts on %s", id(), endsOn().map(String::valueOf)
            .orElse("-"), startsOn());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OwnService}. */
  public static final class Builder extends ImmutableOwnService.Builder {}
}
