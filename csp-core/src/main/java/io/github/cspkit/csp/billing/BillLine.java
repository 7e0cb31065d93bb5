package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.Formula;
import io.github.cspkit.csp.money.MinorAmount;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.Objects;
import javax.money.CurrencyUnit;

/**
 * One line of a bill (BIL-1, BIL-5): what it is for, the days it covers, its sale amount and the
 * partner's cost (BIL-4). Either {@link Accrued}, a subscription's prorated charge or credit with
 * its {@link Formula}, or {@link Flat}, a partner service or a discount without one. A credit has
 * a negative amount. Immutable; cheap to build on the bill-run path (texts are made only when
 * asked for).
 */
public abstract sealed class BillLine permits BillLine.Accrued, BillLine.Flat {
  private final LineKind kind;
  private final String item;
  private final LocalDate from;
  private final LocalDate to;
  private final long amountMinor;
  private final CurrencyUnit currency;

  private BillLine(LineKind kind, String item, LocalDate from, LocalDate to, long amountMinor,
      CurrencyUnit currency) {
    this.kind = requireNonNull(kind, "kind");
    this.item = requireNonNull(item, "item");
    this.from = requireNonNull(from, "from");
    this.to = requireNonNull(to, "to");
    this.amountMinor = amountMinor;
    this.currency = requireNonNull(currency, "currency");
  }

