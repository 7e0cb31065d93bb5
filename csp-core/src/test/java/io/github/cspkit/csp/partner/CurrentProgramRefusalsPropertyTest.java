package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.subscription.NceSubscription;
import io.github.cspkit.csp.testkit.HistoryOp;
import io.github.cspkit.csp.testkit.LabelledOp;
import io.github.cspkit.csp.testkit.NceInvalidOps;
import io.github.cspkit.csp.testkit.NcePartners;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Invalid current-program operations drawn by {@link NceInvalidOps}, each a {@link LabelledOp}
 * after a valid history replayed through {@link NewCommerce}: every one is refused naming the rule
 * it is labelled with, and leaves the partner's subscriptions and agreement as they were.
 */
class CurrentProgramRefusalsPropertyTest {
  private static final CspStore STORE = NcePartners.publish(InMemoryStore.create(),
      YearMonth.of(2023, 12), YearMonth.of(2031, 12));
  private static final AtomicInteger PARTNERS = new AtomicInteger();

  @Test
  void NCE_5_NCE_6_NCE_9_NCE_1_SUB_6_MPA_1_labelled_invalid_operations_are_refused_by_their_rule_and_change_nothing() {
    Map<String, Integer> checked = new TreeMap<>();
    qt().withExamples(300).forAll(NceInvalidOps.labelled(15)).checkAssert(labelled -> {
      if (labelled.isEmpty()) {
        return; // nothing left for it to act on; counted below
      }
      LabelledOp op = labelled.get();
      CspPartner p = NcePartners.partner(STORE, "p" + PARTNERS.incrementAndGet());
      NcePartners.replay(p, op.setup());
      LocalDate day = op.op().date();
      List<NceSubscription> before = p.newCommerce().subscriptions(NcePartners.CONTOSO, day);
      Optional<PartnerAgreement> agreement = p.partnerAgreement();
      assertThatThrownBy(() -> op.op().applyTo(p)).as("%s after%s", op, lines(op.setup()))
          .isInstanceOfSatisfying(RuleViolation.class,
              v -> assertThat(v.rule()).as("%s", op).isEqualTo(op.rule()));
      assertThat(p.newCommerce().subscriptions(NcePartners.CONTOSO, day))
          .as("nothing changed: %s", op).isEqualTo(before);
      assertThat(p.partnerAgreement()).isEqualTo(agreement);
      checked.merge(op.rule(), 1, Integer::sum);
    });
    // dense: every kind is exercised, and most draws apply
    assertThat(checked.keySet()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(NceInvalidOps.Kind.values()).map(NceInvalidOps.Kind::rule).toList());
    assertThat(checked.values().stream().mapToInt(Integer::intValue).sum())
        .as("labelled operations that applied, of 300").isGreaterThan(150);
  }

  private static String lines(List<HistoryOp> ops) {
    StringBuilder sb = new StringBuilder();
    ops.forEach(o -> sb.append("\n  ").append(o));
    return sb.toString();
  }
}
