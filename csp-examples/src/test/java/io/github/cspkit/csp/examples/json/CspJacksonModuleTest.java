package io.github.cspkit.csp.examples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.partner.Result;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceRow;
import io.github.cspkit.csp.pricing.PriceRows;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.NceWorld;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.QtGens;
import io.github.cspkit.csp.time.DateRange;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** Every public value through JSON and back, equal. */
class CspJacksonModuleTest {
  static final ObjectMapper JSON = CspJacksonModule.mapper();

  static <T> T roundTrip(T value, Class<T> type) {
    try {
      String text = JSON.writeValueAsString(value);
      T back = JSON.readValue(text, type);
      assertThat(back).as("%s from %s", type.getSimpleName(), text).isEqualTo(value);
      assertThat(JSON.writeValueAsString(back)).isEqualTo(text);
      return back;
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  @Test
  void bills_subscriptions_customers_events_and_price_lists_of_a_partners_year() {
    PartnerFixtures.World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    Result<Subscription> added = p.addSeats(w.asAdmin(LocalDate.parse("2025-03-05")), "S1", 2);
    p.removeSeats(w.asAdmin(LocalDate.parse("2025-05-05")), "S1", 1);
    p.suspend(w.asAdmin(LocalDate.parse("2025-06-10")), "A1");
    p.issueBills(w.asAdmin(LocalDate.parse("2025-08-01")));
    List<Bill> bills = new ArrayList<>();
    for (String c : List.of(PartnerFixtures.CONTOSO, PartnerFixtures.FABRIKAM)) {
      bills.addAll(p.bills(c));
      roundTrip(p.customer(c).orElseThrow(), Customer.class);
    }
    assertThat(bills).anyMatch(b -> b.lines().isEmpty()).anyMatch(b -> b.lines().size() > 2);
    for (Bill b : bills) {
      roundTrip(b, Bill.class);
      for (BillLine l : b.lines()) {
        roundTrip(l, BillLine.class);
      }
    }
    Subscription s1 = roundTrip(p.subscription("S1").orElseThrow(), Subscription.class);
    assertThat(s1.terms().get(0).steps()).hasSizeGreaterThan(2);
    roundTrip(p.subscription("A1").orElseThrow(), Subscription.class);
    for (SubscriptionEvent e : added.changes()) {
      roundTrip(e, SubscriptionEvent.class);
    }
    for (DomainEvent e : added.events()) {
      roundTrip(e, DomainEvent.class);
    }
    for (PriceList l : PartnerFixtures.priceLists()) {
      roundTrip(l, PriceList.class);
    }
    JsonNode bill = tree(bills.get(bills.size() - 1));
    assertThat(bill.get("id").asText()).isEqualTo(bills.get(bills.size() - 1).id());
    assertThat(bill.get("total").asText()).isEqualTo(MinorUnits.format(
        bills.get(bills.size() - 1).totalMinor(), PartnerFixtures.USD));
  }

  @Test
  void new_commerce_values_and_vendor_charges() {
    NceSubscription s = NceWorld.OPS.order("S1", NceWorld.CONTOSO, NceWorld.sku(NceWorld.BASIC),
        10, TermLength.P1Y, BillingPlan.MONTHLY, LocalDate.parse("2025-03-01"), NceWorld.PRICES)
        .subscription();
    s = NceWorld.OPS.removeSeats(s, 2, LocalDate.parse("2025-03-04")).subscription();
    List<VendorCharge> charges = VendorLedger.partnerCenter().charges(s);
    assertThat(charges).anyMatch(VendorCharge::isRefund);
    for (VendorCharge c : charges) {
      roundTrip(c, VendorCharge.class);
    }
    JsonNode refund = tree(charges.get(1));
    assertThat(refund.get("chargeType").asText()).isEqualTo("removeQuantity");
    assertThat(refund.get("chargeEndDate").asText()).isEqualTo("2025-03-31");
    assertThat(refund.get("subtotal").asText()).startsWith("-");
    PriceRows rows = NceWorld.PRICES.rows("US", NceWorld.USD, LocalDate.parse("2025-03-01"),
        LocalDate.parse("2025-03-01")).orElseThrow();
    roundTrip(rows, PriceRows.class);
    for (PriceRow r : rows.rowsOf(NceWorld.BASIC)) {
      roundTrip(r, PriceRow.class);
      roundTrip(r.offer(), TermOffer.class);
    }
    assertThat(JSON.valueToTree(TermOffer.parse("O365_E3/P3Y/triennial")).asText())
        .isEqualTo("O365_E3/P3Y/triennial");
  }

  @Test
  void an_imported_price_list_amounts_currencies_and_ranges() throws Exception {
    ImportedPriceList list = io.github.cspkit.csp.examples.files.PriceListFile.read(
        new StringReader("ProductId,SkuId,ProductTitle,SkuTitle,TermDuration,BillingPlan,Market,"
            + "Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate,ERP Price\r\n"
            + "CFQ7TTC0LH18,0001,Basic,Basic,P1Y,Annual,US,USD,72.00,2025-03-01,,86.40\r\n"
            + "CFQ7TTC0LH18,0001,Basic,Basic,P1M,Monthly,US,USD,7.20,2025-03-01,,\r\n"
            + "CFQ7TTC0LFLX,0001,E3,E3,P1Y,Annual,US,USD,400.00,2024-03-01,2025-02-28,\r\n"),
        "p.csv", io.github.cspkit.csp.pricing.PriceListImport.of(
            io.github.cspkit.csp.pricing.SkuMapping.empty().with("CFQ7TTC0LH18:0001", "BASIC"),
            LocalDate.parse("2025-01-30")));
    ImportedPriceList back = roundTrip(list, ImportedPriceList.class);
    assertThat(back.skippedExpired()).isEqualTo(1);
    roundTrip(list.priceList(), PriceList.class);
    MonetaryAmount amount = Money.of(new java.math.BigDecimal("-114.92"), "USD");
    assertThat(JSON.readValue(JSON.writeValueAsString(amount), MonetaryAmount.class))
        .isEqualTo(amount);
    assertThat(JSON.readValue("\"JPY\"", CurrencyUnit.class)).isEqualTo(MinorUnits.JPY);
    roundTrip(DateRange.of(LocalDate.parse("2024-02-29"), LocalDate.parse("2025-02-28")),
        DateRange.class);
    assertThat(JSON.writeValueAsString(YearMonth.of(2025, 3))).isEqualTo("\"2025-03\"");
  }

  @Test
  void reading_refuses_what_the_values_refuse() {
    assertThatThrownBy(() -> JSON.readValue("{\"id\":\"L\",\"market\":\"US\",\"currency\":\"USD\","
        + "\"publishedOn\":\"2025-01-01\",\"effectiveOn\":\"2025-03-01\",\"prices\":{\"E3\":"
        + "\"1.005\"}}", PriceList.class)).isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("PriceList: OUT_OF_RANGE: amount 1.005 has more digits than USD"
            + " allows");
    assertThatThrownBy(() -> JSON.readValue("{\"start\":\"2025-03-01\"}", DateRange.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("DateRange: missing field 'end'");
    assertThatThrownBy(() -> JSON.readValue("\"E3/P1M/annual\"", TermOffer.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("billing plan annual does not fit a P1M term");
  }

  @Test
  void new_commerce_subscriptions_with_their_terms_and_events_of_any_history_round_trip() {
    qt().withExamples(60).forAll(io.github.cspkit.csp.testkit.NceHistories.histories(25))
        .checkAssert(h -> {
          for (NceSubscription s : h.subscriptions()) {
            roundTrip(s, NceSubscription.class);
            for (var t : s.terms()) {
              roundTrip(t, io.github.cspkit.csp.subscription.NceTerm.class);
              roundTrip(t.calendar(), io.github.cspkit.csp.subscription.TermCalendar.class);
              for (var e : t.events()) {
                roundTrip(e, io.github.cspkit.csp.subscription.NceEvent.class);
              }
            }
            for (VendorCharge c : VendorLedger.partnerCenter().charges(s)) {
              roundTrip(c, VendorCharge.class);
            }
          }
        });
    NceSubscription s = NceWorld.OPS.order("S1", NceWorld.CONTOSO, NceWorld.sku(NceWorld.BASIC),
        10, TermLength.P1Y, BillingPlan.MONTHLY, LocalDate.parse("2025-03-01"), NceWorld.PRICES)
        .subscription();
    JsonNode started = tree(s.terms().get(0).events().get(0));
    assertThat(started.get("type").asText()).isEqualTo("Started");
    assertThat(started.get("price").get("sale").asText()).isEqualTo("86.40"); // 72.00 + 20 %
  }

  @Test
  void every_bill_and_subscription_of_any_history_round_trips() {
    int[] bills = {0};
    qt().withExamples(40).forAll(QtGens.histories(3, 30)).checkAssert(history -> {
      CspStore store = InMemoryStore.create();
      CspPartner csp = CspGenerators.newPartner(CspPolicies.seed(), store);
      CspGenerators.replay(history, csp);
      for (String c : store.forPartner(csp.partner().id()).read().customers().ids()) {
        roundTrip(csp.customer(c).orElseThrow(), Customer.class);
        for (Bill b : csp.bills(c)) {
          roundTrip(b, Bill.class);
          bills[0]++;
        }
        for (Subscription s : csp.subscriptions(c)) {
          roundTrip(s, Subscription.class);
        }
      }
    });
    assertThat(bills[0]).isPositive(); // the histories do reach the bill runs
  }
}
