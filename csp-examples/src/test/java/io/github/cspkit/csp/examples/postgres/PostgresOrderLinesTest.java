package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.testkit.PartnerFixtures.ADD_ON;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CREATED;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.OrderLine;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An order of several lines on PostgreSQL (SUB-1): its subscriptions, events and replay equal the
 * in-memory store's, and a refused order leaves the tables as they were.
 */
@org.junit.jupiter.api.extension.ExtendWith(TestDatabases.Server.class)
class PostgresOrderLinesTest {
  private static final Actor ADMIN = Actor.partnerAdmin(PartnerFixtures.PARTNER, "agent");
  private static final LocalDate DAY = LocalDate.parse("2025-02-05");

  private static CspPartner partner(CspStore store) {
    CspPartner p = PartnerFixtures.bare(store);
    PartnerFixtures.publishPriceLists(p);
    p.acceptAgreement(Request.of(ADMIN, PartnerFixtures.ACCEPTED));
    p.createCustomer(Request.of(ADMIN, CREATED), PartnerFixtures.newCustomer(CONTOSO));
    return p;
  }

  private static long events(CspStore store) {
    return store.read().events().size();
  }

  @Test
  void SUB_1_an_order_of_lines_is_stored_replayed_and_refused_as_in_memory() {
    try (HikariDataSource pool = TestDatabases.pool(TestDatabases.newDatabase("lines"), 2)) {
      PostgresStore.migrate(pool);
      CspStore onPostgres = new PostgresStore(pool);
      CspStore inMemory = InMemoryStore.create();
      CspPartner pg = partner(onPostgres);
      CspPartner mem = partner(inMemory);
      List<OrderLine> lines = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        lines.add(OrderLine.of(E3, 1 + i, "L" + i));
      }

      Request keyed = Request.of(ADMIN, DAY).withKey("lines-1");
      Result<List<Subscription>> onPg = pg.order(keyed, CONTOSO, lines);
      Result<List<Subscription>> onMem = mem.order(keyed, CONTOSO, lines);
      assertThat(onPg.value()).isEqualTo(onMem.value()).hasSize(10);
      assertThat(onPg.changes()).isEqualTo(onMem.changes());
      assertThat(new PostgresStore(pool).forPartner(PartnerFixtures.PARTNER).read().subscriptions()
          .byCustomer(CONTOSO))
          .extracting(v -> v.value()).isEqualTo(onMem.value());

      long before = events(onPostgres);
      Result<List<Subscription>> again = pg.order(keyed, CONTOSO, lines);
      assertThat(again.replayed()).isTrue();
      assertThat(again.value()).isEqualTo(onPg.value());
      assertThat(again.events()).isEqualTo(onPg.events());
      assertThat(events(onPostgres)).isEqualTo(before);

      // the last line is refused in the transaction, after the others were ordered in it
      List<OrderLine> refused = List.of(OrderLine.of(E3, 2, "M1"), OrderLine.of(E3, 3, "M2"),
          OrderLine.of(ADD_ON, 1, "M3"));
      CspException onPgRefusal = catchThrowableOfType(
          () -> pg.order(Request.of(ADMIN, DAY), CONTOSO, refused), CspException.class);
      CspException onMemRefusal = catchThrowableOfType(
          () -> mem.order(Request.of(ADMIN, DAY), CONTOSO, refused), CspException.class);
      assertThat(onPgRefusal.code()).isEqualTo("CAT-3").isEqualTo(onMemRefusal.code());
      assertThat(onPgRefusal.getMessage()).isEqualTo(onMemRefusal.getMessage());
      assertThat(pg.subscriptions(CONTOSO)).isEqualTo(mem.subscriptions(CONTOSO)).hasSize(10);
      assertThat(events(onPostgres)).isEqualTo(before);
    }
  }
}
