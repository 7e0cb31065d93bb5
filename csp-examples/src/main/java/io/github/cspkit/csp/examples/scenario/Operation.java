package io.github.cspkit.csp.examples.scenario;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.money.CurrencyUnit;

/**
 * The operation of a dated line (SCENARIOS.md: {@code DATE [as ACTOR] OPERATION ...}), one record
 * per operation, its values checked once by {@link StatementParser}.
 */
sealed interface Operation {
  /** @return the operation's keyword as written, for messages */
  String keyword();

  /**
   * @param v what to do with it
   * @param <R> the result type
   * @return what {@code v} returned
   */
  <R> R accept(Visitor<R> v);

  /** One method per operation, so that every use handles them all. */
  interface Visitor<R> {
    R acceptAgreement(AcceptAgreement o);
    R notice(Notice o);
    R publishPriceList(PublishPriceList o);
    R createCustomer(CreateCustomer o);
    R order(Order o);
    R orderAddon(OrderAddon o);
    R convertTrial(ConvertTrial o);
    R addSeats(AddSeats o);
    R removeSeats(RemoveSeats o);
    R suspend(Suspend o);
    R reactivate(Reactivate o);
    R cancel(Cancel o);
    R autoRenew(AutoRenew o);
    R removeDelegatedAdmin(RemoveDelegatedAdmin o);
    R service(Service o);
    R financing(Financing o);
    R advance(Advance o);
    R schedule(Schedule o);
    R upgrade(Upgrade o);
    R terminateAgreement(TerminateAgreement o);
    R gdapRequest(GdapRequest o);
    R gdapApprove(GdapApprove o);
    R gdapTerminate(GdapTerminate o);
    R administer(Administer o);
    R importPriceList(ImportPriceList o);
  }

  /** {@code accept-agreement} (AGR). */
  record AcceptAgreement() implements Operation {
    @Override public String keyword() { return "accept-agreement"; }
    @Override public <R> R accept(Visitor<R> v) { return v.acceptAgreement(this); }
  }

  /** {@code notice written|email|phone} (AGR-3, AGR-4). @param channel how it was given */
  record Notice(NoticeChannel channel) implements Operation {
    public Notice {
      requireNonNull(channel, "channel");
    }

    @Override public String keyword() { return "notice"; }
    @Override public <R> R accept(Visitor<R> v) { return v.notice(this); }
  }

  /**
   * One price of a list: {@code SKU=PRICE} (the one-year term billed annually) or
   * {@code SKU/TERM/PLAN=PRICE} (NCE-2: the price of one seat for the whole term).
   *
   * @param offer the SKU, term and plan, which fit each other (NCE-1)
   * @param priceMinor the price in the list's minor units, not negative
   */
  record PriceEntry(TermOffer offer, long priceMinor) {
    public PriceEntry {
      requireNonNull(offer, "offer");
    }
  }

  /**
   * {@code publish-price-list ID market MARKET currency CUR effective DATE SKU=PRICE...} (PRC).
   *
   * @param id the list's id
   * @param market its market
   * @param currency its currency
   * @param effective its first day
   * @param prices its prices in file order, each offer once, at least one
   */
  record PublishPriceList(String id, String market, CurrencyUnit currency, LocalDate effective,
      List<PriceEntry> prices) implements Operation {
    public PublishPriceList {
      requireNonNull(id, "id");
      requireNonNull(market, "market");
      requireNonNull(currency, "currency");
      requireNonNull(effective, "effective");
      prices = List.copyOf(prices);
    }

    @Override public String keyword() { return "publish-price-list"; }
    @Override public <R> R accept(Visitor<R> v) { return v.publishPriceList(this); }
  }

