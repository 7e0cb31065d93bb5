package io.github.cspkit.csp.access;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.customer.Customer;
import org.jspecify.annotations.Nullable;

/**
 * Decides every actor × operation cell of the partner entry point (ACC-1..5, SUB-6, DIS-1,
 * PRC-1, PRC-3): either allowed, or refused with a {@link RuleViolation} naming the rule.
 * {@link #seed(DelegatedAdminPolicy)} follows the seed.
 */
@FunctionalInterface
public interface AccessPolicy {
  /**
   * @param actor who acts
   * @param partner the partner whose entry point is called
   * @param operation what is asked
   * @param target the customer acted on, or null when none
   * @throws RuleViolation if the actor may not
   */
  void authorize(Actor actor, Partner partner, Operation operation, @Nullable Customer target);

  /**
   * @param delegatedAdmin who may remove delegated admin (ACC-2)
   * @return the seed's access rules
   */
  static AccessPolicy seed(DelegatedAdminPolicy delegatedAdmin) {
    return new SeedAccessPolicy(delegatedAdmin);
  }

  /**
   * The seed's rules with granular delegated admin (GDA-2): the tasks GDAP governs
   * ({@link DelegatedTask#governs}) need neither the seed's delegated admin (CUS-4, ACC-1) nor
   * {@link Right#DELEGATED_ADMIN}; this policy checks only that the customer is the partner's
   * (ACC-4), and the partner's entry point then checks the relationships active on the request's
   * day ({@link GdapAccess}). Everything else is as under {@link #seed(DelegatedAdminPolicy)}.
   *
   * @param delegatedAdmin who may remove the seed's delegated admin (ACC-2)
   * @return the access rules under GDAP
   */
  static AccessPolicy underGdap(DelegatedAdminPolicy delegatedAdmin) {
    return new SeedAccessPolicy(delegatedAdmin, true);
  }

  /** @return the seed's access rules, where nobody may remove delegated admin */
  static AccessPolicy seed() {
    return seed(DelegatedAdminPolicy.NOBODY);
  }
}
