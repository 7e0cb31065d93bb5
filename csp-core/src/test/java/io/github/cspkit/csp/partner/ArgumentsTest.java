package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.RoleAssignment;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.subscription.ScheduledChange;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The canonical encoding of a command's arguments, kept with its idempotency key. */
class ArgumentsTest {
  @Test
  void ids_are_bare_and_other_text_is_quoted_with_escapes() {
    assertThat(Arguments.of().text("S1").number(2).encoded()).isEqualTo("S1, 2");
    assertThat(Arguments.of().text("a, b").text("").text("say \"hi\" \\o/").encoded())
        .isEqualTo("\"a, b\", \"\", \"say \\\"hi\\\" \\\\o/\"");
    assertThat(Arguments.of().flag(true).day(LocalDate.of(2024, 2, 29)).encoded())
        .isEqualTo("true, 2024-02-29");
  }

  @Test
  void an_amount_is_its_currency_and_exact_decimal_whatever_its_scale() {
    String ten = Arguments.of().money(Money.of(10, "USD")).encoded();
    assertThat(ten).isEqualTo("USD 10");
    assertThat(Arguments.of().money(Money.of(new BigDecimal("10.00"), "USD")).encoded()).isEqualTo(ten);
    assertThat(Arguments.of().money(Money.of(new BigDecimal("0.50"), "EUR")).encoded()).isEqualTo("EUR 0.5");
    assertThat(Arguments.of().money(Money.of(new BigDecimal("0.00"), "EUR")).encoded()).isEqualTo("EUR 0");
  }

  @Test
  void a_value_is_written_field_by_field() {
    assertThat(Arguments.of().text("c1").value(BillingProfile.of(15, MinorUnits.USD)).encoded())
        .isEqualTo("c1, BillingProfile{15, USD}");
    assertThat(Arguments.of().value(FinancingPlan.instalments(3)).encoded())
        .isEqualTo("FinancingPlan{INSTALMENTS, 0, 3}");
    assertThat(Arguments.of().value(FinancingPlan.none()).encoded())
        .isEqualTo("FinancingPlan{NONE, 0, 1}");
    NewCustomer spec = NewCustomer.builder().id("acme").name("Acme, Inc.").market("US")
        .currency(MinorUnits.USD).build();
    assertThat(Arguments.of().value(spec).encoded())
        .isEqualTo("NewCustomer{acme, \"Acme, Inc.\", US, COMMERCIAL, false, 1, USD, NEW}");
  }

  @Test
  void the_current_program_s_values_are_written_field_by_field_absent_fields_empty() {
    ScheduledChange seats = ScheduledChange.builder().seats(5).build();
    assertThat(Arguments.of().text("S1").value(seats).encoded())
        .isEqualTo("S1, ScheduledChange{5, , , }");
    ScheduledChange all = ScheduledChange.builder().seats(2).term(TermLength.P1Y)
        .plan(BillingPlan.MONTHLY).sku("E5").build();
    assertThat(Arguments.of().value(all).encoded())
        .isEqualTo("ScheduledChange{2, P1Y, MONTHLY, E5}");
    assertThat(Arguments.of().value(ScheduledChange.builder().sku("E5").build()).encoded())
        .isEqualTo("ScheduledChange{, , , E5}");
    GdapRequest g = new GdapRequest("rel-1", "p1", "contoso", List.of(
        new RoleAssignment("HelpdeskAgent", Set.of("support", "admins")),
        new RoleAssignment("Reader", Set.of("ops"))), Period.ofDays(90), false);
    assertThat(Arguments.of().value(g).encoded()).isEqualTo("GdapRequest{rel-1, p1, contoso,"
        + " [RoleAssignment{HelpdeskAgent, [admins, support]}, RoleAssignment{Reader, [ops]}],"
        + " P90D, false}");
  }

  @Test
  void two_argument_lists_encode_alike_only_when_equal() {
    Gen<String> texts = SourceDSL.strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 4)
        .mix(SourceDSL.integers().between(0, 3).map(i -> List.of(", ", "\"", "\\", "a")
            .get(i)));
    Gen<List<String>> lists = SourceDSL.lists().of(texts).ofSizeBetween(0, 4);
    qt().withExamples(2_000).forAll(lists, lists).checkAssert((a, b) -> {
      Arguments x = Arguments.of();
      a.forEach(x::text);
      Arguments y = Arguments.of();
      b.forEach(y::text);
      assertThat(x.encoded().equals(y.encoded())).as("%s vs %s", a, b).isEqualTo(a.equals(b));
    });
  }

  @Test
  void a_replay_is_the_same_amount_at_any_scale_and_text_split_elsewhere_is_another_request() {
    World w = PartnerFixtures.standard();
    CspPartner p = w.partner();
    Request r = w.asAdmin(RichWorld.DAY).withKey("svc-1");
    Result<OwnService> first = p.addService(r, CONTOSO, "backup", "Backup, monthly", usd("10"),
        Recurrence.MONTHLY);
    assertThat(first.replayed()).isFalse();
    assertThat(p.addService(r, CONTOSO, "backup", "Backup, monthly", usd("10.00"),
        Recurrence.MONTHLY).replayed()).isTrue();
    long size = w.store().read().events().size();
    // the old toString() signature read "addService(contoso, backup, Backup, monthly, ...)" for both
    assertThatThrownBy(() -> p.addService(r, CONTOSO, "backup, Backup", "monthly", usd("10"),
        Recurrence.MONTHLY)).isInstanceOfSatisfying(ConflictException.class,
            c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.KEY_REUSED));
    assertThat(w.store().read().events().size()).isEqualTo(size);
  }
}
