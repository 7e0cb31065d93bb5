package intruder;

import io.github.cspkit.csp.billing.internal.BillingEngine;

/** Bills without the entry point's access checks, if the module let it. */
public final class Main {
  private Main() {}

  /**
   * Runs it.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.out.println(BillingEngine.seed());
  }
}