  /**
   * {@code create-customer CUSTOMER market … segment … billing-day N currency CUR [tenant …]
   * [verified]} (CUS).
   *
   * @param id the customer
   * @param market its market
   * @param segment its segment
   * @param billingDay the day of the month its bills' periods start
   * @param currency its bills' currency
   * @param tenant where its tenant comes from
   * @param verified whether it is verified for its segment
   */
  record CreateCustomer(String id, String market, Segment segment, int billingDay,
      CurrencyUnit currency, TenantOrigin tenant, boolean verified) implements Operation {
    public CreateCustomer {
      requireNonNull(id, "id");
      requireNonNull(market, "market");
      requireNonNull(segment, "segment");
      requireNonNull(currency, "currency");
      requireNonNull(tenant, "tenant");
    }

    @Override public String keyword() { return "create-customer"; }
    @Override public <R> R accept(Visitor<R> v) { return v.createCustomer(this); }
  }

  /**
   * {@code order CUSTOMER SKU seats N as SUB [term TERM] [plan PLAN]} (SUB-1, NCE-1).
   *
   * @param customer the customer
   * @param sku the SKU
   * @param seats the seats
   * @param sub the new subscription's id
   * @param term the term, if the line names one (default {@code P1Y})
   * @param plan the billing plan, if the line names one (default {@code annual})
   */
  record Order(String customer, String sku, int seats, String sub, Optional<TermLength> term,
      Optional<BillingPlan> plan) implements Operation {
    public Order {
      requireNonNull(customer, "customer");
      requireNonNull(sku, "sku");
      requireNonNull(sub, "sub");
      requireNonNull(term, "term");
      requireNonNull(plan, "plan");
    }

    @Override public String keyword() { return "order"; }
    @Override public <R> R accept(Visitor<R> v) { return v.order(this); }
  }

  /**
   * {@code order-addon BASESUB SKU seats N as SUB} (CAT-3, SUB-3).
   *
   * @param base the base subscription
   * @param sku the add-on's SKU
   * @param seats the seats
   * @param sub the new subscription's id
   */
  record OrderAddon(String base, String sku, int seats, String sub) implements Operation {
    public OrderAddon {
      requireNonNull(base, "base");
      requireNonNull(sku, "sku");
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "order-addon"; }
    @Override public <R> R accept(Visitor<R> v) { return v.orderAddon(this); }
  }

  /**
   * {@code convert-trial CUSTOMER SKU seats N as SUB} (CUS-3).
   *
   * @param customer the customer
   * @param sku the paid SKU
   * @param seats the seats
   * @param sub the new subscription's id
   */
  record ConvertTrial(String customer, String sku, int seats, String sub) implements Operation {
    public ConvertTrial {
      requireNonNull(customer, "customer");
      requireNonNull(sku, "sku");
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "convert-trial"; }
    @Override public <R> R accept(Visitor<R> v) { return v.convertTrial(this); }
  }

  /** {@code add-seats SUB N} (SUB-2). @param sub the subscription @param seats how many */
  record AddSeats(String sub, int seats) implements Operation {
    public AddSeats {
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "add-seats"; }
    @Override public <R> R accept(Visitor<R> v) { return v.addSeats(this); }
  }

  /** {@code remove-seats SUB N} (SUB-7, NCE-6). @param sub the subscription @param seats how many */
  record RemoveSeats(String sub, int seats) implements Operation {
    public RemoveSeats {
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "remove-seats"; }
    @Override public <R> R accept(Visitor<R> v) { return v.removeSeats(this); }
  }

  /** {@code suspend SUB} (SUB-4, NCE-7). @param sub the subscription */
  record Suspend(String sub) implements Operation {
    public Suspend {
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "suspend"; }
    @Override public <R> R accept(Visitor<R> v) { return v.suspend(this); }
  }

  /** {@code reactivate SUB} (SUB-4). @param sub the subscription */
  record Reactivate(String sub) implements Operation {
    public Reactivate {
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "reactivate"; }
    @Override public <R> R accept(Visitor<R> v) { return v.reactivate(this); }
  }

  /** {@code cancel SUB} (SUB-5, NCE-5). @param sub the subscription */
  record Cancel(String sub) implements Operation {
    public Cancel {
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "cancel"; }
    @Override public <R> R accept(Visitor<R> v) { return v.cancel(this); }
  }

