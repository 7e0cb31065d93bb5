package io.github.cspkit.csp.subscription;

/**
 * Whether the partner's bill to its customer keeps charging a suspended subscription (NCE-7): a
 * policy. The vendor keeps charging the partner either way under the current program. The seed's
 * reading (SUB-5) is {@link #STOP}; the current program's default is {@link #CHARGE}.
 */
public enum SuspensionBilling {
  /** The customer keeps paying while suspended, as the partner keeps paying the vendor (NCE-7). */
  CHARGE,
  /** Charges to the customer stop from the day of suspension (SUB-5). */
  STOP;

  /** @return the seed's reading, {@link #STOP} */
  public static SuspensionBilling seed() {
    return STOP;
  }

  /** @return the current program's reading, {@link #CHARGE} */
  public static SuspensionBilling currentProgram() {
    return CHARGE;
  }

  /** @return whether a suspended subscription accrues on the partner's bill */
  public boolean chargesWhileSuspended() {
    return this == CHARGE;
  }
}
