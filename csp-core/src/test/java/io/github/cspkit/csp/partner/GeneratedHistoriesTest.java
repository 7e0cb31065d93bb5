package io.github.cspkit.csp.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.QtGens;
import org.junit.jupiter.api.Test;

/** The testkit's promises (issue: generators for integrators), checked on every build. */
class GeneratedHistoriesTest {
  @Test
  void testkit_valid_histories_replay_without_refusal() {
    qt().withExamples(1000).withShrinkCycles(50).forAll(QtGens.histories(3, 12))
        .checkAssert(history -> CspGenerators.replay(history, CspGenerators.newPartner()));
  }

  @Test
  void SUB_6_generated_invalid_operations_are_refused_with_their_labelled_rule() {
    qt().withExamples(1000).withShrinkCycles(50).forAll(QtGens.invalidOperations()).checkAssert(case_ -> {
      CspPartner p = CspGenerators.newPartner();
      CspGenerators.replay(case_.setup(), p);
      assertThat(CspGenerators.ruleRefusing(case_.op(), p)).as(case_.toString()).isEqualTo(case_.rule());
    });
  }
}
