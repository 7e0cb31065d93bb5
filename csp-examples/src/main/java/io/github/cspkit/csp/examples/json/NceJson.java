package io.github.cspkit.csp.examples.json;

import static io.github.cspkit.csp.examples.json.Json.bool;
import static io.github.cspkit.csp.examples.json.Json.currency;
import static io.github.cspkit.csp.examples.json.Json.date;
import static io.github.cspkit.csp.examples.json.Json.field;
import static io.github.cspkit.csp.examples.json.Json.integer;
import static io.github.cspkit.csp.examples.json.Json.list;
import static io.github.cspkit.csp.examples.json.Json.minor;
import static io.github.cspkit.csp.examples.json.Json.text;
import static io.github.cspkit.csp.examples.json.Json.textOrNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.SalePrice;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.subscription.NceTerm;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.subscription.TermCalendar;
import java.io.IOException;
import java.util.List;
import javax.money.CurrencyUnit;

/**
 * The JSON forms of the current program's subscription values (NCE-1..9): a subscription with its
 * terms, each with its calendar and its events, an event tagged by {@code "type"} (the record's
 * name: {@code Started}, {@code SeatsAdded}, …), a sale price as its cost and sale amounts beside
 * its currency. Read back through the values' factories and builders. Not public API: see
 * {@link CspJacksonModule}.
 */
final class NceJson {
  private NceJson() {}

  static void writePrice(SalePrice p, JsonGenerator g) throws IOException {
    Json.amount(g, "cost", p.costMinor(), p.currency());
    Json.amount(g, "sale", p.saleMinor(), p.currency());
    g.writeStringField("currency", p.currency().getCurrencyCode());
  }

  static SalePrice readPrice(JsonNode n) {
    CurrencyUnit cur = currency(n, "currency");
    return SalePrice.of(minor(n, "cost", cur), minor(n, "sale", cur), cur);
  }

  private static void price(JsonGenerator g, SalePrice p) throws IOException {
    g.writeObjectFieldStart("price");
    writePrice(p, g);
    g.writeEndObject();
  }

  static void writeEvent(NceEvent e, JsonGenerator g) throws IOException {
    g.writeStringField("type", e.getClass().getSimpleName());
    Json.date(g, "date", e.date());
    e.accept(EVENT_FIELDS).write(g);
  }

  /** Writes fields of the object being written. */
  @FunctionalInterface
  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static final Fields NONE = g -> { };

  /** The fields of each kind of event, beside its type and date. */
  private static final NceEvent.Visitor<Fields> EVENT_FIELDS = new NceEvent.Visitor<>() {
    @Override
    public Fields started(NceEvent.Started s) {
      return g -> {
        g.writeStringField("how", s.how().name());
        g.writeStringField("sku", s.sku());
        g.writeNumberField("seats", s.seats());
        price(g, s.price());
        Json.date(g, "refundableThrough", s.refundableThrough());
      };
    }

    @Override
    public Fields seatsAdded(NceEvent.SeatsAdded a) {
      return g -> {
        g.writeNumberField("seats", a.seats());
        Json.date(g, "refundableThrough", a.refundableThrough());
      };
    }

    @Override
    public Fields seatsRemoved(NceEvent.SeatsRemoved r) {
      return g -> g.writeNumberField("seats", r.seats());
    }

    @Override
    public Fields suspended(NceEvent.Suspended e) {
      return NONE;
    }

    @Override
    public Fields reactivated(NceEvent.Reactivated e) {
      return NONE;
    }

    @Override
    public Fields cancelled(NceEvent.Cancelled e) {
      return NONE;
    }

    @Override
    public Fields upgraded(NceEvent.Upgraded u) {
      return g -> {
        g.writeStringField("toSku", u.toSku());
        price(g, u.price());
      };
    }

    @Override
    public Fields seatsMovedOut(NceEvent.SeatsMovedOut m) {
      return g -> {
        g.writeNumberField("seats", m.seats());
        g.writeStringField("toSku", m.toSku());
        g.writeStringField("toSubscriptionId", m.toSubscriptionId());
      };
    }

    @Override
    public Fields ended(NceEvent.Ended e) {
      return NONE;
    }
  };

