package io.github.cspkit.csp.examples.json;

import static io.github.cspkit.csp.examples.json.Json.bool;
import static io.github.cspkit.csp.examples.json.Json.date;
import static io.github.cspkit.csp.examples.json.Json.field;
import static io.github.cspkit.csp.examples.json.Json.list;
import static io.github.cspkit.csp.examples.json.Json.text;
import static io.github.cspkit.csp.examples.json.Json.textOrNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cspkit.csp.access.GdapEndReason;
import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.access.RoleAssignment;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.agreement.PartnerAgreementPolicy;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.RenewalPolicy;
import io.github.cspkit.csp.agreement.TerminationNotice;
import java.io.IOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The JSON forms of the partner's agreements and relationships: the reseller {@link Agreement}
 * with its renewal policy and notices (AGR-1..5), the Microsoft {@link PartnerAgreement} with its
 * termination notices (MPA-1), and the {@link GdapRelationship} with its roles, auto-extend
 * settings, approval and termination (GDA-1..4), and a {@link GdapStatus} tagged by {@code "kind"}.
 * Periods are ISO ({@code "P30D"}), renewal dates {@code "--08-31"}. An agreement is read back by
 * accepting it and recording its notices in order, so that AGR-3, AGR-4 and MPA-1 apply; a
 * relationship through its builder, whose checks apply (GDA-1, GDA-3). A policy is written as its
 * figures and read back as {@link RenewalPolicy#of} or {@link PartnerAgreementPolicy#of}. Derived
 * figures (an agreement's end date) are written for readers and ignored when read. Not public API:
 * see {@link CspJacksonModule}.
 */
final class AgreementJson {
  private AgreementJson() {}

  // ------------------------------------------------------------------ AGR: reseller agreement

  static void writeNotice(Notice n, JsonGenerator g) throws IOException {
    date(g, "givenOn", n.givenOn());
    g.writeStringField("party", n.party().name());
    g.writeStringField("channel", n.channel().name());
  }

  static Notice readNotice(JsonNode n) {
    return Notice.of(date(n, "givenOn"), Party.valueOf(text(n, "party")),
        NoticeChannel.parse(text(n, "channel")));
  }

  static void writeAgreement(Agreement a, JsonGenerator g) throws IOException {
    g.writeStringField("partnerId", a.partnerId());
    date(g, "acceptedOn", a.acceptedOn());
    g.writeObjectFieldStart("policy");
    g.writeStringField("renewalDate", a.policy().renewalDate().toString());
    g.writeStringField("noticePeriod", a.policy().noticePeriod().toString());
    g.writeEndObject();
    g.writeArrayFieldStart("notices");
    for (Notice n : a.notices()) {
      g.writeStartObject();
      writeNotice(n, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    endDate(g, a.endDate());
  }

  static Agreement readAgreement(JsonNode n) {
    JsonNode p = field(n, "policy");
    Agreement a = Agreement.accept(text(n, "partnerId"), date(n, "acceptedOn"),
        RenewalPolicy.of(MonthDay.parse(text(p, "renewalDate")),
            Period.parse(text(p, "noticePeriod"))));
    for (Notice notice : list(n, "notices", AgreementJson::readNotice)) {
      a = a.withNotice(notice);
    }
    return a;
  }

  // ------------------------------------------------------------------ MPA-1: partner agreement

  static void writeTermination(TerminationNotice t, JsonGenerator g) throws IOException {
    writeNotice(t.notice(), g);
    date(g, "effectiveOn", t.effectiveOn());
  }

  static TerminationNotice readTermination(JsonNode n) {
    return TerminationNotice.of(readNotice(n), date(n, "effectiveOn"));
  }

  static void writePartnerAgreement(PartnerAgreement a, JsonGenerator g) throws IOException {
    g.writeStringField("partnerId", a.partnerId());
    date(g, "acceptedOn", a.acceptedOn());
    g.writeObjectFieldStart("policy");
    g.writeStringField("terminationNotice", a.policy().terminationNotice().toString());
    g.writeEndObject();
    g.writeArrayFieldStart("terminations");
    for (TerminationNotice t : a.terminations()) {
      g.writeStartObject();
      writeTermination(t, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    endDate(g, a.endDate());
  }

  static PartnerAgreement readPartnerAgreement(JsonNode n) {
    PartnerAgreement a = PartnerAgreement.accept(text(n, "partnerId"), date(n, "acceptedOn"),
        PartnerAgreementPolicy.of(Period.parse(text(field(n, "policy"), "terminationNotice"))));
    for (TerminationNotice t : list(n, "terminations", AgreementJson::readTermination)) {
      a = a.withTermination(t);
    }
    return a;
  }

  /** The last day in force, for readers; ignored when read. */
  private static void endDate(JsonGenerator g, Optional<LocalDate> end) throws IOException {
    if (end.isPresent()) {
      date(g, "endDate", end.get());
    }
  }

  // ------------------------------------------------------------------ GDA: GDAP relationships

  static void writeRelationship(GdapRelationship r, JsonGenerator g) throws IOException {
    g.writeStringField("id", r.id());
    g.writeStringField("partnerId", r.partnerId());
    g.writeStringField("customerId", r.customerId());
    writeAssignments(g, r.assignments());
    g.writeStringField("duration", r.duration().toString());
    g.writeStringField("extension", r.extension().toString());
    date(g, "requestedOn", r.requestedOn());
    date(g, "approvableThrough", r.approvableThrough());
    g.writeArrayFieldStart("autoExtend");
    for (GdapRelationship.AutoExtend s : r.autoExtend()) {
      g.writeStartObject();
      date(g, "from", s.from());
      g.writeBooleanField("on", s.on());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (r.approvedOn().isPresent()) {
      date(g, "approvedOn", r.approvedOn().get());
    }
    if (r.termination().isPresent()) {
      g.writeObjectFieldStart("termination");
      date(g, "on", r.termination().get().on());
      g.writeStringField("by", r.termination().get().by().name());
      g.writeEndObject();
    }
  }

  /** The roles of a relationship (GDA-1), each with the security groups it is granted to. */
  static void writeAssignments(JsonGenerator g, List<RoleAssignment> assignments)
      throws IOException {
    g.writeArrayFieldStart("assignments");
    for (RoleAssignment a : assignments) {
      g.writeStartObject();
      g.writeStringField("role", a.role());
      g.writeArrayFieldStart("groups");
      for (String group : a.groups()) {
        g.writeString(group);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static List<RoleAssignment> readAssignments(JsonNode n) {
    return list(n, "assignments", a -> RoleAssignment.of(text(a, "role"),
        list(a, "groups", JsonNode::asText)));
  }

  static GdapRelationship readRelationship(JsonNode n) {
    String approved = textOrNull(n, "approvedOn");
    JsonNode t = n.get("termination");
    return GdapRelationship.builder().id(text(n, "id")).partnerId(text(n, "partnerId"))
        .customerId(text(n, "customerId"))
        .assignments(readAssignments(n))
        .duration(Period.parse(text(n, "duration"))).extension(Period.parse(text(n, "extension")))
        .requestedOn(date(n, "requestedOn")).approvableThrough(date(n, "approvableThrough"))
        .autoExtend(list(n, "autoExtend",
            s -> new GdapRelationship.AutoExtend(date(s, "from"), bool(s, "on"))))
        .approvedOn(Optional.ofNullable(approved).map(LocalDate::parse))
        .termination(t == null || t.isNull() ? Optional.empty()
            : Optional.of(new GdapRelationship.Termination(date(t, "on"),
                GdapSide.valueOf(text(t, "by")))))
        .build();
  }

  static void writeStatus(GdapStatus s, JsonGenerator g) throws IOException {
    g.writeStringField("kind", s.kind().name());
    if (s instanceof GdapStatus.Pending p) {
      date(g, "requestedOn", p.requestedOn());
      date(g, "approvableThrough", p.approvableThrough());
    } else if (s instanceof GdapStatus.Active a) {
      date(g, "approvedOn", a.approvedOn());
      date(g, "periodStart", a.periodStart());
      date(g, "periodEnd", a.periodEnd());
    } else if (s instanceof GdapStatus.Ended e) {
      date(g, "on", e.on());
      g.writeStringField("reason", e.reason().name());
    }
  }

  static GdapStatus readStatus(JsonNode n) {
    GdapStatus.Kind kind = GdapStatus.Kind.valueOf(text(n, "kind"));
    return switch (kind) {
      case PENDING -> new GdapStatus.Pending(date(n, "requestedOn"), date(n, "approvableThrough"));
      case ACTIVE -> new GdapStatus.Active(date(n, "approvedOn"), date(n, "periodStart"),
          date(n, "periodEnd"));
      case ENDED -> new GdapStatus.Ended(date(n, "on"), GdapEndReason.valueOf(text(n, "reason")));
    };
  }
}
