package io.github.cspkit.csp.examples.json;

import static io.github.cspkit.csp.examples.json.CspJacksonModuleTest.JSON;
import static io.github.cspkit.csp.examples.json.CspJacksonModuleTest.roundTrip;
import static io.github.cspkit.csp.examples.json.CspJacksonModuleTest.tree;
import static io.github.cspkit.csp.testkit.Days.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.ReconciliationLine;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.examples.files.ReconciliationFile;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.CspPolicies;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceQuote;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.testkit.BillingGen;
import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.NceWorld;
import io.github.cspkit.csp.testkit.PricingGen;
import io.github.cspkit.csp.testkit.QtGens;
import io.github.cspkit.csp.time.DateRange;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Billing accounts, financing plans and own services (BIL), reconciliations (PCF-2) and price
 * quotes (PRC-3, PRC-4) through JSON and back, equal.
 */
class AccountJsonTest {
  @Test
  void every_financing_plan_alternative() {
    for (FinancingPlan f : List.of(FinancingPlan.none(),
        FinancingPlan.annualPrepayment(new BigDecimal("2.5")),
        FinancingPlan.annualPrepayment(BigDecimal.ZERO),
        FinancingPlan.annualPrepayment(BigDecimal.valueOf(100)), FinancingPlan.instalments(2),
        FinancingPlan.instalments(36))) {
      assertThat(roundTrip(f, FinancingPlan.class).kind()).isEqualTo(f.kind());
    }
    assertThat(tree(FinancingPlan.annualPrepayment(new BigDecimal("2.5"))).toString())
        .isEqualTo("{\"kind\":\"ANNUAL_PREPAYMENT\",\"discountBasisPoints\":250}");
    assertThat(tree(FinancingPlan.instalments(6)).toString())
        .isEqualTo("{\"kind\":\"INSTALMENTS\",\"instalments\":6}");
    assertThat(tree(FinancingPlan.none()).toString()).isEqualTo("{\"kind\":\"NONE\"}");
    assertThatThrownBy(() -> JSON.readValue("{\"kind\":\"INSTALMENTS\",\"instalments\":37}",
        FinancingPlan.class)).isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("FinancingPlan: OUT_OF_RANGE: parts must be 2 to 36, found 37");
    qt().withExamples(200).forAll(BillingGen.financingPlans())
        .checkAssert(f -> roundTrip(f, FinancingPlan.class));
  }

  @Test
  void a_billing_account_from_a_leap_day_with_numerators_beyond_a_long() {
    BillingAccount open = BillingAccount.open("contoso", d("2024-02-29"));
    roundTrip(open, BillingAccount.class);
    Map<String, Billed> billed = new LinkedHashMap<>();
    billed.put(BillingAccount.key("S1", 0), new Billed(Numerator.of(BigInteger.TWO.pow(100)),
        Numerator.of(-5), d("2024-03-29")));
    billed.put(BillingAccount.key("S2", 1), new Billed(0, 0, d("2024-02-29")));
    BillingAccount after = open.afterBill(d("2024-02-29"), d("2024-03-29"), billed,
        Set.of("setup", "migration")).withFinancing(FinancingPlan.instalments(12));
    roundTrip(after, BillingAccount.class);
    JsonNode json = tree(after);
    assertThat(json.get("billed").get("S1#0").get("saleNumerator").asText())
        .isEqualTo("1267650600228229401496703205376");
    assertThat(json.get("billed").get("S1#0").get("costNumerator").asText()).isEqualTo("-5");
    assertThat(json.get("lastIssuedOn").asText()).isEqualTo("2024-02-29");
    assertThat(tree(open).has("lastIssuedOn")).isFalse();
    roundTrip(after.withFinancing(FinancingPlan.annualPrepayment(BigDecimal.TEN)),
        BillingAccount.class);
  }

  @Test
  void every_billing_account_and_own_service_of_any_history_round_trips() {
    int[] seen = {0, 0, 0}; // accounts, accounts with something billed, services
    qt().withExamples(40).forAll(QtGens.histories(3, 30)).checkAssert(history -> {
      CspStore store = InMemoryStore.create();
      CspPartner csp = CspGenerators.newPartner(CspPolicies.seed(), store);
      CspGenerators.replay(history, csp);
      var read = store.forPartner(csp.partner().id()).read();
      for (String c : read.customers().ids()) {
        BillingAccount a = roundTrip(csp.billingAccount(c).orElseThrow(), BillingAccount.class);
        seen[0]++;
        seen[1] += a.billed().isEmpty() ? 0 : 1;
        for (OwnService s : read.bills().services(c)) {
          roundTrip(s, OwnService.class);
          seen[2]++;
        }
      }
    });
    assertThat(seen).doesNotContain(0);
  }