  static NceEvent readEvent(JsonNode n) {
    java.time.LocalDate d = date(n, "date");
    String type = text(n, "type");
    return switch (type) {
      case "Started" -> new NceEvent.Started(d, NceEvent.Start.valueOf(text(n, "how")),
          text(n, "sku"), integer(n, "seats"), readPrice(field(n, "price")),
          date(n, "refundableThrough"));
      case "SeatsAdded" -> new NceEvent.SeatsAdded(d, integer(n, "seats"),
          date(n, "refundableThrough"));
      case "SeatsRemoved" -> new NceEvent.SeatsRemoved(d, integer(n, "seats"));
      case "Suspended" -> new NceEvent.Suspended(d);
      case "Reactivated" -> new NceEvent.Reactivated(d);
      case "Cancelled" -> new NceEvent.Cancelled(d);
      case "Upgraded" -> new NceEvent.Upgraded(d, text(n, "toSku"), readPrice(field(n, "price")));
      case "SeatsMovedOut" -> new NceEvent.SeatsMovedOut(d, integer(n, "seats"),
          text(n, "toSku"), text(n, "toSubscriptionId"));
      case "Ended" -> new NceEvent.Ended(d);
      default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
    };
  }

  static void writeCalendar(TermCalendar c, JsonGenerator g) throws IOException {
    Json.date(g, "anchor", c.anchor());
    g.writeNumberField("offsetMonths", c.offsetMonths());
    g.writeStringField("term", c.length().code());
    g.writeStringField("plan", c.plan().code());
  }

  static TermCalendar readCalendar(JsonNode n) {
    return new TermCalendar(date(n, "anchor"), integer(n, "offsetMonths"),
        TermLength.parse(text(n, "term")), BillingPlan.parse(text(n, "plan")));
  }

  static void writeTerm(NceTerm t, JsonGenerator g) throws IOException {
    g.writeNumberField("index", t.index());
    g.writeObjectFieldStart("calendar");
    writeCalendar(t.calendar(), g);
    g.writeEndObject();
    Json.date(g, "cancellableThrough", t.cancellableThrough());
    g.writeArrayFieldStart("events");
    for (NceEvent e : t.events()) {
      g.writeStartObject();
      writeEvent(e, g);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static NceTerm readTerm(JsonNode n) {
    List<NceEvent> events = list(n, "events", NceJson::readEvent);
    if (events.isEmpty() || !(events.get(0) instanceof NceEvent.Started started)) {
      throw new IllegalArgumentException("a term's first event is Started");
    }
    NceTerm t = NceTerm.of(integer(n, "index"), readCalendar(field(n, "calendar")),
        date(n, "cancellableThrough"), started);
    for (NceEvent e : events.subList(1, events.size())) {
      t = t.with(e);
    }
    return t;
  }

  static void writeSubscription(NceSubscription s, JsonGenerator g) throws IOException {
    g.writeStringField("id", s.id());
    g.writeStringField("customerId", s.customerId());
    g.writeStringField("currency", s.currency().getCurrencyCode());
    if (s.parentId().isPresent()) {
      g.writeStringField("parentId", s.parentId().get());
    }
    g.writeBooleanField("autoRenew", s.autoRenew());
    if (s.scheduled().isPresent()) {
      g.writeObjectFieldStart("scheduled");
      writeScheduled(s.scheduled().get(), g);
      g.writeEndObject();
    }
    g.writeArrayFieldStart("terms");
    for (NceTerm t : s.terms()) {
      g.writeStartObject();
      writeTerm(t, g);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static NceSubscription readSubscription(JsonNode n) {
    NceSubscription.Builder b = NceSubscription.builder();
    b.id(text(n, "id")).customerId(text(n, "customerId")).currency(currency(n, "currency"))
        .autoRenew(bool(n, "autoRenew")).terms(list(n, "terms", NceJson::readTerm));
    String parent = textOrNull(n, "parentId");
    if (parent != null) {
      b.parentId(parent);
    }
    JsonNode s = n.get("scheduled");
    if (s != null && !s.isNull()) {
      b.scheduled(readScheduled(s));
    }
    return b.build();
  }

  /** The changes scheduled for the next term (NCE-8): only those given. */
  static void writeScheduled(ScheduledChange c, JsonGenerator g) throws IOException {
    if (c.seats().isPresent()) {
      g.writeNumberField("seats", c.seats().getAsInt());
    }
    if (c.term().isPresent()) {
      g.writeStringField("term", c.term().get().code());
    }
    if (c.plan().isPresent()) {
      g.writeStringField("plan", c.plan().get().code());
    }
    if (c.sku().isPresent()) {
      g.writeStringField("sku", c.sku().get());
    }
  }

  static ScheduledChange readScheduled(JsonNode s) {
    ScheduledChange.Builder c = ScheduledChange.builder();
    if (s.has("seats")) {
      c.seats(integer(s, "seats"));
    }
    if (s.has("term")) {
      c.term(TermLength.parse(text(s, "term")));
    }
    if (s.has("plan")) {
      c.plan(BillingPlan.parse(text(s, "plan")));
    }
    if (s.has("sku")) {
      c.sku(text(s, "sku"));
    }
    return c.build();
  }
}
