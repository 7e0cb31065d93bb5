package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;

/**
 * What a vendor charge line is for (NCE-10), with the label Partner Center's reconciliation file
 * gives it in its {@code ChargeType} column.
 */
public enum ChargeType {
  /** A purchase: the first cycle of the first term (NCE-1, NCE-2). */
  NEW("new"),
  /** A cycle of a running term, for the seats held when it starts (NCE-2, NCE-7). */
  CYCLE_CHARGE("cycleCharge"),
  /** Seats added, to the end of the current cycle (NCE-4). */
  ADD_QUANTITY("addQuantity"),
  /** Seats removed within their window, refunded to the end of the cycle (NCE-6). */
  REMOVE_QUANTITY("removeQuantity"),
  /** A cancellation within the window, refunded to the end of the cycle (NCE-5). */
  CANCEL_IMMEDIATE("cancelImmediate"),
  /** An upgrade: the credit on the old SKU and the charge on the new one (NCE-9). */
  CONVERT("convert"),
  /** The first cycle of a renewed term (NCE-8). */
  RENEW("renew");

  private final String label;

  ChargeType(String label) {
    this.label = label;
  }

  /** @return the value of the {@code ChargeType} column, for example {@code "cycleCharge"} */
  public String label() {
    return label;
  }

  /**
   * @param text a label, in any case
   * @return the charge type
   * @throws OutOfRangeException if no charge type has that label
   */
  public static ChargeType parse(String text) {
    requireNonNull(text, "text");
    for (ChargeType t : values()) {
      if (t.label.equalsIgnoreCase(text.strip())) {
        return t;
      }
    }
    throw new OutOfRangeException("unknown charge type '" + text + "'");
  }
}