  /** {@code auto-renew SUB on|off} (SUB-7). @param sub the subscription @param on on or off */
  record AutoRenew(String sub, boolean on) implements Operation {
    public AutoRenew {
      requireNonNull(sub, "sub");
    }

    @Override public String keyword() { return "auto-renew"; }
    @Override public <R> R accept(Visitor<R> v) { return v.autoRenew(this); }
  }

  /** {@code remove-delegated-admin CUSTOMER} (ACC-2). @param customer the customer */
  record RemoveDelegatedAdmin(String customer) implements Operation {
    public RemoveDelegatedAdmin {
      requireNonNull(customer, "customer");
    }

    @Override public String keyword() { return "remove-delegated-admin"; }
    @Override public <R> R accept(Visitor<R> v) { return v.removeDelegatedAdmin(this); }
  }

  /**
   * {@code service CUSTOMER NAME AMOUNT monthly|once}: the partner's own service (BIL-1).
   *
   * @param customer the customer
   * @param service the service's name
   * @param amount the amount as written, a plain decimal: its digits are checked against the
   *     customer's currency when the line runs
   * @param recurrence monthly or once
   */
  record Service(String customer, String service, String amount, Recurrence recurrence)
      implements Operation {
    public Service {
      requireNonNull(customer, "customer");
      requireNonNull(service, "service");
      requireNonNull(amount, "amount");
      requireNonNull(recurrence, "recurrence");
    }

    @Override public String keyword() { return "service"; }
    @Override public <R> R accept(Visitor<R> v) { return v.service(this); }
  }

  /**
   * {@code financing CUSTOMER prepaid PERCENT | instalments N | none} (BIL-3), the runner's
   * extension.
   *
   * @param customer the customer
   * @param plan the plan
   */
  record Financing(String customer, FinancingPlan plan) implements Operation {
    public Financing {
      requireNonNull(customer, "customer");
      requireNonNull(plan, "plan");
    }

    @Override public String keyword() { return "financing"; }
    @Override public <R> R accept(Visitor<R> v) { return v.financing(this); }
  }

  /** {@code advance}: issue every bill due by the end of the line's day. */
  record Advance() implements Operation {
    @Override public String keyword() { return "advance"; }
    @Override public <R> R accept(Visitor<R> v) { return v.advance(this); }
  }

  /**
   * What a subscription's next term changes (NCE-8): {@code [seats N] [term TERM] [plan PLAN]
   * [sku SKU]}, at least one of them.
   *
   * @param seats the seat count
   * @param term the term
   * @param plan the billing plan
   * @param sku the SKU
   */
  record NextTerm(OptionalInt seats, Optional<TermLength> term, Optional<BillingPlan> plan,
      Optional<String> sku) {
    public NextTerm {
      requireNonNull(seats, "seats");
      requireNonNull(term, "term");
      requireNonNull(plan, "plan");
      requireNonNull(sku, "sku");
      if (seats.isEmpty() && term.isEmpty() && plan.isEmpty() && sku.isEmpty()) {
        throw new IllegalArgumentException("a next term changes something");
      }
    }

    /** @return the changes as SCENARIOS.md writes them, in its order */
    String text() {
      StringBuilder b = new StringBuilder();
      seats.ifPresent(n -> b.append(" seats ").append(n));
      term.ifPresent(t -> b.append(" term ").append(t.code()));
      plan.ifPresent(p -> b.append(" plan ").append(p.code()));
      sku.ifPresent(s -> b.append(" sku ").append(s));
      return b.substring(1);
    }
  }

  /**
   * {@code schedule SUB [seats N] [term TERM] [plan PLAN] [sku SKU]}: changes for the next term
   * (NCE-8).
   *
   * @param sub the subscription
   * @param changes what changes
   */
  record Schedule(String sub, NextTerm changes) implements Operation {
    public Schedule {
      requireNonNull(sub, "sub");
      requireNonNull(changes, "changes");
    }

    @Override public String keyword() { return "schedule"; }
    @Override public <R> R accept(Visitor<R> v) { return v.schedule(this); }
  }

