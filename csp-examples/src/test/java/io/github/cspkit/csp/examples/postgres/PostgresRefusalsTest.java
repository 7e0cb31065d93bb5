package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Repositories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names, ids and conflicts are refused at the API's edge, the same on every store: each call below
 * is refused with the same code and message on PostgreSQL as in memory (a NUL in a name never
 * reaches PostgreSQL), and leaves both stores as they were.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresRefusalsTest {
  private static final Sku E3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).build();
  private static final Actor AGENT = Actor.partnerAdmin("northwind", "alice");

  record Refusal(String label, String code, Consumer<CspPartner> call) {}

  static final List<Refusal> REFUSALS = List.of(
      new Refusal("a customer name with a NUL", "OUT_OF_RANGE", p -> p.createCustomer(on("2025-02-01"),
          customer("fabrikam").name("Fabrikam\u0000Ltd").build())),
      new Refusal("a customer id of 101 characters", "OUT_OF_RANGE",
          p -> p.createCustomer(on("2025-02-01"), customer("c".repeat(101)).build())),
      new Refusal("a service name with a NUL", "OUT_OF_RANGE", p -> p.addService(on("2025-02-01"),
          "contoso", "support", "Support\u0000", MinorUnits.toAmount(5000, MinorUnits.USD), Recurrence.ONCE)),
      new Refusal("a task with a NUL", "OUT_OF_RANGE",
          p -> p.administerTenant(on("2025-02-01"), "contoso", "reset\u0000")),
      new Refusal("a taken customer id", "CONFLICT",
          p -> p.createCustomer(on("2025-02-01"), customer("contoso").build())),
      new Refusal("a taken subscription id", "CONFLICT",
          p -> p.order(on("2025-02-11"), "contoso", "O365_E3", 1, "S1")),
      new Refusal("a price list id published again with other prices", "CONFLICT",
          p -> p.publishPriceList(Request.of(Actor.vendor(), LocalDate.parse("2024-12-30")),
              list("240.01"))),
      new Refusal("an unknown customer", "UNKNOWN_ID",
          p -> p.order(on("2025-02-11"), "nobody", "O365_E3", 1, "S2")),
      new Refusal("an unknown subscription", "UNKNOWN_ID", p -> p.addSeats(on("2025-02-11"), "S9", 1)));

  @Test
  void names_ids_and_conflicts_are_refused_the_same_on_postgres_as_in_memory() throws SQLException {
    com.zaxxer.hikari.HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("refusals"), 2);
    try {
      PostgresStore.createSchema(pool);
      CspStore onPostgres = new PostgresStore(pool);
      CspStore inMemory = InMemoryStore.create();
      CspPartner pg = setUp(onPostgres);
      CspPartner mem = setUp(inMemory);
      for (Refusal refusal : REFUSALS) {
        Map<String, Object> before = snapshot(onPostgres.read());
        assertThat(before).isEqualTo(snapshot(inMemory.read()));
        Throwable onPg = catchThrowable(() -> refusal.call().accept(pg));
        Throwable inMem = catchThrowable(() -> refusal.call().accept(mem));
        assertThat(onPg).as(refusal.label()).isInstanceOfSatisfying(CspException.class,
            e -> assertThat(e.code()).isEqualTo(refusal.code()));
        assertThat(onPg.getClass()).as(refusal.label()).isEqualTo(inMem.getClass());
        assertThat(onPg.getMessage()).as(refusal.label()).isEqualTo(inMem.getMessage());
        assertThat(snapshot(onPostgres.read())).as(refusal.label()).isEqualTo(before);
        assertThat(snapshot(inMemory.read())).as(refusal.label()).isEqualTo(before);
      }
    } finally {
      pool.close();
    }
  }

  private static CspPartner setUp(CspStore store) {
    CspPartner p = CspPartner.builder().partner(Partner.csp("northwind"))
        .catalog(Catalog.of(List.of(E3))).store(store).build();
    p.acceptAgreement(on("2024-10-01"));
    p.publishPriceList(Request.of(Actor.vendor(), LocalDate.parse("2024-12-30")), list("240.00"));
    p.createCustomer(on("2025-01-20"), customer("contoso").build());
    p.order(on("2025-02-10"), "contoso", "O365_E3", 10, "S1");
    return p;
  }

  private static PriceList list(String e3) {
    return PriceList.builder().id("L2502").market("US").currency(MinorUnits.USD)
        .publishedOn(LocalDate.parse("2024-12-30")).effectiveOn(LocalDate.parse("2025-02-01"))
        .putPrices("O365_E3", MinorUnits.toAmount(MinorUnits.parse(e3, MinorUnits.USD), MinorUnits.USD))
        .build();
  }

  private static NewCustomer.Builder customer(String id) {
    return NewCustomer.builder().id(id).market("US").billingDay(1).currency(MinorUnits.USD);
  }

  private static Request on(String day) {
    return Request.of(AGENT, LocalDate.parse(day));
  }

  private static Map<String, Object> snapshot(Repositories r) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("customers", List.copyOf(r.customers().ids()));
    for (String id : r.customers().ids()) {
      parts.put("customer " + id, r.customers().find(id).map(v -> v.value()));
      parts.put("subscriptions " + id, r.subscriptions().byCustomer(id).stream()
          .map(v -> v.value()).toList());
      parts.put("services " + id, List.copyOf(r.bills().services(id)));
    }
    parts.put("price lists", List.copyOf(r.priceLists().all()));
    parts.put("events", r.events().size());
    return parts;
  }
}
