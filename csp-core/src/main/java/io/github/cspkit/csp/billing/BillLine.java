package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.money.Proration;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;

/**
 * One line of a bill (BIL-1, BIL-5): what it is for, the days it covers and its formula
 * {@code unit × seats × days/daysInTerm}, its sale amount and the partner's cost (BIL-4).
 * A credit has negative seats and amount. Immutable; cheap to build on the bill-run path (the
 * formula text is made only when asked for).
 */
public final class BillLine {
  private final LineKind kind;
  private final @Nullable String subscriptionId;
  private final String item;
  private final @Nullable String description;
  private final LocalDate from;
  private final LocalDate to;
  private final long seats;
  private final long unitMinor;
  private final long daysInTerm;
  private final long amountMinor;
  private final long costMinor;
  private final CurrencyUnit currency;

  private BillLine(LineKind kind, @Nullable String subscriptionId, String item,
      @Nullable String description,
      LocalDate from, LocalDate to, long seats, long unitMinor, long daysInTerm, long amountMinor,
      long costMinor, CurrencyUnit currency) {
    this.kind = kind;
    this.subscriptionId = subscriptionId;
    this.item = item;
    this.description = description;
    this.from = from;
    this.to = to;
    this.seats = seats;
    this.unitMinor = unitMinor;
    this.daysInTerm = daysInTerm;
    this.amountMinor = amountMinor;
    this.costMinor = costMinor;
    this.currency = currency;
  }

  /**
   * A subscription line.
   *
   * @param kind RECURRING or PRORATED
   * @param subscriptionId the subscription
   * @param sku its SKU
   * @param description what happened, for example {@code "5 seats added"}; null for a recurring
   *     line, whose description is its seats
   * @param span the days covered
   * @param seats the seats charged, negative for a credit
   * @param unitMinor the annual unit price
   * @param daysInTerm the term's day count
   * @param amountMinor the sale amount
   * @param costMinor the partner's cost
   * @param currency the currency
   * @return the line
   */
  public static BillLine subscription(LineKind kind, String subscriptionId, String sku,
      @Nullable String description, DateRange span, long seats, long unitMinor, long daysInTerm,
      long amountMinor, long costMinor, CurrencyUnit currency) {
    requireNonNull(span, "span");
    return subscription(kind, subscriptionId, sku, description, span.start(), span.end(), seats,
        unitMinor, daysInTerm, amountMinor, costMinor, currency);
  }

  /**
   * As {@link #subscription(LineKind, String, String, String, DateRange, long, long, long, long,
   * long, CurrencyUnit)}, with the span as two dates (the bill run's path: no {@link DateRange}
   * per line).
   *
   * @param kind RECURRING or PRORATED
   * @param subscriptionId the subscription
   * @param sku its SKU
   * @param description what happened; null for a recurring line
   * @param from the first day covered
   * @param to the first day not covered, not before {@code from}
   * @param seats the seats charged, negative for a credit
   * @param unitMinor the annual unit price
   * @param daysInTerm the term's day count
   * @param amountMinor the sale amount
   * @param costMinor the partner's cost
   * @param currency the currency
   * @return the line
   */
  public static BillLine subscription(LineKind kind, String subscriptionId, String sku,
      @Nullable String description, LocalDate from, LocalDate to, long seats, long unitMinor, long daysInTerm,
      long amountMinor, long costMinor, CurrencyUnit currency) {
    return new BillLine(requireNonNull(kind, "kind"), requireNonNull(subscriptionId, "subscriptionId"),
        requireNonNull(sku, "sku"), description, requireNonNull(from, "from"), requireNonNull(to, "to"),
        seats, unitMinor, daysInTerm, amountMinor, costMinor, requireNonNull(currency, "currency"));
  }

  /**
   * A line without proration: a partner service or a discount.
   *
   * @param kind SERVICE or DISCOUNT
   * @param item the service's name
   * @param description what it is for
   * @param span the period it belongs to
   * @param amountMinor the amount
   * @param currency the currency
   * @return the line
   */
  public static BillLine flat(LineKind kind, String item, String description, DateRange span,
      long amountMinor, CurrencyUnit currency) {
    return new BillLine(requireNonNull(kind, "kind"), null, requireNonNull(item, "item"),
        description, requireNonNull(span, "span").start(), span.end(), 0, 0, 0, amountMinor, 0,
        requireNonNull(currency, "currency"));
  }

  /** @return what the line is */
  public LineKind kind() {
    return kind;
  }

  /** @return the subscription, or null for a service or discount line */
  public @Nullable String subscriptionId() {
    return subscriptionId;
  }

  /** @return the SKU, or the service's or discount's name */
  public String item() {
    return item;
  }

  /** @return what happened */
  public String description() {
    if (description != null) {
      return description;
    }
    return kind == LineKind.RECURRING ? seats + " seats" : "";
  }

  /** @return the days covered, {@code [start, end)} */
  public DateRange span() {
    return DateRange.of(from, to);
  }

  /** @return the number of days covered */
  public long days() {
    return to.toEpochDay() - from.toEpochDay();
  }

  /** @return seats charged; negative for a credit, 0 for a flat line */
  public long seats() {
    return seats;
  }

  /** @return the annual unit price, minor units */
  public long unitMinor() {
    return unitMinor;
  }

  /** @return the term's day count */
  public long daysInTerm() {
    return daysInTerm;
  }

  /** @return the sale amount, minor units */
  public long amountMinor() {
    return amountMinor;
  }

  /** @return the partner's cost, minor units (BIL-4; 0 for services) */
  public long costMinor() {
    return costMinor;
  }

  /** @return the currency */
  public CurrencyUnit currency() {
    return currency;
  }

  /** @return the sale amount */
  public MonetaryAmount amount() {
    return MinorUnits.toAmount(amountMinor, currency);
  }

  /** @return the formula, for example {@code 288.00 × 5 × 224/365}; empty for a flat line */
  public String formula() {
    if (subscriptionId == null) {
      return "";
    }
    return Proration.formula(MinorUnits.format(unitMinor, currency), seats, days(), daysInTerm);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BillLine l && l.kind == kind && java.util.Objects.equals(l.subscriptionId, subscriptionId)
        && l.item.equals(item) && l.description().equals(description()) && l.from.equals(from) && l.to.equals(to)
        && l.seats == seats && l.unitMinor == unitMinor && l.daysInTerm == daysInTerm
        && l.amountMinor == amountMinor && l.costMinor == costMinor && l.currency.equals(currency);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, subscriptionId, item, from, to, seats, amountMinor, costMinor);
  }

  @Override
  public String toString() {
    return kind + " " + (subscriptionId == null ? "" : subscriptionId + " ") + item + " " + span()
        + " " + formula() + " = " + MinorUnits.format(amountMinor, currency);
  }
}
