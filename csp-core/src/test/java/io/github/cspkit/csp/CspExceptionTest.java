package io.github.cspkit.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.ChargeType;
import io.github.cspkit.csp.billing.LineKind;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.billing.VendorLedger;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.Allocation;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Numerator;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.money.Rounding;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.StaleVersionException;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The one error model: a sealed family with a stable code per member, messages that start with
 * the code, and names, ids and ranges checked by the value factories, so that every store sees
 * the same. (That a refused call changes nothing is RefusedCallsChangeNothingTest's, per code.)
 */
class CspExceptionTest {
  private static final LocalDate DAY = LocalDate.parse("2025-02-10");

  @Test
  void the_family_is_sealed_with_four_members_each_with_a_stable_code() {
    assertThat(CspException.class.isSealed()).isTrue();
    assertThat(CspException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
        RuleViolation.class, UnknownIdException.class, ConflictException.class,
        OutOfRangeException.class);
    assertThat(ConflictException.class.isSealed()).isFalse(); // refined by stores' stale versions

    RuleViolation rule = RuleViolation.of("SUB-1", "seats must be from 1 to %s", 300);
    assertThat(rule.code()).isEqualTo("SUB-1").isEqualTo(rule.rule());
    assertThat(rule).hasMessage("SUB-1: seats must be from 1 to 300");

    UnknownIdException unknown = new UnknownIdException("subscription", "NOPE");
    assertThat(unknown.code()).isEqualTo("UNKNOWN_ID");
    assertThat(unknown).hasMessage("UNKNOWN_ID: unknown subscription NOPE");
    assertThat(unknown.kind()).isEqualTo("subscription");
    assertThat(unknown.id()).isEqualTo("NOPE");

    ConflictException taken = ConflictException.duplicate("customer", "contoso");
    assertThat(taken.code()).isEqualTo("CONFLICT");
    assertThat(taken.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID);
    assertThat(taken).hasMessage("CONFLICT: customer contoso already exists");

    ConflictException stale = new StaleVersionException("subscription S1", 2, 3);
    assertThat(stale.code()).isEqualTo("CONFLICT");
    assertThat(stale.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
    assertThat(stale).hasMessage("CONFLICT: subscription S1: stale version 2, the stored version"
        + " is 3; read it again and retry");

    OutOfRangeException range = new OutOfRangeException("parts must be 2 to 36, found 1");
    assertThat(range.code()).isEqualTo("OUT_OF_RANGE");
    assertThat(range).hasMessage("OUT_OF_RANGE: parts must be 2 to 36, found 1");
  }

  @Test
  void a_rule_id_that_is_not_one_is_out_of_range() {
    assertOutOfRange(() -> RuleViolation.of("sub-1", "x"), "rule must look like ABC-1");
  }

  @Test
  void names_and_ids_have_at_most_100_characters_and_no_control_character() {
    String longest = "c".repeat(OutOfRangeException.MAX_NAME);
    String tooLong = longest + "c";
    assertThatCode(() -> customer(longest).name(longest).build()).doesNotThrowAnyException();
    assertOutOfRange(() -> customer(tooLong).build(), "customer id must have at most 100 characters");
    assertOutOfRange(() -> customer("contoso").name(tooLong).build(), "customer name must have at most 100");
    for (String bad : List.of("Contoso\u0000", "Con\ttoso", "Contoso\n", "Con\u007Ftoso", "Con\u0085toso")) {
      assertOutOfRange(() -> customer("contoso").name(bad).build(), "customer name must not contain a"
          + " control character");
    }
    assertOutOfRange(() -> customer("con toso").build(), "customer id must be a word");
    assertOutOfRange(() -> customer("contoso").name("  ").build(), "customer name must not be blank");
    assertOutOfRange(() -> customer("contoso").market("U\u0000S").build(), "market must not contain");
    assertOutOfRange(() -> Partner.csp("p\u0000"), "partner id must not contain a control character");
    assertOutOfRange(() -> new Partner("p1", tooLong, io.github.cspkit.csp.access.PartnerKind.CSP),
        "partner name must have at most 100");
    assertOutOfRange(() -> Sku.builder().id("S".repeat(101)).family(ProductFamily.OFFICE_365).build(),
        "SKU id must have at most 100");
    assertOutOfRange(() -> ProductFamily.of("office\u0000"), "family id must not contain");
    assertOutOfRange(() -> PriceList.builder().id("L\u00002502").market("US").currency(MinorUnits.USD)
        .publishedOn(DAY).effectiveOn(DAY).build(), "price list id must not contain");
    assertOutOfRange(() -> OwnService.builder().id("support").customerId("contoso").name("Support\r\n")
        .amountMinor(100).currency(MinorUnits.USD).recurrence(Recurrence.ONCE).startsOn(DAY).build(),
        "service name must not contain");
    assertOutOfRange(() -> Actor.partnerAdmin("northwind", "alice\u0000"), "userId must not contain");
    assertOutOfRange(() -> Request.of(Actor.vendor(), DAY).withKey("k\u0000"),
        "idempotency key must not contain");
    assertOutOfRange(() -> Request.of(Actor.vendor(), DAY).withKey("k".repeat(Request.MAX_KEY + 1)),
        "idempotency key must have at most 200 characters");
    assertThatCode(() -> Request.of(Actor.vendor(), DAY).withKey("k".repeat(Request.MAX_KEY)))
        .doesNotThrowAnyException();
  }

  @Test
  void values_out_of_their_range_and_overflows_are_out_of_range_never_a_wrong_amount() {
    assertOutOfRange(() -> DateRange.of(DAY, DAY.minusDays(1)), "end 2025-02-09 is before start 2025-02-10");
    assertOutOfRange(() -> DateRange.parse("2025-02-10/tomorrow"), "expected START/END as ISO dates");
    assertOutOfRange(() -> MinorUnits.of(Money.of(new BigDecimal("1e30"), "USD")), "is too large");
    assertOutOfRange(() -> MinorUnits.of(Money.of(new BigDecimal("1.005"), "USD")), "finer than the minor unit");
    assertOutOfRange(() -> MinorUnits.parse("12,00", MinorUnits.USD), "not an amount: 12,00");
    assertOutOfRange(() -> Proration.seed().chargeMinor(Long.MAX_VALUE / 2, 3, 365, 365), "does not fit");
    assertOutOfRange(() -> Proration.seed().chargeMinor(100, 1, 1, 0), "daysInTerm must be positive");
    assertOutOfRange(() -> Rounding.HALF_UP.divide(1, 0), "denominator must be positive");
    for (Rounding r : List.of(Rounding.HALF_UP, Rounding.HALF_EVEN, VendorLedger.TRUNCATE)) {
      assertOutOfRange(() -> r.divide(1, -3), "denominator must be positive, found -3");
      assertOutOfRange(() -> r.divide(BigInteger.ONE, 0), "denominator must be positive, found 0");
      assertOutOfRange(() -> r.divide(BigInteger.TWO.pow(100), Long.MAX_VALUE),
          "is too large to round");
    }
    assertOutOfRange(() -> Numerator.of(7).quotient(0), "denominator must be positive");
    assertOutOfRange(() -> ChargeType.parse("refund"), "unknown charge type 'refund'");
    assertOutOfRange(() -> Allocation.byWeights(Long.MAX_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE + 1),
        "arithmetic overflow");
    BillLine huge = BillLine.flat(LineKind.SERVICE, "big", "once", DateRange.of(DAY, DAY.plusDays(1)),
        Long.MAX_VALUE, MinorUnits.USD);
    assertOutOfRange(() -> Bill.builder().customerId("contoso").period(DateRange.of(DAY, DAY.plusDays(28)))
        .issuedOn(DAY).currency(MinorUnits.USD).addLines(huge, huge).build(), "arithmetic overflow");
    Sku e3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).build();
    assertThatThrownBy(() -> Catalog.of(List.of(e3, e3))).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_ID))
        .hasMessage("CONFLICT: SKU O365_E3 already exists");
  }

  @Test
  void a_builder_missing_a_required_attribute_is_a_null_argument() {
    assertThatThrownBy(() -> NewCustomer.builder().id("contoso").market("US").build())
        .isExactlyInstanceOf(NullPointerException.class).hasMessageContaining("currency");
  }

  private static NewCustomer.Builder customer(String id) {
    return NewCustomer.builder().id(id).market("US").currency(MinorUnits.USD);
  }

  private static void assertOutOfRange(ThrowingCallable call, String message) {
    Consumer<OutOfRangeException> hasCode = e -> assertThat(e.code()).isEqualTo("OUT_OF_RANGE");
    assertThatThrownBy(call).isInstanceOfSatisfying(OutOfRangeException.class, hasCode)
        .hasMessageStartingWith("OUT_OF_RANGE: ").hasMessageContaining(message);
  }
}
