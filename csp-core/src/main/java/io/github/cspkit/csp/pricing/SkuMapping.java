package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.cspkit.csp.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partner's mapping from Partner Center's product keys to its catalog's SKUs (PCF-1): a price
 * list file names a SKU by {@code ProductId} and {@code SkuId}, written {@code PRODUCTID:SKUID} (for
 * example {@code CFQ7TTC0LH18:0001}); the partner says which catalog SKU that is. A row whose key is
 * not mapped is kept under the key itself, priced but not orderable (PRC-1). One key maps to one
 * SKU and one SKU is mapped from one key at most. Immutable.
 */
public final class SkuMapping {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");
  private static final SkuMapping EMPTY = new SkuMapping(ImmutableMap.of());

  private final ImmutableMap<String, String> skuByKey;

  private SkuMapping(ImmutableMap<String, String> skuByKey) {
    this.skuByKey = skuByKey;
  }

  /** @return the mapping that maps nothing: every row is kept under its key */
  public static SkuMapping empty() {
    return EMPTY;
  }

  /**
   * @param skuByKey {@code PRODUCTID:SKUID} → catalog SKU id
   * @return the mapping
   * @throws io.github.cspkit.csp.OutOfRangeException if a key is not of that form or a SKU id is
   *     not a word
   * @throws io.github.cspkit.csp.RuleViolation PCF-1 if two keys map to the same SKU
   */
  public static SkuMapping of(Map<String, String> skuByKey) {
    SkuMapping m = EMPTY;
    for (Map.Entry<String, String> e : requireNonNull(skuByKey, "skuByKey").entrySet()) {
      m = m.with(e.getKey(), e.getValue());
    }
    return m;
  }

  /**
   * @param productId Partner Center's {@code ProductId}
   * @param skuId Partner Center's {@code SkuId}
   * @return the key {@code PRODUCTID:SKUID}
   * @throws io.github.cspkit.csp.OutOfRangeException if either part is not a word of letters,
   *     digits, {@code _} and {@code -}
   */
  public static String key(String productId, String skuId) {
    requirePart("ProductId", productId);
    requirePart("SkuId", skuId);
    return productId + ":" + skuId;
  }

  /**
   * @param key a key, {@code PRODUCTID:SKUID}
   * @return the key
   * @throws io.github.cspkit.csp.OutOfRangeException if it is not of that form
   */
  public static String requireKey(String key) {
    requireNonNull(key, "key");
    int colon = key.indexOf(':');
    Checks.range(colon > 0 && PART.matcher(key.substring(0, colon)).matches()
        && PART.matcher(key.substring(colon + 1)).matches(),
        "expected PRODUCTID:SKUID (letters, digits, _ and -), found '%s'", key);
    return key;
  }

  private static void requirePart(String what, String value) {
    requireNonNull(value, what);
    Checks.range(PART.matcher(value).matches(),
        "%s must be a word of letters, digits, _ and -, found '%s'", what, value);
  }

  /**
   * Maps a key to a SKU; a key mapped before is mapped anew.
   *
   * @param key {@code PRODUCTID:SKUID}
   * @param sku the catalog SKU id, a word
   * @return the mapping with it
   * @throws io.github.cspkit.csp.RuleViolation PCF-1 if another key maps to that SKU
   */
  public SkuMapping with(String key, String sku) {
    requireKey(key);
    Checks.range(requireNonNull(sku, "sku").matches("[A-Za-z0-9_-]+"),
        "SKU id must be a word, found '%s'", sku);
    for (Map.Entry<String, String> e : skuByKey.entrySet()) {
      Checks.rule(e.getKey().equals(key) || !e.getValue().equals(sku), "PCF-1",
          "SKU %s is already mapped from %s; it cannot also be %s", sku, e.getKey(), key);
    }
    Map<String, String> next = new LinkedHashMap<>(skuByKey);
    next.put(key, sku);
    return new SkuMapping(ImmutableMap.copyOf(next));
  }

  /**
   * @param productId the file's {@code ProductId}
   * @param skuId the file's {@code SkuId}
   * @return the catalog SKU, if mapped
   */
  public Optional<String> sku(String productId, String skuId) {
    return Optional.ofNullable(skuByKey.get(productId + ":" + skuId));
  }

  /**
   * @param key {@code PRODUCTID:SKUID}
   * @return the catalog SKU it maps to, or the key itself when not mapped (PCF-1)
   */
  public String skuOrKey(String key) {
    return skuByKey.getOrDefault(requireNonNull(key, "key"), key);
  }

  /** @return {@code PRODUCTID:SKUID} → catalog SKU id, in the order mapped */
  public Map<String, String> asMap() {
    return skuByKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SkuMapping m && m.skuByKey.equals(skuByKey);
  }

  @Override
  public int hashCode() {
    return skuByKey.hashCode();
  }

  @Override
  public String toString() {
    return "SkuMapping" + skuByKey;
  }
}
