package io.github.cspkit.csp.catalog;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog's upgrade paths (NCE-9): which SKUs a subscription of a SKU can move to during a
 * term. Each SKU names the SKUs it upgrades to directly; the path is the chain of them, so with
 * Business Basic → Business Standard → Business Premium, Basic can be upgraded to Standard or to
 * Premium. Moving against the path (a downgrade) or off it is refused. The relation has no cycle.
 * Immutable; {@link #with} returns a new value.
 *
 * @param direct SKU id → the SKU ids it upgrades to directly, none empty, in the order given
 */
public record UpgradePaths(Map<String, Set<String>> direct) {
  private static final UpgradePaths NONE = new UpgradePaths(Map.of());

  /**
   * Checks the relation.
   *
   * @param direct SKU id → the SKU ids it upgrades to directly
   * @throws OutOfRangeException if the relation has a cycle
   */
  public UpgradePaths {
    requireNonNull(direct, "direct");
    ImmutableMap.Builder<String, Set<String>> copy = ImmutableMap.builder();
    direct.forEach((from, to) -> {
      if (!to.isEmpty()) {
        copy.put(from, ImmutableSet.copyOf(to));
      }
    });
    direct = copy.build();
    for (String from : direct.keySet()) {
      Checks.range(!reachable(direct, from).contains(from),
          "the upgrade paths have a cycle through %s", from);
    }
  }

  /** @return no upgrade path at all */
  public static UpgradePaths none() {
    return NONE;
  }

  /**
   * @param direct SKU id → the SKU ids it upgrades to directly
   * @return the paths
   * @throws OutOfRangeException if the relation has a cycle
   */
  public static UpgradePaths of(Map<String, ? extends Collection<String>> direct) {
    requireNonNull(direct, "direct");
    UpgradePaths paths = NONE;
    for (Map.Entry<String, ? extends Collection<String>> e : direct.entrySet()) {
      paths = paths.with(e.getKey(), e.getValue());
    }
    return paths;
  }

  /**
   * @param from a SKU id
   * @param to the SKU ids it also upgrades to directly
   * @return the paths with those steps added
   * @throws OutOfRangeException if a step would close a cycle (a SKU upgrading to itself)
   */
  public UpgradePaths with(String from, Collection<String> to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    Map<String, Set<String>> next = new LinkedHashMap<>(direct);
    Set<String> targets = new LinkedHashSet<>(direct.getOrDefault(from, Set.of()));
    for (String target : to) {
      requireNonNull(target, "to");
      Checks.range(!target.equals(from) && !reachable(direct, target).contains(from),
          "an upgrade from %s to %s would close a cycle: %s already upgrades to %s", from, target,
          target, from);
      targets.add(target);
    }
    next.put(from, targets);
    return new UpgradePaths(next);
  }

  /**
   * @param from a SKU id
   * @return the SKU ids it upgrades to directly
   */
  public Set<String> directTargets(String from) {
    return direct.getOrDefault(requireNonNull(from, "from"), Set.of());
  }

  /**
   * @param from a SKU id
   * @return every SKU id on its upgrade path, in a stable order
   */
  public Set<String> targets(String from) {
    return new TreeSet<>(reachable(direct, requireNonNull(from, "from")));
  }

  /**
   * @param from the current SKU id
   * @param to another SKU id
   * @return whether {@code to} is on the upgrade path of {@code from}
   */
  public boolean allows(String from, String to) {
    requireNonNull(to, "to");
    return reachable(direct, requireNonNull(from, "from")).contains(to);
  }

  /**
   * Refuses a move off the upgrade path (NCE-9).
   *
   * @param from the current SKU id
   * @param to the SKU id to move to
   * @throws RuleViolation NCE-9 when {@code to} is not on the path of {@code from}, saying whether
   *     it is a downgrade and where {@code from} can go
   */
  public void check(String from, String to) {
    if (allows(from, to)) {
      return;
    }
    Set<String> targets = targets(from);
    String where = targets.isEmpty() ? "it has no upgrade path" : "it can be upgraded to "
        + String.join(", ", targets);
    if (allows(to, from)) {
      throw RuleViolation.of("NCE-9", "moving from %s to %s is a downgrade; %s; a downgrade can"
          + " only be scheduled for the renewal", from, to, where);
    }
    throw RuleViolation.of("NCE-9", "%s is not on the upgrade path of %s; %s", to, from, where);
  }

  private static Set<String> reachable(Map<String, Set<String>> direct, String from) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(direct.getOrDefault(from, Set.of()));
    while (!todo.isEmpty()) {
      String s = todo.pop();
      if (seen.add(s)) {
        todo.addAll(direct.getOrDefault(s, Set.of()));
      }
    }
    return seen;
  }

  @Override
  public String toString() {
    return "UpgradePaths" + direct;
  }
}
