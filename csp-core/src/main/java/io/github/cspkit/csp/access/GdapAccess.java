package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides GDA-2: a partner user can do a delegated-administration task on a customer's tenant on a
 * day only if a relationship between the partner and that customer is active that day and grants a
 * role covering the task to a security group the user belongs to. Pure: everything it needs is an
 * argument.
 *
 * <p>A refusal names what stands in the way: GDA-2 when a relationship is active but grants the user
 * no covering role; GDA-1 when the relationships are pending, or none was ever approved, or the
 * request expired; GDA-3 when the latest one ran out; GDA-4 when it was terminated. Which tasks need
 * GDAP at all is {@link DelegatedTask#requiredBy}: subscriptions and the CSP partner's tools do not.
 */
public final class GdapAccess {
  private final GdapRoles roles;

  private GdapAccess(GdapRoles roles) {
    this.roles = roles;
  }

  /**
   * @param roles which tasks each role covers
   * @return the decision function under those roles
   */
  public static GdapAccess of(GdapRoles roles) {
    return new GdapAccess(requireNonNull(roles, "roles"));
  }

  /**
   * Decides whether {@code userId} of {@code partnerId} may do {@code task} on {@code customerId}'s
   * tenant on {@code day} (GDA-2).
   *
   * @param partnerId the user's partner
   * @param userId the partner user
   * @param customerId the customer
   * @param task the task
   * @param day the day of the request
   * @param relationships the GDAP relationships known (others' are ignored)
   * @param groups the partner's security groups
   * @return granted through a relationship, role and group; or refused with the rule and why
   */
  public GdapDecision decide(String partnerId, String userId, String customerId, DelegatedTask task,
      LocalDate day, Collection<GdapRelationship> relationships, SecurityGroups groups) {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(userId, "userId");
    requireNonNull(customerId, "customerId");
    requireNonNull(task, "task");
    requireNonNull(day, "day");
    requireNonNull(relationships, "relationships");
    requireNonNull(groups, "groups");
    List<GdapRelationship> mine = new ArrayList<>();
    for (GdapRelationship r : relationships) {
      if (r.partnerId().equals(partnerId) && r.customerId().equals(customerId)
          && !r.requestedOn().isAfter(day)) {
        mine.add(r);
      }
    }
    Set<String> userGroups = groups.groupsOf(userId);
    List<GdapRelationship> active = mine.stream().filter(r -> r.isActiveOn(day)).toList();
    for (GdapRelationship r : active) {
      for (RoleAssignment a : r.assignments()) {
        if (covers(a.role(), task)) {
          for (String g : a.groups()) {
            if (userGroups.contains(g)) {
              return new GdapDecision.Granted(r.id(), a.role(), g);
            }
          }
        }
      }
    }
    if (!active.isEmpty()) {
      return noCoveringRole(partnerId, userId, customerId, task, active, userGroups);
    }
    Optional<GdapRelationship> pending =
        mine.stream().filter(r -> r.statusOn(day) instanceof GdapStatus.Pending).findFirst();
    if (pending.isPresent()) {
      GdapRelationship r = pending.get();
      return new GdapDecision.Refused("GDA-1", String.format("relationship %s with customer %s is"
          + " pending: requested on %s, the customer's admin has not approved it (it can be"
          + " approved through %s)", r.id(), customerId, r.requestedOn(), r.approvableThrough()));
    }
    Optional<GdapRelationship> latest = mine.stream().max(Comparator
        .comparing((GdapRelationship r) -> ((GdapStatus.Ended) r.statusOn(day)).on())
        .thenComparing(GdapRelationship::id));
    if (latest.isEmpty()) {
      return new GdapDecision.Refused("GDA-1", String.format("partner %s has no GDAP relationship"
          + " with customer %s on %s: becoming a customer no longer grants admin access; the"
          + " partner requests a relationship and the customer's admin approves it", partnerId,
          customerId, day));
    }
    return ended(latest.get(), (GdapStatus.Ended) latest.get().statusOn(day), customerId);
  }

  /**
   * As {@link #decide}, throwing the refusal.
   *
   * @param partnerId the user's partner
   * @param userId the partner user
   * @param customerId the customer
   * @param task the task
   * @param day the day of the request
   * @param relationships the GDAP relationships known
   * @param groups the partner's security groups
   * @return what granted access
   * @throws RuleViolation GDA-1..4 as {@link #decide} refuses
   */
  public GdapDecision.Granted authorize(String partnerId, String userId, String customerId,
      DelegatedTask task, LocalDate day, Collection<GdapRelationship> relationships,
      SecurityGroups groups) {
    return decide(partnerId, userId, customerId, task, day, relationships, groups).orThrow();
  }

  private boolean covers(String role, DelegatedTask task) {
    return roles.find(role).map(r -> r.covers(task)).orElse(false);
  }

  private GdapDecision noCoveringRole(String partnerId, String userId, String customerId,
      DelegatedTask task, List<GdapRelationship> active, Set<String> userGroups) {
    List<String> covering = new ArrayList<>();
    for (GdapRelationship r : active) {
      for (RoleAssignment a : r.assignments()) {
        if (covers(a.role(), task)) {
          covering.add(a.role() + " (relationship " + r.id() + ") granted to " + a.groups());
        }
      }
    }
    List<String> ids = active.stream().map(GdapRelationship::id).toList();
    if (covering.isEmpty()) {
      List<String> granted = active.stream().flatMap(r -> r.roles().stream()).distinct().toList();
      return new GdapDecision.Refused("GDA-2", String.format("no role of the active relationships"
          + " %s with customer %s covers task %s; they grant %s", ids, customerId, task, granted));
    }
    String who = userGroups.isEmpty()
        ? String.format("user %s is in no security group of partner %s", userId, partnerId)
        : String.format("user %s is in security groups %s", userId, userGroups);
    return new GdapDecision.Refused("GDA-2", String.format("%s; task %s on customer %s needs %s",
        who, task, customerId, String.join(", or ", covering)));
  }

  private static GdapDecision ended(GdapRelationship r, GdapStatus.Ended e, String customerId) {
    String reason = switch (e.reason()) {
      case REQUEST_EXPIRED -> String.format("relationship %s with customer %s was requested on %s"
          + " and not approved through %s; the request expired on %s", r.id(), customerId,
          r.requestedOn(), r.approvableThrough(), e.on());
      case EXPIRED -> String.format("relationship %s with customer %s ended on %s: its last day"
          + " was %s and auto-extend was off; the partner requests a new one", r.id(), customerId,
          e.on(), e.on().minusDays(1));
      case TERMINATED_BY_PARTNER, TERMINATED_BY_CUSTOMER -> String.format("relationship %s with"
          + " customer %s was terminated on %s (%s); access through it is refused from that day on",
          r.id(), customerId, e.on(), e.reason().words());
    };
    return new GdapDecision.Refused(e.reason().rule(), reason);
  }
}
