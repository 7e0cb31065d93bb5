package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.QtGens;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The documents the PostgreSQL store keeps in its rows (a subscription's terms as JSON, SUB-1..7;
 * an account's billed terms as arrays, BIL-6) read back as the values written, for any partner
 * history.
 */
class DocumentsTest {
  @Test
  void terms_and_accounts_of_any_history_read_back_as_written() {
    int[] subscriptions = {0};
    qt().withExamples(60).forAll(QtGens.histories(3, 30)).checkAssert(history -> {
      CspStore store = InMemoryStore.create();
      CspPartner csp = CspGenerators.newPartner(CspPolicies.seed(), store);
      CspGenerators.replay(history, csp);
      CspStore view = store.forPartner(csp.partner().id());
      for (String c : view.read().customers().ids()) {
        for (Versioned<Subscription> v : view.read().subscriptions().byCustomer(c)) {
          Subscription s = v.value();
          assertThat(TermsDocument.read(TermsDocument.write(s))).isEqualTo(s.terms());
          subscriptions[0]++;
        }
        view.read().bills().account(c).ifPresent(v -> {
          BillingAccount a = v.value();
          BillingAccount.Builder read = BillingAccount.builder().customerId(a.customerId())
              .lastIssuedOn(a.lastIssuedOn()).nextPeriodStart(a.nextPeriodStart())
              .financing(a.financing());
          AccountArrays.read(AccountArrays.write(a), read);
          assertThat(read.build()).isEqualTo(a);
        });
      }
    });
    assertThat(subscriptions[0]).isGreaterThan(100);
  }

  @Test
  void array_literals_read_back_as_written_and_as_postgresql_prints_them() {
    qt().withExamples(2_000).forAll(lists().of(strings().allPossible().ofLengthBetween(0, 12)).ofSizeBetween(0, 6))
        .checkAssert(elements -> assertThat(ArrayLiteral.read(ArrayLiteral.write(elements)))
            .isEqualTo(elements));
    assertThat(ArrayLiteral.read("{a,\"b \\\"c\\\\\",\"NULL\",\"\",\"{x}\"}"))
        .containsExactly("a", "b \"c\\", "NULL", "", "{x}");
    for (String bad : new String[] {"", "{", "{a,NULL}", "{a,}", "{,a}", "{{a}}", "[0:0]={a}",
        "{\"a}", "{a b}", "{a\"b}"}) {
      assertThatThrownBy(() -> ArrayLiteral.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void amounts_are_written_as_the_plain_decimal_of_their_minor_units() {
    // currencies of 0, 2, 3 and 4 minor digits
    java.util.List<javax.money.CurrencyUnit> currencies = java.util.stream.Stream.of("JPY", "USD", "BHD", "CLF")
        .map(javax.money.Monetary::getCurrency).toList();
    qt().withExamples(2_000).forAll(longs().all(), integers().between(0, 3)).checkAssert((minor, c) -> {
      javax.money.CurrencyUnit currency = currencies.get(c);
      int digits = io.github.cspkit.csp.money.MinorUnits.digits(currency);
      assertThat(Json.array().add(Json.object().money("a", minor, currency)).endArray())
          .isEqualTo("[{\"a\":" + BigDecimal.valueOf(minor, digits).toPlainString() + "}]");
    });
    javax.money.CurrencyUnit usd = javax.money.Monetary.getCurrency("USD");
    assertThat(Json.array().add(Json.object().money("a", 5, usd)).endArray()).isEqualTo("[{\"a\":0.05}]");
    assertThat(Json.array().add(Json.object().money("a", -28800, usd)).endArray()).isEqualTo("[{\"a\":-288.00}]");
    assertThat(Json.array().add(Json.object().money("a", Long.MIN_VALUE, javax.money.Monetary.getCurrency("BHD")))
        .endArray()).isEqualTo("[{\"a\":" + BigDecimal.valueOf(Long.MIN_VALUE, 3).toPlainString() + "}]");
  }

  @Test
  void dates_are_written_and_read_as_iso_dates_month_ends_and_leap_days_included() {
    qt().withExamples(2_000).forAll(longs().between(LocalDate.of(-2000, 1, 1).toEpochDay(),
        LocalDate.of(12000, 12, 31).toEpochDay())).checkAssert(day -> {
          LocalDate date = LocalDate.ofEpochDay(day);
          String written = Json.array().add(Json.object().field("d", date)).endArray();
          assertThat(written).isEqualTo("[{\"d\":\"" + date + "\"}]");
          assertThat(Json.date(date.toString())).isEqualTo(date);
        });
    assertThat(Json.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThatThrownBy(() -> Json.date("2025-02-29")).isInstanceOf(java.time.DateTimeException.class);
  }

  @Test
  void a_document_the_writer_would_not_write_is_refused_not_read_in_part() {
    Subscription s = Subscription.builder().id("S").customerId("C").sku("E3")
        .currency(javax.money.Monetary.getCurrency("USD"))
        .addTerms(io.github.cspkit.csp.subscription.Term.of(0, io.github.cspkit.csp.time.DateRange.of(
            LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), 365, 28800, 24000, java.util.List.of(
                io.github.cspkit.csp.subscription.Step.of(LocalDate.of(2025, 1, 1),
                    io.github.cspkit.csp.subscription.ChangeKind.ORDER, 10,
                    io.github.cspkit.csp.subscription.SubscriptionStatus.ACTIVE, 288000, 240000))))
        .build();
    String term = TermsDocument.write(s).substring(1, TermsDocument.write(s).length() - 1);
    assertThat(TermsDocument.read("[" + term + "]")).isEqualTo(s.terms());
    for (String bad : new String[] {"[{\"index\": 0}]", "[" + term + ", [" + term + "]]",
        "[" + term + "] []", "[" + term.replace("\"days\"", "\"days\":365,\"days\"") + "]",
        "[" + term.replace("\"steps\":[", "\"steps\":[5,") + "]",
        "[" + term.replace("\"days\"", "\"x\":1,\"x\":2,\"days\"") + "]"}) {
      assertThatThrownBy(() -> TermsDocument.read(bad)).as(bad)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreadable subscription terms");
    }
    BillingAccount.Builder account = BillingAccount.builder().customerId("C")
        .nextPeriodStart(LocalDate.of(2025, 2, 1)).financing(io.github.cspkit.csp.billing.FinancingPlan.none());
    for (String[] bad : new String[][] {{"{}", "{}", "{}", "{}", "{X,NULL}"},
        {"{S#0}", "{1}", "{1,2}", "{2025-02-01}", "{}"}, {"{S#0}", "{1.5}", "{1}", "{2025-02-01}", "{}"},
        {"{S#0}", "{1}", "{1}", "{2025-02-30}", "{}"}, {"{{S#0}}", "{1}", "{1}", "{2025-02-01}", "{}"},
        {"[0:0]={S#0}", "{1}", "{1}", "{2025-02-01}", "{}"}, {"{S#0,S#0}", "{1,1}", "{1,1}",
            "{2025-02-01,2025-02-01}", "{}"}}) {
      assertThatThrownBy(() -> AccountArrays.read(bad, account)).as(String.join(" ", bad))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("unreadable billing account");
    }
    AccountArrays.read(new String[] {"{}", "{}", "{}", "{}", "{X,X}"}, account); // a set, as before
    assertThat(account.build().oneOffsBilled()).containsExactly("X");
    assertThat(Json.date("10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
  }
}
