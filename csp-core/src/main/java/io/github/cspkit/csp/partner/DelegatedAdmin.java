package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.UnknownIdException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.DelegatedTask;
import io.github.cspkit.csp.access.GdapAccess;
import io.github.cspkit.csp.access.GdapDecision;
import io.github.cspkit.csp.access.GdapPolicy;
import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.repository.AccessPayload;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Versioned;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Granular delegated admin (GDA-1..4) at the partner's entry point: the partner requests a
 * relationship with a customer, the customer's admin approves it within 90 days, either side
 * terminates it, and the delegated-administration tasks (ACC-1, ACC-4's service health and
 * incidents, ACC-5's configuration by the partner) need a relationship active on the request's day
 * that grants a covering role to one of the user's security groups (GDA-2). Obtained from
 * {@link CspPartner#gdap()} when the policies have a GDAP part ({@link CspPolicies#gdap()}).
 *
 * <p>Every command runs the partner's command pipeline (actor, idempotency key, one transaction,
 * retry, events): a refusal names its rule and changes nothing. Relationships do not depend on
 * the reseller agreement: every partner, CSP or not, administers the customers it manages (ACC-4).
 */
public final class DelegatedAdmin {
  private final Pipeline pipeline;
  private final Context context;
  private final Partner partner;
  private final GdapPolicy policy;

  DelegatedAdmin(Pipeline pipeline, GdapPolicy policy) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.context = pipeline.context();
    this.partner = context.partner();
    this.policy = requireNonNull(policy, "policy");
  }

  /** @return the GDAP policy: durations, approval window, extension and roles */
  public GdapPolicy policy() {
    return policy;
  }

  // ------------------------------------------------------------------------------ commands

  /**
   * The partner requests a relationship on the request's day (GDA-1): pending until the customer's
   * admin approves it, which is possible through the day + 89 days.
   *
   * @param r the request; a user of this partner with delegated-admin rights (ACC-3), CSP or not
   * @param request the relationship asked for: this partner, a customer it manages, roles (each
   *     granted to security groups), duration and auto-extend
   * @return the pending relationship
   * @throws RuleViolation GDA-1 if the duration is outside {@code P1D..P2Y}, no role is named, a
   *     role twice or one the policy does not define; GDA-3 for auto-extend with the Global
   *     Administrator role; ACC-4 if the request is another partner's
   * @throws ConflictException if the relationship id is taken
   */
  public Result<GdapRelationship> request(Request r, GdapRequest request) {
    requireNonNull(request, "request");
    return pipeline.run(r, Command.of("gdapRequest", Arguments.of().value(request),
        Operation.REQUEST_GDAP, request.customerId(), AgreementNeed.NONE,
        () -> Checks.rule(request.partnerId().equals(partner.id()), "ACC-4",
            "relationship %s is asked by partner %s; partner %s cannot request it", request.id(),
            request.partnerId(), partner.id()), (tx, out) -> {
          Customer c = tx.customers().find(request.customerId()).orElseThrow().value();
          Checks.range(!r.date().isBefore(c.createdOn()), "date %s is before customer %s was"
              + " created on %s", r.date(), c.id(), c.createdOn());
          if (tx.gdapRelationships().find(request.id()).isPresent()) {
            throw ConflictException.duplicate("GDAP relationship", request.id());
          }
          GdapRelationship rel = GdapRelationship.request(request, r.date(), policy);
          tx.gdapRelationships().save(rel, 0);
          boolean autoExtend = rel.autoExtendOn(r.date());
          out.event(rel.id(), r.date(), "customer " + rel.customerId() + ", roles "
              + rel.assignments() + ", duration " + rel.duration()
              + (autoExtend ? ", auto-extend" : "") + "; approvable through "
              + rel.approvableThrough(), new AccessPayload.GdapRequested(rel.customerId(),
                  rel.assignments(), rel.duration(), autoExtend, rel.approvableThrough()));
          return rel;
        }, Aggregate.GDAP_RELATIONSHIP));
  }

  /**
   * The customer's admin approves a pending relationship on the request's day (GDA-1): it is
   * active from that day for its duration.
   *
   * @param r the request; the admin of the relationship's customer
   * @param relationshipId the relationship
   * @return the active relationship
   * @throws RuleViolation GDA-1 if a partner user approves, if it is already active or the request
   *     expired; GDA-3 if it ended otherwise
   * @throws UnknownIdException if this partner has no such relationship
   */
  public Result<GdapRelationship> approve(Request r, String relationshipId) {
    return change(r, "gdapApprove", Operation.APPROVE_GDAP, relationshipId,
        arguments(relationshipId),
        (rel, out) -> {
          GdapRelationship next = rel.approve(r.date());
          Optional<LocalDate> last = next.endsOn(r.date());
          out.event(rel.id(), r.date(), "active from " + r.date() + " through "
              + last.map(LocalDate::toString).orElse("?") + " (by " + r.actor().userId() + ")",
              new AccessPayload.GdapApproved(last, r.actor().userId()));
          return next;
        });
  }

  /**
   * Terminates a pending or active relationship on the request's day (GDA-4): by the customer's
   * admin or by the partner; access through it is refused from that day on.
   *
   * @param r the request; a partner user with delegated-admin rights, or the customer's admin
   * @param relationshipId the relationship
   * @return the ended relationship
   * @throws RuleViolation GDA-4 if it had already ended
   * @throws UnknownIdException if this partner has no such relationship
   */
  public Result<GdapRelationship> terminate(Request r, String relationshipId) {
    return change(r, "gdapTerminate", Operation.TERMINATE_GDAP, relationshipId,
        arguments(relationshipId),
        (rel, out) -> {
          GdapSide by = r.actor() instanceof Actor.CustomerUser ? GdapSide.CUSTOMER : GdapSide.PARTNER;
          GdapRelationship next = rel.terminate(r.date(), by);
          out.event(rel.id(), r.date(), "terminated by the "
              + by.name().toLowerCase(java.util.Locale.ROOT) + " (" + r.actor().userId() + ")",
              new AccessPayload.GdapTerminated(by, r.actor().userId()));
          return next;
        });
  }

  /**
   * The partner turns a relationship's auto-extension on or off from the request's day (GDA-3):
   * the setting on a period's last day decides whether it gets another {@code P180D}. Setting the
   * value it already has changes nothing but is logged.
   *
   * @param r the request; a user of this partner with delegated-admin rights
   * @param relationshipId the relationship
   * @param on whether it auto-extends
   * @return the relationship with that setting
   * @throws RuleViolation GDA-3 if a customer asks, if it includes the Global Administrator role
   *     (to turn it on), or if it has ended
   * @throws UnknownIdException if this partner has no such relationship
   */
  public Result<GdapRelationship> autoExtend(Request r, String relationshipId, boolean on) {
    return change(r, "gdapAutoExtend", Operation.AUTO_EXTEND_GDAP, relationshipId,
        arguments(relationshipId).flag(on),
        (rel, out) -> {
          GdapRelationship next = rel.withAutoExtend(on, r.date());
          Optional<LocalDate> last = next.endsOn(r.date());
          out.event(rel.id(), r.date(), "auto-extend " + (on ? "on" : "off") + " from " + r.date()
              + "; the current period's last day is " + last.map(LocalDate::toString).orElse("?"),
              new AccessPayload.GdapAutoExtendSet(on, last));
          return next;
        });
  }

  /** @return a command's arguments, starting with the relationship's id */
  private static Arguments arguments(String relationshipId) {
    return Arguments.of().text(requireNonNull(relationshipId, "relationshipId"));
  }

  /**
   * A command on one stored relationship, of this partner ({@code UNKNOWN_ID} otherwise);
   * relationships do not depend on the agreement (ACC-4).
   */
  private Result<GdapRelationship> change(Request r, String name, Operation op,
      String relationshipId, Arguments arguments,
      BiFunction<GdapRelationship, Outcome, GdapRelationship> step) {
    String customerId = find(relationshipId).customerId();
    return pipeline.run(r, Command.of(name, arguments, op, customerId, AgreementNeed.NONE,
        (tx, out) -> {
          Versioned<GdapRelationship> v = tx.gdapRelationships().find(relationshipId)
              .orElseThrow(() -> new UnknownIdException("GDAP relationship", relationshipId));
          GdapRelationship next = step.apply(v.value(), out);
          tx.gdapRelationships().save(next, v.version());
          return next;
        }, Aggregate.GDAP_RELATIONSHIP));
  }

  // --------------------------------------------------------------------------------- reads

  /**
   * @param relationshipId a relationship id
   * @return the relationship, if this partner has it
   */
  public Optional<GdapRelationship> relationship(String relationshipId) {
    requireNonNull(relationshipId, "relationshipId");
    return context.store().read().gdapRelationships().find(relationshipId).map(Versioned::value)
        .filter(g -> g.partnerId().equals(partner.id()));
  }

  /**
   * @param customerId a customer
   * @return this partner's relationships with it, in the order they were requested
   */
  public List<GdapRelationship> relationships(String customerId) {
    requireNonNull(customerId, "customerId");
    return context.store().read().gdapRelationships().byCustomer(customerId).stream()
        .map(Versioned::value)
        .filter(g -> g.partnerId().equals(partner.id())).toList();
  }

  /**
   * Where a relationship stands on a day (GDA-1, GDA-3, GDA-4; {@code expect gdap}).
   *
   * @param relationshipId the relationship
   * @param day a day on or after its request
   * @return pending, active within a period, or ended with the reason
   * @throws UnknownIdException if this partner has no such relationship
   */
  public GdapStatus status(String relationshipId, LocalDate day) {
    return find(relationshipId).statusOn(requireNonNull(day, "day"));
  }

  /**
   * The last day of the period in force on a day (GDA-3; {@code expect gdap-ends}): with
   * auto-extend on, the relationship gets a new period of {@code P180D} when it reaches that day's
   * end.
   *
   * @param relationshipId the relationship
   * @param day a day on or after its request
   * @return the period's last day; empty when it is not active that day
   * @throws UnknownIdException if this partner has no such relationship
   */
  public Optional<LocalDate> endsOn(String relationshipId, LocalDate day) {
    return find(relationshipId).endsOn(requireNonNull(day, "day"));
  }

  /**
   * Whether a user of this partner may do a task on a customer's tenant on a day (GDA-2), and
   * through what; reads only.
   *
   * @param userId the partner user
   * @param customerId the customer
   * @param task the task
   * @param day the day
   * @return granted through a relationship, role and group, or refused with the rule and why
   */
  public GdapDecision access(String userId, String customerId, DelegatedTask task, LocalDate day) {
    return GdapAccess.of(policy.roles()).decide(partner.id(), userId, customerId, task, day,
        relationships(customerId), context.policies().securityGroups());
  }

  private GdapRelationship find(String relationshipId) {
    return relationship(relationshipId)
        .orElseThrow(() -> new UnknownIdException("GDAP relationship", relationshipId));
  }

  // ----------------------------------------------------------------------------- the gate

  /**
   * Under GDAP, refuses a partner user's delegated-administration task on a customer's tenant
   * unless a relationship active on the request's day grants a covering role to one of the user's
   * security groups (GDA-2). Nothing to check without GDAP policies, for other actors (a customer
   * in its own admin center, ACC-5), or for operations GDAP does not govern.
   *
   * @throws RuleViolation GDA-1..4 as {@link GdapAccess#decide} refuses
   */
  static void requireAccess(Context context, Repositories tx, Request r, Operation op,
      Optional<String> detail, Customer target) {
    CspPolicies policies = context.policies();
    Optional<GdapPolicy> gdap = policies.gdap();
    if (gdap.isEmpty() || !(r.actor() instanceof Actor.PartnerUser u) || !DelegatedTask.governs(op)) {
      return;
    }
    DelegatedTask task = DelegatedTask.requiredBy(op, detail).orElseThrow();
    List<GdapRelationship> relationships = tx.gdapRelationships().byCustomer(target.id()).stream()
        .map(Versioned::value).toList();
    GdapAccess.of(gdap.get().roles()).authorize(context.partner().id(), u.userId(), target.id(), task,
        r.date(), relationships, policies.securityGroups());
  }
}
