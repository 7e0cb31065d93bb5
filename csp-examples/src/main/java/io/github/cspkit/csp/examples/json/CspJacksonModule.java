package io.github.cspkit.csp.examples.json;

import static io.github.cspkit.csp.examples.json.Json.amount;
import static io.github.cspkit.csp.examples.json.Json.bool;
import static io.github.cspkit.csp.examples.json.Json.currency;
import static io.github.cspkit.csp.examples.json.Json.date;
import static io.github.cspkit.csp.examples.json.Json.field;
import static io.github.cspkit.csp.examples.json.Json.integer;
import static io.github.cspkit.csp.examples.json.Json.list;
import static io.github.cspkit.csp.examples.json.Json.minor;
import static io.github.cspkit.csp.examples.json.Json.number;
import static io.github.cspkit.csp.examples.json.Json.range;
import static io.github.cspkit.csp.examples.json.Json.text;
import static io.github.cspkit.csp.examples.json.Json.textOrNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.ChargeType;
import io.github.cspkit.csp.billing.Due;
import io.github.cspkit.csp.billing.LineKind;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.catalog.Segment;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.customer.Tenant;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceRow;
import io.github.cspkit.csp.pricing.PriceRows;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventPayload;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.time.DateRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * JSON for csp's public values through Jackson, without a dependency of csp-core on it: bills and
 * their lines and dues, subscriptions with their terms and steps, subscription events, the event
 * log's entries and their typed payloads (tagged by {@code "type"}: see {@code EventJson}),
 * customers, price lists (seed lists, new-commerce rows, imported lists), vendor charges,
 * new-commerce subscriptions with their terms, calendars and events (tagged by {@code "type"}),
 * sale prices, reseller agreements and their notices, partner agreements and their termination
 * notices, GDAP relationships and statuses, billing accounts, financing plans, own services,
 * reconciliation lines and reconciliations, price quotes, amounts, currencies, date ranges and
 * term offers. Each value is written through its public accessors and read back through its public
 * factories or builders, so the values' own checks apply when reading, and
 * {@code read(write(v)).equals(v)} (a {@code Reconciliation}, which has no equality, gives the same
 * lines and the same JSON). Alternatives are tagged: {@code "kind"} for financing plans and GDAP
 * statuses, {@code "status"} for price quotes.
 * <p>
 * Forms: amounts are decimal strings with the currency's minor digits ({@code "288.00"}), beside
 * the value's currency ({@code "currency": "USD"}); a free-standing {@link MonetaryAmount} is
 * {@code {"amount": "288.00", "currency": "USD"}}; dates are ISO strings; a {@link DateRange} is
 * {@code {"start": …, "end": …}}, the end excluded; a {@link TermOffer} is {@code "SKU/TERM/PLAN"};
 * enums are their names, charge types their Partner Center labels. Derived figures (a bill's id,
 * total and cost, a vendor charge's subtotal, a subscription's status and seats) are written for
 * readers and ignored when read; a domain event's aggregate and kind, its payload's, are checked
 * against the payload when read.
 * <p>
 * Use {@link #mapper()}, or register the module and {@link JavaTimeModule} on your own mapper.
 */
public final class CspJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Registers every serializer and deserializer. */
  public CspJacksonModule() {
    super("csp");
    addSerializer(CurrencyUnit.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(
        CurrencyUnit.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(CurrencyUnit v, JsonGenerator g,
          com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
        g.writeString(v.getCurrencyCode());
      }
    });
    addDeserializer(CurrencyUnit.class, new com.fasterxml.jackson.databind.deser.std
        .StdDeserializer<>(CurrencyUnit.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public CurrencyUnit deserialize(com.fasterxml.jackson.core.JsonParser parser,
          com.fasterxml.jackson.databind.DeserializationContext c) throws IOException {
        return Monetary.getCurrency(parser.getValueAsString());
      }
    });
    addSerializer(TermOffer.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer(
        TermOffer.class));
    addDeserializer(TermOffer.class, new com.fasterxml.jackson.databind.deser.std
        .StdDeserializer<>(TermOffer.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public TermOffer deserialize(com.fasterxml.jackson.core.JsonParser parser,
          com.fasterxml.jackson.databind.DeserializationContext c) throws IOException {
        try {
          return TermOffer.parse(parser.getValueAsString());
        } catch (RuntimeException e) {
          return c.reportInputMismatch(TermOffer.class, "TermOffer: %s", e.getMessage());
        }
      }
    });
    add(MonetaryAmount.class, CspJacksonModule::writeAmount, CspJacksonModule::readAmount);
    add(DateRange.class, (v, g, p) -> {
      g.writeStringField("start", v.start().toString());
      g.writeStringField("end", v.end().toString());
    }, (n, c) -> DateRange.of(date(n, "start"), date(n, "end")));
    add(Bill.class, CspJacksonModule::writeBill, (n, c) -> readBill(n));
    add(BillLine.class, (v, g, p) -> writeLine(v, g), (n, c) -> readLine(n));
    add(Subscription.class, (v, g, p) -> writeSubscription(v, g), (n, c) -> readSubscription(n));
    add(Term.class, (v, g, p) -> writeTerm(v, g), (n, c) -> readTerm(n));
    add(Step.class, (v, g, p) -> writeStep(v, g), (n, c) -> readStep(n));
    add(SubscriptionEvent.class, (v, g, p) -> writeEvent(v, g), (n, c) -> readEvent(n));
    add(DomainEvent.class, (v, g, p) -> EventJson.writeDomainEvent(v, g),
        (n, c) -> EventJson.readDomainEvent(n));
    add(EventPayload.class, (v, g, p) -> EventJson.writePayload(v, g),
        (n, c) -> EventJson.readPayload(n));
    add(Customer.class, (v, g, p) -> writeCustomer(v, g), (n, c) -> readCustomer(n));
    add(PriceList.class, (v, g, p) -> writePriceList(v, g), (n, c) -> readPriceList(n));
    add(PriceRow.class, (v, g, p) -> {
      g.writeStringField("offer", v.offer().toString());
      amount(g, "unitPrice", v.unitMinor(), v.unitPrice().getCurrency());
      g.writeStringField("currency", v.unitPrice().getCurrency().getCurrencyCode());
    }, (n, c) -> {
      CurrencyUnit cur = currency(n, "currency");
      return PriceRow.of(TermOffer.parse(text(n, "offer")),
          MinorUnits.toAmount(minor(n, "unitPrice", cur), cur));
    });
    add(PriceRows.class, (v, g, p) -> {
      g.writeStringField("currency", v.currency().getCurrencyCode());
      writeRows(g, "prices", v);
    }, (n, c) -> readRows(n, "prices", currency(n, "currency")));
    add(ImportedPriceList.class, (v, g, p) -> writeImported(v, g), (n, c) -> readImported(n));
    add(VendorCharge.class, (v, g, p) -> writeCharge(v, g), (n, c) -> readCharge(n));
    add(io.github.cspkit.csp.pricing.SalePrice.class, (v, g, p) -> NceJson.writePrice(v, g),
        (n, c) -> NceJson.readPrice(n));
    add(io.github.cspkit.csp.subscription.NceEvent.class, (v, g, p) -> NceJson.writeEvent(v, g),
        (n, c) -> NceJson.readEvent(n));
    add(io.github.cspkit.csp.subscription.TermCalendar.class,
        (v, g, p) -> NceJson.writeCalendar(v, g), (n, c) -> NceJson.readCalendar(n));
    add(io.github.cspkit.csp.subscription.NceTerm.class, (v, g, p) -> NceJson.writeTerm(v, g),
        (n, c) -> NceJson.readTerm(n));
    add(io.github.cspkit.csp.subscription.NceSubscription.class,
        (v, g, p) -> NceJson.writeSubscription(v, g), (n, c) -> NceJson.readSubscription(n));
    add(io.github.cspkit.csp.agreement.Agreement.class,
        (v, g, p) -> AgreementJson.writeAgreement(v, g), (n, c) -> AgreementJson.readAgreement(n));
    add(io.github.cspkit.csp.agreement.Notice.class, (v, g, p) -> AgreementJson.writeNotice(v, g),
        (n, c) -> AgreementJson.readNotice(n));
    add(io.github.cspkit.csp.agreement.PartnerAgreement.class,
        (v, g, p) -> AgreementJson.writePartnerAgreement(v, g),
        (n, c) -> AgreementJson.readPartnerAgreement(n));
    add(io.github.cspkit.csp.agreement.TerminationNotice.class,
        (v, g, p) -> AgreementJson.writeTermination(v, g),
        (n, c) -> AgreementJson.readTermination(n));
    add(io.github.cspkit.csp.access.GdapRelationship.class,
        (v, g, p) -> AgreementJson.writeRelationship(v, g),
        (n, c) -> AgreementJson.readRelationship(n));
    add(io.github.cspkit.csp.access.GdapStatus.class, (v, g, p) -> AgreementJson.writeStatus(v, g),
        (n, c) -> AgreementJson.readStatus(n));
    add(io.github.cspkit.csp.billing.BillingAccount.class,
        (v, g, p) -> AccountJson.writeAccount(v, g), (n, c) -> AccountJson.readAccount(n));
    add(io.github.cspkit.csp.billing.FinancingPlan.class,
        (v, g, p) -> AccountJson.writeFinancing(v, g), (n, c) -> AccountJson.readFinancing(n));
    add(io.github.cspkit.csp.billing.OwnService.class, (v, g, p) -> AccountJson.writeService(v, g),
        (n, c) -> AccountJson.readService(n));
    add(io.github.cspkit.csp.billing.ReconciliationLine.class,
        (v, g, p) -> AccountJson.writeLine(v, g), (n, c) -> AccountJson.readLine(n));
    add(io.github.cspkit.csp.billing.Reconciliation.class,
        (v, g, p) -> AccountJson.writeReconciliation(v, g),
        (n, c) -> AccountJson.readReconciliation(n));
    add(io.github.cspkit.csp.pricing.PriceQuote.class, (v, g, p) -> AccountJson.writeQuote(v, g),
        (n, c) -> AccountJson.readQuote(n));
  }

  /**
   * @return a mapper with this module and Java time, dates as ISO strings, output indented
   */
  public static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .registerModule(new CspJacksonModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  private <T> void add(Class<T> type, Json.Writer<T> writer, Json.Reader<T> reader) {
    addSerializer(type, Json.serializer(type, writer));
    addDeserializer(type, Json.deserializer(type, reader));
  }

  // ------------------------------------------------------------------ money

  private static void writeAmount(MonetaryAmount v, JsonGenerator g,
      com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
    g.writeStringField("amount", v.getNumber().numberValue(BigDecimal.class).toPlainString());
    g.writeStringField("currency", v.getCurrency().getCurrencyCode());
  }

  private static MonetaryAmount readAmount(JsonNode n,
      com.fasterxml.jackson.databind.DeserializationContext c) {
    return Money.of(new BigDecimal(text(n, "amount")), currency(n, "currency"));
  }

  // ------------------------------------------------------------------ bills

  private static void writeBill(Bill b, JsonGenerator g,
      com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
    CurrencyUnit cur = b.currency();
    g.writeStringField("id", b.id());
    g.writeStringField("customerId", b.customerId());
    range(g, "period", b.period());
    date(g, "issuedOn", b.issuedOn());
    g.writeStringField("currency", cur.getCurrencyCode());
    amount(g, "total", b.totalMinor(), cur);
    amount(g, "cost", b.costMinor(), cur);
    g.writeArrayFieldStart("lines");
    for (BillLine l : b.lines()) {
      g.writeStartObject();
      writeLine(l, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("dues");
    for (Due d : b.dues()) {
      g.writeStartObject();
      date(g, "date", d.date());
      amount(g, "amount", d.amountMinor(), cur);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static Bill readBill(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    return Bill.builder().customerId(text(n, "customerId")).period(range(n, "period"))
        .issuedOn(date(n, "issuedOn")).currency(cur)
        .lines(list(n, "lines", CspJacksonModule::readLine))
        .dues(list(n, "dues", d -> new Due(date(d, "date"), minor(d, "amount", cur)))).build();
  }

  /**
   * A line through {@link BillLine}'s accessors: kind, subscription (none for a flat line),
   * item, description, first day and end, seats, unit price, days in term, amount, cost, currency.
   */
  private static void writeLine(BillLine l, JsonGenerator g) throws IOException {
    CurrencyUnit cur = l.currency();
    g.writeStringField("kind", l.kind().name());
    if (l.subscriptionId() != null) {
      g.writeStringField("subscriptionId", l.subscriptionId());
    }
    g.writeStringField("item", l.item());
    g.writeStringField("description", l.description());
    date(g, "from", l.span().start());
    date(g, "to", l.span().end());
    if (l.subscriptionId() != null) {
      g.writeNumberField("seats", l.seats());
      amount(g, "unitPrice", l.unitMinor(), cur);
      g.writeNumberField("daysInTerm", l.daysInTerm());
      g.writeStringField("formula", l.formula());
    }
    amount(g, "amount", l.amountMinor(), cur);
    amount(g, "cost", l.costMinor(), cur);
    g.writeStringField("currency", cur.getCurrencyCode());
  }

  /** A line through {@link BillLine#subscription} or {@link BillLine#flat}. */
  private static BillLine readLine(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    LineKind kind = LineKind.valueOf(text(n, "kind"));
    String subscription = textOrNull(n, "subscriptionId");
    if (subscription == null) {
      BillLine flat = BillLine.flat(kind, text(n, "item"), text(n, "description"),
          DateRange.of(date(n, "from"), date(n, "to")), minor(n, "amount", cur), cur);
      if (flat.costMinor() != minor(n, "cost", cur)) {
        throw new IllegalArgumentException("a line without a subscription has no cost");
      }
      return flat;
    }
    return BillLine.subscription(kind, subscription, text(n, "item"), text(n, "description"),
        date(n, "from"), date(n, "to"), number(n, "seats"), minor(n, "unitPrice", cur),
        number(n, "daysInTerm"), minor(n, "amount", cur), minor(n, "cost", cur), cur);
  }

  // ------------------------------------------------------------------ subscriptions

  private static void writeSubscription(Subscription s, JsonGenerator g) throws IOException {
    g.writeStringField("id", s.id());
    g.writeStringField("customerId", s.customerId());
    g.writeStringField("sku", s.sku());
    if (s.baseId().isPresent()) {
      g.writeStringField("baseId", s.baseId().get());
    }
    g.writeStringField("currency", s.currency().getCurrencyCode());
    g.writeBooleanField("autoRenew", s.autoRenew());
    g.writeStringField("status", s.status().name());
    g.writeNumberField("seats", s.seats());
    g.writeArrayFieldStart("terms");
    for (Term t : s.terms()) {
      g.writeStartObject();
      writeTerm(t, g);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static Subscription readSubscription(JsonNode n) {
    Subscription.Builder b = Subscription.builder().id(text(n, "id"))
        .customerId(text(n, "customerId")).sku(text(n, "sku")).currency(currency(n, "currency"))
        .autoRenew(bool(n, "autoRenew")).terms(list(n, "terms", CspJacksonModule::readTerm));
    String base = textOrNull(n, "baseId");
    if (base != null) {
      b.baseId(base);
    }
    return b.build();
  }

  /**
   * A term through {@link Term}'s accessors: index, start, end, days in term, sale and cost unit
   * prices in minor units, steps. (Term and Step are the accrual's own figures, kept as numbers.)
   */
  private static void writeTerm(Term t, JsonGenerator g) throws IOException {
    g.writeNumberField("index", t.index());
    date(g, "start", t.start());
    date(g, "end", t.end());
    g.writeNumberField("daysInTerm", t.daysInTerm());
    g.writeNumberField("saleUnitMinor", t.saleUnit());
    g.writeNumberField("costUnitMinor", t.costUnit());
    g.writeArrayFieldStart("steps");
    for (Step s : t.steps()) {
      g.writeStartObject();
      writeStep(s, g);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** A term through {@link Term#of}. */
  private static Term readTerm(JsonNode n) {
    return Term.of(integer(n, "index"), DateRange.of(date(n, "start"), date(n, "end")),
        number(n, "daysInTerm"), number(n, "saleUnitMinor"), number(n, "costUnitMinor"),
        list(n, "steps", CspJacksonModule::readStep));
  }

  /** A step through {@link Step}'s accessors: date, kind, seats, status, sale and cost rates. */
  private static void writeStep(Step s, JsonGenerator g) throws IOException {
    date(g, "date", s.date());
    g.writeStringField("kind", s.kind().name());
    g.writeNumberField("seats", s.seats());
    g.writeStringField("status", s.status().name());
    g.writeNumberField("saleRate", s.saleRate());
    g.writeNumberField("costRate", s.costRate());
  }

  /** A step through {@link Step#of}. */
  private static Step readStep(JsonNode n) {
    return Step.of(date(n, "date"), ChangeKind.valueOf(text(n, "kind")), integer(n, "seats"),
        SubscriptionStatus.valueOf(text(n, "status")), number(n, "saleRate"),
        number(n, "costRate"));
  }

  // ------------------------------------------------------------------ events

  static void writeEvent(SubscriptionEvent e, JsonGenerator g) throws IOException {
    CurrencyUnit cur = e.currency();
    g.writeStringField("subscriptionId", e.subscriptionId());
    g.writeStringField("customerId", e.customerId());
    g.writeStringField("sku", e.sku());
    g.writeStringField("kind", e.kind().name());
    date(g, "date", e.date());
    g.writeNumberField("seatsBefore", e.seatsBefore());
    g.writeNumberField("seatsAfter", e.seatsAfter());
    g.writeStringField("status", e.status().name());
    g.writeStringField("currency", cur.getCurrencyCode());
    amount(g, "unitPrice", e.unitMinor(), cur);
    g.writeNumberField("seatsCharged", e.seatsCharged());
    g.writeNumberField("days", e.days());
    g.writeNumberField("daysInTerm", e.daysInTerm());
    amount(g, "charge", e.chargeMinor(), cur);
    amount(g, "cost", e.costMinor(), cur);
    g.writeStringField("formula", e.formula());
  }

  static SubscriptionEvent readEvent(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    return SubscriptionEvent.builder().subscriptionId(text(n, "subscriptionId"))
        .customerId(text(n, "customerId")).sku(text(n, "sku"))
        .kind(ChangeKind.valueOf(text(n, "kind"))).date(date(n, "date"))
        .seatsBefore(integer(n, "seatsBefore")).seatsAfter(integer(n, "seatsAfter"))
        .status(SubscriptionStatus.valueOf(text(n, "status"))).currency(cur)
        .unitMinor(minor(n, "unitPrice", cur)).seatsCharged(number(n, "seatsCharged"))
        .days(number(n, "days")).daysInTerm(number(n, "daysInTerm"))
        .chargeMinor(minor(n, "charge", cur)).costMinor(minor(n, "cost", cur)).build();
  }

  // ------------------------------------------------------------------ customers

  private static void writeCustomer(Customer c, JsonGenerator g) throws IOException {
    g.writeStringField("id", c.id());
    g.writeStringField("name", c.name());
    g.writeStringField("partnerId", c.partnerId());
    g.writeStringField("market", c.market());
    g.writeStringField("segment", c.segment().name());
    g.writeBooleanField("verified", c.verified());
    g.writeObjectFieldStart("tenant");
    g.writeStringField("id", c.tenant().id());
    g.writeStringField("origin", c.tenant().origin().name());
    if (c.tenant().trialEndedOn().isPresent()) {
      date(g, "trialEndedOn", c.tenant().trialEndedOn().get());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("billing");
    g.writeNumberField("billingDay", c.billing().billingDay());
    g.writeStringField("currency", c.billing().currency().getCurrencyCode());
    g.writeEndObject();
    date(g, "createdOn", c.createdOn());
    g.writeBooleanField("delegatedAdmin", c.delegatedAdmin());
  }

  private static Customer readCustomer(JsonNode n) {
    JsonNode t = field(n, "tenant");
    Tenant tenant = Tenant.of(text(t, "id"), TenantOrigin.valueOf(text(t, "origin")));
    if (textOrNull(t, "trialEndedOn") != null) {
      tenant = tenant.endTrial(date(t, "trialEndedOn"));
    }
    JsonNode b = field(n, "billing");
    return Customer.builder().id(text(n, "id")).name(text(n, "name"))
        .partnerId(text(n, "partnerId")).market(text(n, "market"))
        .segment(Segment.valueOf(text(n, "segment"))).verified(bool(n, "verified"))
        .tenant(tenant)
        .billing(BillingProfile.of(integer(b, "billingDay"), currency(b, "currency")))
        .createdOn(date(n, "createdOn")).delegatedAdmin(bool(n, "delegatedAdmin")).build();
  }

  // ------------------------------------------------------------------ price lists

  static void writePriceList(PriceList l, JsonGenerator g) throws IOException {
    g.writeStringField("id", l.id());
    g.writeStringField("market", l.market());
    g.writeStringField("currency", l.currency().getCurrencyCode());
    date(g, "publishedOn", l.publishedOn());
    date(g, "effectiveOn", l.effectiveOn());
    g.writeObjectFieldStart("prices");
    List<String> skus = new ArrayList<>(l.prices().keySet());
    skus.sort(Comparator.naturalOrder());
    for (String sku : skus) {
      amount(g, sku, l.priceMinor(sku).orElseThrow(), l.currency());
    }
    g.writeEndObject();
    if (l.rows().isPresent()) {
      writeRows(g, "rows", l.rows().get());
    }
  }

  static PriceList readPriceList(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    field(n, "prices").fields().forEachRemaining(e ->
        prices.put(e.getKey(), MinorUnits.toAmount(MinorUnits.parse(e.getValue().asText(), cur),
            cur)));
    PriceList list = PriceList.of(text(n, "id"), text(n, "market"), cur, date(n, "publishedOn"),
        date(n, "effectiveOn"), prices);
    return n.has("rows") ? list.withOfferRows(readRows(n, "rows", cur)) : list;
  }

  private static void writeRows(JsonGenerator g, String name, PriceRows rows) throws IOException {
    g.writeObjectFieldStart(name);
    List<TermOffer> offers = new ArrayList<>(rows.prices().keySet());
    offers.sort(Comparator.comparing(TermOffer::toString));
    for (TermOffer o : offers) {
      amount(g, o.toString(), MinorUnits.of(rows.prices().get(o)), rows.currency());
    }
    g.writeEndObject();
  }

  private static PriceRows readRows(JsonNode n, String name, CurrencyUnit cur) {
    List<PriceRow> rows = new ArrayList<>();
    field(n, name).fields().forEachRemaining(e -> rows.add(PriceRow.of(TermOffer.parse(e.getKey()),
        MinorUnits.toAmount(MinorUnits.parse(e.getValue().asText(), cur), cur))));
    return PriceRows.of(cur, rows);
  }

  private static void writeImported(ImportedPriceList l, JsonGenerator g) throws IOException {
    g.writeStringField("id", l.id());
    g.writeStringField("market", l.market());
    g.writeStringField("currency", l.currency().getCurrencyCode());
    g.writeStringField("month", l.month().toString());
    date(g, "publishedOn", l.publishedOn());
    writeRows(g, "rows", l.rows());
    writeRows(g, "erpRows", l.erpRows());
    g.writeObjectFieldStart("unmapped");
    for (Map.Entry<String, String> e : l.unmapped().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("rowsRead", l.rowsRead());
    g.writeNumberField("skippedExpired", l.skippedExpired());
    g.writeNumberField("skippedTiers", l.skippedTiers());
  }

  private static ImportedPriceList readImported(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    Map<String, String> unmapped = new LinkedHashMap<>();
    field(n, "unmapped").fields().forEachRemaining(e -> unmapped.put(e.getKey(),
        e.getValue().asText()));
    return ImportedPriceList.builder().id(text(n, "id")).market(text(n, "market")).currency(cur)
        .month(YearMonth.parse(text(n, "month"))).publishedOn(date(n, "publishedOn"))
        .rows(readRows(n, "rows", cur)).erpRows(readRows(n, "erpRows", cur)).unmapped(unmapped)
        .rowsRead(number(n, "rowsRead")).skippedExpired(number(n, "skippedExpired"))
        .skippedTiers(number(n, "skippedTiers")).build();
  }

  // ------------------------------------------------------------------ vendor charges

  static void writeCharge(VendorCharge c, JsonGenerator g) throws IOException {
    CurrencyUnit cur = c.currency();
    g.writeStringField("customerId", c.customerId());
    g.writeStringField("subscriptionId", c.subscriptionId());
    g.writeStringField("skuId", c.skuId());
    g.writeStringField("chargeType", c.chargeType().label());
    date(g, "chargeStartDate", c.chargeStartDate());
    date(g, "chargeEndDate", c.chargeEndDate());
    g.writeNumberField("cycleDays", c.cycleDays());
    g.writeStringField("term", c.term().code());
    g.writeStringField("plan", c.plan().code());
    g.writeStringField("currency", cur.getCurrencyCode());
    amount(g, "unitPrice", c.unitPriceMinor(), cur);
    amount(g, "effectiveUnitPrice", c.effectiveUnitPriceMinor(), cur);
    g.writeNumberField("quantity", c.quantity());
    amount(g, "subtotal", c.subtotalMinor(), cur);
  }

  static VendorCharge readCharge(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    return VendorCharge.builder().customerId(text(n, "customerId"))
        .subscriptionId(text(n, "subscriptionId")).skuId(text(n, "skuId"))
        .chargeType(ChargeType.parse(text(n, "chargeType")))
        .span(DateRange.closed(date(n, "chargeStartDate"), date(n, "chargeEndDate")))
        .cycleDays(number(n, "cycleDays")).term(TermLength.parse(text(n, "term")))
        .plan(BillingPlan.parse(text(n, "plan"))).currency(cur)
        .unitPriceMinor(minor(n, "unitPrice", cur))
        .effectiveUnitPriceMinor(minor(n, "effectiveUnitPrice", cur))
        .quantity(integer(n, "quantity")).build();
  }
}