  @Test
  void own_services_monthly_and_once() {
    OwnService monthly = OwnService.builder().id("backup").customerId("contoso")
        .name("Cloud backup").amountMinor(1999).currency(MinorUnits.USD)
        .recurrence(Recurrence.MONTHLY).startsOn(d("2024-02-29")).endsOn(d("2025-02-28")).build();
    roundTrip(monthly, OwnService.class);
    assertThat(tree(monthly).get("amount").asText()).isEqualTo("19.99");
    OwnService once = OwnService.builder().id("setup").customerId("contoso").amountMinor(15000)
        .currency(MinorUnits.JPY).recurrence(Recurrence.ONCE).startsOn(d("2025-01-31")).build();
    assertThat(roundTrip(once, OwnService.class).name()).isEqualTo("setup");
    assertThat(tree(once).get("amount").asText()).isEqualTo("15000");
    roundTrip(OwnService.builder().from(once).currency(MinorUnits.BHD).amountMinor(1).build(),
        OwnService.class);
    String backwards = tree(monthly).toString().replace("2025-02-28", "2024-02-29");
    assertThatThrownBy(() -> JSON.readValue(backwards, OwnService.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("service backup ends on 2024-02-29, not after it starts on"
            + " 2024-02-29");
  }

  static String row(VendorCharge c, int quantity, String effectiveUnitPrice, String subtotal) {
    return String.join(",", c.customerId(), c.subscriptionId(), c.skuId(),
        c.chargeType().label(), c.chargeStartDate().toString(), c.chargeEndDate().toString(),
        MinorUnits.format(c.unitPriceMinor(), c.currency()), effectiveUnitPrice,
        Integer.toString(quantity), subtotal, c.currency().getCurrencyCode()) + "\r\n";
  }

  /** A reconciliation with a match, a difference, a line missing here and one missing there. */
  static Reconciliation reconciliation() {
    NceSubscription s = NceWorld.OPS.order("S1", NceWorld.CONTOSO, NceWorld.sku(NceWorld.BASIC),
        10, TermLength.P1Y, BillingPlan.MONTHLY, d("2025-03-01"), NceWorld.PRICES)
        .subscription();
    s = NceWorld.OPS.removeSeats(s, 2, d("2025-03-04")).subscription();
    s = NceWorld.OPS.addSeats(s, NceWorld.sku(NceWorld.BASIC), 3, d("2025-03-20"))
        .subscription();
    List<VendorCharge> charges = VendorLedger.partnerCenter().charges(s);
    assertThat(charges).hasSizeGreaterThanOrEqualTo(3);
    VendorCharge bought = charges.get(0);
    VendorCharge refund = charges.get(1);
    assertThat(refund.isRefund()).isTrue();
    String file = "CustomerId,SubscriptionId,SkuId,ChargeType,ChargeStartDate,ChargeEndDate,"
        + "UnitPrice,EffectiveUnitPrice,Quantity,Subtotal,Currency\r\n"
        + row(bought, bought.quantity(), MinorUnits.format(bought.effectiveUnitPriceMinor(),
            bought.currency()), MinorUnits.format(bought.subtotalMinor(), bought.currency()))
        + row(refund, refund.quantity(), "-6.510", "-13.02")
        + "contoso,S9,0001,new,2025-03-15,2025-04-14,7.2,7.2,1,7.2,USD\r\n";
    List<ReconciliationLine> lines = ReconciliationFile.read(new StringReader(file), "r.csv");
    return Reconciliation.match(DateRange.of(d("2025-03-01"), d("2025-04-01")), lines, charges);
  }

  static Reconciliation reconciliationRoundTrip(Reconciliation r) throws Exception {
    String text = JSON.writeValueAsString(r);
    Reconciliation back = JSON.readValue(text, Reconciliation.class);
    assertThat(back.period()).isEqualTo(r.period());
    assertThat(back.matched()).isEqualTo(r.matched());
    assertThat(back.missingHere()).isEqualTo(r.missingHere());
    assertThat(back.missingThere()).isEqualTo(r.missingThere());
    assertThat(back.different()).isEqualTo(r.different());
    assertThat(JSON.writeValueAsString(back)).isEqualTo(text);
    return back;
  }

  @Test
  void a_reconciliation_with_every_outcome_and_its_lines() throws Exception {
    Reconciliation r = reconciliation();
    assertThat(r.matched()).hasSize(1);
    assertThat(r.different()).hasSize(1);
    assertThat(r.missingHere()).hasSize(1);
    assertThat(r.missingThere()).isNotEmpty();
    reconciliationRoundTrip(r);
    for (Reconciliation.Match m : r.matched()) {
      roundTrip(m.file(), ReconciliationLine.class);
    }
    ReconciliationLine differs = roundTrip(r.different().get(0).file(), ReconciliationLine.class);
    assertThat(differs.effectiveUnitPrice()).isEqualTo(new BigDecimal("-6.510")); // scale kept
    JsonNode json = tree(r);
    assertThat(json.get("clean").asBoolean()).isFalse();
    assertThat(json.get("different").get(0).get("file").get("effectiveUnitPrice").asText())
        .isEqualTo("-6.510");
    assertThat(json.get("different").get(0).get("columns").get(0).get("column").asText())
        .isEqualTo("EffectiveUnitPrice");
    reconciliationRoundTrip(Reconciliation.match(r.period(), List.of(), List.of()));
    roundTrip(new ReconciliationLine(7, "", "S1", "", "", d("2024-02-29"), d("2024-02-29"),
        new BigDecimal("1E+3"), new BigDecimal("0.0000001"), BigDecimal.ONE,
        new BigDecimal("-0.00"), ""), ReconciliationLine.class);
  }

  @Test
  void a_reconciliation_that_does_not_follow_from_its_lines_is_refused() {
    JsonNode json = tree(reconciliation());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("matched").get(0).get("file"))
        .put("quantity", "11");
    assertThatThrownBy(() -> JSON.treeToValue(json, Reconciliation.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Reconciliation: matching its lines again gives Reconciliation{"
            + "[2025-03-01, 2025-04-01): matched 0, missing here 1, missing there 1, different 2},"
            + " not the lines written");
  }

  @Test
  void price_quotes_of_every_alternative() {
    PriceBook book = PriceBook.create();
    PriceList march = PriceList.of("US-USD-2024-03", "US", MinorUnits.USD, d("2024-01-15"),
        d("2024-03-01"), Map.of("O365_E3", Money.of(new BigDecimal("20.00"), "USD")));
    book.publish(march);
    PriceQuote published = book.quote("O365_E3", "US", MinorUnits.USD, d("2024-03-31"),
        d("2024-02-29"));
    PriceQuote notListed = book.quote("O365_E5", "US", MinorUnits.USD, d("2024-03-01"),
        d("2024-01-15"));
    PriceQuote notYet = book.quote("O365_E3", "US", MinorUnits.USD, d("2024-02-29"),
        d("2024-02-29"));
    assertThat(List.of(published, notListed, notYet)).extracting(PriceQuote::status)
        .containsExactly(PriceQuote.Status.PUBLISHED, PriceQuote.Status.NOT_LISTED,
            PriceQuote.Status.NOT_YET_PUBLISHED);
    for (PriceQuote q : List.of(published, notListed, notYet)) {
      roundTrip(q, PriceQuote.class);
    }
    JsonNode json = tree(published);
    assertThat(json.get("price").asText()).isEqualTo("20.00");
    assertThat(json.get("priceList").get("id").asText()).isEqualTo("US-USD-2024-03");
    assertThat(tree(notYet).has("priceList")).isFalse();
    String cheaper = json.toString().replace("\"price\":\"20.00\"", "\"price\":\"19.00\"");
    assertThatThrownBy(() -> JSON.readValue(cheaper, PriceQuote.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("PriceQuote: price 19.00 is not list US-USD-2024-03's 20.00 for"
            + " O365_E3");
    String listed = tree(notListed).toString().replace("O365_E5", "O365_E3");
    assertThatThrownBy(() -> JSON.readValue(listed, PriceQuote.class))
        .hasMessageContaining("SKU O365_E3 is on price list US-USD-2024-03");
  }

  @Test
  void every_quote_of_any_price_history_round_trips() {
    Set<PriceQuote.Status> seen = new HashSet<>();
    qt().withExamples(150).forAll(PricingGen.priceQueries()).checkAssert(q -> {
      PriceBook book = PriceBook.create();
      q.history().lists().forEach(book::publish);
      for (String sku : PricingGen.SKUS) {
        PriceQuote quote = book.quote(sku, q.history().market(), q.history().currency(), q.day(),
            q.knownOn());
        seen.add(roundTrip(quote, PriceQuote.class).status());
      }
    });
    assertThat(seen).containsExactlyInAnyOrder(PriceQuote.Status.values());
  }
}
