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
import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.access.GdapEndReason;
import io.github.cspkit.csp.access.GdapPolicy;
import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.GdapRole;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.agreement.PartnerAgreementPolicy;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.RenewalPolicy;
import io.github.cspkit.csp.agreement.TerminationNotice;
import io.github.cspkit.csp.testkit.AgreementGen;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Agreements (AGR, MPA-1) and GDAP relationships (GDA) through JSON and back, equal. */
class AgreementJsonTest {
  static final GdapPolicy GDAP = GdapPolicy.currentProgram();

  @Test
  void a_reseller_agreement_accepted_on_a_leap_day_with_several_notices() {
    Agreement a = Agreement.accept("P-1", d("2024-02-29"),
        RenewalPolicy.of(MonthDay.of(2, 29), Period.ofMonths(1)))
        .withNotice(Notice.written(d("2024-06-01"), Party.PARTNER))
        .withNotice(Notice.written(d("2024-06-01"), Party.VENDOR))
        .withNotice(Notice.written(d("2025-02-01"), Party.PARTNER)); // after the deadline
    assertThat(a.notices()).hasSize(3);
    roundTrip(a, Agreement.class);
    a.notices().forEach(n -> roundTrip(n, Notice.class));
    JsonNode json = tree(a);
    assertThat(json.get("policy").get("renewalDate").asText()).isEqualTo("--02-29");
    assertThat(json.get("policy").get("noticePeriod").asText()).isEqualTo("P1M");
    assertThat(json.get("endDate").asText()).isEqualTo("2025-02-28"); // 2025 has no February 29
    Agreement seed = roundTrip(Agreement.accept("P-2", d("2024-08-31")), Agreement.class);
    assertThat(seed.policy()).isEqualTo(RenewalPolicy.seed());
    assertThat(tree(seed).has("endDate")).isFalse();
    roundTrip(Notice.of(d("2024-02-29"), Party.VENDOR, NoticeChannel.PHONE), Notice.class);
  }

