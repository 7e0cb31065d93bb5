package io.github.cspkit.csp.examples.json;

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
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Reconciliation;
import io.github.cspkit.csp.billing.ReconciliationLine;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.billing.VendorCharge;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceQuote;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * The JSON forms of a customer's account and the partner's money records: the
 * {@link BillingAccount} with what was billed of each term as exact numerators (BIL-6, BIL-7) and
 * its {@link FinancingPlan} tagged by {@code "kind"} (BIL-3), the partner's {@link OwnService}
 * (BIL-1), a {@link ReconciliationLine} and a {@link Reconciliation} (PCF-2), and a
 * {@link PriceQuote} tagged by {@code "status"} (PRC-3, PRC-4). Numerators are decimal strings
 * (they may exceed a {@code long}); a reconciliation line's decimals are strings exactly as the file
 * wrote them.
 * <p>
 * A reconciliation has no equality of its own: it is read back by matching its lines again, in
 * the order of their line numbers ({@link Reconciliation#match}), and refused unless that gives the
 * same matched, missing and different lines. A published quote is read back through
 * {@link PriceQuote#published}, which takes the price from the list: a written price that is not
 * the list's is refused. Derived figures (a reconciliation's cleanliness, a quote's market and
 * currency beside its list) are written for readers and ignored when read. Not public API: see
 * {@link CspJacksonModule}.
 */
final class AccountJson {
  private AccountJson() {}

  // ------------------------------------------------------------------ BIL-6, BIL-7: accounts

  static void writeAccount(BillingAccount a, JsonGenerator g) throws IOException {
    g.writeStringField("customerId", a.customerId());
    if (a.lastIssuedOn().isPresent()) {
      date(g, "lastIssuedOn", a.lastIssuedOn().get());
    }
    date(g, "nextPeriodStart", a.nextPeriodStart());
    g.writeObjectFieldStart("billed");
    for (Map.Entry<String, Billed> e : a.billed().entrySet()) {
      g.writeObjectFieldStart(e.getKey());
      g.writeStringField("saleNumerator", e.getValue().saleNumerator().toString());
      g.writeStringField("costNumerator", e.getValue().costNumerator().toString());
      date(g, "through", e.getValue().through());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("oneOffsBilled");
    for (String s : a.oneOffsBilled()) {
      g.writeString(s);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("financing");
    writeFinancing(a.financing(), g);
    g.writeEndObject();
  }

  static BillingAccount readAccount(JsonNode n) {
    Map<String, Billed> billed = new LinkedHashMap<>();
    field(n, "billed").fields().forEachRemaining(e -> billed.put(e.getKey(),
        new Billed(numerator(e.getValue(), "saleNumerator"),
            numerator(e.getValue(), "costNumerator"), date(e.getValue(), "through"))));
    String last = textOrNull(n, "lastIssuedOn");
    return new BillingAccount(text(n, "customerId"),
        Optional.ofNullable(last).map(LocalDate::parse), date(n, "nextPeriodStart"), billed,
        new LinkedHashSet<>(list(n, "oneOffsBilled", JsonNode::asText)),
        readFinancing(field(n, "financing")));
  }

  private static Numerator numerator(JsonNode n, String name) {
    return Numerator.of(new BigInteger(text(n, name)));
  }

  // ------------------------------------------------------------------ BIL-3: financing

  static void writeFinancing(FinancingPlan f, JsonGenerator g) throws IOException {
    g.writeStringField("kind", f.kind().name());
    if (f instanceof FinancingPlan.AnnualPrepayment p) {
      g.writeNumberField("discountBasisPoints", p.discountBasisPoints());
    } else if (f instanceof FinancingPlan.Instalments i) {
      g.writeNumberField("instalments", i.instalments());
    }
  }

  static FinancingPlan readFinancing(JsonNode n) {
    return switch (FinancingPlan.Kind.valueOf(text(n, "kind"))) {
      case NONE -> FinancingPlan.none();
      case ANNUAL_PREPAYMENT -> new FinancingPlan.AnnualPrepayment(
          number(n, "discountBasisPoints"));
      case INSTALMENTS -> FinancingPlan.instalments(integer(n, "instalments"));
    };
  }

  // ------------------------------------------------------------------ BIL-1: own services

  static void writeService(OwnService s, JsonGenerator g) throws IOException {
    g.writeStringField("id", s.id());
    g.writeStringField("customerId", s.customerId());
    g.writeStringField("name", s.name());
    Json.amount(g, "amount", s.amountMinor(), s.currency());
    g.writeStringField("currency", s.currency().getCurrencyCode());
    g.writeStringField("recurrence", s.recurrence().name());
    date(g, "startsOn", s.startsOn());
    if (s.endsOn().isPresent()) {
      date(g, "endsOn", s.endsOn().get());
    }
  }

  static OwnService readService(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    String ends = textOrNull(n, "endsOn");
    return OwnService.builder().id(text(n, "id")).customerId(text(n, "customerId"))
        .name(text(n, "name")).amountMinor(minor(n, "amount", cur)).currency(cur)
        .recurrence(Recurrence.valueOf(text(n, "recurrence"))).startsOn(date(n, "startsOn"))
        .endsOn(Optional.ofNullable(ends).map(LocalDate::parse)).build();
  }

  // ------------------------------------------------------------------ PCF-2: reconciliation

  static void writeLine(ReconciliationLine l, JsonGenerator g) throws IOException {
    g.writeNumberField("line", l.line());
    g.writeStringField("customerId", l.customerId());
    g.writeStringField("subscriptionId", l.subscriptionId());
    g.writeStringField("skuId", l.skuId());
    g.writeStringField("chargeType", l.chargeType());
    date(g, "chargeStartDate", l.chargeStartDate());
    date(g, "chargeEndDate", l.chargeEndDate());
    decimal(g, "unitPrice", l.unitPrice());
    decimal(g, "effectiveUnitPrice", l.effectiveUnitPrice());
    decimal(g, "quantity", l.quantity());
    decimal(g, "subtotal", l.subtotal());
    g.writeStringField("currency", l.currency());
  }

  static ReconciliationLine readLine(JsonNode n) {
    return new ReconciliationLine(number(n, "line"), text(n, "customerId"),
        text(n, "subscriptionId"), text(n, "skuId"), text(n, "chargeType"),
        date(n, "chargeStartDate"), date(n, "chargeEndDate"), decimal(n, "unitPrice"),
        decimal(n, "effectiveUnitPrice"), decimal(n, "quantity"), decimal(n, "subtotal"),
        text(n, "currency"));
  }

  /** A decimal with its scale: plain, or in exponent form when its scale is negative. */
  private static void decimal(JsonGenerator g, String name, BigDecimal v) throws IOException {
    g.writeStringField(name, v.scale() >= 0 ? v.toPlainString() : v.toString());
  }

  private static BigDecimal decimal(JsonNode n, String name) {
    return new BigDecimal(text(n, name));
  }

  static void writeReconciliation(Reconciliation r, JsonGenerator g) throws IOException {
    Json.range(g, "period", r.period());
    g.writeBooleanField("clean", r.isClean());
    g.writeArrayFieldStart("matched");
    for (Reconciliation.Match m : r.matched()) {
      g.writeStartObject();
      pair(g, m.file(), m.library());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("missingHere");
    for (ReconciliationLine l : r.missingHere()) {
      g.writeStartObject();
      writeLine(l, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("missingThere");
    for (VendorCharge c : r.missingThere()) {
      g.writeStartObject();
      CspJacksonModule.writeCharge(c, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("different");
    for (Reconciliation.Difference d : r.different()) {
      g.writeStartObject();
      pair(g, d.file(), d.library());
      g.writeArrayFieldStart("columns");
      for (Reconciliation.ColumnDifference c : d.columns()) {
        g.writeStartObject();
        g.writeStringField("column", c.column());
        g.writeStringField("fileValue", c.fileValue());
        g.writeStringField("libraryValue", c.libraryValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void pair(JsonGenerator g, ReconciliationLine file, VendorCharge library)
      throws IOException {
    g.writeObjectFieldStart("file");
    writeLine(file, g);
    g.writeEndObject();
    g.writeObjectFieldStart("library");
    CspJacksonModule.writeCharge(library, g);
    g.writeEndObject();
  }

  /**
   * Matches the lines again (PCF-2): the file's lines in the order of their numbers, the library's
   * matched, then different, then missing; refused unless the result is the one written.
   */
  static Reconciliation readReconciliation(JsonNode n) {
    List<Reconciliation.Match> matched = list(n, "matched", m -> new Reconciliation.Match(
        readLine(field(m, "file")), CspJacksonModule.readCharge(field(m, "library"))));
    List<ReconciliationLine> missingHere = list(n, "missingHere", AccountJson::readLine);
    List<VendorCharge> missingThere = list(n, "missingThere", CspJacksonModule::readCharge);
    List<Reconciliation.Difference> different = list(n, "different", d ->
        new Reconciliation.Difference(readLine(field(d, "file")),
            CspJacksonModule.readCharge(field(d, "library")), list(d, "columns",
                c -> new Reconciliation.ColumnDifference(text(c, "column"),
                    text(c, "fileValue"), text(c, "libraryValue")))));
    List<ReconciliationLine> file = new ArrayList<>(missingHere);
    List<VendorCharge> charges = new ArrayList<>();
    matched.forEach(m -> {
      file.add(m.file());
      charges.add(m.library());
    });
    different.forEach(d -> {
      file.add(d.file());
      charges.add(d.library());
    });
    charges.addAll(missingThere);
    file.sort(Comparator.comparingLong(ReconciliationLine::line)); // stable: ties keep list order
    Reconciliation r = Reconciliation.match(range(n, "period"), file, charges);
    if (!r.matched().equals(matched) || !r.missingHere().equals(missingHere)
        || !r.missingThere().equals(missingThere) || !r.different().equals(different)) {
      throw new IllegalArgumentException("matching its lines again gives " + r
          + ", not the lines written");
    }
    return r;
  }

  // ------------------------------------------------------------------ PRC-3, PRC-4: quotes

  static void writeQuote(PriceQuote q, JsonGenerator g) throws IOException {
    g.writeStringField("status", q.status().name());
    g.writeStringField("sku", q.sku());
    g.writeStringField("market", q.market());
    g.writeStringField("currency", q.currency().getCurrencyCode());
    date(g, "day", q.day());
    date(g, "knownOn", q.knownOn());
    date(g, "publishBy", q.publishBy());
    if (q instanceof PriceQuote.Published p) {
      Json.amount(g, "price", p.priceMinor(), p.currency());
    }
    if (q.list().isPresent()) {
      g.writeObjectFieldStart("priceList");
      CspJacksonModule.writePriceList(q.list().get(), g);
      g.writeEndObject();
    }
  }

  static PriceQuote readQuote(JsonNode n) {
    PriceQuote.Status status = PriceQuote.Status.valueOf(text(n, "status"));
    String sku = text(n, "sku");
    LocalDate day = date(n, "day");
    LocalDate knownOn = date(n, "knownOn");
    LocalDate publishBy = date(n, "publishBy");
    if (status == PriceQuote.Status.NOT_YET_PUBLISHED) {
      return PriceQuote.notYetPublished(sku, text(n, "market"), currency(n, "currency"), day,
          knownOn, publishBy);
    }
    PriceList list = CspJacksonModule.readPriceList(field(n, "priceList"));
    if (status == PriceQuote.Status.NOT_LISTED) {
      return PriceQuote.notListed(sku, list, day, knownOn, publishBy);
    }
    PriceQuote q = PriceQuote.published(sku, list, day, knownOn, publishBy);
    long written = minor(n, "price", list.currency());
    if (q.priceMinor() != written) {
      throw new IllegalArgumentException("price " + MinorUnits.format(written, list.currency())
          + " is not list " + list.id() + "'s " + MinorUnits.format(q.priceMinor(),
              list.currency()) + " for " + sku);
    }
    return q;
  }
}
