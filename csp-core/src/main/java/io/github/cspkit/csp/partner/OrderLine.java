package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;

/**
 * One line of an order of several subscriptions ({@link CspPartner#order(Request, String,
 * java.util.List)}): the SKU, its seats and the new subscription's id, as one
 * {@link CspPartner#order(Request, String, String, int, String) single order} takes them (SUB-1).
 * The id is a word (letters, digits, {@code _ . -}) of at most
 * {@value io.github.cspkit.csp.OutOfRangeException#MAX_NAME} characters
 * ({@link io.github.cspkit.csp.OutOfRangeException} otherwise); the seats are checked against the
 * SKU when the order runs (SUB-1).
 *
 * @param skuId the SKU
 * @param seats the seats
 * @param subscriptionId the new subscription's id
 */
public record OrderLine(String skuId, int seats, String subscriptionId) {
  /**
   * @param skuId the SKU
   * @param seats the seats
   * @param subscriptionId the new subscription's id
   */
  public OrderLine {
    requireNonNull(skuId, "skuId");
    Checks.word("subscription id", subscriptionId);
  }

  /**
   * A line.
   *
   * @param skuId the SKU
   * @param seats the seats
   * @param subscriptionId the new subscription's id
   * @return the line
   */
  public static OrderLine of(String skuId, int seats, String subscriptionId) {
    return new OrderLine(skuId, seats, subscriptionId);
  }
}
