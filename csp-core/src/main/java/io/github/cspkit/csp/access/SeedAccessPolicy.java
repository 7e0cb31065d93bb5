package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor.CustomerUser;
import io.github.cspkit.csp.access.Actor.Distributor;
import io.github.cspkit.csp.access.Actor.PartnerUser;
import io.github.cspkit.csp.access.Actor.Vendor;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The seed's reading of who may do what; see {@link AccessPolicy}. With {@code gdap}, the tasks
 * GDAP governs ({@link DelegatedTask#requiredBy}) no longer need the seed's delegated admin
 * (CUS-4, ACC-1) nor the user's {@link Right#DELEGATED_ADMIN}: the partner's entry point decides
 * them by the relationships active on the request's day (GDA-2), after this policy has checked the
 * partner and the customer it manages (ACC-4).
 */
final class SeedAccessPolicy implements AccessPolicy {
  private final DelegatedAdminPolicy delegatedAdmin;
  private final boolean gdap;

  SeedAccessPolicy(DelegatedAdminPolicy delegatedAdmin) {
    this(delegatedAdmin, false);
  }

  SeedAccessPolicy(DelegatedAdminPolicy delegatedAdmin, boolean gdap) {
    this.delegatedAdmin = requireNonNull(delegatedAdmin, "delegatedAdmin");
    this.gdap = gdap;
  }

  @Override
  public void authorize(Actor actor, Partner partner, Operation op, @Nullable Customer target) {
    requireNonNull(actor, "actor");
    requireNonNull(partner, "partner");
    requireNonNull(op, "operation");
    actor.accept(new Actor.Visitor<@Nullable Void>() {
      @Override
      public @Nullable Void partnerUser(PartnerUser u) {
        SeedAccessPolicy.this.partnerUser(u, partner, op, target);
        return null;
      }

      @Override
      public @Nullable Void customerUser(CustomerUser c) {
        customer(c, partner, op, target);
        return null;
      }

      @Override
      public @Nullable Void distributor(Distributor d) {
        Checks.rule(op == Operation.QUOTE_PRICE, "DIS-1", "a distributor only quotes resellers"
            + " from published price lists; it cannot %s", op.verb());
        return null;
      }

      @Override
      public @Nullable Void vendor(Vendor v) {
        SeedAccessPolicy.vendor(op);
        return null;
      }
    });
  }

  private static void vendor(Operation op) {
    boolean allowed = op == Operation.PUBLISH_PRICE_LIST || op == Operation.QUOTE_PRICE
        || op == Operation.GIVE_NOTICE;
    Checks.rule(allowed, "ACC-4",
        "the vendor publishes price lists and may give notice; it cannot %s for the partner", op.verb());
  }

  private void customer(CustomerUser c, Partner partner, Operation op,
      @Nullable Customer target) {
    switch (op.group()) {
      case SUBSCRIPTION:
        throw RuleViolation.of("SUB-6", "customers cannot take any action on a CSP subscription;"
            + " ask your partner %s to %s", partner.name(), op.verb());
      case VENDOR:
        throw RuleViolation.of("PRC-1", "only the vendor publishes price lists");
      case QUOTE:
        throw RuleViolation.of("PRC-3", "price lists are available to partners and distributors,"
            + " not to customers; ask your partner for a quote");
      case PARTNER_COMPANY:
      case CSP:
        throw RuleViolation.of("ACC-4", "only the CSP partner can %s; customer %s buys through it",
            op.verb(), c.customerId());
      case GDAP:
        Checks.rule(op != Operation.REQUEST_GDAP, "GDA-1", "the partner requests a GDAP"
            + " relationship and the customer's admin approves it; customer %s cannot request one",
            c.customerId());
        Checks.rule(op != Operation.AUTO_EXTEND_GDAP, "GDA-3", "the partner sets a GDAP"
            + " relationship's auto-extension; customer %s can terminate it instead (GDA-4)",
            c.customerId());
        break;
      default:
        break;
    }
    boolean own = target != null && target.id().equals(c.customerId());
    if (target != null && own) {
      Checks.rule(target.isManagedBy(partner.id()), "ACC-4",
          "customer %s is not managed by partner %s", target.id(), partner.id());
    }
    if (op.group() == Operation.Group.GDAP) {
      Checks.rule(own, "ACC-5", "a customer user acts only in its own tenant (%s), not in %s",
          c.customerId(), target == null ? "none" : target.id());
      Checks.rule(c.admin(), op == Operation.APPROVE_GDAP ? "GDA-1" : "GDA-4",
          "user %s is not an admin of tenant %s; only the customer's admin can %s", c.userId(),
          c.customerId(), op.verb());
      return;
    }
    if (op == Operation.ADMINISTER_TENANT) {
      throw RuleViolation.of("ACC-1", "delegated administration is the partner's; a customer"
          + " admin configures its services in its own admin center instead");
    }
    Checks.rule(own, "ACC-5", "a customer user acts only in its own tenant (%s), not in %s",
        c.customerId(), target == null ? "none" : target.id());
    if (op == Operation.REMOVE_DELEGATED_ADMIN) {
      Checks.rule(delegatedAdmin == DelegatedAdminPolicy.CUSTOMER_ADMIN && c.admin(), "ACC-2",
          "customer %s cannot remove its CSP partner's delegated admin privileges: the partner"
              + " must provide technical support", c.customerId());
      return;
    }
    if (op == Operation.CONFIGURE_SERVICE) {
      Checks.rule(c.admin(), "ACC-5",
          "user %s is not an admin of tenant %s; ask a tenant admin", c.userId(), c.customerId());
    }
  }

  private void partnerUser(PartnerUser u, Partner partner, Operation op,
      @Nullable Customer target) {
    Checks.rule(u.partnerId().equals(partner.id()), "ACC-4",
        "user %s of partner %s cannot act for partner %s", u.userId(), u.partnerId(), partner.id());
    switch (op.group()) {
      case VENDOR:
        throw RuleViolation.of("PRC-1", "only the vendor publishes price lists");
      case QUOTE:
        return;
      case PARTNER_COMPANY:
        Checks.rule(u.has(Right.OWN_TENANT_ADMIN), "ACC-3",
            "user %s has no admin rights on the partner's own tenant, which %s needs",
            u.userId(), op.verb());
        return;
      case CSP:
      case SUBSCRIPTION:
        Checks.rule(partner.isCsp(), "ACC-4",
            "partner %s is not a CSP partner; only CSP partners can %s", partner.id(), op.verb());
        delegated(u, partner, op, target);
        return;
      case CUSTOMER_SELF:
        if (op == Operation.REMOVE_DELEGATED_ADMIN) {
          throw RuleViolation.of("ACC-2", "delegated admin privileges on customer %s cannot be"
              + " removed: the CSP partner must provide technical support",
              target == null ? "?" : target.id());
        }
        if (gdap && DelegatedTask.governs(op)) {
          managed(partner, target); // GDA-2 decides the rest, on the request's day
          return;
        }
        delegated(u, partner, op, target);
        requireDelegatedAdmin(target);
        return;
      case DELEGATED:
        if (gdap && DelegatedTask.governs(op)) {
          managed(partner, target); // GDA-2 decides the rest, on the request's day
          return;
        }
        delegated(u, partner, op, target);
        if (op == Operation.ADMINISTER_TENANT) {
          requireDelegatedAdmin(target);
        }
        return;
      case GDAP:
        managed(partner, target);
        Checks.rule(op != Operation.APPROVE_GDAP, "GDA-1", "the customer's admin approves a GDAP"
            + " relationship; user %s of partner %s cannot", u.userId(), partner.id());
        delegated(u, partner, op, target);
        return;
      case CUSTOMER_READ:
      default:
        delegated(u, partner, op, target);
    }
  }

  private static void delegated(PartnerUser u, Partner partner, Operation op,
      @Nullable Customer target) {
    Checks.rule(u.has(Right.DELEGATED_ADMIN), "ACC-3",
        "user %s has no delegated-admin rights over customers, which %s needs", u.userId(), op.verb());
    managed(partner, target);
  }

  private static void managed(Partner partner, @Nullable Customer target) {
    if (target != null) {
      Checks.rule(target.isManagedBy(partner.id()), "ACC-4",
          "customer %s is not managed by partner %s", target.id(), partner.id());
    }
  }

  private static void requireDelegatedAdmin(@Nullable Customer target) {
    if (target != null) {
      Checks.rule(target.delegatedAdmin(), "ACC-1",
          "the partner no longer holds delegated admin privileges on the tenant of %s", target.id());
    }
  }

}
