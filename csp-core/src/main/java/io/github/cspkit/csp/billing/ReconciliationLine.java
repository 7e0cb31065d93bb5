package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.internal.FileFields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One line of Partner Center's invoice reconciliation file for new commerce (PCF-2), with the
 * columns that matching reads ({@link Reconciliation}). Amounts are the file's decimals, exactly
 * as written; dates are days ({@code ChargeEndDate} is the charge's last day, included).
 *
 * @param line the line number in the file (the header is line 1)
 * @param customerId {@code CustomerId}, or empty
 * @param subscriptionId {@code SubscriptionId}
 * @param skuId {@code SkuId}, or empty
 * @param chargeType {@code ChargeType}, or empty
 * @param chargeStartDate {@code ChargeStartDate}
 * @param chargeEndDate {@code ChargeEndDate}, the last day charged
 * @param unitPrice {@code UnitPrice}
 * @param effectiveUnitPrice {@code EffectiveUnitPrice}
 * @param quantity {@code Quantity}
 * @param subtotal {@code Subtotal}
 * @param currency {@code Currency}, or empty
 */
public record ReconciliationLine(long line, String customerId, String subscriptionId,
    String skuId, String chargeType, LocalDate chargeStartDate, LocalDate chargeEndDate,
    BigDecimal unitPrice, BigDecimal effectiveUnitPrice, BigDecimal quantity, BigDecimal subtotal,
    String currency) {
  /** The columns a reconciliation file must have for matching; the others may be missing. */
  public static final List<String> REQUIRED = List.of("SubscriptionId", "ChargeStartDate",
      "ChargeEndDate", "UnitPrice", "EffectiveUnitPrice", "Quantity", "Subtotal");

  /**
   * Checks the fields.
   *
   * @param line line
   * @param customerId customerId
   * @param subscriptionId subscriptionId
   * @param skuId skuId
   * @param chargeType chargeType
   * @param chargeStartDate chargeStartDate
   * @param chargeEndDate chargeEndDate
   * @param unitPrice unitPrice
   * @param effectiveUnitPrice effectiveUnitPrice
   * @param quantity quantity
   * @param subtotal subtotal
   * @param currency currency
   */
  public ReconciliationLine {
    requireNonNull(customerId, "customerId");
    Checks.name("SubscriptionId", subscriptionId);
    requireNonNull(skuId, "skuId");
    requireNonNull(chargeType, "chargeType");
    requireNonNull(chargeStartDate, "chargeStartDate");
    requireNonNull(chargeEndDate, "chargeEndDate");
    requireNonNull(unitPrice, "unitPrice");
    requireNonNull(effectiveUnitPrice, "effectiveUnitPrice");
    requireNonNull(quantity, "quantity");
    requireNonNull(subtotal, "subtotal");
    requireNonNull(currency, "currency");
  }

  /**
   * Reads a line from its fields, by column name.
   *
   * @param line the line number
   * @param field column name → the field's text, or null when the file has no such column
   * @return the line
   * @throws io.github.cspkit.csp.RuleViolation PCF-2 naming the line if a field is malformed: a
   *     missing subscription, a date that is neither an ISO date nor a UTC date-time, an end before
   *     the start, an amount or quantity that is not a plain decimal
   */
  public static ReconciliationLine read(long line, Function<String, String> field) {
    requireNonNull(field, "field");
    String subscription = get(field, "SubscriptionId");
    Checks.rule(!subscription.isEmpty(), "PCF-2", "line %s: SubscriptionId is empty", line);
    Checks.rule(subscription.length() <= 100 && subscription.chars().noneMatch(Character::isISOControl),
        "PCF-2", "line %s: SubscriptionId is longer than 100 characters or holds a control"
            + " character", line);
    LocalDate start = FileFields.day("PCF-2", line, "ChargeStartDate", get(field, "ChargeStartDate"));
    LocalDate end = FileFields.day("PCF-2", line, "ChargeEndDate", get(field, "ChargeEndDate"));
    Checks.rule(!end.isBefore(start), "PCF-2",
        "line %s: ChargeEndDate %s is before ChargeStartDate %s", line, end, start);
    return new ReconciliationLine(line, get(field, "CustomerId"), subscription,
        get(field, "SkuId"), get(field, "ChargeType"), start, end,
        FileFields.decimal("PCF-2", line, "UnitPrice", get(field, "UnitPrice")),
        FileFields.decimal("PCF-2", line, "EffectiveUnitPrice", get(field, "EffectiveUnitPrice")),
        FileFields.decimal("PCF-2", line, "Quantity", get(field, "Quantity")),
        FileFields.decimal("PCF-2", line, "Subtotal", get(field, "Subtotal")),
        get(field, "Currency"));
  }

  private static String get(Function<String, String> field, String column) {
    String v = field.apply(column);
    return v == null ? "" : v.strip();
  }

  /** @return whether the line gives money back: a negative subtotal */
  public boolean isRefund() {
    return subtotal.signum() < 0;
  }
}
