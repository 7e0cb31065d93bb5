package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.internal.Checks;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A partner's security groups (GDA-2): which partner users are in which group. Immutable;
 * {@link #with(SecurityGroup)} returns a new value.
 *
 * @param byName each group under its name, in the order given
 */
public record SecurityGroups(Map<String, SecurityGroup> byName) {
  private static final SecurityGroups NONE = new SecurityGroups(Map.of());

  /**
   * Checks that each group is kept under its own name.
   *
   * @param byName each group under its name
   * @throws io.github.cspkit.csp.OutOfRangeException if a group is kept under another name
   */
  public SecurityGroups {
    byName = ImmutableMap.copyOf(requireNonNull(byName, "byName"));
    byName.forEach((name, group) -> Checks.range(name.equals(group.name()),
        "security group %s is kept under the name %s", group.name(), name));
  }

  /** @return no groups at all */
  public static SecurityGroups none() {
    return NONE;
  }

  /**
   * @param groups groups with distinct names
   * @return those groups
   * @throws ConflictException if two groups share a name
   */
  public static SecurityGroups of(Collection<SecurityGroup> groups) {
    requireNonNull(groups, "groups");
    Map<String, SecurityGroup> map = new LinkedHashMap<>();
    for (SecurityGroup g : groups) {
      if (map.put(g.name(), g) != null) {
        throw ConflictException.duplicate("security group", g.name());
      }
    }
    return new SecurityGroups(map);
  }

  /**
   * @param group a group; one of the same name is replaced
   * @return these groups with {@code group}
   */
  public SecurityGroups with(SecurityGroup group) {
    requireNonNull(group, "group");
    Map<String, SecurityGroup> map = new LinkedHashMap<>(byName);
    map.put(group.name(), group);
    return new SecurityGroups(map);
  }

  /**
   * @param name a group name
   * @return the group, if there is one of that name
   */
  public Optional<SecurityGroup> find(String name) {
    return Optional.ofNullable(byName.get(requireNonNull(name, "name")));
  }

  /** @return every group, in the order given */
  public List<SecurityGroup> all() {
    return List.copyOf(byName.values());
  }

  /**
   * @param userId a partner user
   * @return the names of the groups the user is in, sorted
   */
  public Set<String> groupsOf(String userId) {
    requireNonNull(userId, "userId");
    ImmutableSortedSet.Builder<String> names = ImmutableSortedSet.naturalOrder();
    for (SecurityGroup g : byName.values()) {
      if (g.contains(userId)) {
        names.add(g.name());
      }
    }
    return names.build();
  }

  @Override
  public String toString() {
    return "SecurityGroups" + byName.values();
  }
}
