package io.github.cspkit.csp.partner;

import static io.github.cspkit.csp.testkit.PartnerFixtures.ADD_ON;
import static io.github.cspkit.csp.testkit.PartnerFixtures.CONTOSO;
import static io.github.cspkit.csp.testkit.PartnerFixtures.E3;
import static io.github.cspkit.csp.testkit.PartnerFixtures.GOV;
import static io.github.cspkit.csp.testkit.PartnerFixtures.INTUNE;
import static io.github.cspkit.csp.testkit.PartnerFixtures.S1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.CspException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.testkit.PartnerFixtures;
import io.github.cspkit.csp.testkit.PartnerFixtures.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * An order of several lines ({@link CspPartner#order(Request, String, List)}): each line as a
 * single order (SUB-1 and the catalog's rules), all or none.
 */
class OrderLinesTest {
  static final LocalDate DAY = RichWorld.DAY;

  /** What a world holds that an order can change: Contoso's subscriptions and the event log. */
  record State(List<Subscription> subscriptions, long events) {
    static State of(World w) {
      return new State(w.partner().subscriptions(CONTOSO), w.store().read().events().size());
    }
  }

  @Test
  void SUB_1_an_order_of_several_lines_orders_each_as_single_orders_would() {
    World cart = PartnerFixtures.standard();
    World single = PartnerFixtures.standard();
    List<OrderLine> lines = List.of(OrderLine.of(E3, 3, "N1"), OrderLine.of(E3, 7, "N2"),
        OrderLine.of(E3, 1, "N3"));

    Result<List<Subscription>> r = cart.partner().order(cart.asAdmin(DAY), CONTOSO, lines);
    List<Subscription> expected = new ArrayList<>();
    for (OrderLine l : lines) {
      expected.add(single.partner().order(single.asAdmin(DAY), CONTOSO, l.skuId(), l.seats(),
          l.subscriptionId()).value());
    }

    assertThat(r.value()).isEqualTo(expected);
    assertThat(r.value()).extracting(Subscription::id).containsExactly("N1", "N2", "N3");
    assertThat(r.changes()).hasSize(3);
    assertThat(r.events()).hasSize(3);
    assertThat(r.replayed()).isFalse();
    assertThat(cart.partner().subscriptions(CONTOSO))
        .isEqualTo(single.partner().subscriptions(CONTOSO));
    assertThat(cart.store().read().events().size())
        .isEqualTo(single.store().read().events().size());
  }

  /** An order whose second line is {@code bad} is refused naming {@code rule}, changing nothing. */
  static void refusedAs(String rule, OrderLine bad) {
    World w = PartnerFixtures.standard();
    State before = State.of(w);
    RuleViolation e = catchThrowableOfType(() -> w.partner().order(w.asAdmin(DAY), CONTOSO,
        List.of(OrderLine.of(E3, 3, "N1"), bad)), RuleViolation.class);
    assertThat(e.code()).isEqualTo(rule);
    assertThat(State.of(w)).isEqualTo(before);
  }

  @Test
  void SUB_1_a_line_with_seats_out_of_range_refuses_the_whole_order_and_changes_nothing() {
    refusedAs("SUB-1", OrderLine.of(E3, 0, "N2"));
  }

  @Test
  void CAT_3_an_add_on_line_refuses_the_whole_order_and_changes_nothing() {
    refusedAs("CAT-3", OrderLine.of(ADD_ON, 2, "N2"));
  }

  @Test
  void CAT_1_a_line_outside_the_program_refuses_the_whole_order_and_changes_nothing() {
    refusedAs("CAT-1", OrderLine.of(INTUNE, 2, "N2"));
  }

  @Test
  void CAT_2_a_government_line_for_a_commercial_customer_refuses_the_whole_order() {
    refusedAs("CAT-2", OrderLine.of(GOV, 2, "N2"));
  }

  @Test
  void an_id_taken_or_given_twice_is_refused_CONFLICT_and_changes_nothing() {
    World w = PartnerFixtures.standard();
    State before = State.of(w);
    assertThatThrownBy(() -> w.partner().order(w.asAdmin(DAY), CONTOSO,
        List.of(OrderLine.of(E3, 3, "N1"), OrderLine.of(E3, 2, S1))))
        .isInstanceOf(ConflictException.class).hasMessageContaining(S1);
    assertThatThrownBy(() -> w.partner().order(w.asAdmin(DAY), CONTOSO,
        List.of(OrderLine.of(E3, 3, "N1"), OrderLine.of(INTUNE, 2, "N1"))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("N1");
    assertThat(State.of(w)).isEqualTo(before);
  }

  @Test
  void an_order_has_one_to_a_hundred_lines() {
    World w = PartnerFixtures.standard();
    State before = State.of(w);
    assertThatThrownBy(() -> w.partner().order(w.asAdmin(DAY), CONTOSO, List.of()))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("1 to 100 lines, found 0");
    List<OrderLine> many = new ArrayList<>();
    for (int i = 0; i <= SubscriptionCommands.MAX_ORDER_LINES; i++) {
      many.add(OrderLine.of(E3, 1, "N" + i));
    }
    assertThatThrownBy(() -> w.partner().order(w.asAdmin(DAY), CONTOSO, many))
        .isInstanceOf(OutOfRangeException.class).hasMessageContaining("found 101");
    assertThat(State.of(w)).isEqualTo(before);
    Result<List<Subscription>> r = w.partner().order(w.asAdmin(DAY), CONTOSO,
        many.subList(0, SubscriptionCommands.MAX_ORDER_LINES));
    assertThat(r.value()).hasSize(SubscriptionCommands.MAX_ORDER_LINES);
  }

  @Test
  void a_line_refuses_an_id_that_is_not_a_word() {
    assertThatThrownBy(() -> OrderLine.of(E3, 1, "N 1")).isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("must be a word");
  }

  @Test
  void a_repeated_key_returns_the_orders_subscriptions_and_stores_nothing_new() {
    World w = PartnerFixtures.standard();
    Request r = w.asAdmin(DAY).withKey("cart-1");
    List<OrderLine> lines = List.of(OrderLine.of(E3, 3, "N1"), OrderLine.of(E3, 2, "N2"));
    Result<List<Subscription>> first = w.partner().order(r, CONTOSO, lines);
    State after = State.of(w);

    Result<List<Subscription>> again = w.partner().order(r, CONTOSO, lines);
    assertThat(again.replayed()).isTrue();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(again.events()).isEqualTo(first.events());
    assertThat(State.of(w)).isEqualTo(after);

    assertThatThrownBy(() -> w.partner().order(r, CONTOSO,
        List.of(OrderLine.of(E3, 4, "N1"), OrderLine.of(E3, 2, "N2"))))
        .isInstanceOfSatisfying(ConflictException.class,
            c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.KEY_REUSED));
    assertThatThrownBy(() -> w.partner().order(r, CONTOSO, E3, 3, "N1"))
        .isInstanceOfSatisfying(ConflictException.class,
            c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.KEY_REUSED));
    assertThat(State.of(w)).isEqualTo(after);
  }

  /** Lines mixing valid and invalid SKUs, seats and ids (taken, repeated). */
  static Gen<List<OrderLine>> lines() {
    Gen<String> skus = Generate.pick(List.of(E3, E3, INTUNE, ADD_ON, GOV, "NO_SUCH_SKU"));
    Gen<Integer> seats = Generate.pick(List.of(-1, 0, 1, 5, 300, 10_000, 10_001, 1_000_000));
    Gen<String> ids = Generate.pick(List.of("N1", "N2", "N3", "N4", "N5", "N6", S1));
    Gen<OrderLine> line = skus.zip(seats, ids, OrderLine::of);
    return SourceDSL.lists().of(line).ofSizeBetween(1, 5);
  }

  @Test
  void SUB_1_an_order_succeeds_exactly_when_its_lines_would_one_by_one_and_otherwise_changes_nothing() {
    qt().withExamples(150).forAll(lines()).checkAssert(lines -> {
      World cart = PartnerFixtures.standard();
      World single = PartnerFixtures.standard();
      State before = State.of(cart);
      boolean each = true;
      for (OrderLine l : lines) {
        try {
          single.partner().order(single.asAdmin(DAY), CONTOSO, l.skuId(), l.seats(),
              l.subscriptionId());
        } catch (CspException e) {
          each = false;
          break;
        }
      }
      try {
        Result<List<Subscription>> r = cart.partner().order(cart.asAdmin(DAY), CONTOSO,
            Collections.unmodifiableList(lines));
        assertThat(each).as("ordered although a line alone is refused: %s", lines).isTrue();
        assertThat(r.value()).hasSize(lines.size());
        assertThat(State.of(cart).subscriptions())
            .isEqualTo(single.partner().subscriptions(CONTOSO));
        assertThat(State.of(cart).events()).isEqualTo(single.store().read().events().size());
      } catch (CspException e) {
        assertThat(each).as("refused %s although every line alone is ordered: %s", e, lines)
            .isFalse();
        assertThat(State.of(cart)).isEqualTo(before);
      }
    });
  }
}
