package io.github.cspkit.csp.partner;

import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.internal.Checks;
import javax.money.CurrencyUnit;
import org.immutables.value.Value;

/**
 * What a partner gives to create a customer (CUS-1, BIL-2, CAT-2): its id and name, market,
 * segment and verification, billing day and currency, and where its tenant comes from. The id is a
 * word (letters, digits, {@code _ . -}); id, name and market have at most
 * {@value io.github.cspkit.csp.OutOfRangeException#MAX_NAME} characters and no control character
 * ({@link io.github.cspkit.csp.OutOfRangeException} otherwise).
 */
@Value.Immutable
public abstract class NewCustomer {
  NewCustomer() {} // only the generated implementation extends it

  /** @return the customer id */
  public abstract String id();

  /** @return the name; the id when none is given */
  @Value.Default
  public String name() {
    return id();
  }

  /** @return the market, for example {@code US} */
  public abstract String market();

  /** @return the segment */
  @Value.Default
  public Segment segment() {
    return Segment.COMMERCIAL;
  }

  /** @return whether verified for the segment (CAT-2) */
  @Value.Default
  public boolean verified() {
    return false;
  }

  /** @return the billing day, 1 to 31 (BIL-2) */
  @Value.Default
  public int billingDay() {
    return 1;
  }

  /** @return the bill currency (BIL-2) */
  public abstract CurrencyUnit currency();

  /** @return the tenant's origin: a new tenant by default (CUS-1) */
  @Value.Default
  public TenantOrigin tenant() {
    return TenantOrigin.NEW;
  }

  @Value.Check
  void check() {
    Checks.word("customer id", id());
    Checks.name("customer name", name());
    Checks.name("market", market());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewCustomer}. */
  public static final class Builder extends ImmutableNewCustomer.Builder {}
}
