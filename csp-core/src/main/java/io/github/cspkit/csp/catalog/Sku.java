package io.github.cspkit.csp.catalog;

import io.github.cspkit.csp.internal.Checks;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A product a partner can order (CAT-1..5): its family, segment, the base SKUs it attaches to when
 * it is an add-on (CAT-3), the access kept while suspended (CAT-4), its seat maximum (SUB-1) and
 * whether it is a trial offer (CAT-5).
 */
@Value.Immutable
public abstract class Sku {
  Sku() {} // only the generated implementation extends it

  /** The seat maximum when none is given. */
  public static final int DEFAULT_MAX_SEATS = 10_000;

  /** @return the SKU id, for example {@code O365_E3} */
  public abstract String id();

  /** @return the product family (CAT-1) */
  public abstract ProductFamily family();

  /** @return the segment (CAT-2) */
  @Value.Default
  public Segment segment() {
    return Segment.COMMERCIAL;
  }

  /** @return the base SKUs this add-on attaches to; empty for a base SKU (CAT-3) */
  public abstract Set<String> attachesTo();

  /** @return the access kept while suspended (CAT-4) */
  @Value.Default
  public SuspendedAccess suspendedAccess() {
    return SuspendedAccess.LIMITED;
  }

  /** @return the most seats one subscription may hold (SUB-1) */
  @Value.Default
  public int maxSeats() {
    return DEFAULT_MAX_SEATS;
  }

  /** @return whether this is a trial offer, which CSP never sells (CAT-5) */
  @Value.Default
  public boolean trial() {
    return false;
  }

  /** @return whether this SKU is an add-on (CAT-3) */
  public boolean isAddOn() {
    return !attachesTo().isEmpty();
  }

  /**
   * @param baseSku a base SKU id
   * @return whether this add-on attaches to it
   */
  public boolean attachesTo(String baseSku) {
    return attachesTo().contains(baseSku);
  }

  @Value.Check
  void check() {
    Checks.name("SKU id", id());
    Checks.range(id().matches("[A-Za-z0-9_-]+"), "SKU id must be a word, found '%s'", id());
    Checks.range(maxSeats() >= 1, "maxSeats must be at least 1, found %s", maxSeats());
    Checks.range(!attachesTo().contains(id()), "SKU %s cannot attach to itself", id());
  }

  /**
   * A commercial base SKU with default access and seat maximum.
   *
   * @param id the id
   * @param family the family
   * @return the SKU
   */
  public static Sku of(String id, ProductFamily family) {
    return builder().id(id).family(family).build();
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Sku}. */
  public static final class Builder extends ImmutableSku.Builder {}
}
