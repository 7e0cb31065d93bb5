package io.github.cspkit.csp.examples.json;

import static io.github.cspkit.csp.examples.json.Json.bool;
import static io.github.cspkit.csp.examples.json.Json.currency;
import static io.github.cspkit.csp.examples.json.Json.date;
import static io.github.cspkit.csp.examples.json.Json.field;
import static io.github.cspkit.csp.examples.json.Json.integer;
import static io.github.cspkit.csp.examples.json.Json.minor;
import static io.github.cspkit.csp.examples.json.Json.number;
import static io.github.cspkit.csp.examples.json.Json.range;
import static io.github.cspkit.csp.examples.json.Json.text;
import static io.github.cspkit.csp.examples.json.Json.textOrNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.repository.AccessPayload;
import io.github.cspkit.csp.repository.AgreementPayload;
import io.github.cspkit.csp.repository.BillingPayload;
import io.github.cspkit.csp.repository.CustomerPayload;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventPayload;
import io.github.cspkit.csp.repository.PricingPayload;
import io.github.cspkit.csp.repository.SubscriptionPayload;
import io.github.cspkit.csp.subscription.ChangeEvent;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * The JSON of the event log (DESIGN.md, Events): a {@link DomainEvent} with its typed
 * {@link EventPayload}, and a logged subscription change ({@link ChangeEvent}).
 * <p>
 * A payload is an object tagged by {@code "type"}, its group and record ({@code
 * "Customer.Created"}, {@code "Access.GdapRequested"}, {@code "Subscription.Changed"}, …, and
 * {@code "Unstructured"} with its {@code aggregate} and {@code kind}), then its figures in the
 * module's forms: amounts as decimal strings beside their currency, dates ISO, ranges
 * {@code {"start", "end"}}, periods and months ISO, enums by name, an absent optional date left
 * out. A subscription change is {@code "subscriptionEvent": {…}} (a seed subscription's event) or
 * {@code "nceEvent": {…}} (a new-commerce one), each in its own type's form; that is also the whole
 * document of a change as logged before every entry had a payload, which still reads.
 * <p>
 * A domain event is {@code sequence, aggregate, aggregateId, kind, date, commandKey, detail} and
 * {@code payload}. Its aggregate and kind are the payload's, written for readers and checked when
 * read; a document without {@code payload} (written before payloads) reads as its
 * {@code change}, or else as an {@link EventPayload.Unstructured} entry.
 */
final class EventJson {
  private EventJson() {}

  static void writeChange(ChangeEvent change, JsonGenerator g) throws IOException {
    if (change instanceof SubscriptionEvent e) {
      g.writeObjectFieldStart("subscriptionEvent");
      CspJacksonModule.writeEvent(e, g);
    } else {
      g.writeObjectFieldStart("nceEvent");
      NceJson.writeEvent((NceEvent) change, g);
    }
    g.writeEndObject();
  }

  static ChangeEvent readChange(JsonNode n) {
    return n.has("subscriptionEvent") ? CspJacksonModule.readEvent(n.get("subscriptionEvent"))
        : NceJson.readEvent(field(n, "nceEvent"));
  }

  // ------------------------------------------------------------------ domain events

  static void writeDomainEvent(DomainEvent e, JsonGenerator g) throws IOException {
    g.writeNumberField("sequence", e.sequence());
    g.writeStringField("aggregate", e.aggregate());
    g.writeStringField("aggregateId", e.aggregateId());
    g.writeStringField("kind", e.kind());
    Json.date(g, "date", e.date());
    g.writeStringField("commandKey", e.commandKey());
    g.writeStringField("detail", e.detail());
    g.writeObjectFieldStart("payload");
    writePayload(e.payload(), g);
    g.writeEndObject();
  }

  static DomainEvent readDomainEvent(JsonNode n) {
    EventPayload payload;
    if (n.hasNonNull("payload")) {
      payload = readPayload(n.get("payload"));
    } else if (n.hasNonNull("change")) { // written before every entry had a payload
      payload = new SubscriptionPayload.Changed(readChange(n.get("change")));
    } else {
      payload = new EventPayload.Unstructured(text(n, "aggregate"), text(n, "kind"));
    }
    String aggregate = textOrNull(n, "aggregate");
    String kind = textOrNull(n, "kind");
    if (aggregate != null && !aggregate.equals(payload.aggregate())
        || kind != null && !kind.equals(payload.kind())) {
      throw new IllegalArgumentException("the event says " + aggregate + " " + kind
          + " but its payload is " + payload.aggregate() + " " + payload.kind());
    }
    return new DomainEvent(number(n, "sequence"), text(n, "aggregateId"), date(n, "date"),
        text(n, "commandKey"), text(n, "detail"), payload);
  }

  // ------------------------------------------------------------------ payloads

  static void writePayload(EventPayload p, JsonGenerator g) throws IOException {
    if (p instanceof AgreementPayload a) {
      writeAgreement(a, g);
    } else if (p instanceof PricingPayload l) {
      writePricing(l, g);
    } else if (p instanceof CustomerPayload c) {
      writeCustomer(c, g);
    } else if (p instanceof SubscriptionPayload s) {
      writeSubscription(s, g);
    } else if (p instanceof BillingPayload b) {
      writeBilling(b, g);
    } else if (p instanceof AccessPayload a) {
      writeAccess(a, g);
    } else {
      EventPayload.Unstructured u = (EventPayload.Unstructured) p;
      g.writeStringField("type", "Unstructured");
      g.writeStringField("aggregate", u.aggregate());
      g.writeStringField("kind", u.kind());
    }
  }

  static EventPayload readPayload(JsonNode n) {
    String type = text(n, "type");
    int dot = type.indexOf('.');
    String record = type.substring(dot + 1);
    return switch (dot < 0 ? type : type.substring(0, dot)) {
      case "Agreement" -> readAgreement(record, n);
      case "Pricing" -> readPricing(record, n);
      case "Customer" -> readCustomer(record, n);
      case "Subscription" -> readSubscription(record, n);
      case "Billing" -> readBilling(record, n);
      case "Access" -> readAccess(record, n);
      case "Unstructured" -> new EventPayload.Unstructured(text(n, "aggregate"), text(n, "kind"));
      default -> throw unknown(type);
    };
  }

  private static IllegalArgumentException unknown(String type) {
    return new IllegalArgumentException("unknown payload type '" + type + "'");
  }

  private static void optionalDate(JsonGenerator g, String name, Optional<LocalDate> day)
      throws IOException {
    if (day.isPresent()) {
      Json.date(g, name, day.get());
    }
  }

  private static Optional<LocalDate> optionalDate(JsonNode n, String name) {
    return Optional.ofNullable(textOrNull(n, name)).map(LocalDate::parse);
  }

  // AGR-1..4, MPA-1

  private static void writeAgreement(AgreementPayload p, JsonGenerator g) throws IOException {
    if (p instanceof AgreementPayload.Accepted a) {
      g.writeStringField("type", "Agreement.Accepted");
      Json.range(g, "firstTerm", a.firstTerm());
    } else if (p instanceof AgreementPayload.NoticeGiven n) {
      g.writeStringField("type", "Agreement.NoticeGiven");
      g.writeStringField("party", n.party().name());
      Json.date(g, "lastDayInForce", n.lastDayInForce());
    } else if (p instanceof AgreementPayload.PartnerAccepted) {
      g.writeStringField("type", "Agreement.PartnerAccepted");
    } else {
      AgreementPayload.PartnerTerminated t = (AgreementPayload.PartnerTerminated) p;
      g.writeStringField("type", "Agreement.PartnerTerminated");
      g.writeStringField("party", t.party().name());
      Json.date(g, "effectiveOn", t.effectiveOn());
      Json.date(g, "lastDayInForce", t.lastDayInForce());
    }
  }

  private static AgreementPayload readAgreement(String record, JsonNode n) {
    return switch (record) {
      case "Accepted" -> new AgreementPayload.Accepted(range(n, "firstTerm"));
      case "NoticeGiven" -> new AgreementPayload.NoticeGiven(Party.valueOf(text(n, "party")),
          date(n, "lastDayInForce"));
      case "PartnerAccepted" -> new AgreementPayload.PartnerAccepted();
      case "PartnerTerminated" -> new AgreementPayload.PartnerTerminated(
          Party.valueOf(text(n, "party")), date(n, "effectiveOn"), date(n, "lastDayInForce"));
      default -> throw unknown("Agreement." + record);
    };
  }

  // PRC-1..3, PCF-1

  private static void writePricing(PricingPayload p, JsonGenerator g) throws IOException {
    if (p instanceof PricingPayload.Published l) {
      g.writeStringField("type", "Pricing.Published");
      g.writeStringField("market", l.market());
      g.writeStringField("currency", l.currency().getCurrencyCode());
      Json.date(g, "effectiveOn", l.effectiveOn());
    } else {
      PricingPayload.Imported i = (PricingPayload.Imported) p;
      g.writeStringField("type", "Pricing.Imported");
      g.writeStringField("market", i.market());
      g.writeStringField("currency", i.currency().getCurrencyCode());
      g.writeStringField("month", i.month().toString());
      Json.date(g, "publishedOn", i.publishedOn());
      g.writeNumberField("rows", i.rows());
      g.writeNumberField("unmapped", i.unmapped());
    }
  }

  private static PricingPayload readPricing(String record, JsonNode n) {
    return switch (record) {
      case "Published" -> new PricingPayload.Published(text(n, "market"), currency(n, "currency"),
          date(n, "effectiveOn"));
      case "Imported" -> new PricingPayload.Imported(text(n, "market"), currency(n, "currency"),
          YearMonth.parse(text(n, "month")), date(n, "publishedOn"), integer(n, "rows"),
          integer(n, "unmapped"));
      default -> throw unknown("Pricing." + record);
    };
  }

  // CUS-1..4, BIL-2

  private static void writeCustomer(CustomerPayload p, JsonGenerator g) throws IOException {
    if (p instanceof CustomerPayload.Created c) {
      g.writeStringField("type", "Customer.Created");
      g.writeStringField("tenantId", c.tenantId());
      g.writeStringField("origin", c.origin().name());
      g.writeBooleanField("delegatedAdmin", c.delegatedAdmin());
    } else if (p instanceof CustomerPayload.BillingProfileSet b) {
      g.writeStringField("type", "Customer.BillingProfileSet");
      g.writeNumberField("billingDay", b.billingDay());
      g.writeStringField("currency", b.currency().getCurrencyCode());
    } else {
      g.writeStringField("type", "Customer.TrialEnded");
      g.writeStringField("subscriptionId", ((CustomerPayload.TrialEnded) p).subscriptionId());
    }
  }

  private static CustomerPayload readCustomer(String record, JsonNode n) {
    return switch (record) {
      case "Created" -> new CustomerPayload.Created(text(n, "tenantId"),
          TenantOrigin.valueOf(text(n, "origin")), bool(n, "delegatedAdmin"));
      case "BillingProfileSet" -> new CustomerPayload.BillingProfileSet(integer(n, "billingDay"),
          currency(n, "currency"));
      case "TrialEnded" -> new CustomerPayload.TrialEnded(text(n, "subscriptionId"));
      default -> throw unknown("Customer." + record);
    };
  }

  // SUB-1..7, NCE-1..9

  private static void writeSubscription(SubscriptionPayload p, JsonGenerator g)
      throws IOException {
    if (p instanceof SubscriptionPayload.Changed c) {
      g.writeStringField("type", "Subscription.Changed");
      writeChange(c.change(), g);
    } else {
      g.writeStringField("type", "Subscription.ScheduleDropped");
      g.writeObjectFieldStart("dropped");
      NceJson.writeScheduled(((SubscriptionPayload.ScheduleDropped) p).dropped(), g);
      g.writeEndObject();
    }
  }

  private static SubscriptionPayload readSubscription(String record, JsonNode n) {
    return switch (record) {
      case "Changed" -> new SubscriptionPayload.Changed(readChange(n));
      case "ScheduleDropped" -> new SubscriptionPayload.ScheduleDropped(
          NceJson.readScheduled(field(n, "dropped")));
      default -> throw unknown("Subscription." + record);
    };
  }

  // BIL-1, BIL-3, BIL-7

  private static void writeBilling(BillingPayload p, JsonGenerator g) throws IOException {
    if (p instanceof BillingPayload.FinancingSet f) {
      g.writeStringField("type", "Billing.FinancingSet");
      g.writeObjectFieldStart("plan");
      AccountJson.writeFinancing(f.plan(), g);
      g.writeEndObject();
    } else if (p instanceof BillingPayload.ServiceAdded s) {
      g.writeStringField("type", "Billing.ServiceAdded");
      g.writeStringField("customerId", s.customerId());
      g.writeStringField("serviceId", s.serviceId());
      g.writeStringField("name", s.name());
      Json.amount(g, "amount", s.amountMinor(), s.currency());
      g.writeStringField("currency", s.currency().getCurrencyCode());
      g.writeStringField("recurrence", s.recurrence().name());
    } else {
      BillingPayload.BillIssued b = (BillingPayload.BillIssued) p;
      g.writeStringField("type", "Billing.BillIssued");
      g.writeStringField("customerId", b.customerId());
      Json.range(g, "period", b.period());
      Json.amount(g, "total", b.totalMinor(), b.currency());
      Json.amount(g, "cost", b.costMinor(), b.currency());
      g.writeStringField("currency", b.currency().getCurrencyCode());
    }
  }

  private static BillingPayload readBilling(String record, JsonNode n) {
    switch (record) {
      case "FinancingSet":
        return new BillingPayload.FinancingSet(AccountJson.readFinancing(field(n, "plan")));
      case "ServiceAdded": {
        CurrencyUnit cur = currency(n, "currency");
        return new BillingPayload.ServiceAdded(text(n, "customerId"), text(n, "serviceId"),
            text(n, "name"), minor(n, "amount", cur), cur,
            Recurrence.valueOf(text(n, "recurrence")));
      }
      case "BillIssued": {
        CurrencyUnit cur = currency(n, "currency");
        return new BillingPayload.BillIssued(text(n, "customerId"), range(n, "period"),
            minor(n, "total", cur), minor(n, "cost", cur), cur);
      }
      default:
        throw unknown("Billing." + record);
    }
  }

  // ACC-1..5, GDA-1..4

  private static void writeAccess(AccessPayload p, JsonGenerator g) throws IOException {
    if (p instanceof AccessPayload.DelegatedAdminRemoved r) {
      g.writeStringField("type", "Access.DelegatedAdminRemoved");
      g.writeStringField("userId", r.userId());
    } else if (p instanceof AccessPayload.TenantAdministered t) {
      g.writeStringField("type", "Access.TenantAdministered");
      g.writeStringField("task", t.task());
    } else if (p instanceof AccessPayload.OwnTenantAdministered t) {
      g.writeStringField("type", "Access.OwnTenantAdministered");
      g.writeStringField("task", t.task());
      g.writeStringField("userId", t.userId());
    } else if (p instanceof AccessPayload.ServiceConfigured c) {
      g.writeStringField("type", "Access.ServiceConfigured");
      g.writeStringField("service", c.service());
      g.writeStringField("setting", c.setting());
    } else if (p instanceof AccessPayload.GdapRequested r) {
      g.writeStringField("type", "Access.GdapRequested");
      g.writeStringField("customerId", r.customerId());
      AgreementJson.writeAssignments(g, r.assignments());
      g.writeStringField("duration", r.duration().toString());
      g.writeBooleanField("autoExtend", r.autoExtend());
      Json.date(g, "approvableThrough", r.approvableThrough());
    } else if (p instanceof AccessPayload.GdapApproved a) {
      g.writeStringField("type", "Access.GdapApproved");
      optionalDate(g, "lastDay", a.lastDay());
      g.writeStringField("userId", a.userId());
    } else if (p instanceof AccessPayload.GdapTerminated t) {
      g.writeStringField("type", "Access.GdapTerminated");
      g.writeStringField("by", t.by().name());
      g.writeStringField("userId", t.userId());
    } else {
      AccessPayload.GdapAutoExtendSet s = (AccessPayload.GdapAutoExtendSet) p;
      g.writeStringField("type", "Access.GdapAutoExtendSet");
      g.writeBooleanField("on", s.on());
      optionalDate(g, "lastDay", s.lastDay());
    }
  }

  private static AccessPayload readAccess(String record, JsonNode n) {
    return switch (record) {
      case "DelegatedAdminRemoved" -> new AccessPayload.DelegatedAdminRemoved(text(n, "userId"));
      case "TenantAdministered" -> new AccessPayload.TenantAdministered(text(n, "task"));
      case "OwnTenantAdministered" -> new AccessPayload.OwnTenantAdministered(text(n, "task"),
          text(n, "userId"));
      case "ServiceConfigured" -> new AccessPayload.ServiceConfigured(text(n, "service"),
          text(n, "setting"));
      case "GdapRequested" -> new AccessPayload.GdapRequested(text(n, "customerId"),
          AgreementJson.readAssignments(n), Period.parse(text(n, "duration")),
          bool(n, "autoExtend"), date(n, "approvableThrough"));
      case "GdapApproved" -> new AccessPayload.GdapApproved(optionalDate(n, "lastDay"),
          text(n, "userId"));
      case "GdapTerminated" -> new AccessPayload.GdapTerminated(GdapSide.valueOf(text(n, "by")),
          text(n, "userId"));
      case "GdapAutoExtendSet" -> new AccessPayload.GdapAutoExtendSet(bool(n, "on"),
          optionalDate(n, "lastDay"));
      default -> throw unknown("Access." + record);
    };
  }
}
