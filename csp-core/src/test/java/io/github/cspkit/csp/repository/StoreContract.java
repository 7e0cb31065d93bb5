package io.github.cspkit.csp.repository;

import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
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
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.pricing.PriceSource;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.subscription.internal.SubscriptionChange;
import io.github.cspkit.csp.subscription.internal.SubscriptionOperations;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link CspStore} keeps (DESIGN.md, Persistence): round trips of every
 * aggregate, optimistic versions, idempotency records, the event log, all-or-nothing transactions
 * and concurrent seat changes. Subclass it with {@link #newStore()} returning an empty store.
 */
public abstract class StoreContract {
  protected static final CurrencyUnit USD = MinorUnits.USD;
  protected static final CurrencyUnit EUR = MinorUnits.EUR;
  protected static final CurrencyUnit JPY = MinorUnits.JPY;
  protected static final CurrencyUnit BHD = MinorUnits.BHD;

  /** The store under test, new and empty for each test. */
  protected CspStore store;

  /** @return a new, empty store */
  protected abstract CspStore newStore();

  /**
   * @param store a store
   * @return a store over the same data as a fresh process would see it (no in-memory state);
   *     {@code store} itself for an in-memory store
   */
  protected CspStore reopen(CspStore store) {
    return store;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  // ------------------------------------------------------------------------------------ fixtures

  protected static Customer customer(String id) {
    return Customer.builder()
        .id(id)
        .partnerId("P1")
        .market("US")
        .tenant(Tenant.of("tenant-" + id, TenantOrigin.NEW))
        .billing(BillingProfile.of(10, USD))
        .createdOn(d("2025-01-10"))
        .build();
  }

  /** Stores customers, so that rows pointing to them may be stored (a store may check it). */
  protected void saveCustomers(String... ids) {
    store.inTransaction(r -> {
      for (String id : ids) {
        r.customers().save(customer(id), 0);
      }
      return null;
    });
  }

  protected static Step step(String date, ChangeKind kind, int seats, SubscriptionStatus status,
      long unitSale, long unitCost) {
    return Step.of(d(date), kind, seats, status, unitSale * seats, unitCost * seats);
  }

  /** Two terms, several steps each; an add-on when {@code baseId} is given. */
  protected static Subscription subscription(String id, String customerId, String baseId) {
    Term first = Term.of(0, DateRange.of(d("2024-02-10"), d("2025-02-10")), 366, 28800, 24000,
        List.of(step("2024-02-10", ChangeKind.ORDER, 5, SubscriptionStatus.ACTIVE, 28800, 24000),
            step("2024-05-01", ChangeKind.ADD_SEATS, 8, SubscriptionStatus.ACTIVE, 28800, 24000),
            step("2024-05-01", ChangeKind.ADD_SEATS, 9, SubscriptionStatus.ACTIVE, 28800, 24000),
            step("2024-09-01", ChangeKind.SUSPEND, 9, SubscriptionStatus.SUSPENDED, 28800, 24000),
            step("2024-10-01", ChangeKind.REACTIVATE, 9, SubscriptionStatus.ACTIVE, 28800, 24000)));
    Term second = Term.of(1, DateRange.of(d("2025-02-10"), d("2026-02-10")), 365, 30001, 25000,
        List.of(step("2025-02-10", ChangeKind.RENEW, 9, SubscriptionStatus.ACTIVE, 30001, 25000),
            step("2025-03-01", ChangeKind.REMOVE_SEATS, 6, SubscriptionStatus.ACTIVE, 30001, 25000)));
    Subscription.Builder b = Subscription.builder().id(id).customerId(customerId).sku("O365_E3")
        .currency(USD).autoRenew(baseId == null).addTerms(first, second);
    if (baseId != null) {
      b.baseId(baseId);
    }
    return b.build();
  }

  private static Subscription withStep(Subscription sub, Step step) {
    List<Term> terms = new ArrayList<>(sub.terms());
    terms.set(terms.size() - 1, sub.term().with(step));
    return Subscription.builder().from(sub).terms(terms).build();
  }

  private static DomainEvent typed(String aggregateId, String commandKey, EventPayload payload) {
    return new DomainEvent(0, aggregateId, d("2025-03-01"), commandKey, "typed", payload);
  }

  private static DomainEvent event(String aggregateId, String kind, String commandKey) {
    return new DomainEvent(0, "subscription", aggregateId, kind, d("2025-03-01"), commandKey,
        kind + " of " + aggregateId);
  }

  private static PriceList list(String id, String market, CurrencyUnit currency, String month,
      String published, String... skuAndPrice) {
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    for (int i = 0; i < skuAndPrice.length; i += 2) {
      prices.put(skuAndPrice[i],
          MinorUnits.toAmount(MinorUnits.parse(skuAndPrice[i + 1], currency), currency));
    }
    return PriceList.of(id, market, currency, d(published), YearMonth.parse(month).atDay(1), prices);
  }

  // --------------------------------------------------------------------------------- agreements

  @Test
  void agreement_round_trip_with_notices_and_policy() {
    Agreement seed = Agreement.accept("P1", d("2024-10-01"))
        .withNotice(Notice.written(d("2025-07-15"), Party.PARTNER))
        .withNotice(Notice.written(d("2025-07-20"), Party.VENDOR));
    Agreement custom = Agreement.accept("P2", d("2024-03-01"),
        RenewalPolicy.of(MonthDay.of(2, 29), Period.ofDays(45)));
    Versioned<Agreement> saved = store.inTransaction(r -> {
      r.agreements().save(custom, 0);
      return r.agreements().save(seed, 0);
    });
    assertThat(saved).isEqualTo(new Versioned<>(seed, 1));

    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().agreements().find("P1")).contains(new Versioned<>(seed, 1));
      assertThat(s.read().agreements().find("P2")).contains(new Versioned<>(custom, 1));
      assertThat(s.read().agreements().find("P3")).isEmpty();
    }
    Agreement more = custom.withNotice(Notice.written(d("2024-12-01"), Party.PARTNER));
    assertThat(store.inTransaction(r -> r.agreements().save(more, 1)).version()).isEqualTo(2);
    assertThat(reopen(store).read().agreements().find("P2")).contains(new Versioned<>(more, 2));
    assertThat(more.endDate()).isEqualTo(reopen(store).read().agreements().find("P2")
        .orElseThrow().value().endDate());
  }

  // -------------------------------------------------------------------------------- price lists

  @Test
  void price_lists_round_trip_and_quote_exactly_like_the_price_book() {
    List<PriceList> lists = List.of(
        list("US-USD-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00", "O365_E5", "400.00"),
        list("US-USD-2025-03-fix", "US", USD, "2025-03", "2025-01-20", "O365_E3", "250.00"),
        list("US-USD-2025-03-fix2", "US", USD, "2025-03", "2025-01-20", "O365_E3", "255.50",
            "O365_E5", "410.00"),
        list("US-USD-2025-04", "US", USD, "2025-04", "2025-02-01", "O365_E3", "245.00"),
        list("US-EUR-2025-03", "US", EUR, "2025-03", "2025-01-10", "O365_E3", "220.00"),
        list("JP-JPY-2025-03", "JP", JPY, "2025-03", "2025-01-10", "O365_E3", "30000"),
        list("BH-BHD-2025-03", "BH", BHD, "2025-03", "2025-01-10", "O365_E3", "90.125"),
        list("US-USD-2025-06-empty", "US", USD, "2025-06", "2025-04-01"));
    PriceBook book = PriceBook.create();
    lists.forEach(book::publish);
    store.inTransaction(r -> {
      lists.subList(0, 3).forEach(r.priceLists()::add);
      return null;
    });
    store.inTransaction(r -> {
      lists.subList(3, lists.size()).forEach(r.priceLists()::add);
      return null;
    });

    for (CspStore s : List.of(store, reopen(store))) {
      PriceListRepository repo = s.read().priceLists();
      assertThat(repo.all()).containsExactlyElementsOf(lists);
      for (PriceList l : lists) {
        assertThat(repo.find(l.id())).contains(l);
      }
      assertThat(repo.find("nope")).isEmpty();
      int published = 0;
      int notYet = 0;
      int notListed = 0;
      String[][] marketCurrency = {{"US", "USD"}, {"US", "EUR"}, {"JP", "JPY"}, {"BH", "BHD"}, {"US", "JPY"}};
      for (String sku : List.of("O365_E3", "O365_E5", "UNKNOWN")) {
        for (String[] mc : marketCurrency) {
          CurrencyUnit currency = javax.money.Monetary.getCurrency(mc[1]);
          for (String day : List.of("2025-02-15", "2025-03-01", "2025-03-31", "2025-04-15", "2025-05-01", "2025-06-10")) {
            for (String known : List.of("2025-01-09", "2025-01-10", "2025-01-15", "2025-01-19",
                "2025-01-20", "2025-02-01", "2025-06-01")) {
              PriceQuote expected = book.quote(sku, mc[0], currency, d(day), d(known));
              PriceQuote actual = repo.book().quote(sku, mc[0], currency, d(day), d(known));
              assertThat(actual).as("%s %s %s on %s known %s", sku, mc[0], mc[1], day, known)
                  .isEqualTo(expected);
              assertThat(actual.publishBy()).isEqualTo(expected.publishBy());
              switch (actual.status()) {
                case PUBLISHED -> published++;
                case NOT_YET_PUBLISHED -> notYet++;
                default -> notListed++;
              }
            }
          }
          for (String known : List.of("2025-01-09", "2025-01-10", "2025-03-01")) {
            assertThat(repo.book().hasCurrency(mc[0], currency, d(known)))
                .isEqualTo(book.hasCurrency(mc[0], currency, d(known)));
          }
        }
      }
      assertThat(published).isPositive();
      assertThat(notYet).isPositive();
      assertThat(notListed).isPositive();
      // the correction answers from its publication day on; before, the first list still answers
      assertThat(repo.book().quote("O365_E3", "US", USD, d("2025-03-10"), d("2025-01-19")).orElseThrow())
          .isEqualTo(MinorUnits.toAmount(24000, USD));
      assertThat(repo.book().quote("O365_E3", "US", USD, d("2025-03-10"), d("2025-01-20")).listId())
          .contains("US-USD-2025-03-fix2");
      PriceQuote early = repo.book().quote("O365_E3", "US", USD, d("2025-05-10"), d("2025-03-01"));
      assertThat(early.status()).isEqualTo(PriceQuote.Status.NOT_YET_PUBLISHED);
      assertThat(early.publishBy()).isEqualTo(d("2025-04-01"));
    }
  }

  @Test
  void price_list_refusals_store_nothing() {
    PriceList march = list("US-USD-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00");
    store.inTransaction(r -> {
      r.priceLists().add(march);
      return null;
    });
    assertThatThrownBy(() -> store.inTransaction(r -> {
      r.priceLists().add(list("US-USD-2025-05", "US", USD, "2025-05", "2025-02-01", "O365_E3", "1.00"));
      r.priceLists().add(list("US-USD-2025-03", "US", USD, "2025-03", "2025-01-16", "O365_E3", "1.00"));
      return null;
    })).isInstanceOf(ConflictException.class).hasMessageContaining("US-USD-2025-03")
        .extracting(e -> ((ConflictException) e).reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID);
    assertThatThrownBy(() -> store.inTransaction(r -> {
      r.priceLists().add(list("late", "US", USD, "2025-04", "2025-03-20", "O365_E3", "1.00"));
      return null;
    })).isInstanceOf(RuleViolation.class).hasMessageContaining("PRC-2");
    assertThat(reopen(store).read().priceLists().all()).containsExactly(march);
  }

  // ---------------------------------------------------------------------------------- customers

  @Test
  void customer_round_trip_and_creation_order() {
    Customer plain = customer("C2");
    Customer trial = Customer.builder()
        .id("C1")
        .name("Contoso Education")
        .partnerId("P9")
        .market("DE")
        .segment(Segment.EDUCATION)
        .verified(true)
        .tenant(Tenant.of("contoso.onmicrosoft.com", TenantOrigin.DIRECT_TRIAL).endTrial(d("2025-02-01")))
        .billing(BillingProfile.of(31, EUR))
        .createdOn(d("2025-01-02"))
        .delegatedAdmin(false)
        .build();
    store.inTransaction(r -> {
      r.customers().save(plain, 0);
      r.customers().save(trial, 0);
      return null;
    });
    Customer changed = plain.withBilling(BillingProfile.of(28, JPY)).withDelegatedAdmin(false);
    Versioned<Customer> saved = store.inTransaction(r -> r.customers().save(changed, 1));
    assertThat(saved).isEqualTo(new Versioned<>(changed, 2));
    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().customers().find("C1")).contains(new Versioned<>(trial, 1));
      assertThat(s.read().customers().find("C2")).contains(new Versioned<>(changed, 2));
      assertThat(s.read().customers().find("C3")).isEmpty();
      assertThat(s.read().customers().ids()).containsExactly("C2", "C1");
    }
  }

  // ------------------------------------------------------------------------------ subscriptions

  @Test
  void subscription_round_trip_with_terms_and_steps() {
    saveCustomers("C1", "C2");
    Subscription base = subscription("S1", "C1", null);
    Subscription addOn = subscription("S2", "C1", "S1");
    Subscription other = subscription("S3", "C2", null);
    store.inTransaction(r -> {
      r.subscriptions().save(base, 0);
      r.subscriptions().save(other, 0);
      r.subscriptions().save(addOn, 0);
      return null;
    });
    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().subscriptions().find("S1")).contains(new Versioned<>(base, 1));
      assertThat(s.read().subscriptions().find("S2")).contains(new Versioned<>(addOn, 1));
      assertThat(s.read().subscriptions().find("S9")).isEmpty();
      assertThat(s.read().subscriptions().byCustomer("C1"))
          .containsExactly(new Versioned<>(base, 1), new Versioned<>(addOn, 1));
      assertThat(s.read().subscriptions().byCustomer("C9")).isEmpty();
    }

    // a step appended, then two steps in one transaction, then history rewritten, then a term dropped
    Subscription v2 = withStep(base, step("2025-04-01", ChangeKind.ADD_SEATS, 7, SubscriptionStatus.ACTIVE, 30001, 25000));
    Subscription v3 = withStep(v2, step("2025-05-01", ChangeKind.ADD_SEATS, 8, SubscriptionStatus.ACTIVE, 30001, 25000));
    Subscription v4 = withStep(v3, step("2025-06-01", ChangeKind.SUSPEND, 8, SubscriptionStatus.SUSPENDED, 30001, 25000));
    store.inTransaction(r -> r.subscriptions().save(v2, 1));
    store.inTransaction(r -> {
      Versioned<Subscription> saved = r.subscriptions().save(v3, 2);
      assertThat(r.subscriptions().find("S1")).contains(saved);
      return r.subscriptions().save(v4, saved.version());
    });
    assertThat(store.read().subscriptions().find("S1")).contains(new Versioned<>(v4, 4));
    assertThat(reopen(store).read().subscriptions().find("S1")).contains(new Versioned<>(v4, 4));

    Term rewritten = Term.of(1, DateRange.of(d("2025-02-10"), d("2026-02-10")), 365, 31000, 26000,
        List.of(step("2025-02-10", ChangeKind.RENEW, 3, SubscriptionStatus.ACTIVE, 31000, 26000)));
    Subscription v5 = Subscription.builder().from(v4).autoRenew(false)
        .terms(List.of(v4.terms().get(0), rewritten)).build();
    store.inTransaction(r -> r.subscriptions().save(v5, 4));
    Subscription v6 = Subscription.builder().from(v5).terms(List.of(v5.terms().get(0))).build();
    store.inTransaction(r -> r.subscriptions().save(v6, 5));
    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().subscriptions().find("S1")).contains(new Versioned<>(v6, 6));
      assertThat(s.read().subscriptions().find("S1").orElseThrow().value().seats()).isEqualTo(9);
    }
    Subscription v7 = Subscription.builder().from(v6).terms(v4.terms()).build();
    store.inTransaction(r -> r.subscriptions().save(v7, 6));
    assertThat(reopen(store).read().subscriptions().find("S1")).contains(new Versioned<>(v7, 7));
  }

  @Test
  void SUB_1_taken_names_the_ids_subscriptions_have_as_find_sees_them() {
    saveCustomers("C1");
    store.inTransaction(r -> r.subscriptions().save(subscription("S1", "C1", null), 0));
    store.inTransaction(r -> r.subscriptions().save(subscription("S3", "C1", null), 0));
    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().subscriptions().taken(List.of("S3", "S2", "S1", "S3")))
          .containsExactly("S3", "S1", "S3");
      assertThat(s.read().subscriptions().taken(List.of())).isEmpty();
    }
    store.inTransaction(r -> {
      assertThat(r.subscriptions().find("S1")).isPresent(); // read in this transaction
      r.subscriptions().save(subscription("S2", "C1", null), 0); // staged in it
      assertThat(r.subscriptions().taken(List.of("S4", "S2", "S1", "S3")))
          .containsExactly("S2", "S1", "S3");
      return null;
    });
    assertThat(reopen(store).read().subscriptions().taken(List.of("S2", "S4")))
        .containsExactly("S2");
  }

  @Test
  void SUB_1_a_read_ahead_changes_no_read() {
    saveCustomers("C1", "C2");
    store.inTransaction(r -> r.subscriptions().save(subscription("S1", "C1", null), 0));
    CommandRecord kept = new CommandRecord("k1", "order(S1)", "subscription", "S1");
    store.inTransaction(r -> {
      r.idempotency().record(kept);
      return null;
    });
    store.inTransaction(r -> {
      r.readAhead(new ReadAhead(java.util.Optional.of("k1"), List.of("S1", "S2", "S3")));
      assertThat(r.customers().find("C2")).isPresent(); // the first read, which may carry it
      assertThat(r.idempotency().find("k1")).contains(kept);
      r.subscriptions().save(subscription("S2", "C2", null), 0); // staged after the read ahead
      assertThat(r.subscriptions().taken(List.of("S3", "S2", "S1"))).containsExactly("S2", "S1");
      return null;
    });
    store.inTransaction(r -> {
      r.readAhead(new ReadAhead(java.util.Optional.of("k2"), List.of("S4")));
      assertThat(r.customers().find("C1")).isPresent();
      assertThat(r.idempotency().find("k2")).isEmpty();
      assertThat(r.subscriptions().taken(List.of("S4", "S2"))).containsExactly("S2");
      return null;
    });
    // a new customer named ahead that exists after all: read whole, as without the hint (by a
    // store that has not seen it)
    reopen(store).inTransaction(r -> {
      r.readAhead(new ReadAhead(java.util.Optional.of("k1"), List.of(), java.util.Optional.of("C1")));
      assertThat(r.idempotency().find("k1")).contains(kept); // the first read, which may carry it
      assertThat(r.customers().find("C1")).isPresent();
      assertThat(r.subscriptions().byCustomer("C1")).extracting(v -> v.value().id())
          .containsExactly("S1");
      return null;
    });
    store.inTransaction(r -> {
      r.readAhead(new ReadAhead(java.util.Optional.empty(), List.of(), java.util.Optional.of("C9")));
      assertThat(r.customers().find("C9")).isEmpty();
      assertThat(r.subscriptions().byCustomer("C9")).isEmpty();
      return null;
    });
    assertThat(catchThrowable(() -> store.inTransaction(r -> {
      r.readAhead(null);
      return null;
    }))).isInstanceOf(NullPointerException.class);
  }

  @Test
  void a_rolled_back_subscription_change_leaves_the_stored_history() {
    saveCustomers("C1");
    Subscription base = subscription("S1", "C1", null);
    store.inTransaction(r -> r.subscriptions().save(base, 0));
    Subscription lost = withStep(base, step("2025-04-01", ChangeKind.ADD_SEATS, 7, SubscriptionStatus.ACTIVE, 30001, 25000));
    RuntimeException crash = new RuntimeException("crash after the save");
    assertThat(catchThrowable(() -> store.inTransaction(r -> {
      r.subscriptions().save(lost, 1);
      throw crash;
    }))).isSameAs(crash);
    assertThat(store.read().subscriptions().find("S1")).contains(new Versioned<>(base, 1));
    Subscription kept = withStep(base, step("2025-05-01", ChangeKind.ADD_SEATS, 12, SubscriptionStatus.ACTIVE, 30001, 25000));
    store.inTransaction(r -> r.subscriptions().save(kept, 1));
    assertThat(store.read().subscriptions().find("S1")).contains(new Versioned<>(kept, 2));
    assertThat(reopen(store).read().subscriptions().find("S1")).contains(new Versioned<>(kept, 2));
  }

  // ------------------------------------------------------------------------------------ billing

  @Test
  void billing_account_round_trip_with_billed_map() {
    saveCustomers("C1");
    BillingAccount opened = BillingAccount.open("C1", d("2025-01-10"));
    BillingAccount later = BillingAccount.builder().from(opened)
        .lastIssuedOn(d("2025-03-10"))
        .nextPeriodStart(d("2025-03-10"))
        .putBilled(BillingAccount.key("S1", 0), new Billed(28800L * 5 * 366, 24000L * 5 * 366, d("2025-02-10")))
        .putBilled(BillingAccount.key("S1", 1), new Billed(-1234567890123L, 0, d("2025-03-10")))
        .putBilled(BillingAccount.key("S2", 0), new Billed(Long.MAX_VALUE, Long.MIN_VALUE, d("2025-03-10")))
        // BIL-6 at the limits: 2,147,483,647 seats at 1,199,999.99 over 366 days exceed a long
        .putBilled(BillingAccount.key("S3", 0), new Billed(
            io.github.cspkit.csp.money.Numerator.product(119_999_999L * Integer.MAX_VALUE, 366),
            io.github.cspkit.csp.money.Numerator.product(-119_999_999L * Integer.MAX_VALUE, 366),
            d("2025-03-10")))
        .addOneOffsBilled("setup", "migration")
        .financing(FinancingPlan.instalments(12))
        .build();
    BillingAccount prepaid = later.withFinancing(FinancingPlan.annualPrepayment(new BigDecimal("2.5")));
    store.inTransaction(r -> r.bills().saveAccount(opened, 0));
    store.inTransaction(r -> r.bills().saveAccount(later, 1));
    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().bills().account("C1")).contains(new Versioned<>(later, 2));
      assertThat(s.read().bills().account("C2")).isEmpty();
    }
    store.inTransaction(r -> r.bills().saveAccount(prepaid, 2));
    assertThat(reopen(store).read().bills().account("C1")).contains(new Versioned<>(prepaid, 3));
    assertThat(reopen(store).read().bills().account("C1").orElseThrow().value().financing().prepaid()).isTrue();
  }

  @Test
  void bill_round_trip_with_lines_and_dues() {
    saveCustomers("C1", "C2");
    DateRange feb = DateRange.of(d("2025-02-10"), d("2025-03-10"));
    Bill first = Bill.builder()
        .customerId("C1")
        .period(feb)
        .issuedOn(d("2025-02-09"))
        .currency(USD)
        .addLines(BillLine.subscription(LineKind.RECURRING, "S1", "O365_E3", "5 seats",
                feb, 5, 28800, 365, 11047, 9205, USD),
            BillLine.subscription(LineKind.PRORATED, "S1", "O365_E3", "2 seats removed",
                DateRange.of(d("2025-01-20"), d("2025-02-10")), -2, 28800, 365, -3314, -2762, USD),
            BillLine.flat(LineKind.SERVICE, "Helpdesk", "monthly support", feb, 5000, USD),
            BillLine.flat(LineKind.DISCOUNT, "Prepayment", "", feb, -100, USD))
        .addDues(new Due(d("2025-02-09"), 6317), new Due(d("2025-03-09"), 6316))
        .build();
    DateRange mar = DateRange.of(d("2025-03-10"), d("2025-04-10"));
    Bill second = Bill.builder().customerId("C1").period(mar).issuedOn(d("2025-03-09"))
        .currency(USD).addDues(new Due(d("2025-03-09"), 0)).build();
    Bill yen = Bill.builder().customerId("C2").period(feb).issuedOn(d("2025-02-09")).currency(JPY)
        .addLines(BillLine.flat(LineKind.SERVICE, "Setup", "once", feb, 30000, JPY))
        .addDues(new Due(d("2025-02-09"), 30000)).build();
    store.inTransaction(r -> {
      r.bills().add(first);
      r.bills().add(yen);
      return null;
    });
    store.inTransaction(r -> {
      r.bills().add(second);
      return null;
    });
    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().bills().bills("C1")).containsExactly(first, second);
      assertThat(s.read().bills().bills("C2")).containsExactly(yen);
      assertThat(s.read().bills().bills("C3")).isEmpty();
      assertThat(s.read().bills().find("C1", YearMonth.of(2025, 3))).contains(second);
      assertThat(s.read().bills().find("C1", YearMonth.of(2025, 2))).contains(first);
      assertThat(s.read().bills().find("C1", YearMonth.of(2025, 4))).isEmpty();
      Bill read = s.read().bills().find("C1", YearMonth.of(2025, 2)).orElseThrow();
      assertThat(read.lines().get(1).formula()).isEqualTo(first.lines().get(1).formula());
      assertThat(read.totalMinor()).isEqualTo(12633);
    }
    Bill again = Bill.builder().from(second).period(DateRange.of(d("2025-03-01"), d("2025-04-01"))).build();
    assertThatThrownBy(() -> store.inTransaction(r -> {
      r.bills().add(again);
      return null;
    })).isInstanceOf(ConflictException.class).hasMessageContaining("C1")
        .extracting(e -> ((ConflictException) e).reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID);
    assertThat(store.read().bills().bills("C1")).containsExactly(first, second);
  }

  @Test
  void own_services_round_trip_in_creation_order() {
    saveCustomers("C1", "C2");
    // a name with what a text array quotes: braces, quotes, a comma, a backslash, NULL
    OwnService helpdesk = OwnService.builder().id("helpdesk").customerId("C1")
        .name("Helpdesk {\"24/7\", NULL} \\ remote")
        .amountMinor(5000).currency(USD).recurrence(Recurrence.MONTHLY).startsOn(d("2025-01-10")).build();
    OwnService setup = OwnService.builder().id("setup").customerId("C1").amountMinor(12345)
        .currency(USD).recurrence(Recurrence.ONCE).startsOn(d("2025-01-15")).build();
    OwnService dinar = OwnService.builder().id("backup").customerId("C2").amountMinor(1500)
        .currency(BHD).recurrence(Recurrence.MONTHLY).startsOn(d("2025-01-15")).build();
    store.inTransaction(r -> {
      r.bills().saveService(helpdesk);
      r.bills().saveService(setup);
      r.bills().saveService(dinar);
      return null;
    });
    OwnService stopped = OwnService.builder().from(helpdesk).endsOn(d("2025-06-10")).amountMinor(5500).build();
    store.inTransaction(r -> {
      r.bills().saveService(stopped);
      return null;
    });
    for (CspStore s : List.of(store, reopen(store))) {
      assertThat(s.read().bills().services("C1")).containsExactly(stopped, setup);
      assertThat(s.read().bills().services("C2")).containsExactly(dinar);
      assertThat(s.read().bills().services("C3")).isEmpty();
      List<OwnService> inTransaction = s.inTransaction(r -> r.bills().services("C1"));
      assertThat(inTransaction).containsExactly(stopped, setup);
    }
  }

  // ------------------------------------------------------------------------------------ versions

  @Test
  void a_stale_version_is_refused_naming_the_aggregate_and_both_versions() {
    store.inTransaction(r -> {
      r.agreements().save(Agreement.accept("P1", d("2024-10-01")), 0);
      r.customers().save(customer("C1"), 0);
      r.subscriptions().save(subscription("S1", "C1", null), 0);
      r.bills().saveAccount(BillingAccount.open("C1", d("2025-01-10")), 0);
      return null;
    });
    store.inTransaction(r -> r.customers().save(customer("C1").withDelegatedAdmin(false), 1));

    assertStale(r -> r.agreements().save(Agreement.accept("P1", d("2024-11-01")), 0), "agreement P1", 0, 1);
    assertStale(r -> r.agreements().save(Agreement.accept("P1", d("2024-11-01")), 2), "agreement P1", 2, 1);
    assertStale(r -> r.customers().save(customer("C1"), 1), "customer C1", 1, 2);
    assertStale(r -> r.customers().save(customer("C7"), 3), "customer C7", 3, 0);
    assertStale(r -> r.subscriptions().save(subscription("S1", "C1", "S0"), 0), "subscription S1", 0, 1);
    assertStale(r -> r.bills().saveAccount(BillingAccount.open("C1", d("2025-02-10")), 5), "billing account C1", 5, 1);

    Repositories read = reopen(store).read();
    assertThat(read.agreements().find("P1")).contains(new Versioned<>(Agreement.accept("P1", d("2024-10-01")), 1));
    assertThat(read.customers().find("C1")).contains(new Versioned<>(customer("C1").withDelegatedAdmin(false), 2));
    assertThat(read.customers().find("C7")).isEmpty();
    assertThat(read.subscriptions().find("S1")).contains(new Versioned<>(subscription("S1", "C1", null), 1));
    assertThat(read.bills().account("C1")).contains(new Versioned<>(BillingAccount.open("C1", d("2025-01-10")), 1));
  }

  private void assertStale(java.util.function.Function<Repositories, ?> save, String aggregate,
      long expected, long actual) {
    Throwable thrown = catchThrowable(() -> store.inTransaction(save));
    assertThat(thrown).isInstanceOf(StaleVersionException.class)
        .hasMessageContaining(aggregate)
        .hasMessageContaining("stale version " + expected)
        .hasMessageContaining("stored version is " + actual);
    StaleVersionException stale = (StaleVersionException) thrown;
    assertThat(stale.aggregate()).isEqualTo(aggregate);
    assertThat(stale.expected()).isEqualTo(expected);
    assertThat(stale.actual()).isEqualTo(actual);
  }

  @Test
  void writes_outside_a_transaction_are_refused() {
    assertThatThrownBy(() -> store.read().customers().save(customer("C1"), 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.read().events().append(event("S1", "ORDER", "k1")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.read().idempotency().record(new CommandRecord("k1", "order", "subscription", "S1")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.read().customers().ids()).isEmpty();
    assertThat(store.read().events().size()).isZero();
  }

  // -------------------------------------------------------------------------------- idempotency

  @Test
  void an_idempotency_key_is_found_again_and_cannot_be_recorded_twice() {
    CommandRecord order = new CommandRecord("key-1", "order", "subscription", "S1");
    assertThat(store.read().idempotency().find("key-1")).isEmpty();
    store.inTransaction(r -> {
      r.idempotency().record(order);
      assertThat(r.idempotency().find("key-1")).contains(order);
      assertThatThrownBy(() -> r.idempotency().record(order)).isInstanceOf(ConflictException.class);
      return null;
    });
    assertThat(store.read().idempotency().find("key-1")).contains(order);
    assertThat(reopen(store).read().idempotency().find("key-1")).contains(order);
    assertThatThrownBy(() -> store.inTransaction(r -> {
      r.idempotency().record(new CommandRecord("key-1", "addSeats", "subscription", "S2"));
      return null;
    })).isInstanceOf(ConflictException.class).hasMessageContaining("key-1")
        .extracting(e -> ((ConflictException) e).reason()).isEqualTo(ConflictException.Reason.KEY_REUSED);
    assertThat(store.read().idempotency().find("key-1")).contains(order);
    assertThat(store.read().idempotency().find("key-2")).isEmpty();
  }

  // ---------------------------------------------------------------------------------- event log

  @Test
  void events_keep_their_order_and_sequence_numbers() {
    List<DomainEvent> first = store.inTransaction(r -> List.of(
        r.events().append(event("S1", "ORDER", "k1")),
        r.events().append(event("S2", "ORDER_ADD_ON", "k2")),
        r.events().append(event("S1", "ADD_SEATS", "k1"))));
    List<DomainEvent> second = store.inTransaction(r -> List.of(
        r.events().append(event("S1", "REMOVE_SEATS", "k3")),
        r.events().append(event("S1", "SUSPEND", "k1"))));
    List<DomainEvent> appended = new ArrayList<>(first);
    appended.addAll(second);
    // increasing, not necessarily gapless: a store may number events from a database sequence
    for (int i = 0; i < appended.size(); i++) {
      assertThat(appended.get(i).sequence()).isGreaterThan(i == 0 ? 0 : appended.get(i - 1).sequence());
    }
    assertThat(first.get(0)).isEqualTo(event("S1", "ORDER", "k1").withSequence(first.get(0).sequence()));

    for (CspStore s : List.of(store, reopen(store))) {
      EventLog log = s.read().events();
      assertThat(log.size()).isEqualTo(5);
      List<DomainEvent> all = log.read(0, 100);
      assertThat(all).isEqualTo(appended);
      assertThat(all).extracting(DomainEvent::kind)
          .containsExactly("ORDER", "ORDER_ADD_ON", "ADD_SEATS", "REMOVE_SEATS", "SUSPEND");
      assertThat(log.read(all.get(1).sequence(), 2)).isEqualTo(all.subList(2, 4));
      assertThat(log.read(all.get(4).sequence(), 10)).isEmpty();
      assertThat(log.read(0, 0)).isEmpty();
      assertThat(log.byCommand("k1")).containsExactly(all.get(0), all.get(2), all.get(4));
      assertThat(log.byCommand("k1")).extracting(DomainEvent::kind).containsExactly("ORDER", "ADD_SEATS", "SUSPEND");
      assertThat(log.byCommand("k3")).containsExactly(event("S1", "REMOVE_SEATS", "k3").withSequence(all.get(3).sequence()));
      assertThat(log.byCommand("nope")).isEmpty();
    }
  }

  @Test
  void events_keep_their_typed_payloads_and_untyped_ones_their_text() {
    SubscriptionEvent seed = SubscriptionEvent.builder().subscriptionId("S1").customerId("C1")
        .sku("O365_E3").kind(ChangeKind.ADD_SEATS).date(d("2024-02-29")).seatsBefore(10)
        .seatsAfter(15).status(SubscriptionStatus.ACTIVE).currency(USD)
        .proration(new Formula(28_800, 5, 224, 366)).chargeMinor(88_131).costMinor(73_443).build();
    NceEvent nce = new NceEvent.SeatsAdded(d("2025-03-10"), 4, d("2025-03-16"));
    BillingPayload.ServiceAdded service = new BillingPayload.ServiceAdded("C1", "backup",
        "Backup", 2_500, BHD, Recurrence.MONTHLY);
    List<DomainEvent> appended = store.inTransaction(r -> List.of(
        r.events().append(typed("S1", "k1", new SubscriptionPayload.Changed(seed))),
        r.events().append(typed("N1", "k1", new SubscriptionPayload.Changed(nce))),
        r.events().append(typed("C1/backup", "k1", service)),
        r.events().append(event("S1", "SUSPEND", "k1"))));
    for (CspStore s : List.of(store, reopen(store))) {
      List<DomainEvent> read = s.read().events().byCommand("k1");
      assertThat(read).isEqualTo(appended);
      assertThat(read).extracting(DomainEvent::change)
          .containsExactly(Optional.of(seed), Optional.of(nce), Optional.empty(), Optional.empty());
      assertThat(read).extracting(DomainEvent::aggregate)
          .containsExactly("subscription", "nce-subscription", "service", "subscription");
      assertThat(read).extracting(DomainEvent::kind)
          .containsExactly("ADD_SEATS", "ADD_SEATS", "ADDED", "SUSPEND");
      assertThat(((SubscriptionEvent) read.get(0).change().orElseThrow()).charge())
          .isEqualTo(seed.charge());
      assertThat(((BillingPayload.ServiceAdded) read.get(2).payload()).amount())
          .isEqualTo(MinorUnits.toAmount(2_500, BHD));
      assertThat(read.get(3).payload()).isEqualTo(new EventPayload.Unstructured("subscription",
          "SUSPEND"));
      assertThat(read.get(3).detail()).isEqualTo("SUSPEND of S1");
    }
  }

  @Test
  void events_of_every_kind_a_partner_logs_read_back_as_the_values_logged() {
    CspStore other = newStore();
    List<EveryEventKind.Run> runs = List.of(EveryEventKind.seed(store),
        EveryEventKind.currentProgram(other));
    Map<CspStore, EveryEventKind.Run> byStore = new java.util.IdentityHashMap<>();
    byStore.put(store, runs.get(0));
    byStore.put(other, runs.get(1));
    java.util.Set<Class<?>> types = new java.util.HashSet<>();
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    for (Map.Entry<CspStore, EveryEventKind.Run> e : byStore.entrySet()) {
      EveryEventKind.Run run = e.getValue();
      assertThat(run.bills()).isNotEmpty();
      for (CspStore s : List.of(e.getKey(), reopen(e.getKey()))) {
        EventLog log = s.forPartner(run.partnerId()).read().events();
        List<DomainEvent> read = log.read(0, Integer.MAX_VALUE);
        assertThat(read).isEqualTo(run.logged());
        for (DomainEvent logged : run.logged()) {
          assertThat(log.byCommand(logged.commandKey())).contains(logged);
        }
        for (Bill b : run.bills()) { // the bill run's entries say what its bills say (BIL-1)
          assertThat(read).filteredOn(x -> x.aggregateId().equals(b.id()))
              .extracting(DomainEvent::payload).containsExactly(new BillingPayload.BillIssued(
                  b.customerId(), b.period(), b.totalMinor(), b.costMinor(), b.currency()));
        }
      }
      for (DomainEvent logged : run.logged()) {
        types.add(logged.payload() instanceof SubscriptionPayload.Changed c
            ? c.change().getClass() : logged.payload().getClass());
        kinds.add(logged.aggregate() + " " + logged.kind());
      }
    }
    List<Class<?>> expected = new ArrayList<>(EveryEventKind.payloadTypes());
    expected.remove(EventPayload.Unstructured.class);
    expected.remove(SubscriptionPayload.Changed.class); // as its changes: both kinds, below
    assertThat(types).containsAll(expected).anyMatch(SubscriptionEvent.class::isAssignableFrom)
        .anyMatch(NceEvent.class::isAssignableFrom);
    assertThat(kinds).contains("subscription ORDER", "subscription CONVERT_TRIAL",
        "subscription ORDER_ADD_ON", "subscription ADD_SEATS", "subscription REMOVE_SEATS",
        "subscription SUSPEND", "subscription REACTIVATE", "subscription CANCEL",
        "subscription RENEW", "subscription END", "subscription AUTO_RENEW", "nce-subscription ORDER",
        "nce-subscription ADD_SEATS", "nce-subscription REMOVE_SEATS", "nce-subscription SUSPEND",
        "nce-subscription REACTIVATE", "nce-subscription CANCEL", "nce-subscription UPGRADE",
        "nce-subscription ORDER_UPGRADE", "nce-subscription UPGRADE_SEATS",
        "nce-subscription RENEW", "nce-subscription END", "nce-subscription SCHEDULE_DROPPED");
  }

  @Test
  void a_save_cannot_move_a_subscription_to_another_customer() {
    saveCustomers("C1", "C2");
    Subscription s1 = subscription("S1", "C1", null);
    store.inTransaction(r -> r.subscriptions().save(s1, 0));
    Subscription moved = Subscription.builder().from(s1).customerId("C2").build();
    assertThatThrownBy(() -> store.inTransaction(r -> r.subscriptions().save(moved, 1)))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID));
    assertThat(store.read().subscriptions().byCustomer("C1")).containsExactly(new Versioned<>(s1, 1));
    assertThat(store.read().subscriptions().byCustomer("C2")).isEmpty();
  }

  // ----------------------------------------------------------------------------------- rollback

  @Test
  void a_crash_between_two_writes_leaves_nothing_of_the_first() {
    store.inTransaction(r -> r.agreements().save(Agreement.accept("P1", d("2024-10-01")), 0));
    Throwable stale = catchThrowable(() -> store.inTransaction(r -> {
      r.customers().save(customer("C1"), 0);
      r.subscriptions().save(subscription("S1", "C1", null), 0);
      r.events().append(event("S1", "ORDER", "k1"));
      r.idempotency().record(new CommandRecord("k1", "order", "subscription", "S1"));
      r.bills().saveService(OwnService.builder().id("x").customerId("C1").amountMinor(1)
          .currency(USD).recurrence(Recurrence.ONCE).startsOn(d("2025-01-01")).build());
      r.priceLists().add(list("US-USD-2025-03", "US", USD, "2025-03", "2025-01-15", "O365_E3", "240.00"));
      return r.agreements().save(Agreement.accept("P1", d("2024-10-02")), 0); // the second write fails
    }));
    assertThat(stale).isInstanceOf(StaleVersionException.class);

    RuntimeException crash = new IllegalStateException("the process died here");
    Throwable thrown = catchThrowable(() -> store.inTransaction(r -> {
      r.customers().save(customer("C2"), 0);
      r.events().append(event("S2", "ORDER", "k2"));
      r.idempotency().record(new CommandRecord("k2", "order", "subscription", "S2"));
      r.bills().add(Bill.builder().customerId("C2").period(DateRange.of(d("2025-02-10"), d("2025-03-10")))
          .issuedOn(d("2025-02-09")).currency(USD).build());
      throw crash;
    }));
    assertThat(thrown).isSameAs(crash);

    for (CspStore s : List.of(store, reopen(store))) {
      Repositories read = s.read();
      assertThat(read.customers().find("C1")).isEmpty();
      assertThat(read.customers().find("C2")).isEmpty();
      assertThat(read.customers().ids()).isEmpty();
      assertThat(read.subscriptions().find("S1")).isEmpty();
      assertThat(read.subscriptions().byCustomer("C1")).isEmpty();
      assertThat(read.events().size()).isZero();
      assertThat(read.events().read(0, 10)).isEmpty();
      assertThat(read.events().byCommand("k1")).isEmpty();
      assertThat(read.idempotency().find("k1")).isEmpty();
      assertThat(read.idempotency().find("k2")).isEmpty();
      assertThat(read.bills().services("C1")).isEmpty();
      assertThat(read.bills().bills("C2")).isEmpty();
      assertThat(read.priceLists().all()).isEmpty();
      assertThat(read.agreements().find("P1")).contains(new Versioned<>(Agreement.accept("P1", d("2024-10-01")), 1));
    }
    // the log goes on; the rolled-back events are not in it
    DomainEvent next = store.inTransaction(r -> r.events().append(event("S3", "ORDER", "k3")));
    assertThat(next.sequence()).isPositive();
    assertThat(store.read().events().read(0, 10)).containsExactly(next);
  }

  // -------------------------------------------------------------------------------- concurrency

  /**
   * How many seat changes each of 8 threads makes on one subscription: 500 (4,000 steps in one
   * term, far more than a real subscription gathers). A store that rewrites a subscription's
   * history with each change (the PostgreSQL store does) may take fewer.
   */
  protected int concurrentSeatChangesPerThread() {
    return 500;
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void concurrent_seat_changes_are_never_lost() throws Exception {
    int threads = 8;
    int changesPerThread = concurrentSeatChangesPerThread();
    int initialSeats = 10;
    Customer customer = customer("C1");
    Sku sku = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(100_000).build();
    Subscription initial = Subscription.builder().id("S1").customerId("C1").sku("O365_E3").currency(USD)
        .addTerms(Term.of(0, DateRange.of(d("2025-01-01"), d("2026-01-01")), 365, 28800, 24000,
            List.of(step("2025-01-01", ChangeKind.ORDER, initialSeats, SubscriptionStatus.ACTIVE, 28800, 24000))))
        .build();
    store.inTransaction(r -> {
      r.customers().save(customer, 0);
      return r.subscriptions().save(initial, 0);
    });
    SubscriptionOperations ops = SubscriptionOperations.seed();
    PriceSource prices = store.read().priceLists().book();
    LocalDate date = d("2025-06-01");
    AtomicInteger successes = new AtomicInteger();
    AtomicInteger stale = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < changesPerThread; i++) {
            String key = "add-" + thread + "-" + i;
            while (true) {
              Versioned<Subscription> read = store.read().subscriptions().find("S1").orElseThrow();
              SubscriptionChange change = ops.addSeats(read.value(), customer, sku, 1, date, prices);
              try {
                store.inTransaction(r -> {
                  r.subscriptions().save(change.subscription(), read.version());
                  r.events().append(new DomainEvent(0, "subscription", "S1", "ADD_SEATS", date, key,
                      change.event().formula()));
                  r.idempotency().record(new CommandRecord(key, "addSeats", "subscription", "S1"));
                  return null;
                });
                successes.incrementAndGet();
                break;
              } catch (StaleVersionException e) {
                stale.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(170, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int n = successes.get();
    assertThat(n).isEqualTo(threads * changesPerThread);
    for (CspStore s : List.of(store, reopen(store))) {
      Versioned<Subscription> last = s.read().subscriptions().find("S1").orElseThrow();
      assertThat(last.value().seats()).isEqualTo(initialSeats + n);
      assertThat(last.version()).isEqualTo(1 + n);
      assertThat(last.value().term().steps()).hasSize(1 + n);
      EventLog log = s.read().events();
      assertThat(log.size()).isEqualTo(n);
      List<DomainEvent> events = log.read(0, n + 10);
      assertThat(events).hasSize(n).extracting(DomainEvent::sequence).isSorted().doesNotHaveDuplicates();
      assertThat(events.stream().map(DomainEvent::commandKey).distinct().count()).isEqualTo(n);
      assertThat(s.read().idempotency().find("add-7-" + (changesPerThread - 1))).isPresent();
      assertThat(log.byCommand("add-3-" + changesPerThread / 2)).hasSize(1);
    }
  }
}
