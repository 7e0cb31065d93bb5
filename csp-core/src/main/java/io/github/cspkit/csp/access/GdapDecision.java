package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;

/**
 * The answer of {@link GdapAccess} (GDA-2): granted through a relationship, a role and a group, or
 * refused naming the rule and why.
 */
public sealed interface GdapDecision {
  /** @return whether access is granted */
  boolean granted();

  /**
   * @return this decision, if granted
   * @throws RuleViolation the refusal, if refused
   */
  Granted orThrow();

  /**
   * Access granted (GDA-2), and through what: for the log.
   *
   * @param relationshipId the active relationship
   * @param role the role that covers the task
   * @param group the user's security group the role is granted to
   */
  record Granted(String relationshipId, String role, String group) implements GdapDecision {
    /**
     * @param relationshipId relationship
     * @param role role
     * @param group group
     */
    public Granted {
      requireNonNull(relationshipId, "relationshipId");
      requireNonNull(role, "role");
      requireNonNull(group, "group");
    }

    @Override
    public boolean granted() {
      return true;
    }

    @Override
    public Granted orThrow() {
      return this;
    }
  }

  /**
   * Access refused.
   *
   * @param rule the rule id: GDA-1 (no relationship approved), GDA-2 (no covering role for the
   *     user), GDA-3 (the relationship ran out), GDA-4 (it was terminated)
   * @param reason why, in words a person can act on
   */
  record Refused(String rule, String reason) implements GdapDecision {
    /**
     * @param rule rule
     * @param reason reason
     */
    public Refused {
      requireNonNull(rule, "rule");
      requireNonNull(reason, "reason");
    }

    @Override
    public boolean granted() {
      return false;
    }

    @Override
    public Granted orThrow() {
      throw RuleViolation.of(rule, "%s", reason);
    }
  }
}
