package io.github.cspkit.csp.examples.json;

import static io.github.cspkit.csp.examples.json.CspJacksonModuleTest.JSON;
import static io.github.cspkit.csp.examples.json.CspJacksonModuleTest.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.access.RoleAssignment;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.TenantOrigin;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.SalePrice;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.repository.AccessPayload;
import io.github.cspkit.csp.repository.AgreementPayload;
import io.github.cspkit.csp.repository.BillingPayload;
import io.github.cspkit.csp.repository.CustomerPayload;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventPayload;
import io.github.cspkit.csp.repository.PricingPayload;
import io.github.cspkit.csp.repository.SubscriptionPayload;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.ChangeEvent;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.testkit.AgreementGen;
import io.github.cspkit.csp.testkit.BillingGen;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The event log's JSON (DESIGN.md, Events): every kind of payload, generated, reads back equal,
 * alone and inside its entry; documents written before payloads still read; a document whose
 * kind and payload disagree is refused.
 */
class EventJsonTest {
  static final LocalDate FIRST = LocalDate.of(2020, 1, 1);

  static Gen<LocalDate> days() {
    return AgreementGen.datesBetween(FIRST, LocalDate.of(2030, 12, 31));
  }

  /** Ids: words, and text with spaces, quotes, slashes, controls and letters beyond ASCII. */
  static Gen<String> texts() {
    return Generate.oneOf(
        SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12),
        SourceDSL.strings().betweenCodePoints(0x1, 0xD7FF).ofLengthBetween(0, 16),
        Generate.pick(List.of("contoso/backup", "\"quoted\"", "line\nbreak", "Zürich €")));
  }

  static Gen<Long> minors() {
    return Generate.longRange(-1_000_000_000_000L, 1_000_000_000_000L);
  }

  static Gen<DateRange> ranges() {
    return days().zip(Generate.range(1, 1_200), (d, n) -> DateRange.of(d, d.plusDays(n)));
  }

  static Gen<Optional<LocalDate>> maybeDays() {
    return Generate.oneOf(Generate.constant(Optional.empty()), days().map(Optional::of));
  }

  static Gen<RoleAssignment> assignments() {
    return Generate.pick(List.of("helpdesk-administrator", "global_reader", "R1"))
        .zip(Generate.pick(List.of(List.<String>of(), List.of("helpdesk"),
            List.of("readers", "helpdesk"))), RoleAssignment::of);
  }

  static Gen<SalePrice> prices() {
    return BillingGen.currencies().zip(Generate.longRange(0, 10_000_000L),
        Generate.longRange(0, 10_000_000L), (c, cost, sale) -> SalePrice.of(cost, sale, c));
  }

  static Gen<SubscriptionEvent> seedChanges() {
    return in -> {
      CurrencyUnit cur = BillingGen.currencies().generate(in);
      return SubscriptionEvent.builder().subscriptionId(texts().generate(in))
          .customerId(texts().generate(in)).sku(texts().generate(in))
          .kind(Generate.enumValues(ChangeKind.class).generate(in)).date(days().generate(in))
          .seatsBefore(Generate.range(0, 300).generate(in))
          .seatsAfter(Generate.range(0, 300).generate(in))
          .status(Generate.enumValues(SubscriptionStatus.class).generate(in)).currency(cur)
          .unitMinor(Generate.longRange(0, 10_000_000L).generate(in))
          .seatsCharged(Generate.longRange(-300, 300).generate(in))
          .days(Generate.longRange(0, 1_100).generate(in))
          .daysInTerm(Generate.longRange(1, 1_100).generate(in))
          .chargeMinor(minors().generate(in)).costMinor(minors().generate(in)).build();
    };
  }

  static Gen<NceEvent> nceChanges() {
    Gen<Integer> seats = Generate.range(1, 300);
    return Generate.oneOf(
        in -> new NceEvent.Started(days().generate(in),
            Generate.enumValues(NceEvent.Start.class).generate(in), texts().generate(in),
            seats.generate(in), prices().generate(in), days().generate(in)),
        days().zip(seats, days(), NceEvent.SeatsAdded::new),
        days().zip(seats, NceEvent.SeatsRemoved::new),
        days().map(NceEvent.Suspended::new),
        days().map(NceEvent.Reactivated::new),
        days().map(NceEvent.Cancelled::new),
        days().zip(texts(), prices(), NceEvent.Upgraded::new),
        days().zip(seats, texts(), texts(), NceEvent.SeatsMovedOut::new),
        days().map(NceEvent.Ended::new));
  }

  static Gen<ScheduledChange> schedules() {
    return in -> {
      ScheduledChange.Builder b = ScheduledChange.builder();
      boolean any = false;
      if (SourceDSL.booleans().all().generate(in)) {
        b.seats(Generate.range(1, 300).generate(in));
        any = true;
      }
      if (SourceDSL.booleans().all().generate(in)) {
        b.term(Generate.enumValues(TermLength.class).generate(in));
        any = true;
      }
      if (SourceDSL.booleans().all().generate(in)) {
        b.plan(Generate.enumValues(BillingPlan.class).generate(in));
        any = true;
      }
      if (!any || SourceDSL.booleans().all().generate(in)) {
        b.sku(texts().generate(in));
      }
      return b.build();
    };
  }

  /** @return every kind of payload, each of its figures generated */
  static Gen<EventPayload> payloads() {
    Gen<Party> parties = Generate.enumValues(Party.class);
    Gen<CurrencyUnit> currencies = BillingGen.currencies();
    Gen<ChangeEvent> changes = Generate.oneOf(seedChanges().map(e -> (ChangeEvent) e),
        nceChanges().map(e -> (ChangeEvent) e));
    return Generate.oneOf(
        ranges().map(AgreementPayload.Accepted::new),
        parties.zip(days(), AgreementPayload.NoticeGiven::new),
        Generate.constant(new AgreementPayload.PartnerAccepted()),
        parties.zip(days(), Generate.range(1, 400),
            (p, d, n) -> new AgreementPayload.PartnerTerminated(p, d, d.minusDays(n))),
        texts().zip(currencies, days(), PricingPayload.Published::new),
        in -> new PricingPayload.Imported(texts().generate(in), currencies.generate(in),
            YearMonth.from(days().generate(in)), days().generate(in),
            Generate.range(0, 5_000).generate(in), Generate.range(0, 500).generate(in)),
        texts().zip(Generate.enumValues(TenantOrigin.class), SourceDSL.booleans().all(),
            CustomerPayload.Created::new),
        BillingGen.billingDays().zip(currencies, CustomerPayload.BillingProfileSet::new),
        texts().map(CustomerPayload.TrialEnded::new),
        changes.map(SubscriptionPayload.Changed::new),
        schedules().map(SubscriptionPayload.ScheduleDropped::new),
        BillingGen.financingPlans().map(BillingPayload.FinancingSet::new),
        in -> new BillingPayload.ServiceAdded(texts().generate(in), texts().generate(in),
            texts().generate(in), minors().generate(in), currencies.generate(in),
            Generate.enumValues(Recurrence.class).generate(in)),
        in -> new BillingPayload.BillIssued(texts().generate(in), ranges().generate(in),
            minors().generate(in), minors().generate(in), currencies.generate(in)),
        texts().map(AccessPayload.DelegatedAdminRemoved::new),
        texts().map(AccessPayload.TenantAdministered::new),
        texts().zip(texts(), AccessPayload.OwnTenantAdministered::new),
        texts().zip(texts(), AccessPayload.ServiceConfigured::new),
        in -> {
          List<RoleAssignment> roles = new ArrayList<>();
          for (int i = Generate.range(1, 3).generate(in); i > 0; i--) {
            roles.add(assignments().generate(in));
          }
          return new AccessPayload.GdapRequested(texts().generate(in), roles,
              Generate.pick(List.of(Period.ofDays(90), Period.ofYears(2), Period.of(1, 2, 3)))
                  .generate(in),
              SourceDSL.booleans().all().generate(in), days().generate(in));
        },
        maybeDays().zip(texts(), AccessPayload.GdapApproved::new),
        Generate.enumValues(GdapSide.class).zip(texts(), AccessPayload.GdapTerminated::new),
        SourceDSL.booleans().all().zip(maybeDays(), AccessPayload.GdapAutoExtendSet::new),
        texts().zip(texts(), EventPayload.Unstructured::new));
  }

  @Test
  void every_kind_of_payload_reads_back_equal_alone_and_in_its_entry() {
    Set<Class<?>> seen = new HashSet<>();
    qt().withExamples(2_000).forAll(payloads(), Generate.longRange(0, Long.MAX_VALUE), days(),
        texts()).checkAssert((payload, sequence, day, text) -> {
          seen.add(payload.getClass());
          assertThat(roundTrip(payload, EventPayload.class)).isInstanceOf(payload.getClass());
          DomainEvent e = roundTrip(new DomainEvent(sequence, text, day, "key-" + sequence, text,
              payload), DomainEvent.class);
          JsonNode tree = JSON.valueToTree(e);
          assertThat(tree.get("aggregate").asText()).isEqualTo(payload.aggregate());
          assertThat(tree.get("kind").asText()).isEqualTo(payload.kind());
        });
    assertThat(seen).containsExactlyInAnyOrderElementsOf(records(EventPayload.class));
  }

  /** @return the records of a sealed hierarchy */
  static List<Class<?>> records(Class<?> sealed) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      out.addAll(c.isSealed() ? records(c) : List.of(c));
    }
    return out;
  }

  @Test
  void the_forms_name_the_group_and_the_record_and_keep_amounts_exact() {
    JsonNode issued = JSON.valueToTree(new BillingPayload.BillIssued("contoso",
        DateRange.of(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01")), 39_452,
        32_877, io.github.cspkit.csp.money.MinorUnits.USD));
    assertThat(issued.toString()).isEqualTo("{\"type\":\"Billing.BillIssued\",\"customerId\":"
        + "\"contoso\",\"period\":{\"start\":\"2025-03-01\",\"end\":\"2025-04-01\"},\"total\":"
        + "\"394.52\",\"cost\":\"328.77\",\"currency\":\"USD\"}");
    JsonNode changed = JSON.valueToTree(new SubscriptionPayload.Changed(
        new NceEvent.Suspended(LocalDate.parse("2025-03-01"))));
    assertThat(changed.toString()).isEqualTo("{\"type\":\"Subscription.Changed\",\"nceEvent\":"
        + "{\"type\":\"Suspended\",\"date\":\"2025-03-01\"}}");
    JsonNode approved = JSON.valueToTree(new AccessPayload.GdapApproved(Optional.empty(), "ann"));
    assertThat(approved.toString())
        .isEqualTo("{\"type\":\"Access.GdapApproved\",\"userId\":\"ann\"}");
  }

  @Test
  void an_entry_written_before_payloads_reads_as_its_change_or_unstructured() throws Exception {
    NceEvent suspended = new NceEvent.Suspended(LocalDate.parse("2025-03-01"));
    DomainEvent typed = new DomainEvent(7, "N1", LocalDate.parse("2025-03-01"), "k", "suspended",
        new SubscriptionPayload.Changed(suspended));
    ObjectNode old = JSON.valueToTree(typed);
    old.set("change", old.remove("payload"));
    ((ObjectNode) old.get("change")).remove("type");
    assertThat(JSON.treeToValue(old, DomainEvent.class)).isEqualTo(typed);
    ObjectNode text = JSON.valueToTree(new DomainEvent(8, "customer", "contoso", "CREATED",
        LocalDate.parse("2025-01-20"), "k", "tenant contoso-tenant (new)"));
    text.remove("payload");
    assertThat(JSON.treeToValue(text, DomainEvent.class).payload())
        .isEqualTo(new EventPayload.Unstructured("customer", "CREATED"));
  }

  @Test
  void an_entry_whose_kind_is_not_its_payloads_is_refused() {
    ObjectNode e = JSON.valueToTree(new DomainEvent(1, "contoso", LocalDate.parse("2025-01-20"),
        "k", "", new CustomerPayload.TrialEnded("S2")));
    e.put("kind", "CREATED");
    assertThatThrownBy(() -> JSON.treeToValue(e, DomainEvent.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("the event says customer CREATED but its payload is customer"
            + " TRIAL_ENDED");
    ObjectNode p = JSON.valueToTree(new CustomerPayload.TrialEnded("S2"));
    p.put("type", "Customer.Deleted");
    assertThatThrownBy(() -> JSON.treeToValue(p, EventPayload.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("unknown payload type 'Customer.Deleted'");
  }
}
