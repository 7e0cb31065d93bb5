package io.github.cspkit.csp.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on a latch that forces an interleaving, in tests that race two transactions. */
final class Latches {
  private Latches() {}

  /** Waits for the latch, at most 20 s (a test that stalls fails rather than hangs). */
  static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).as("latch released").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
