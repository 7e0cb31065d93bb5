package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.examples.postgres.Jdbc.currency;
import static io.github.cspkit.csp.examples.postgres.Jdbc.date;
import static io.github.cspkit.csp.examples.postgres.Jdbc.exact;
import static io.github.cspkit.csp.examples.postgres.Jdbc.major;
import static io.github.cspkit.csp.examples.postgres.Jdbc.minor;
import static io.github.cspkit.csp.examples.postgres.Jdbc.prepare;
import static io.github.cspkit.csp.examples.postgres.Jdbc.saveRoot;
import static io.github.cspkit.csp.examples.postgres.Jdbc.update;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.RenewalPolicy;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.Billed;
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
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.repository.AgreementRepository;
import io.github.cspkit.csp.repository.BillingClaim;
import io.github.cspkit.csp.repository.StaleVersionException;
import io.github.cspkit.csp.repository.BillRepository;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.CustomerRepository;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventLog;
import io.github.cspkit.csp.repository.IdempotencyRecords;
import io.github.cspkit.csp.repository.PriceListRepository;
import io.github.cspkit.csp.repository.Repositories;
import io.github.cspkit.csp.repository.SubscriptionRepository;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The repositories of one transaction (a connection with autocommit off), or of reads outside
 * one ({@code tx == null}: each call takes its own connection).
 */
final class Session implements Repositories {
  private final PostgresStore store;
  private final Connection tx;
  private volatile boolean ended;
  /** Subscriptions saved in this transaction, not yet committed. */
  private final Map<String, Versioned<Subscription>> savedSubscriptions = new HashMap<>();
  /** Idempotency keys this transaction looked up and did not find. */
  private final java.util.Set<String> absentKeys = new java.util.HashSet<>();
  /** Price lists added in this transaction, not yet committed. */
  private final Map<String, PriceList> addedLists = new LinkedHashMap<>();

  Session(PostgresStore store, Connection tx) {
    this.store = store;
    this.tx = tx;
  }

  /** Refuses further use of a transaction's repositories. */
  void end() {
    ended = true;
  }

  /** Publishes what this transaction wrote to the store's caches, after commit. */
  void committed() {
    addedLists.values().forEach(store::cacheList);
    savedSubscriptions.values().forEach(store::cacheSubscription);
  }

  /** Work on a connection. */
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T sql(String what, SqlWork<T> work) {
    if (tx != null) {
      if (ended) {
        throw new IllegalStateException(
            "the transaction has ended: use these repositories only inside CspStore.inTransaction");
      }
      try {
        return work.run(tx);
      } catch (SQLException e) {
        throw PostgresStore.failure(what, e, false);
      }
    }
    store.requireOpen();
    try (Connection c = store.dataSource().getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw PostgresStore.failure(what, e, false);
    }
  }

  private void writable() {
    if (tx == null) {
      throw new IllegalStateException("writes need a transaction: use CspStore.inTransaction");
    }
  }