  /**
   * A subscription line whose formula counts the days of its span (actual days).
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
  public static Accrued subscription(LineKind kind, String subscriptionId, String sku,
      String description, DateRange span, long seats, long unitMinor, long daysInTerm,
      long amountMinor, long costMinor, CurrencyUnit currency) {
    requireNonNull(span, "span");
    return subscription(kind, subscriptionId, sku, description, span.start(), span.end(), seats,
        unitMinor, daysInTerm, amountMinor, costMinor, currency);
  }

  /**
   * As {@link #subscription(LineKind, String, String, String, DateRange, long, long, long, long,
   * long, CurrencyUnit)}, with the span as two dates; the formula counts the span's actual days.
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
  public static Accrued subscription(LineKind kind, String subscriptionId, String sku,
      String description, LocalDate from, LocalDate to, long seats, long unitMinor, long daysInTerm,
      long amountMinor, long costMinor, CurrencyUnit currency) {
    return new Accrued(kind, subscriptionId, sku, description, from, to, unitMinor, seats,
        DateRange.daysBetween(requireNonNull(from, "from"), requireNonNull(to, "to")), daysInTerm,
        amountMinor, costMinor, currency);
  }

  /**
   * A subscription line (the bill run's path: no {@link DateRange} per line).
   *
   * @param kind RECURRING or PRORATED
   * @param subscriptionId the subscription
   * @param sku its SKU
   * @param description what happened; null for a recurring line, whose description is its seats
   * @param from the first day covered
   * @param to the first day not covered, not before {@code from}
   * @param formula how the amount accrued, its days counted by the day count policy
   * @param amountMinor the sale amount
   * @param costMinor the partner's cost
   * @param currency the currency
   * @return the line
   */
  public static Accrued accrued(LineKind kind, String subscriptionId, String sku,
      String description, LocalDate from, LocalDate to, Formula formula, long amountMinor,
      long costMinor, CurrencyUnit currency) {
    return new Accrued(kind, subscriptionId, sku, description, from, to, formula.unitMinor(),
        formula.seats(), formula.days(), formula.daysInTerm(), amountMinor, costMinor, currency);
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
  public static Flat flat(LineKind kind, String item, String description, DateRange span,
      long amountMinor, CurrencyUnit currency) {
    return new Flat(kind, item, description, requireNonNull(span, "span").start(), span.end(),
        amountMinor, currency);
  }

  /** @return what the line is */
  public LineKind kind() {
    return kind;
  }

  /** @return the SKU, or the service's or discount's name */
  public String item() {
    return item;
  }

  /** @return what happened */
  public abstract String description();

  /** @return the days covered, {@code [start, end)} */
  public DateRange span() {
    return DateRange.of(from, to);
  }

  /** @return the first day covered */
  public LocalDate from() {
    return from;
  }

  /** @return the first day not covered */
  public LocalDate to() {
    return to;
  }

  /**
   * @return the days of the line: those its formula counts for an {@link Accrued} line (by the
   *     day count policy), the calendar days of its span for a {@link Flat} one
   */
  public abstract long days();

  /** @return the sale amount, negative for a credit */
  public MinorAmount amount() {
    return MinorAmount.of(amountMinor, currency);
  }

  /** @return the partner's cost (BIL-4; zero for services and discounts) */
  public MinorAmount cost() {
    return MinorAmount.of(costMinor(), currency);
  }

  /** @return the currency */
  public CurrencyUnit currency() {
    return currency;
  }

  /** @return {@code amount().minor()}, as the bill run and the stores read it */
  public long amountMinor() {
    return amountMinor;
  }

  /** @return {@code cost().minor()}, as the bill run and the stores read it */
  public abstract long costMinor();

  /** @return the subscription of an {@link Accrued} line; null for a flat one */
  public abstract String subscriptionId();

  /** @return the seats of an {@link Accrued} line's formula; 0 for a flat one */
  public abstract long seats();

  /** @return the unit price of an {@link Accrued} line's formula, minor units; 0 for a flat one */
  public abstract long unitMinor();

  /** @return the term's day count of an {@link Accrued} line's formula; 0 for a flat one */
  public abstract long daysInTerm();

  /** @return the formula's text, for example {@code 288.00 × 5 × 224/365}; empty for a flat line */
  public abstract String formula();

  boolean sameAs(BillLine l) {
    return l.kind == kind && l.item.equals(item) && l.description().equals(description())
        && l.from.equals(from) && l.to.equals(to) && l.amountMinor == amountMinor
        && l.currency.equals(currency);
  }

  @Override
  public String toString() {
    String sub = subscriptionId();
    return kind + " " + (sub == null ? "" : sub + " ") + item + " " + span() + " " + formula()
        + " = " + MinorUnits.format(amountMinor, currency);
  }

  /**
   * A subscription's line (BIL-5): RECURRING, for the days of the period at its current seats, or
   * PRORATED, for a change since the last bill; its {@link Formula} counts days by the day count
   * policy, and reproduces the amount within the minor unit that cumulative rounding carries
   * (BIL-6). A credit has negative seats and amount.
   */
  public static final class Accrued extends BillLine {
    private final String subscriptionId;
    private final String description; // null: a recurring line's seats, made when asked for
    private final long unitMinor;
    private final long seats;
    private final long days;
    private final long daysInTerm;
    private final long costMinor;

    private Accrued(LineKind kind, String subscriptionId, String sku, String description,
        LocalDate from, LocalDate to, long unitMinor, long seats, long days, long daysInTerm,
        long amountMinor, long costMinor, CurrencyUnit currency) {
      super(kind, sku, from, to, amountMinor, currency);
      Checks.range(kind == LineKind.RECURRING || kind == LineKind.PRORATED,
          "a subscription line is RECURRING or PRORATED, not %s", kind);
      this.subscriptionId = requireNonNull(subscriptionId, "subscriptionId");
      this.description = description;
      this.unitMinor = unitMinor;
      this.seats = seats;
      this.days = days;
      this.daysInTerm = daysInTerm;
      this.costMinor = costMinor;
    }

    @Override
    public String subscriptionId() {
      return subscriptionId;
    }

    /** @return what happened; a recurring line's seats, for example {@code "10 seats"} */
    @Override
    public String description() {
      if (description != null) {
        return description;
      }
      return kind() == LineKind.RECURRING ? seats + " seats" : "";
    }

    /** @return how the amount accrued: {@code unit × seats × days/daysInTerm} */
    public Formula proration() {
      return new Formula(unitMinor, seats, days, daysInTerm);
    }

    @Override
    public long days() {
      return days;
    }

    @Override
    public long seats() {
      return seats;
    }

    @Override
    public long unitMinor() {
      return unitMinor;
    }

    @Override
    public long daysInTerm() {
      return daysInTerm;
    }

    @Override
    public long costMinor() {
      return costMinor;
    }

    @Override
    public String formula() {
      return proration().format(currency());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Accrued l && sameAs(l) && l.subscriptionId.equals(subscriptionId)
          && l.unitMinor == unitMinor && l.seats == seats && l.days == days
          && l.daysInTerm == daysInTerm && l.costMinor == costMinor;
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind(), subscriptionId, item(), from(), to(), seats, amountMinor(),
          costMinor);
    }
  }

  /**
   * A line without proration (BIL-1, BIL-3): SERVICE, the partner's own tool, product or service,
   * or DISCOUNT, a financing discount. It has no subscription, formula or cost.
   */
  public static final class Flat extends BillLine {
    private final String description;

    private Flat(LineKind kind, String item, String description, LocalDate from, LocalDate to,
        long amountMinor, CurrencyUnit currency) {
      super(kind, item, from, to, amountMinor, currency);
      Checks.range(kind == LineKind.SERVICE || kind == LineKind.DISCOUNT,
          "a flat line is SERVICE or DISCOUNT, not %s", kind);
      this.description = description == null ? "" : description;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public long days() {
      return DateRange.daysBetween(from(), to());
    }

    @Override
    public long costMinor() {
      return 0;
    }

    @Override
    public String subscriptionId() {
      return null;
    }

    @Override
    public long seats() {
      return 0;
    }

    @Override
    public long unitMinor() {
      return 0;
    }

    @Override
    public long daysInTerm() {
      return 0;
    }

    @Override
    public String formula() {
      return "";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Flat l && sameAs(l);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind(), item(), from(), to(), amountMinor());
    }
  }
}
