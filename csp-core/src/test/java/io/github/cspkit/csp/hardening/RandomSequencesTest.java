package io.github.cspkit.csp.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/**
 * Stateful random testing through the partner entry point (issue "Hardening"): QuickTheories
 * generates lists of small op descriptors ({@link Op}), mixing valid calls with wrong actors,
 * back-dated calls, unknown ids, bad seat counts, add-ons on suspended bases, unpublished prices,
 * notices by the wrong channel and repeated idempotency keys; {@link SequenceRunner} interprets
 * them and checks the invariants after every step. A failure prints the shrunk sequence.
 */
class RandomSequencesTest {
  @Test
  void BIL_6_random_sequences_conserve_money_and_refusals_change_nothing() {
    SequenceRunner.Stats stats = new SequenceRunner.Stats();
    qt().withExamples(1100).withShrinkCycles(3000)
        .forAll(Op.sequences(50, 90))
        .checkAssert(seq -> new SequenceRunner(seq.seed(), seq.nightly(), stats).run(seq.ops()));
    System.out.println("[hardening] " + stats);
    // the sequences reach what they are meant to reach
    assertThat(stats.sequences).isGreaterThanOrEqualTo(1000);
    assertThat(stats.successes).isGreaterThan(stats.steps / 3);
    assertThat(stats.tally.finishedTerms).as("finished terms checked").isGreaterThan(1000);
    assertThat(stats.replays).as("idempotent replays").isGreaterThan(500);
    assertThat(stats.maxSpanDays).as("some sequences span more than a year").isGreaterThan(366);
    assertThat(stats.refusedBy).containsKeys("SUB-6", "ACC-3", "ACC-4", "DIS-1", "AGR-4", "BIL-7",
        "SUB-1", "SUB-4", "SUB-7", "CAT-1", "CAT-3", "PRC-2", "PRC-3", "UNKNOWN_ID: unknown id",
        "OUT_OF_RANGE: before latest change", "CONFLICT: duplicate id", "CONFLICT: key reuse");
  }
}
