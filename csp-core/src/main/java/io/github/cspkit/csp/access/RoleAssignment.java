package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.Set;

/**
 * One role of a GDAP relationship and the partner security groups it is granted to (GDA-2): the
 * members of those groups hold the role's tasks while the relationship is active. A role granted
 * to no group gives nobody anything.
 *
 * @param role the role's name
 * @param groups the security groups, sorted
 */
public record RoleAssignment(String role, Set<String> groups) {
  /**
   * @param role role
   * @param groups groups
   */
  public RoleAssignment {
    GdapRole.requireName(role);
    groups = ImmutableSortedSet.copyOf(requireNonNull(groups, "groups"));
    for (String g : groups) {
      SecurityGroup.requireWord(g, "a security group name");
    }
  }

  /**
   * @param role the role's name
   * @param groups the security groups it is granted to
   * @return the assignment
   */
  public static RoleAssignment of(String role, Collection<String> groups) {
    return new RoleAssignment(role, Set.copyOf(groups));
  }
}
