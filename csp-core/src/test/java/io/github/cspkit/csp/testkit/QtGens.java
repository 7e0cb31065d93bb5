package io.github.cspkit.csp.testkit;

import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Thin QuickTheories adapters over {@link CspGenerators}: each draws a seed from QuickTheories and
 * hands it to the framework-neutral generator, so a failing case is reproducible from its seed.
 * Histories are lists: smaller ones (fewer customers, fewer operations) are simpler.
 */
public final class QtGens {
  private QtGens() {}

  /**
   * @param maxCustomers the most customers
   * @param maxOperations the most subscription operations
   * @return valid histories (see {@link CspGenerators#history})
   */
  public static Gen<List<HistoryOp>> histories(int maxCustomers, int maxOperations) {
    return SourceDSL.longs().all().zip(SourceDSL.integers().between(1, maxCustomers),
        SourceDSL.integers().between(0, maxOperations),
        (seed, customers, ops) -> CspGenerators.of(new SplittableRandom(seed)).history(customers, ops));
  }

  /**
   * @param maxCustomers the most customers
   * @param maxOperations the most operations
   * @return valid histories with a written notice (see {@link CspGenerators#historyWithNotice})
   */
  public static Gen<List<HistoryOp>> historiesWithNotice(int maxCustomers, int maxOperations) {
    return SourceDSL.longs().all().zip(SourceDSL.integers().between(1, maxCustomers),
        SourceDSL.integers().between(0, maxOperations),
        (seed, customers, ops) -> CspGenerators.of(new SplittableRandom(seed))
            .historyWithNotice(customers, ops));
  }

  /** @return invalid operations labelled with the rule that must refuse them */
  public static Gen<LabelledOp> invalidOperations() {
    return SourceDSL.longs().all().map(seed -> CspGenerators.of(new SplittableRandom(seed)).invalid());
  }
}
