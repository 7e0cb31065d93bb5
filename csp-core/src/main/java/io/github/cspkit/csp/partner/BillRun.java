package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.internal.BillingEngine;
import io.github.cspkit.csp.billing.internal.IssuedBill;
import io.github.cspkit.csp.billing.internal.NceAccrual;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.OfferPrices;
import io.github.cspkit.csp.repository.BillingClaim;
import io.github.cspkit.csp.repository.BillingPayload;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.Shard;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SuspensionBilling;
import io.github.cspkit.csp.subscription.internal.NceRenewals;
import io.github.cspkit.csp.subscription.internal.Renewals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The bill run (BIL-1, BIL-7), documented on {@link CspPartner#runBills} and
 * {@link CspPartner#issueBills}: claims customers a block per transaction, plans each customer's
 * bills reading only, then writes them; a failing customer never stops the others.
 */
final class BillRun {
  /** How many customers a bill run claims and bills in one transaction. */
  private static final int BLOCK = 256;

  private final Context context;
  private final BillingEngine billing;

  BillRun(Context context) {
    this.context = requireNonNull(context, "context");
    this.billing = context.billing();
  }

  /** {@link CspPartner#issueBills(Request)}. */
  List<Bill> issueAll(Request r) {
    BillRunReport report = run(r, Shard.ALL);
    if (!report.notBilled().isEmpty()) {
      throw new BillRunException(report.issued(), report.notBilled());
    }
    return report.issued();
  }

  /** {@link CspPartner#runBills}. */
  BillRunReport run(Request r, Shard shard) {
    requireNonNull(r, "r");
    requireNonNull(shard, "shard");
    context.authorize(r, Operation.ISSUE_BILLS, null);
    List<Bill> issued = new ArrayList<>();
    Map<String, RuntimeException> failures = new LinkedHashMap<>();
    for (boolean skipLocked : new boolean[] {true, false}) {
      Optional<String> after = Optional.empty();
      while (true) {
        BillingClaim claim = new BillingClaim(after, r.date(), shard, BLOCK, skipLocked);
        List<String> claimed = new ArrayList<>();
        Map<String, RuntimeException> refused = new LinkedHashMap<>();
        List<Bill> bills;
        try {
          bills = Pipeline.retrying(true, () -> context.store().inTransaction(tx -> {
            claimed.clear();
            refused.clear();
            claimed.addAll(tx.claimForBilling(claim));
            List<CustomerBills> plans = new ArrayList<>(claimed.size());
            for (String id : claimed) {
              if (failures.containsKey(id) || context.managed(tx, id).isEmpty()) {
                continue; // failed in the first pass (reported once), or another partner's
              }
              try {
                plans.add(plan(tx, r, id));
              } catch (RuntimeException e) {
                refused.put(id, e); // nothing of it is written; bill the others
              }
            }
            List<Bill> out = new ArrayList<>();
            for (CustomerBills plan : plans) {
              out.addAll(plan.apply(tx));
            }
            return out;
          }));
          failures.putAll(refused);
        } catch (RuntimeException e) {
          if (claimed.isEmpty()) {
            throw e; // not even a claim went through: the store is unavailable
          }
          bills = new ArrayList<>();
          for (String id : claimed) { // isolate the failing customer
            if (!failures.containsKey(id)
                && context.managed(context.store().read(), id).isPresent()) {
              try {
                bills.addAll(issue(r, id));
              } catch (RuntimeException failure) {
                failures.put(id, failure);
              }
            }
          }
        }
        issued.addAll(bills);
        if (claimed.isEmpty()) {
          break;
        }
        after = Optional.of(claimed.get(claimed.size() - 1));
      }
    }
    return new BillRunReport(issued, failures);
  }

  /** {@link CspPartner#issueBills(Request, String)}. */
  List<Bill> issue(Request r, String customerId) {
    requireNonNull(r, "r");
    requireNonNull(customerId, "customerId");
    return Pipeline.retrying(true, () -> context.store().inTransaction(tx ->
        plan(tx, r, customerId).apply(tx)));
  }

  /**
   * Works out a customer's bills due by the end of the request's day, reading only, so that a
   * failure leaves nothing to undo; {@link CustomerBills#apply} writes them. Before each bill the
   * subscriptions roll to its issue day ({@link Renewals}); those that moved are written with it.
   * Under {@link CspPolicies#newCommerce()} the new-commerce subscriptions roll too
   * ({@link NceRenewals}) and are billed as the seed's are, through {@link NceAccrual} (DOMAIN.md,
   * "The current program").
   */
  private CustomerBills plan(Repositories tx, Request r, String customerId) {
    Versioned<Customer> c = context.customer(tx, customerId);
    context.authorize(r, Operation.ISSUE_BILLS, c.value());
    Optional<Versioned<BillingAccount>> stored = tx.bills().account(customerId);
    BillingAccount a = stored.map(Versioned::value).orElseGet(() -> BillingAccount.open(customerId,
        c.value().billing().firstPeriodFrom(c.value().createdOn()).start()));
    CustomerBills plan = new CustomerBills(stored.map(Versioned::version).orElse(0L), a,
        new Outcome(context.scoped("bill-run-" + customerId + "-" + r.date())));
    boolean read = false; // the subscriptions and services, once a bill is due
    List<Versioned<Subscription>> storedSubs = List.of();
    List<Subscription> subs = List.of();
    List<OwnService> services = List.of();
    Predicate<LocalDate> inForce = day -> false;
    Set<String> moved = new HashSet<>(2);
    List<Versioned<NceSubscription>> storedNce = List.of(); // the current program's, when sold
    List<NceSubscription> nce = List.of();
    Set<String> movedNce = new HashSet<>(0);
    OfferPrices offerPrices = Context.offerPrices(tx); // a view: reads the lists when asked
    while (true) {
      LocalDate issueOn = billing.nextIssueDate(c.value(), a);
      if (issueOn.isAfter(r.date())) {
        break;
      }
      if (!read) {
        read = true;
        storedSubs = tx.subscriptions().byCustomer(customerId);
        subs = Context.values(storedSubs);
        services = tx.bills().services(customerId);
        inForce = context.agreementInForce(tx);
        if (context.sellsNewCommerce()) {
          storedNce = tx.nceSubscriptions().byCustomer(customerId);
          nce = new ArrayList<>(storedNce.size());
          for (Versioned<NceSubscription> v : storedNce) {
            nce.add(v.value());
          }
        }
      }
      Renewals.Rolled rolled = context.renew(subs, c.value(), issueOn, tx, inForce);
      plan.out.changes(rolled.changes());
      moved.addAll(rolled.moved());
      subs = rolled.subscriptions(); // bases first
      List<Subscription> billed = subs;
      if (!nce.isEmpty()) { // billed as the seed's are (DOMAIN.md, "The current program")
        NceRenewals.Rolled rolledNce = context.renewNce(nce, c.value(), issueOn, offerPrices,
            inForce);
        rolledNce.changes().forEach(plan.out::nce);
        movedNce.addAll(rolledNce.moved());
        nce = rolledNce.subscriptions();
        SuspensionBilling suspension =
            context.policies().newCommerce().orElseThrow().suspension();
        billed = new ArrayList<>(subs.size() + nce.size());
        billed.addAll(subs);
        for (NceSubscription s : nce) {
          billed.add(NceAccrual.of(s, suspension));
        }
      }
      IssuedBill ib = billing.issue(c.value(), a, billed, services);
      plan.bills.add(ib.bill());
      a = ib.account();
      Bill bill = ib.bill();
      plan.out.event(bill.id(), issueOn, MinorUnits.format(bill.totalMinor(), bill.currency())
          + " " + bill.currency().getCurrencyCode(), new BillingPayload.BillIssued(
              bill.customerId(), bill.period(), bill.totalMinor(), bill.costMinor(),
              bill.currency()));
    }
    plan.account = a;
    if (!moved.isEmpty()) {
      Map<String, Long> versions = new HashMap<>(storedSubs.size() * 2);
      storedSubs.forEach(v -> versions.put(v.value().id(), v.version()));
      for (Subscription s : subs) {
        if (moved.contains(s.id())) { // at the version read
          plan.moved.add(new Versioned<>(s, requireNonNull(versions.get(s.id()), s.id())));
        }
      }
    }
    if (!movedNce.isEmpty()) {
      Map<String, Long> versions = new HashMap<>(storedNce.size() * 2);
      storedNce.forEach(v -> versions.put(v.value().id(), v.version()));
      for (NceSubscription s : nce) {
        if (movedNce.contains(s.id())) { // at the version read
          plan.movedNce.add(new Versioned<>(s, requireNonNull(versions.get(s.id()), s.id())));
        }
      }
    }
    return plan;
  }

  /** One customer's bills, worked out by {@link #plan}, to be written in its transaction. */
  private static final class CustomerBills {
    private final long accountVersion;
    private final Outcome out;
    private final List<Bill> bills = new ArrayList<>(1);
    private final List<Versioned<Subscription>> moved = new ArrayList<>(0);
    private final List<Versioned<NceSubscription>> movedNce = new ArrayList<>(0);
    private BillingAccount account;

    CustomerBills(long accountVersion, BillingAccount account, Outcome out) {
      this.accountVersion = accountVersion;
      this.account = account;
      this.out = out;
    }

    List<Bill> apply(Repositories tx) {
      for (Versioned<Subscription> v : moved) {
        tx.subscriptions().save(v.value(), v.version());
      }
      for (Versioned<NceSubscription> v : movedNce) {
        tx.nceSubscriptions().save(v.value(), v.version());
      }
      for (Bill b : bills) {
        tx.bills().add(b);
      }
      if (!bills.isEmpty() || accountVersion == 0) {
        tx.bills().saveAccount(account, accountVersion);
      }
      out.flush(tx);
      return bills;
    }
  }
}
