package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.examples.postgres.Jdbc.currency;
import static io.github.cspkit.csp.examples.postgres.Jdbc.date;
import static io.github.cspkit.csp.examples.postgres.Jdbc.minor;

import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.RenewalPolicy;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.Due;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.LineKind;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;

/** Rows back into domain values; every query selects the columns named here. */
final class Rows {
  private Rows() {}

  static final String CUSTOMER = "c.id, c.managed_by, c.name, c.market, c.segment, c.verified, "
      + "c.tenant_id, c.tenant_origin, c.trial_ended_on, c.billing_day, c.bill_currency, "
      + "c.created_on, c.delegated_admin, c.version";

  static Versioned<Customer> customer(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    Tenant tenant = Tenant.of(rs.getString("tenant_id"), TenantOrigin.valueOf(rs.getString("tenant_origin")));
    LocalDate trialEnded = date(rs, "trial_ended_on");
    if (trialEnded != null) {
      tenant = tenant.endTrial(trialEnded);
    }
    Customer customer = Customer.builder()
        .id(id)
        .name(rs.getString("name"))
        .partnerId(rs.getString("managed_by"))
        .market(rs.getString("market"))
        .segment(Segment.valueOf(rs.getString("segment")))
        .verified(rs.getBoolean("verified"))
        .tenant(tenant)
        .billing(BillingProfile.of(rs.getInt("billing_day"), currency(rs.getString("bill_currency"))))
        .createdOn(date(rs, "created_on"))
        .delegatedAdmin(rs.getBoolean("delegated_admin"))
        .build();
    return new Versioned<>(customer, rs.getLong("version"));
  }

  static final String ACCOUNT = "a.customer_id, a.last_issued_on, a.next_period_start, "
      + "a.financing_kind, a.financing_discount_bp, a.financing_instalments, a.version, "
      + "a.billed_key::text, a.billed_sale::text, a.billed_cost::text, a.billed_through::text, "
      + "a.one_off::text";

  /** An account row with its billed terms and one-off services. */
  static final class AccountRow {
    final BillingAccount.Builder builder;
    final long version;

    AccountRow(BillingAccount.Builder builder, long version) {
      this.builder = builder;
      this.version = version;
    }
  }