  /**
   * Locks the next customers of a bill run ({@code FOR UPDATE}, with {@code SKIP LOCKED} when
   * asked): a customer held by a command or by another instance's run is passed over, or waited for.
   */
  @Override
  public List<String> claimForBilling(BillingClaim claim) {
    writable();
    requireNonNull(claim, "claim");
    return sql("claiming customers to bill", c -> {
      ImmutableList.Builder<String> ids = ImmutableList.builder();
      try (PreparedStatement ps = prepare(c, "SELECT c.id FROM customer c "
              + "LEFT JOIN billing_account a ON a.customer_id = c.id "
              + "WHERE c.seq > coalesce((SELECT seq FROM customer WHERE id = ?), 0) "
              + "AND mod(c.seq, ?) = ? AND (a.customer_id IS NULL OR a.next_period_start <= ?) "
              + "ORDER BY c.seq LIMIT ? FOR UPDATE OF c" + (claim.skipLocked() ? " SKIP LOCKED" : ""),
          claim.after().orElse(null), (long) claim.shard().count(), (long) claim.shard().index(),
          claim.day(), claim.limit());
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids.build();
    });
  }

  // ---------------------------------------------------------------------------------- agreements

  @Override
  public AgreementRepository agreements() {
    return new AgreementRepository() {
      @Override
      public Optional<Versioned<Agreement>> find(String partnerId) {
        requireNonNull(partnerId, "partnerId");
        return sql("reading agreement " + partnerId, c -> findAgreement(c, partnerId));
      }

      @Override
      public Versioned<Agreement> save(Agreement agreement, long expectedVersion) {
        writable();
        requireNonNull(agreement, "agreement");
        return sql("saving agreement " + agreement.partnerId(), c -> {
          String id = agreement.partnerId();
          RenewalPolicy p = agreement.policy();
          Period notice = p.noticePeriod();
          long version = saveRoot(c, "agreement", "agreement", "partner_id", id,
              new String[] {"accepted_on", "renewal_month", "renewal_day", "notice_years",
                  "notice_months", "notice_days"},
              new Object[] {agreement.acceptedOn(), p.renewalDate().getMonthValue(),
                  p.renewalDate().getDayOfMonth(), notice.getYears(), notice.getMonths(),
                  notice.getDays()},
              expectedVersion);
          update(c, "DELETE FROM agreement_notice WHERE partner_id = ?", id);
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO agreement_notice "
              + "(partner_id, ordinal, given_on, party, channel) VALUES (?, ?, ?, ?, ?)")) {
            int i = 0;
            for (Notice n : agreement.notices()) {
              Jdbc.bind(ps, id, i++, n.givenOn(), n.party().name(), n.channel().name());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return new Versioned<>(agreement, version);
        });
      }
    };
  }

  private static Optional<Versioned<Agreement>> findAgreement(Connection c, String partnerId)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT a.accepted_on, a.renewal_month, a.renewal_day, "
        + "a.notice_years, a.notice_months, a.notice_days, a.version, n.given_on, n.party, n.channel "
        + "FROM agreement a LEFT JOIN agreement_notice n ON n.partner_id = a.partner_id "
        + "WHERE a.partner_id = ? ORDER BY n.ordinal", partnerId);
        ResultSet rs = ps.executeQuery()) {
      Agreement agreement = null;
      long version = 0;
      while (rs.next()) {
        if (agreement == null) {
          RenewalPolicy policy = RenewalPolicy.of(
              MonthDay.of(rs.getInt("renewal_month"), rs.getInt("renewal_day")),
              Period.of(rs.getInt("notice_years"), rs.getInt("notice_months"), rs.getInt("notice_days")));
          agreement = Agreement.accept(partnerId, date(rs, "accepted_on"), policy);
          version = rs.getLong("version");
        }
        LocalDate givenOn = date(rs, "given_on");
        if (givenOn != null) {
          agreement = agreement.withNotice(Notice.of(givenOn, Party.valueOf(rs.getString("party")),
              NoticeChannel.valueOf(rs.getString("channel"))));
        }
      }
      return agreement == null ? Optional.empty() : Optional.of(new Versioned<>(agreement, version));
    }
  }

  // --------------------------------------------------------------------------------- price lists

  @Override
  public PriceListRepository priceLists() {
    return new PriceListRepository() {
      @Override
      public void add(PriceList list) {
        writable();
        requireNonNull(list, "list");
        sql("adding price list " + list.id(), c -> {
          store.policy().validate(list); // the rules first (PRC-1, PRC-2), then the id
          if (findList(c, list.id()).isPresent()) {
            throw new IllegalArgumentException("price list " + list.id() + " is already stored");
          }
          CurrencyUnit currency = list.currency();
          int rows = update(c, "INSERT INTO price_list (id, market, currency, published_on, "
                  + "effective_on, period_start) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
              list.id(), list.market(), currency.getCurrencyCode(), list.publishedOn(),
              list.effectiveOn(), store.policy().periodStart(list.effectiveOn()));
          if (rows == 0) { // stored by a concurrent transaction since the check above
            throw new StaleVersionException("price list " + list.id(), 0, 1);
          }
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO price_list_item "
              + "(list_id, ordinal, sku, price, currency) VALUES (?, ?, ?, ?, ?)")) {
            int i = 0;
            for (Map.Entry<String, MonetaryAmount> e : list.prices().entrySet()) {
              Jdbc.bind(ps, list.id(), i++, e.getKey(),
                  major(MinorUnits.of(e.getValue()), currency), currency.getCurrencyCode());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          addedLists.put(list.id(), list);
          return null;
        });
      }

      @Override
      public Optional<PriceList> find(String id) {
        requireNonNull(id, "id");
        return sql("reading price list " + id, c -> findList(c, id));
      }

      @Override
      public List<PriceList> all() {
        return sql("reading price lists", c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT id FROM price_list ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          ImmutableList.Builder<PriceList> all = ImmutableList.builder();
          for (String id : ids) {
            all.add(findList(c, id).orElseThrow());
          }
          return all.build();
        });
      }

      @Override
      public PriceQuote quote(String sku, String market, CurrencyUnit currency, LocalDate day,
          LocalDate knownOn) {
        requireNonNull(sku, "sku");
        requireNonNull(market, "market");
        requireNonNull(currency, "currency");
        requireNonNull(day, "day");
        requireNonNull(knownOn, "knownOn");
        LocalDate start = store.policy().periodStart(day);
        LocalDate publishBy = store.policy().latestPublicationFor(start);
        return sql("quoting " + sku, c -> {
          String id = null;
          try (PreparedStatement ps = prepare(c, "SELECT id FROM price_list WHERE market = ? "
                  + "AND currency = ? AND period_start = ? AND published_on <= ? "
                  + "ORDER BY published_on DESC, seq DESC LIMIT 1",
              market, currency.getCurrencyCode(), start, knownOn);
              ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              id = rs.getString(1);
            }
          }
          if (id == null) {
            return PriceQuote.notYetPublished(sku, market, currency, day, knownOn, publishBy);
          }
          PriceList list = findList(c, id).orElseThrow();
          return list.lists(sku)
              ? PriceQuote.published(sku, list, day, knownOn, publishBy)
              : PriceQuote.notListed(sku, list, day, knownOn, publishBy);
        });
      }

      @Override
      public boolean hasCurrency(String market, CurrencyUnit currency, LocalDate knownOn) {
        requireNonNull(market, "market");
        requireNonNull(currency, "currency");
        requireNonNull(knownOn, "knownOn");
        return sql("reading price lists", c -> {
          try (PreparedStatement ps = prepare(c, "SELECT EXISTS (SELECT 1 FROM price_list "
                  + "WHERE market = ? AND currency = ? AND published_on <= ?)",
              market, currency.getCurrencyCode(), knownOn);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
          }
        });
      }
    };
  }

  /** Price lists never change once committed: they are read once per store. */
  private Optional<PriceList> findList(Connection c, String id) throws SQLException {
    PriceList cached = store.cachedList(id);
    if (cached == null) {
      cached = addedLists.get(id);
    }
    if (cached != null) {
      return Optional.of(cached);
    }
    try (PreparedStatement ps = prepare(c, "SELECT l.market, l.currency, l.published_on, "
        + "l.effective_on, i.sku, i.price, i.currency AS item_currency FROM price_list l "
        + "LEFT JOIN price_list_item i ON i.list_id = l.id WHERE l.id = ? ORDER BY i.ordinal", id);
        ResultSet rs = ps.executeQuery()) {
      PriceList.Builder list = null;
      while (rs.next()) {
        if (list == null) {
          list = PriceList.builder().id(id).market(rs.getString("market"))
              .currency(currency(rs.getString("currency")))
              .publishedOn(date(rs, "published_on")).effectiveOn(date(rs, "effective_on"));
        }
        String sku = rs.getString("sku");
        if (sku != null) {
          CurrencyUnit cur = currency(rs.getString("item_currency"));
          list.putPrices(sku, MinorUnits.toAmount(minor(rs.getBigDecimal("price"), cur), cur));
        }
      }
      if (list == null) {
        return Optional.empty();
      }
      PriceList found = list.build();
      if (tx == null) {
        store.cacheList(found); // committed; a transaction's reads may include its own uncommitted adds
      }
      return Optional.of(found);
    }
  }

  // ----------------------------------------------------------------------------------- customers

  @Override
  public CustomerRepository customers() {
    return new CustomerRepository() {
      @Override
      public Optional<Versioned<Customer>> find(String id) {
        requireNonNull(id, "id");
        // in a transaction the customer's row is locked until commit: one customer's commands and
        // bills are serialized (every partner command reads its customer first)
        return sql("reading customer " + id, c -> findCustomer(c, id, tx != null));
      }

      @Override
      public Versioned<Customer> save(Customer customer, long expectedVersion) {
        writable();
        requireNonNull(customer, "customer");
        return sql("saving customer " + customer.id(), c -> {
          Tenant t = customer.tenant();
          BillingProfile b = customer.billing();
          long version = saveRoot(c, "customer", "customer", "id", customer.id(),
              new String[] {"name", "partner_id", "market", "segment", "verified", "tenant_id",
                  "tenant_origin", "trial_ended_on", "billing_day", "bill_currency", "created_on",
                  "delegated_admin"},
              new Object[] {customer.name(), customer.partnerId(), customer.market(),
                  customer.segment().name(), customer.verified(), t.id(), t.origin().name(),
                  t.trialEndedOn().orElse(null), b.billingDay(), b.currency().getCurrencyCode(),
                  customer.createdOn(), customer.delegatedAdmin()},
              expectedVersion);
          return new Versioned<>(customer, version);
        });
      }

      @Override
      public List<String> ids() {
        return sql("reading customer ids", c -> {
          ImmutableList.Builder<String> ids = ImmutableList.builder();
          try (PreparedStatement ps = c.prepareStatement("SELECT id FROM customer ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          return ids.build();
        });
      }
    };
  }

  private static Optional<Versioned<Customer>> findCustomer(Connection c, String id, boolean lock)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT * FROM customer WHERE id = ?"
        + (lock ? " FOR UPDATE" : ""), id);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      Tenant tenant = Tenant.of(rs.getString("tenant_id"), TenantOrigin.valueOf(rs.getString("tenant_origin")));
      LocalDate trialEnded = date(rs, "trial_ended_on");
      if (trialEnded != null) {
        tenant = tenant.endTrial(trialEnded);
      }
      Customer customer = Customer.builder()
          .id(id)
          .name(rs.getString("name"))
          .partnerId(rs.getString("partner_id"))
          .market(rs.getString("market"))
          .segment(Segment.valueOf(rs.getString("segment")))
          .verified(rs.getBoolean("verified"))
          .tenant(tenant)
          .billing(BillingProfile.of(rs.getInt("billing_day"), currency(rs.getString("bill_currency"))))
          .createdOn(date(rs, "created_on"))
          .delegatedAdmin(rs.getBoolean("delegated_admin"))
          .build();
      return Optional.of(new Versioned<>(customer, rs.getLong("version")));
    }
  }

  // ------------------------------------------------------------------------------- subscriptions

  @Override
  public SubscriptionRepository subscriptions() {
    return new SubscriptionRepository() {
      @Override
      public Optional<Versioned<Subscription>> find(String id) {
        requireNonNull(id, "id");
        return sql("reading subscription " + id, c -> {
          try (PreparedStatement ps = prepare(c, "SELECT version FROM subscription WHERE id = ?", id);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(subscription(c, id, rs.getLong(1))) : Optional.empty();
          }
        });
      }

      @Override
      public Versioned<Subscription> save(Subscription subscription, long expectedVersion) {
        writable();
        requireNonNull(subscription, "subscription");
        return sql("saving subscription " + subscription.id(),
            c -> saveSubscription(c, subscription, expectedVersion));
      }

      @Override
      public List<Versioned<Subscription>> byCustomer(String customerId) {
        requireNonNull(customerId, "customerId");
        return sql("reading subscriptions of " + customerId, c -> {
          Map<String, Long> versions = new LinkedHashMap<>();
          try (PreparedStatement ps = prepare(c,
              "SELECT id, version FROM subscription WHERE customer_id = ? ORDER BY seq", customerId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              versions.put(rs.getString(1), rs.getLong(2));
            }
          }
          ImmutableList.Builder<Versioned<Subscription>> out = ImmutableList.builder();
          for (Map.Entry<String, Long> e : versions.entrySet()) {
            out.add(subscription(c, e.getKey(), e.getValue()));
          }
          return out.build();
        });
      }
    };
  }

  /** @return the subscription at {@code version} from a cache, else as stored now */
  private Versioned<Subscription> subscription(Connection c, String id, long version)
      throws SQLException {
    Versioned<Subscription> mine = savedSubscriptions.get(id);
    if (mine != null && mine.version() == version) {
      return mine;
    }
    Versioned<Subscription> cached = store.cachedSubscription(id, version);
    if (cached != null) {
      return cached;
    }
    Versioned<Subscription> loaded = loadSubscription(c, id)
        .orElseThrow(() -> new IllegalStateException("subscription " + id + " has no stored term"));
    if (!savedSubscriptions.containsKey(id)) {
      store.cacheSubscription(loaded); // committed: this transaction did not write it
    }
    return loaded;
  }

  /** Reads a subscription with its terms and steps in one statement: one consistent version. */
  private static Optional<Versioned<Subscription>> loadSubscription(Connection c, String id)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT s.customer_id, s.sku, s.base_id, s.currency, "
        + "s.auto_renew, s.version, t.ordinal AS term_ordinal, t.term_index, t.start_on, t.end_on, "
        + "t.days_in_term, t.sale_unit, t.cost_unit, st.step_on, st.kind, st.seats, st.status, "
        + "st.sale_rate, st.cost_rate "
        + "FROM subscription s "
        + "JOIN subscription_term t ON t.subscription_id = s.id "
        + "JOIN subscription_step st ON st.subscription_id = t.subscription_id "
        + "AND st.term_ordinal = t.ordinal "
        + "WHERE s.id = ? ORDER BY t.ordinal, st.ordinal", id)) {
      try (ResultSet rs = ps.executeQuery()) {
        Subscription.Builder sub = null;
        CurrencyUnit currency = null;
        long version = 0;
        int termOrdinal = -1;
        TermRow term = null;
        while (rs.next()) {
          if (sub == null) {
            currency = currency(rs.getString("currency"));
            version = rs.getLong("version");
            sub = Subscription.builder().id(id).customerId(rs.getString("customer_id"))
                .sku(rs.getString("sku")).baseId(Optional.ofNullable(rs.getString("base_id")))
                .currency(currency).autoRenew(rs.getBoolean("auto_renew"));
          }
          int ordinal = rs.getInt("term_ordinal");
          if (ordinal != termOrdinal) {
            if (term != null) {
              sub.addTerms(term.build());
            }
            termOrdinal = ordinal;
            term = new TermRow(rs.getInt("term_index"),
                DateRange.of(date(rs, "start_on"), date(rs, "end_on")), rs.getLong("days_in_term"),
                minor(rs.getBigDecimal("sale_unit"), currency), minor(rs.getBigDecimal("cost_unit"), currency));
          }
          term.steps.add(Step.of(date(rs, "step_on"), ChangeKind.valueOf(rs.getString("kind")),
              rs.getInt("seats"), SubscriptionStatus.valueOf(rs.getString("status")),
              minor(rs.getBigDecimal("sale_rate"), currency), minor(rs.getBigDecimal("cost_rate"), currency)));
        }
        if (sub == null) {
          return Optional.empty();
        }
        sub.addTerms(term.build());
        return Optional.of(new Versioned<>(sub.build(), version));
      }
    }
  }

  /** A term being read. */
  private static final class TermRow {
    final int index;
    final DateRange range;
    final long daysInTerm;
    final long saleUnit;
    final long costUnit;
    final List<Step> steps = new ArrayList<>();

    TermRow(int index, DateRange range, long daysInTerm, long saleUnit, long costUnit) {
      this.index = index;
      this.range = range;
      this.daysInTerm = daysInTerm;
      this.saleUnit = saleUnit;
      this.costUnit = costUnit;
    }

    Term build() {
      return Term.of(index, range, daysInTerm, saleUnit, costUnit, steps);
    }
  }

  private Versioned<Subscription> saveSubscription(Connection c, Subscription next, long expected)
      throws SQLException {
    String id = next.id();
    CurrencyUnit currency = next.currency();
    long version = saveRoot(c, "subscription", "subscription", "id", id,
        new String[] {"customer_id", "sku", "base_id", "currency", "auto_renew"},
        new Object[] {next.customerId(), next.sku(), next.baseId().orElse(null),
            currency.getCurrencyCode(), next.autoRenew()},
        expected);
    // the stored children are those of version `expected`: if that value is known, write the difference
    Subscription before = null;
    if (expected > 0) {
      Versioned<Subscription> mine = savedSubscriptions.get(id);
      if (mine == null || mine.version() != expected) {
        mine = store.cachedSubscription(id, expected);
      }
      if (mine != null && mine.value().currency().equals(currency)) {
        before = mine.value();
      } else {
        update(c, "DELETE FROM subscription_step WHERE subscription_id = ?", id);
        update(c, "DELETE FROM subscription_term WHERE subscription_id = ?", id);
      }
    }
    List<Term> old = before == null ? List.of() : before.terms();
    List<Term> terms = next.terms();
    try (PreparedStatement steps = c.prepareStatement("INSERT INTO subscription_step "
        + "(subscription_id, term_ordinal, ordinal, step_on, kind, seats, status, sale_rate, "
        + "cost_rate, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < terms.size(); i++) {
        Term t = terms.get(i);
        int from = 0;
        if (i < old.size()) {
          Term o = old.get(i);
          if (o == t || o.equals(t)) {
            continue;
          }
          if (sameHeader(o, t) && t.steps().size() >= o.steps().size()
              && t.steps().subList(0, o.steps().size()).equals(o.steps())) {
            from = o.steps().size(); // steps were appended
          } else {
            update(c, "DELETE FROM subscription_step WHERE subscription_id = ? AND term_ordinal = ?", id, i);
            update(c, "UPDATE subscription_term SET term_index = ?, start_on = ?, end_on = ?, "
                    + "days_in_term = ?, sale_unit = ?, cost_unit = ?, currency = ? "
                    + "WHERE subscription_id = ? AND ordinal = ?",
                t.index(), t.start(), t.end(), t.daysInTerm(), major(t.saleUnit(), currency),
                major(t.costUnit(), currency), currency.getCurrencyCode(), id, i);
          }
        } else {
          update(c, "INSERT INTO subscription_term (subscription_id, ordinal, term_index, start_on, "
                  + "end_on, days_in_term, sale_unit, cost_unit, currency) "
                  + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              id, i, t.index(), t.start(), t.end(), t.daysInTerm(), major(t.saleUnit(), currency),
              major(t.costUnit(), currency), currency.getCurrencyCode());
        }
        List<Step> list = t.steps();
        for (int j = from; j < list.size(); j++) {
          Step s = list.get(j);
          Jdbc.bind(steps, id, i, j, s.date(), s.kind().name(), s.seats(), s.status().name(),
              major(s.saleRate(), currency), major(s.costRate(), currency), currency.getCurrencyCode());
          steps.addBatch();
        }
      }
      steps.executeBatch();
    }
    for (int i = terms.size(); i < old.size(); i++) {
      update(c, "DELETE FROM subscription_step WHERE subscription_id = ? AND term_ordinal = ?", id, i);
      update(c, "DELETE FROM subscription_term WHERE subscription_id = ? AND ordinal = ?", id, i);
    }
    Versioned<Subscription> saved = new Versioned<>(next, version);
    savedSubscriptions.put(id, saved);
    return saved;
  }

  private static boolean sameHeader(Term a, Term b) {
    return a.index() == b.index() && a.range().equals(b.range()) && a.daysInTerm() == b.daysInTerm()
        && a.saleUnit() == b.saleUnit() && a.costUnit() == b.costUnit();
  }

  // --------------------------------------------------------------------------------------- bills

  @Override
  public BillRepository bills() {
    return new BillRepository() {
      @Override
      public Optional<Versioned<BillingAccount>> account(String customerId) {
        requireNonNull(customerId, "customerId");
        return sql("reading the billing account of " + customerId, c -> findAccount(c, customerId));
      }

      @Override
      public Versioned<BillingAccount> saveAccount(BillingAccount account, long expectedVersion) {
        writable();
        requireNonNull(account, "account");
        return sql("saving the billing account of " + account.customerId(), c -> {
          String id = account.customerId();
          FinancingPlan plan = account.financing();
          long version = saveRoot(c, "billing account", "billing_account", "customer_id", id,
              new String[] {"last_issued_on", "next_period_start", "financing_kind",
                  "financing_discount_bp", "financing_instalments"},
              new Object[] {account.lastIssuedOn().orElse(null), account.nextPeriodStart(),
                  plan.kind().name(), plan.discountBasisPoints(), plan.instalments()},
              expectedVersion);
          update(c, "DELETE FROM billing_account_billed WHERE customer_id = ?", id);
          update(c, "DELETE FROM billing_account_one_off WHERE customer_id = ?", id);
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_account_billed "
              + "(customer_id, term_key, ordinal, sale_numerator, cost_numerator, through) "
              + "VALUES (?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (Map.Entry<String, Billed> e : account.billed().entrySet()) {
              Billed b = e.getValue();
              Jdbc.bind(ps, id, e.getKey(), i++, BigDecimal.valueOf(b.saleNumerator()),
                  BigDecimal.valueOf(b.costNumerator()), b.through());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_account_one_off "
              + "(customer_id, service_id, ordinal) VALUES (?, ?, ?)")) {
            int i = 0;
            for (String service : account.oneOffsBilled()) {
              Jdbc.bind(ps, id, service, i++);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return new Versioned<>(account, version);
        });
      }

      @Override
      public void add(Bill bill) {
        writable();
        requireNonNull(bill, "bill");
        sql("adding bill " + bill.id(), c -> {
          addBill(c, bill);
          return null;
        });
      }

      @Override
      public List<Bill> bills(String customerId) {
        requireNonNull(customerId, "customerId");
        return sql("reading the bills of " + customerId, c -> loadBills(c, customerId, null));
      }

      @Override
      public Optional<Bill> find(String customerId, YearMonth month) {
        requireNonNull(customerId, "customerId");
        requireNonNull(month, "month");
        return sql("reading the bill of " + customerId + " for " + month,
            c -> loadBills(c, customerId, month).stream().findFirst());
      }

      @Override
      public void saveService(OwnService service) {
        writable();
        requireNonNull(service, "service");
        sql("saving service " + service.id(), c -> {
          CurrencyUnit cur = service.currency();
          update(c, "INSERT INTO own_service (customer_id, id, name, amount, currency, recurrence, "
                  + "starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                  + "ON CONFLICT (customer_id, id) DO UPDATE SET name = EXCLUDED.name, "
                  + "amount = EXCLUDED.amount, currency = EXCLUDED.currency, "
                  + "recurrence = EXCLUDED.recurrence, starts_on = EXCLUDED.starts_on, "
                  + "ends_on = EXCLUDED.ends_on",
              service.customerId(), service.id(), service.name(), major(service.amountMinor(), cur),
              cur.getCurrencyCode(), service.recurrence().name(), service.startsOn(),
              service.endsOn().orElse(null));
          return null;
        });
      }

      @Override
      public List<OwnService> services(String customerId) {
        requireNonNull(customerId, "customerId");
        return sql("reading the services of " + customerId, c -> {
          ImmutableList.Builder<OwnService> out = ImmutableList.builder();
          try (PreparedStatement ps = prepare(c,
              "SELECT * FROM own_service WHERE customer_id = ? ORDER BY seq", customerId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              CurrencyUnit cur = currency(rs.getString("currency"));
              out.add(OwnService.builder()
                  .id(rs.getString("id"))
                  .customerId(customerId)
                  .name(rs.getString("name"))
                  .amountMinor(minor(rs.getBigDecimal("amount"), cur))
                  .currency(cur)
                  .recurrence(Recurrence.valueOf(rs.getString("recurrence")))
                  .startsOn(date(rs, "starts_on"))
                  .endsOn(Optional.ofNullable(date(rs, "ends_on")))
                  .build());
            }
          }
          return out.build();
        });
      }
    };
  }

  private static Optional<Versioned<BillingAccount>> findAccount(Connection c, String customerId)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT a.last_issued_on, a.next_period_start, "
        + "a.financing_kind, a.financing_discount_bp, a.financing_instalments, a.version, "
        + "ARRAY(SELECT o.service_id FROM billing_account_one_off o "
        + "WHERE o.customer_id = a.customer_id ORDER BY o.ordinal) AS one_offs, "
        + "b.term_key, b.sale_numerator, b.cost_numerator, b.through "
        + "FROM billing_account a LEFT JOIN billing_account_billed b ON b.customer_id = a.customer_id "
        + "WHERE a.customer_id = ? ORDER BY b.ordinal", customerId);
        ResultSet rs = ps.executeQuery()) {
      BillingAccount.Builder account = null;
      long version = 0;
      while (rs.next()) {
        if (account == null) {
          version = rs.getLong("version");
          account = BillingAccount.builder()
              .customerId(customerId)
              .lastIssuedOn(Optional.ofNullable(date(rs, "last_issued_on")))
              .nextPeriodStart(date(rs, "next_period_start"))
              .financing(plan(FinancingPlan.Kind.valueOf(rs.getString("financing_kind")),
                  rs.getLong("financing_discount_bp"), rs.getInt("financing_instalments")));
          Array oneOffs = rs.getArray("one_offs");
          for (Object service : (Object[]) oneOffs.getArray()) {
            account.addOneOffsBilled((String) service);
          }
          oneOffs.free();
        }
        String key = rs.getString("term_key");
        if (key != null) {
          account.putBilled(key, new Billed(exact(rs.getBigDecimal("sale_numerator")),
              exact(rs.getBigDecimal("cost_numerator")), date(rs, "through")));
        }
      }
      return account == null ? Optional.empty() : Optional.of(new Versioned<>(account.build(), version));
    }
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

  private static void addBill(Connection c, Bill bill) throws SQLException {
    String customer = bill.customerId();
    LocalDate start = bill.period().start();
    CurrencyUnit cur = bill.currency();
    int rows = update(c, "INSERT INTO bill (customer_id, period_start, period_month, period_end, "
            + "issued_on, currency, total, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        customer, start, bill.month().atDay(1), bill.period().end(), bill.issuedOn(),
        cur.getCurrencyCode(), major(bill.totalMinor(), cur), major(bill.costMinor(), cur));
    if (rows == 0) {
      throw new IllegalStateException("customer " + customer
          + " already has a bill for the period starting " + start);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bill_line (customer_id, "
        + "period_start, ordinal, kind, subscription_id, item, description, span_start, span_end, "
        + "seats, unit_price, days_in_term, amount, cost, currency) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int i = 0;
      for (BillLine l : bill.lines()) {
        CurrencyUnit lc = l.currency();
        Jdbc.bind(ps, customer, start, i++, l.kind().name(), l.subscriptionId(), l.item(),
            l.description(), l.span().start(), l.span().end(), l.seats(), major(l.unitMinor(), lc),
            l.daysInTerm(), major(l.amountMinor(), lc), major(l.costMinor(), lc), lc.getCurrencyCode());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bill_due (customer_id, "
        + "period_start, ordinal, due_on, amount, currency) VALUES (?, ?, ?, ?, ?, ?)")) {
      int i = 0;
      for (Due d : bill.dues()) {
        Jdbc.bind(ps, customer, start, i++, d.date(), major(d.amountMinor(), cur), cur.getCurrencyCode());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Bills never change once added: reading the bill rows, then their lines and dues, is
   * consistent (a bill committed in between only adds lines that are skipped).
   */
  private static List<Bill> loadBills(Connection c, String customerId, YearMonth month)
      throws SQLException {
    String only = month == null ? "" : " AND period_start = (SELECT period_start FROM bill "
        + "WHERE customer_id = ? AND period_month = ?)";
    Object[] args = month == null ? new Object[] {customerId}
        : new Object[] {customerId, customerId, month.atDay(1)};
    Map<LocalDate, Bill.Builder> bills = new LinkedHashMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT period_start, period_end, issued_on, currency "
        + "FROM bill WHERE customer_id = ?" + only + " ORDER BY seq", args);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        LocalDate start = date(rs, "period_start");
        bills.put(start, Bill.builder().customerId(customerId)
            .period(DateRange.of(start, date(rs, "period_end")))
            .issuedOn(date(rs, "issued_on"))
            .currency(currency(rs.getString("currency"))));
      }
    }
    if (bills.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = prepare(c, "SELECT * FROM bill_line WHERE customer_id = ?" + only
        + " ORDER BY period_start, ordinal", args);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Bill.Builder bill = bills.get(date(rs, "period_start"));
        if (bill == null) {
          continue;
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
    try (PreparedStatement ps = prepare(c, "SELECT period_start, due_on, amount, currency "
        + "FROM bill_due WHERE customer_id = ?" + only + " ORDER BY period_start, ordinal", args);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        LocalDate start = date(rs, "period_start");
        Bill.Builder bill = bills.get(start);
        if (bill == null) {
          continue;
        }
        CurrencyUnit cur = currency(rs.getString("currency"));
        bill.addDues(new Due(date(rs, "due_on"), minor(rs.getBigDecimal("amount"), cur)));
      }
    }
    ImmutableList.Builder<Bill> out = ImmutableList.builder();
    bills.values().forEach(b -> out.add(b.build()));
    return out.build();
  }

  // ---------------------------------------------------------------------------------- event log

  @Override
  public EventLog events() {
    return new EventLog() {
      @Override
      public DomainEvent append(DomainEvent event) {
        writable();
        requireNonNull(event, "event");
        return sql("appending an event", c -> {
          try (PreparedStatement ps = prepare(c, "INSERT INTO domain_event (aggregate, aggregate_id, "
                  + "kind, event_on, command_key, detail) VALUES (?, ?, ?, ?, ?, ?) RETURNING sequence",
              event.aggregate(), event.aggregateId(), event.kind(), event.date(),
              event.commandKey(), event.detail());
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return event.withSequence(rs.getLong(1));
          }
        });
      }

      @Override
      public List<DomainEvent> read(long afterSequence, int limit) {
        return sql("reading events", c -> events(c, "SELECT * FROM domain_event WHERE sequence > ? "
            + "ORDER BY sequence LIMIT ?", Math.max(0, afterSequence), Math.max(0, limit)));
      }

      @Override
      public List<DomainEvent> byCommand(String commandKey) {
        requireNonNull(commandKey, "commandKey");
        return sql("reading events", c -> events(c, "SELECT * FROM domain_event "
            + "WHERE command_key = ? ORDER BY sequence", commandKey));
      }

      @Override
      public long size() {
        return sql("counting events", c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM domain_event");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
      }
    };
  }

  private static List<DomainEvent> events(Connection c, String sql, Object... args)
      throws SQLException {
    ImmutableList.Builder<DomainEvent> out = ImmutableList.builder();
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new DomainEvent(rs.getLong("sequence"), rs.getString("aggregate"),
            rs.getString("aggregate_id"), rs.getString("kind"), date(rs, "event_on"),
            rs.getString("command_key"), rs.getString("detail")));
      }
    }
    return out.build();
  }

  // ------------------------------------------------------------------------------- idempotency

  @Override
  public IdempotencyRecords idempotency() {
    return new IdempotencyRecords() {
      @Override
      public Optional<CommandRecord> find(String key) {
        requireNonNull(key, "key");
        Optional<CommandRecord> found = sql("reading idempotency key " + key, c -> {
          try (PreparedStatement ps = prepare(c, "SELECT command, aggregate, aggregate_id "
              + "FROM idempotency_record WHERE key = ?", key);
              ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(new CommandRecord(key, rs.getString(1), rs.getString(2), rs.getString(3)))
                : Optional.<CommandRecord>empty();
          }
        });
        if (found.isEmpty() && tx != null) {
          absentKeys.add(key);
        }
        return found;
      }

      @Override
      public void record(CommandRecord record) {
        writable();
        requireNonNull(record, "record");
        sql("recording idempotency key " + record.key(), c -> {
          int rows = update(c, "INSERT INTO idempotency_record (key, command, aggregate, "
                  + "aggregate_id) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
              record.key(), record.command(), record.aggregate(), record.aggregateId());
          if (rows == 0) {
            if (absentKeys.contains(record.key())) {
              // another transaction recorded it since this one looked: run again, and replay
              throw new StaleVersionException("idempotency key " + record.key(), 0, 1);
            }
            throw new IllegalStateException("idempotency key " + record.key() + " is already recorded");
          }
          return null;
        });
      }
    };
  }
}
