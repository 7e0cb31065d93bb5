package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a partner asks a customer for (GDA-1): roles, each granted to security groups (GDA-2), for a
 * duration, with or without auto-extend (GDA-3). {@link GdapRelationship#request} checks it.
 *
 * @param id the relationship's id
 * @param partnerId the partner asking
 * @param customerId the customer asked
 * @param assignments the roles, each with the security groups it is granted to
 * @param duration how long it lasts once approved
 * @param autoExtend whether it extends by {@link GdapPolicy#extension()} each time it reaches its end
 */
public record GdapRequest(String id, String partnerId, String customerId,
    List<RoleAssignment> assignments, Period duration, boolean autoExtend) {
  /**
   * @param id id
   * @param partnerId partner
   * @param customerId customer
   * @param assignments assignments
   * @param duration duration
   * @param autoExtend auto-extend
   */
  public GdapRequest {
    SecurityGroup.requireWord(id, "a relationship id");
    SecurityGroup.requireWord(partnerId, "a partner id");
    SecurityGroup.requireWord(customerId, "a customer id");
    assignments = List.copyOf(requireNonNull(assignments, "assignments"));
    requireNonNull(duration, "duration");
  }

  /**
   * A request that grants every role to every group, as a scenario's {@code gdap-request} line.
   *
   * @param id the relationship's id
   * @param partnerId the partner
   * @param customerId the customer
   * @param roles the roles' names
   * @param groups the security groups
   * @param duration the duration
   * @param autoExtend whether it auto-extends
   * @return the request
   */
  public static GdapRequest of(String id, String partnerId, String customerId,
      Collection<String> roles, Collection<String> groups, Period duration, boolean autoExtend) {
    requireNonNull(roles, "roles");
    Set<String> g = Set.copyOf(requireNonNull(groups, "groups"));
    List<RoleAssignment> list = new ArrayList<>();
    for (String r : roles) {
      list.add(new RoleAssignment(r, g));
    }
    return new GdapRequest(id, partnerId, customerId, list, duration, autoExtend);
  }
}
