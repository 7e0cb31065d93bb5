package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.partner.Context.conflictIf;
import static io.github.cspkit.csp.partner.Context.requireAfterLastBill;
import static io.github.cspkit.csp.partner.Context.requireCurrency;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.repository.BillingPayload;
import io.github.cspkit.csp.repository.CustomerPayload;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import java.util.Locale;
import javax.money.MonetaryAmount;

/**
 * The customers' and their bills' commands (CUS-1, CUS-4, BIL-1..3), documented on
 * {@link CspPartner}.
 */
final class CustomerCommands {
  private final Pipeline pipeline;
  private final Context context;

  CustomerCommands(Pipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.context = pipeline.context();
  }

  /** {@link CspPartner#createCustomer}. */
  Result<Customer> create(Request r, NewCustomer spec) {
    requireNonNull(spec, "spec");
    String partnerId = context.partner().id();
    return pipeline.run(r, Command.of("createCustomer", Arguments.of().value(spec),
        Operation.CREATE_CUSTOMER, null, AgreementNeed.IN_FORCE, (tx, out) -> {
          conflictIf(tx.customers().find(spec.id()).isPresent(), "customer", spec.id());
          requireCurrency(tx, spec.market(), spec.currency(), r.date());
          BillingProfile profile = BillingProfile.of(spec.billingDay(), spec.currency());
          Customer c = Customer.builder().id(spec.id()).name(spec.name()).partnerId(partnerId)
              .market(spec.market()).segment(spec.segment()).verified(spec.verified())
              .tenant(Tenant.of(spec.id() + "-tenant", spec.tenant())).billing(profile)
              .createdOn(r.date())
              .delegatedAdmin(context.policies().gdap().isEmpty()) // GDA-1 replaces CUS-4
              .build();
          tx.customers().save(c, 0);
          tx.bills().saveAccount(BillingAccount.open(c.id(),
              profile.firstPeriodFrom(r.date()).start()), 0);
          out.event(c.id(), r.date(), "tenant " + c.tenant().id() + " ("
              + spec.tenant().name().toLowerCase(Locale.ROOT) + "), "
              + (c.delegatedAdmin() ? "delegated admin granted to " + partnerId
                  : "admin access through GDAP relationships only"),
              new CustomerPayload.Created(c.tenant().id(), c.tenant().origin(),
                  c.delegatedAdmin()));
          return c;
        }, Aggregate.CUSTOMER).creatingCustomer(spec.id()));
  }

  /** {@link CspPartner#setBillingProfile}. */
  Result<Customer> setBillingProfile(Request r, String customerId, BillingProfile profile) {
    requireNonNull(profile, "profile");
    return pipeline.run(r, Command.of("setBillingProfile",
        Arguments.of().text(customerId).value(profile), Operation.SET_BILLING_PROFILE, customerId,
        AgreementNeed.IN_FORCE, (tx, out) -> {
          Versioned<Customer> v = context.customer(tx, customerId);
          requireCurrency(tx, v.value().market(), profile.currency(), r.date());
          for (Versioned<Subscription> s : tx.subscriptions().byCustomer(customerId)) {
            Checks.rule(s.value().currency().equals(profile.currency()), "BIL-2",
                "customer %s has subscription %s in %s; its bills stay in that currency",
                customerId, s.value().id(), s.value().currency().getCurrencyCode());
          }
          for (OwnService s : tx.bills().services(customerId)) {
            Checks.rule(s.currency().equals(profile.currency()), "BIL-2",
                "customer %s has service %s in %s; its bills stay in that currency",
                customerId, s.id(), s.currency().getCurrencyCode());
          }
          Customer next = v.value().withBilling(profile);
          tx.customers().save(next, v.version());
          Versioned<BillingAccount> a = context.account(tx, next);
          tx.bills().saveAccount(BillingAccount.builder().from(a.value()).nextPeriodStart(
              profile.firstPeriodFrom(a.value().nextPeriodStart()).start()).build(), a.version());
          out.event(customerId, r.date(), "billing day " + profile.billingDay() + ", "
              + profile.currency().getCurrencyCode(),
              new CustomerPayload.BillingProfileSet(profile.billingDay(), profile.currency()));
          return next;
        }, Aggregate.CUSTOMER));
  }

  /** {@link CspPartner#setFinancing}. */
  Result<BillingAccount> setFinancing(Request r, String customerId, FinancingPlan plan) {
    requireNonNull(plan, "plan");
    return pipeline.run(r, Command.of("setFinancing", Arguments.of().text(customerId).value(plan),
        Operation.SET_FINANCING, customerId, AgreementNeed.IN_FORCE, (tx, out) -> {
          Versioned<Customer> c = context.customer(tx, customerId);
          Versioned<BillingAccount> a = context.account(tx, c.value());
          BillingAccount next = a.value().withFinancing(plan);
          tx.bills().saveAccount(next, a.version());
          out.event(customerId, r.date(), plan.toString(), new BillingPayload.FinancingSet(plan));
          return next;
        }, Aggregate.BILLING_ACCOUNT));
  }

  /** {@link CspPartner#addService}. */
  Result<OwnService> addService(Request r, String customerId, String serviceId, String name,
      MonetaryAmount amount, Recurrence recurrence) {
    Checks.name("service id", serviceId);
    Checks.name("service name", name);
    requireNonNull(amount, "amount");
    requireNonNull(recurrence, "recurrence");
    return pipeline.run(r, Command.of("addService", Arguments.of().text(customerId)
        .text(serviceId).text(name).money(amount).choice(recurrence), Operation.ADD_SERVICE,
        customerId, AgreementNeed.IN_FORCE, (tx, out) -> {
          Customer c = context.customer(tx, customerId).value();
          requireAfterLastBill(tx, c, r.date());
          Checks.rule(amount.getCurrency().equals(c.billing().currency()), "BIL-2",
              "service %s is priced in %s but customer %s is billed in %s", serviceId,
              amount.getCurrency(), customerId, c.billing().currency());
          conflictIf(tx.bills().services(customerId).stream()
              .anyMatch(s -> s.id().equals(serviceId)), "service", customerId + "/" + serviceId);
          OwnService s = OwnService.builder().id(serviceId).customerId(customerId).name(name)
              .amountMinor(MinorUnits.of(amount)).currency(amount.getCurrency())
              .recurrence(recurrence).startsOn(r.date()).build();
          tx.bills().saveService(s);
          out.event(customerId + "/" + serviceId, r.date(), name + " "
              + MinorUnits.format(s.amountMinor(), s.currency()) + " " + recurrence,
              new BillingPayload.ServiceAdded(customerId, serviceId, name, s.amountMinor(),
                  s.currency(), recurrence));
          return s;
        }, Aggregate.SERVICE));
  }
}