  static AccountRow account(ResultSet rs) throws SQLException {
    BillingAccount.Builder account = BillingAccount.builder()
        .customerId(rs.getString("customer_id"))
        .lastIssuedOn(Optional.ofNullable(date(rs, "last_issued_on")))
        .nextPeriodStart(date(rs, "next_period_start"))
        .financing(plan(FinancingPlan.Kind.valueOf(rs.getString("financing_kind")),
            rs.getLong("financing_discount_bp"), rs.getInt("financing_instalments")));
    String[] arrays = new String[AccountArrays.COLUMNS.length];
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = rs.getString(AccountArrays.COLUMNS[i]);
    }
    AccountArrays.read(arrays, account);
    return new AccountRow(account, rs.getLong("version"));
  }

  private static FinancingPlan plan(FinancingPlan.Kind kind, long discountBasisPoints, int instalments) {
    switch (kind) {
      case ANNUAL_PREPAYMENT:
        return FinancingPlan.annualPrepayment(BigDecimal.valueOf(discountBasisPoints, 2));
      case INSTALMENTS:
        return FinancingPlan.instalments(instalments);
      default:
        return FinancingPlan.none();
    }
  }

  /**
   * @return the services of those customers (parameters: partner, then {@link Batch#keys}) as one
   *     {@code text[]}, a service after another in the order added, each as eight texts:
   *     customer, id, name, amount, currency, recurrence, start, end (null while it runs)
   */
  static String servicesOf(String[] customerIds) {
    return SqlText.of("ARRAY(SELECT f.v FROM own_service s CROSS JOIN LATERAL unnest(ARRAY["
        + "s.customer_id, s.id, s.name, s.amount::text, s.currency::text, s.recurrence::text, "
        + "s.starts_on::text, s.ends_on::text]) WITH ORDINALITY AS f(v, k) WHERE s.partner_id = ? "
        + "AND ", Batch.match("s.customer_id", customerIds), " ORDER BY s.seq, f.k)");
  }

  /** @return the services {@link #servicesOf(String[])} read */
  static List<OwnService> services(String[] flat) {
    List<OwnService> out = new ArrayList<>(flat.length / 8);
    for (int i = 0; i + 8 <= flat.length; i += 8) {
      CurrencyUnit cur = currency(flat[i + 4]);
      out.add(OwnService.builder()
          .customerId(flat[i])
          .id(flat[i + 1])
          .name(flat[i + 2])
          .amountMinor(minor(new java.math.BigDecimal(flat[i + 3]), cur))
          .currency(cur)
          .recurrence(Recurrence.valueOf(flat[i + 5]))
          .startsOn(LocalDate.parse(flat[i + 6]))
          .endsOn(Optional.ofNullable(flat[i + 7]).map(LocalDate::parse))
          .build());
    }
    return out;
  }

  static final String AGREEMENT = "a.holder, a.accepted_on, a.renewal_month, a.renewal_day, "
      + "a.notice_years, a.notice_months, a.notice_days, a.version, n.given_on, n.party, n.channel";

  /**
   * Reads agreements with their notices (rows ordered by holder, then notice).
   *
   * @param signature receives the rows' {@code signature} column, if there is a row
   */
  static Map<String, Versioned<Agreement>> agreements(ResultSet rs, long[] signature)
      throws SQLException {
    Map<String, Versioned<Agreement>> out = new LinkedHashMap<>();
    while (rs.next()) {
      signature[0] = rs.getLong("signature");
      String holder = rs.getString("holder");
      Versioned<Agreement> v = out.get(holder);
      if (v == null) {
        RenewalPolicy policy = RenewalPolicy.of(
            MonthDay.of(rs.getInt("renewal_month"), rs.getInt("renewal_day")),
            Period.of(rs.getInt("notice_years"), rs.getInt("notice_months"), rs.getInt("notice_days")));
        v = new Versioned<>(Agreement.accept(holder, date(rs, "accepted_on"), policy), rs.getLong("version"));
      }
      LocalDate givenOn = date(rs, "given_on");
      if (givenOn != null) {
        v = new Versioned<>(v.value().withNotice(Notice.of(givenOn, Party.valueOf(rs.getString("party")),
            NoticeChannel.valueOf(rs.getString("channel")))), v.version());
      }
      out.put(holder, v);
    }
    return out;
  }

  static final String EVENT = "e.sequence, e.aggregate, e.aggregate_id, e.kind, e.event_on, "
      + "e.command_key, e.detail, e.payload";

  static DomainEvent event(ResultSet rs) throws SQLException {
    return new DomainEvent(rs.getLong("sequence"), rs.getString("aggregate_id"),
        date(rs, "event_on"), rs.getString("command_key"), rs.getString("detail"),
        Events.payload(rs.getString("payload"), rs.getString("aggregate"), rs.getString("kind")));
  }

  /**
   * Subscriptions, one row each with its terms and steps as the stored JSON text ({@link
   * TermsDocument}), in order of creation; each id is a primary-key lookup, so reading a block
   * costs the same whatever the size of the table, and an id given twice is read once.
   * Parameters: the partner, then the subscriptions' ids.
   */
  static final String SUBSCRIPTIONS = subscriptionsWhere("s.id");

  /**
   * The subscriptions of some customers, as {@link #SUBSCRIPTIONS} reads them, through the index
   * by customer. Parameters: the partner, then the customers' ids.
   */
  static final String SUBSCRIPTIONS_OF_CUSTOMERS = subscriptionsWhere("s.customer_id");

  /** Subscriptions whose {@code column} is one of the ids given, as {@link #subscriptions} reads. */
  private static String subscriptionsWhere(String column) {
    return "SELECT s.id, s.customer_id, s.sku, s.base_id, s.currency, s.auto_renew, s.version, "
        + "s.terms::text AS terms FROM subscription s WHERE s.partner_id = ? AND " + column
        + " = ANY(?::text[]) ORDER BY s.seq";
  }

  static List<Versioned<Subscription>> subscriptions(ResultSet rs) throws SQLException {
    List<Versioned<Subscription>> out = new ArrayList<>();
    while (rs.next()) {
      Subscription s = Subscription.builder().id(rs.getString("id"))
          .customerId(rs.getString("customer_id")).sku(rs.getString("sku"))
          .baseId(Optional.ofNullable(rs.getString("base_id")))
          .currency(currency(rs.getString("currency"))).autoRenew(rs.getBoolean("auto_renew"))
          .addAllTerms(TermsDocument.read(rs.getString("terms"))).build();
      out.add(new Versioned<>(s, rs.getLong("version")));
    }
    return out;
  }

  /** The lines of the bills of one customer, in order. */
  static final String LINES = "SELECT b.customer_id, b.period_start, l.* FROM bill b, ROWS FROM "
      + "(json_to_recordset(b.lines) AS (kind text, subscription_id text, item text, description text, "
      + "span_start date, span_end date, seats bigint, unit_price numeric, days_in_term bigint, "
      + "amount numeric, cost numeric, currency text)) WITH ORDINALITY AS l(kind, subscription_id, "
      + "item, description, span_start, span_end, seats, unit_price, days_in_term, amount, cost, "
      + "currency, ord) WHERE b.partner_id = ? AND b.customer_id = ? ORDER BY b.seq, l.ord";

  /** The dues of the bills of one customer, in order. */
  static final String DUES = "SELECT b.customer_id, b.period_start, d.due_on, d.amount, b.currency "
      + "FROM bill b, ROWS FROM (json_to_recordset(b.dues) AS (due_on date, amount numeric)) "
      + "WITH ORDINALITY AS d(due_on, amount, ord) WHERE b.partner_id = ? AND b.customer_id = ? "
      + "ORDER BY b.seq, d.ord";

  /** Reads bills, then their lines, then their dues (three result sets of one batch). */
  static final class BillReader {
    final Map<String, Bill.Builder> bills = new LinkedHashMap<>();

    private static String key(String customer, LocalDate start) {
      return customer + "\u0000" + start;
    }

    void bills(ResultSet rs) throws SQLException {
      while (rs.next()) {
        String customer = rs.getString("customer_id");
        LocalDate start = date(rs, "period_start");
        bills.put(key(customer, start), Bill.builder().customerId(customer)
            .period(DateRange.of(start, date(rs, "period_end")))
            .issuedOn(date(rs, "issued_on"))
            .currency(currency(rs.getString("currency"))));
      }
    }

    void lines(ResultSet rs) throws SQLException {
      while (rs.next()) {
        Bill.Builder bill = bills.get(key(rs.getString("customer_id"), date(rs, "period_start")));
        if (bill == null) {
          continue; // committed after the bills were read
        }
        CurrencyUnit cur = currency(rs.getString("currency"));
        LineKind kind = LineKind.valueOf(rs.getString("kind"));
        String subscriptionId = rs.getString("subscription_id");
        DateRange span = DateRange.of(date(rs, "span_start"), date(rs, "span_end"));
        long amount = minor(rs.getBigDecimal("amount"), cur);
        bill.addLines(subscriptionId == null
            ? BillLine.flat(kind, rs.getString("item"), rs.getString("description"), span, amount, cur)
            : BillLine.subscription(kind, subscriptionId, rs.getString("item"),
                rs.getString("description"), span, rs.getLong("seats"),
                minor(rs.getBigDecimal("unit_price"), cur), rs.getLong("days_in_term"), amount,
                minor(rs.getBigDecimal("cost"), cur), cur));
      }
    }

    void dues(ResultSet rs) throws SQLException {
      while (rs.next()) {
        Bill.Builder bill = bills.get(key(rs.getString("customer_id"), date(rs, "period_start")));
        if (bill != null) {
          CurrencyUnit cur = currency(rs.getString("currency"));
          bill.addDues(new Due(date(rs, "due_on"), minor(rs.getBigDecimal("amount"), cur)));
        }
      }
    }

    List<Bill> build() {
      List<Bill> out = new ArrayList<>(bills.size());
      bills.values().forEach(b -> out.add(b.build()));
      return out;
    }
  }
}