  /**
   * Seats moved by a partial upgrade into a new subscription (NCE-9).
   *
   * @param seats how many
   * @param sub the new subscription's id
   */
  record MovedSeats(int seats, String sub) {
    public MovedSeats {
      requireNonNull(sub, "sub");
    }
  }

  /**
   * {@code upgrade SUB to SKU [seats N as SUB2]} (NCE-9).
   *
   * @param sub the subscription
   * @param to the SKU upgraded to
   * @param moved the seats moved into a new subscription; empty: all seats, and the subscription
   *     keeps its id
   */
  record Upgrade(String sub, String to, Optional<MovedSeats> moved) implements Operation {
    public Upgrade {
      requireNonNull(sub, "sub");
      requireNonNull(to, "to");
      requireNonNull(moved, "moved");
    }

    @Override public String keyword() { return "upgrade"; }
    @Override public <R> R accept(Visitor<R> v) { return v.upgrade(this); }
  }

  /**
   * {@code terminate-agreement effective DATE}: a written notice of termination (MPA-1).
   *
   * @param effective the day the agreement ends on
   */
  record TerminateAgreement(LocalDate effective) implements Operation {
    public TerminateAgreement {
      requireNonNull(effective, "effective");
    }

    @Override public String keyword() { return "terminate-agreement"; }
    @Override public <R> R accept(Visitor<R> v) { return v.terminateAgreement(this); }
  }

  /**
   * {@code gdap-request CUSTOMER as REL roles ROLE[,ROLE...] groups GROUP[,GROUP...] duration
   * DURATION [auto-extend]} (GDA-1).
   *
   * @param customer the customer
   * @param relationship the relationship's id
   * @param roles the roles, each once
   * @param groups the security groups, each once
   * @param duration the duration, an ISO-8601 period of years, months, weeks and days
   * @param autoExtend whether it extends itself (GDA-3)
   */
  record GdapRequest(String customer, String relationship, List<String> roles,
      List<String> groups, Period duration, boolean autoExtend) implements Operation {
    public GdapRequest {
      requireNonNull(customer, "customer");
      requireNonNull(relationship, "relationship");
      roles = List.copyOf(roles);
      groups = List.copyOf(groups);
      requireNonNull(duration, "duration");
    }

    @Override public String keyword() { return "gdap-request"; }
    @Override public <R> R accept(Visitor<R> v) { return v.gdapRequest(this); }
  }

  /** {@code gdap-approve REL} (GDA-1). @param relationship the relationship */
  record GdapApprove(String relationship) implements Operation {
    public GdapApprove {
      requireNonNull(relationship, "relationship");
    }

    @Override public String keyword() { return "gdap-approve"; }
    @Override public <R> R accept(Visitor<R> v) { return v.gdapApprove(this); }
  }

  /** {@code gdap-terminate REL} (GDA-4). @param relationship the relationship */
  record GdapTerminate(String relationship) implements Operation {
    public GdapTerminate {
      requireNonNull(relationship, "relationship");
    }

    @Override public String keyword() { return "gdap-terminate"; }
    @Override public <R> R accept(Visitor<R> v) { return v.gdapTerminate(this); }
  }

  /**
   * {@code administer CUSTOMER TASK}: a task on the customer's tenant (ACC-1, GDA-2).
   *
   * @param customer the customer
   * @param task the task, a word
   */
  record Administer(String customer, String task) implements Operation {
    public Administer {
      requireNonNull(customer, "customer");
      requireNonNull(task, "task");
    }

    @Override public String keyword() { return "administer"; }
    @Override public <R> R accept(Visitor<R> v) { return v.administer(this); }
  }

  /**
   * {@code import-price-list FILE published DATE}: a Partner Center price list file (PCF-1).
   *
   * @param file the file's path, relative to the scenario file
   * @param published the day the vendor published it
   */
  record ImportPriceList(String file, LocalDate published) implements Operation {
    public ImportPriceList {
      requireNonNull(file, "file");
      requireNonNull(published, "published");
    }

    @Override public String keyword() { return "import-price-list"; }
    @Override public <R> R accept(Visitor<R> v) { return v.importPriceList(this); }
  }
}
