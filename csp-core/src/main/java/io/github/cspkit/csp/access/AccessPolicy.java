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

  /** @return the seed's access rules, where nobody may remove delegated admin */
  static AccessPolicy seed() {
    return seed(DelegatedAdminPolicy.NOBODY);
  }
}
