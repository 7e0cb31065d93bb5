package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.repository.AccessPayload;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.Versioned;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenants' commands: delegated admin and logged tasks (ACC-1..3, ACC-5; under GDAP a
 * partner user's task needs a covering relationship, GDA-2), documented on {@link CspPartner}.
 */
final class TenantCommands {
  private final Pipeline pipeline;
  private final Context context;

  TenantCommands(Pipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.context = pipeline.context();
  }

  /** {@link CspPartner#removeDelegatedAdmin}. */
  Result<Customer> removeDelegatedAdmin(Request r, String customerId) {
    return pipeline.run(r, Command.of("removeDelegatedAdmin", Arguments.of().text(customerId),
        Operation.REMOVE_DELEGATED_ADMIN, customerId, AgreementNeed.NONE, (tx, out) -> {
          Versioned<Customer> v = context.customer(tx, customerId);
          Customer next = v.value().withDelegatedAdmin(false);
          tx.customers().save(next, v.version());
          out.event(customerId, r.date(), "removed by " + r.actor().userId(),
              new AccessPayload.DelegatedAdminRemoved(r.actor().userId()));
          return next;
        }, Aggregate.CUSTOMER));
  }

  /** {@link CspPartner#administerTenant}. */
  Result<Customer> administerTenant(Request r, String customerId, String task) {
    Checks.text("task", task);
    return pipeline.run(r, Command.of("administerTenant",
        Arguments.of().text(customerId).text(task), Operation.ADMINISTER_TENANT, customerId,
        AgreementNeed.NONE, (tx, out) -> {
          Customer c = context.customer(tx, customerId).value();
          DelegatedAdmin.requireAccess(context, tx, r, Operation.ADMINISTER_TENANT,
              Optional.of(task), c); // GDA-2
          out.event(c.tenant().id(), r.date(), task, new AccessPayload.TenantAdministered(task));
          return c;
        }, Aggregate.CUSTOMER));
  }

  /** {@link CspPartner#administerOwnTenant}: logged, with no aggregate and no idempotency key. */
  DomainEvent administerOwnTenant(Request r, String task) {
    requireNonNull(r, "r");
    Checks.text("task", task);
    context.authorize(r, Operation.ADMINISTER_OWN_TENANT, null);
    String partnerId = context.partner().id();
    String user = r.actor().userId();
    return context.store().inTransaction(tx -> tx.events().append(new DomainEvent(0,
        partnerId + "-own-tenant", r.date(), context.scoped("auto-" + UUID.randomUUID()),
        task + " (by " + user + ")", new AccessPayload.OwnTenantAdministered(task, user))));
  }

  /** {@link CspPartner#configureService}. */
  Result<Customer> configureService(Request r, String customerId, String service,
      String setting) {
    Checks.text("service", service);
    Checks.text("setting", setting);
    return pipeline.run(r, Command.of("configureService",
        Arguments.of().text(customerId).text(service).text(setting), Operation.CONFIGURE_SERVICE,
        customerId, AgreementNeed.NONE, (tx, out) -> {
          Customer c = context.customer(tx, customerId).value();
          DelegatedAdmin.requireAccess(context, tx, r, Operation.CONFIGURE_SERVICE,
              Optional.empty(), c); // GDA-2
          out.event(c.tenant().id(), r.date(), service + ": " + setting,
              new AccessPayload.ServiceConfigured(service, setting));
          return c;
        }, Aggregate.CUSTOMER));
  }
}