  @Test
  void reading_an_agreement_applies_its_rules() {
    String phoned = "{\"partnerId\":\"P-1\",\"acceptedOn\":\"2024-03-01\",\"policy\":{"
        + "\"renewalDate\":\"--08-31\",\"noticePeriod\":\"P30D\"},\"notices\":[{\"givenOn\":"
        + "\"2024-06-01\",\"party\":\"PARTNER\",\"channel\":\"PHONE\"}]}";
    assertThatThrownBy(() -> JSON.readValue(phoned, Agreement.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Agreement: AGR-4: a notice by PARTNER on 2024-06-01 through PHONE");
    String early = phoned.replace("PHONE", "WRITTEN").replace("2024-06-01", "2024-02-01");
    assertThatThrownBy(() -> JSON.readValue(early, Agreement.class))
        .hasMessageContaining("AGR-3: a notice given on 2024-02-01 comes before partner P-1");
    String afterEnd = phoned.replace("PHONE\"}]", "WRITTEN\"},{\"givenOn\":\"2024-09-01\","
        + "\"party\":\"VENDOR\",\"channel\":\"WRITTEN\"}]");
    assertThatThrownBy(() -> JSON.readValue(afterEnd, Agreement.class))
        .hasMessageContaining("AGR-3: agreement of partner P-1 ended on 2024-08-31");
  }

  @Test
  void every_generated_agreement_with_its_notices_round_trips() {
    qt().withExamples(300).forAll(AgreementGen.agreementsWithNotices(0, 4)).checkAssert(a -> {
      roundTrip(a, Agreement.class);
      a.notices().forEach(n -> roundTrip(n, Notice.class));
    });
  }

  @Test
  void a_partner_agreement_with_several_termination_notices() {
    PartnerAgreement a = PartnerAgreement.accept("P-1", d("2024-02-29"))
        .withTermination(TerminationNotice.written(d("2024-03-01"), Party.PARTNER,
            d("2024-05-01")))
        .withTermination(TerminationNotice.written(d("2024-03-10"), Party.VENDOR,
            d("2024-04-09")));
    assertThat(a.terminations()).hasSize(2);
    roundTrip(a, PartnerAgreement.class);
    a.terminations().forEach(t -> roundTrip(t, TerminationNotice.class));
    assertThat(tree(a).get("endDate").asText()).isEqualTo("2024-04-08");
    assertThat(tree(a).get("policy").get("terminationNotice").asText()).isEqualTo("P30D");
    roundTrip(PartnerAgreement.accept("P-2", d("2025-01-31"),
        PartnerAgreementPolicy.of(Period.ZERO)), PartnerAgreement.class);
    roundTrip(TerminationNotice.of(Notice.of(d("2024-02-29"), Party.VENDOR, NoticeChannel.EMAIL),
        d("2024-02-29")), TerminationNotice.class);
    String tooEarly = "{\"partnerId\":\"P-1\",\"acceptedOn\":\"2024-03-01\",\"policy\":{"
        + "\"terminationNotice\":\"P30D\"},\"terminations\":[{\"givenOn\":\"2024-06-01\","
        + "\"party\":\"PARTNER\",\"channel\":\"WRITTEN\",\"effectiveOn\":\"2024-06-30\"}]}";
    assertThatThrownBy(() -> JSON.readValue(tooEarly, PartnerAgreement.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("PartnerAgreement: MPA-1: a notice of termination given on"
            + " 2024-06-01 cannot end the agreement on 2024-06-30");
  }

  /** Partner agreements under 0 to 60 days of notice, with 0 to 3 notices recorded in order. */
  static Gen<PartnerAgreement> partnerAgreements() {
    return SourceDSL.longs().all().map(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      LocalDate accepted = AgreementGen.FIRST.plusDays(rnd.nextInt(7_000));
      PartnerAgreement a = PartnerAgreement.accept("P-" + rnd.nextInt(100), accepted,
          PartnerAgreementPolicy.of(Period.ofDays(rnd.nextInt(61))));
      LocalDate day = accepted;
      for (int i = rnd.nextInt(4); i > 0; i--) {
        day = day.plusDays(rnd.nextInt(90));
        if (day.isAfter(a.endDate().orElse(LocalDate.MAX))) {
          break;
        }
        LocalDate effective = a.policy().earliestTerminationFor(day).plusDays(rnd.nextInt(400));
        a = a.withTermination(TerminationNotice.written(day,
            rnd.nextBoolean() ? Party.PARTNER : Party.VENDOR, effective));
      }
      return a;
    });
  }

  @Test
  void every_generated_partner_agreement_round_trips() {
    qt().withExamples(300).forAll(partnerAgreements()).checkAssert(a -> {
      roundTrip(a, PartnerAgreement.class);
      a.terminations().forEach(t -> roundTrip(t, TerminationNotice.class));
    });
  }

  static GdapRelationship requested(String id, List<String> roles, Period duration,
      boolean autoExtend, LocalDate on) {
    return GdapRelationship.request(GdapRequest.of(id, "P1", "C1", roles, List.of("g1", "help.desk"),
        duration, autoExtend), on, GDAP);
  }

  /** Round-trips the relationship and its status on each day. */
  static GdapStatus statusOn(GdapRelationship r, LocalDate day) {
    roundTrip(r, GdapRelationship.class);
    return roundTrip(r.statusOn(day), GdapStatus.class);
  }

  @Test
  void a_gdap_relationship_in_each_state() {
    List<String> roles = List.of("helpdesk-administrator", "user-administrator");
    GdapRelationship pending = requested("R1", roles, Period.ofDays(90), true, d("2024-02-29"));
    assertThat(statusOn(pending, d("2024-03-01"))).isInstanceOf(GdapStatus.Pending.class);
    assertThat(statusOn(pending, d("2024-05-29"))).isEqualTo(
        new GdapStatus.Ended(d("2024-05-29"), GdapEndReason.REQUEST_EXPIRED));
    GdapRelationship active = pending.approve(d("2024-03-05"));
    assertThat(statusOn(active, d("2024-03-05"))).isEqualTo(
        new GdapStatus.Active(d("2024-03-05"), d("2024-03-05"), d("2024-06-03")));
    GdapRelationship extended = active.withAutoExtend(false, d("2024-07-01"))
        .withAutoExtend(true, d("2024-08-01"));
    assertThat(extended.autoExtend()).hasSize(3);
    assertThat(statusOn(extended, d("2024-08-01"))).isInstanceOf(GdapStatus.Active.class)
        .extracting(s -> ((GdapStatus.Active) s).periodStart()).isEqualTo(d("2024-06-03"));
    GdapRelationship lapsing = extended.withAutoExtend(false, d("2024-09-01"));
    assertThat(statusOn(lapsing, d("2024-12-01"))).isEqualTo(
        new GdapStatus.Ended(d("2024-11-30"), GdapEndReason.EXPIRED));
    assertThat(statusOn(active.terminate(d("2024-04-01"), GdapSide.PARTNER), d("2024-04-01")))
        .isEqualTo(new GdapStatus.Ended(d("2024-04-01"), GdapEndReason.TERMINATED_BY_PARTNER));
    assertThat(statusOn(pending.terminate(d("2024-03-02"), GdapSide.CUSTOMER), d("2024-03-03")))
        .isEqualTo(new GdapStatus.Ended(d("2024-03-02"), GdapEndReason.TERMINATED_BY_CUSTOMER));
    GdapRelationship global = requested("R2", List.of(GdapRole.GLOBAL_ADMINISTRATOR),
        Period.ofYears(2), false, d("2025-01-31")).approve(d("2025-04-30"));
    assertThat(statusOn(global, d("2027-04-30")).kind()).isEqualTo(GdapStatus.Kind.ENDED);
    JsonNode json = tree(global);
    assertThat(json.get("duration").asText()).isEqualTo("P2Y");
    assertThat(json.get("assignments").get(0).get("groups").toString())
        .isEqualTo("[\"g1\",\"help.desk\"]");
  }

  @Test
  void reading_a_gdap_relationship_applies_its_checks() {
    String global = JSON.valueToTree(requested("R2", List.of(GdapRole.GLOBAL_ADMINISTRATOR),
        Period.ofDays(30), false, d("2025-01-31"))).toString();
    assertThatThrownBy(() -> JSON.readValue(global.replace("\"on\":false", "\"on\":true"),
        GdapRelationship.class)).isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("GdapRelationship: GDA-3: relationship R2 includes the Global"
            + " Administrator role and cannot auto-extend");
    assertThatThrownBy(() -> JSON.readValue(global.replaceFirst("\"assignments\":\\[.*?\\]}\\]",
        "\"assignments\":[]"), GdapRelationship.class))
        .hasMessageContaining("GDA-1: relationship R2 names no role");
    assertThatThrownBy(() -> JSON.readValue("{\"kind\":\"ACTIVE\",\"approvedOn\":\"2025-03-01\","
        + "\"periodStart\":\"2025-03-01\",\"periodEnd\":\"2025-03-01\"}", GdapStatus.class))
        .hasMessageContaining("GdapStatus: OUT_OF_RANGE");
  }

  /**
   * GDAP relationships after a request and 0 to 6 changes (approve, auto-extend, terminate) on
   * increasing days; a change the relationship refuses is left out.
   */
  static Gen<GdapRelationship> relationships() {
    List<GdapRole> all = GDAP.roles().all();
    return SourceDSL.longs().all().map(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      List<String> roles = new ArrayList<>();
      for (GdapRole role : all) {
        if (rnd.nextInt(3) == 0) {
          roles.add(role.name());
        }
      }
      if (roles.isEmpty()) {
        roles.add(all.get(rnd.nextInt(all.size())).name());
      }
      boolean global = roles.contains(GdapRole.GLOBAL_ADMINISTRATOR);
      Period duration = rnd.nextBoolean() ? Period.ofDays(1 + rnd.nextInt(730))
          : Period.ofMonths(1 + rnd.nextInt(24));
      LocalDate day = d("2024-01-01").plusDays(rnd.nextInt(1500));
      GdapRelationship r = requested("R" + rnd.nextInt(100), roles, duration,
          !global && rnd.nextBoolean(), day);
      for (int i = rnd.nextInt(7); i > 0; i--) {
        day = day.plusDays(rnd.nextInt(120));
        try {
          r = switch (rnd.nextInt(4)) {
            case 0, 1 -> r.approve(day);
            case 2 -> r.withAutoExtend(rnd.nextBoolean(), day);
            default -> r.terminate(day, rnd.nextBoolean() ? GdapSide.PARTNER : GdapSide.CUSTOMER);
          };
        } catch (CspException refused) {
          // refused: the relationship is unchanged
        }
      }
      return r;
    });
  }

  @Test
  void every_generated_gdap_relationship_and_its_statuses_round_trip() {
    java.util.Set<Object> seen = new java.util.HashSet<>();
    qt().withExamples(300).forAll(relationships()).checkAssert(r -> {
      roundTrip(r, GdapRelationship.class);
      for (int days = 0; days < 1200; days += 97) {
        GdapStatus s = roundTrip(r.statusOn(r.requestedOn().plusDays(days)), GdapStatus.class);
        seen.add(s instanceof GdapStatus.Ended e ? e.reason() : s.kind());
      }
    });
    assertThat(seen).contains(GdapStatus.Kind.PENDING, GdapStatus.Kind.ACTIVE,
        GdapEndReason.REQUEST_EXPIRED, GdapEndReason.EXPIRED, GdapEndReason.TERMINATED_BY_PARTNER,
        GdapEndReason.TERMINATED_BY_CUSTOMER);
  }
}
