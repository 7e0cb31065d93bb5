package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.internal.Checks;

/**
 * One of {@code count} disjoint parts of a partner's customers, for splitting a bill run (BIL-1)
 * across instances: customer number {@code n} (its position in creation order, as the store
 * numbers it) belongs to shard {@code n mod count}. Shards {@code 0..count-1} cover every customer
 * once; instances may also share one shard, since customers are claimed one block at a time.
 *
 * @param index this shard, from 0
 * @param count how many shards
 */
public record Shard(int index, int count) {
  /** Every customer. */
  public static final Shard ALL = new Shard(0, 1);

  /**
   * @param index this shard, from 0
   * @param count how many shards
   */
  public Shard {
    Checks.range(count >= 1, "a shard count must be at least 1, found %s", count);
    Checks.range(index >= 0 && index < count, "shard index %s is outside 0..%s", index, count - 1);
  }

  /**
   * @param index this shard, from 0
   * @param count how many shards
   * @return the shard
   */
  public static Shard of(int index, int count) {
    return new Shard(index, count);
  }

  /**
   * @param customerNumber a customer's number in the store
   * @return whether it belongs to this shard
   */
  public boolean contains(long customerNumber) {
    return Math.floorMod(customerNumber, count) == index;
  }
}
