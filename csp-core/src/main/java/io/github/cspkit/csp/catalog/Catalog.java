package io.github.cspkit.csp.catalog;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.cspkit.csp.RuleViolation;
import java.util.Collection;
import java.util.Optional;

/**
 * The vendor's SKUs, by id (CAT-1..5), and their upgrade paths (NCE-9). Immutable;
 * {@link #with(Sku)} and {@link #withUpgradePaths} return a new catalog. An id the catalog does
 * not know is refused with CAT-1.
 */
public final class Catalog {
  private static final Catalog EMPTY = new Catalog(ImmutableMap.of(), UpgradePaths.none());

  private final ImmutableMap<String, Sku> skus;
  private final UpgradePaths upgradePaths;

  private Catalog(ImmutableMap<String, Sku> skus, UpgradePaths upgradePaths) {
    this.skus = skus;
    this.upgradePaths = upgradePaths;
  }

  /** @return a catalog without SKUs */
  public static Catalog empty() {
    return EMPTY;
  }

  /**
   * @param skus the SKUs, with distinct ids
   * @return a catalog of them
   * @throws io.github.cspkit.csp.ConflictException if two SKUs have the same id
   */
  public static Catalog of(Collection<Sku> skus) {
    requireNonNull(skus, "skus");
    java.util.Map<String, Sku> b = new java.util.LinkedHashMap<>();
    for (Sku s : skus) {
      if (b.putIfAbsent(s.id(), s) != null) {
        throw io.github.cspkit.csp.ConflictException.duplicate("SKU", s.id());
      }
    }
    return new Catalog(ImmutableMap.copyOf(b), UpgradePaths.none());
  }

  /**
   * @param sku a SKU; it replaces one with the same id
   * @return a new catalog holding it
   */
  public Catalog with(Sku sku) {
    requireNonNull(sku, "sku");
    ImmutableMap.Builder<String, Sku> b = ImmutableMap.builder();
    skus.forEach((id, s) -> {
      if (!id.equals(sku.id())) {
        b.put(id, s);
      }
    });
    return new Catalog(b.put(sku.id(), sku).buildOrThrow(), upgradePaths);
  }

  /**
   * @param id a SKU id
   * @return the SKU, if known
   */
  public Optional<Sku> find(String id) {
    return Optional.ofNullable(skus.get(requireNonNull(id, "id")));
  }

  /**
   * @param id a SKU id
   * @return the SKU
   * @throws RuleViolation CAT-1 if the catalog does not know the id
   */
  public Sku sku(String id) {
    Sku sku = skus.get(requireNonNull(id, "id"));
    if (sku == null) {
      throw RuleViolation.of("CAT-1", "unknown SKU %s: it is not in the vendor's catalog", id);
    }
    return sku;
  }

  /**
   * @param paths the SKUs each SKU can be upgraded to during a term (NCE-9)
   * @return a new catalog with these paths and the same SKUs
   */
  public Catalog withUpgradePaths(UpgradePaths paths) {
    return new Catalog(skus, requireNonNull(paths, "paths"));
  }

  /** @return the upgrade paths (NCE-9); none unless given */
  public UpgradePaths upgradePaths() {
    return upgradePaths;
  }

  /** @return every SKU */
  public Collection<Sku> skus() {
    return skus.values();
  }

  @Override
  public String toString() {
    return "Catalog" + skus.keySet();
  }
}
