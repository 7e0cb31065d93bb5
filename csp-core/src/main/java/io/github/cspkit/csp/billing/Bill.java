package io.github.cspkit.csp.billing;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.immutables.value.Value;

/**
 * A customer's monthly bill from its partner (BIL-1..7): one period, its explained lines, the
 * total (negative when credits exceed charges: a credit for the customer), the partner's cost and
 * margin (BIL-4), and what falls due when (BIL-3). Immutable.
 */
@Value.Immutable
public abstract class Bill {
  Bill() {} // only the generated implementation extends it

  /** @return the customer */
  public abstract String customerId();

  /** @return the period it covers, from billing day to billing day (BIL-2) */
  public abstract DateRange period();

  /** @return the day at whose end it was issued (BIL-7) */
  public abstract LocalDate issuedOn();

  /** @return the currency (BIL-2) */
  public abstract CurrencyUnit currency();

  /** @return the lines, subscriptions first, then services and discounts */
  public abstract List<BillLine> lines();

  /** @return what falls due when; adds up to the total (BIL-3) */
  public abstract List<Due> dues();

  /** @return the bill's id: customer and period start */
  @Value.Derived
  public String id() {
    return customerId() + "/" + period().start();
  }

  /** @return the month its period starts in */
  public YearMonth month() {
    return YearMonth.from(period().start());
  }

  /** @return the total, minor units */
  @Value.Derived
  public long totalMinor() {
    long sum = 0;
    for (BillLine l : lines()) {
      sum = Checks.add(sum, l.amountMinor());
    }
    return sum;
  }

  /** @return the partner's cost, minor units (BIL-4) */
  @Value.Derived
  public long costMinor() {
    long sum = 0;
    for (BillLine l : lines()) {
      sum = Checks.add(sum, l.costMinor());
    }
    return sum;
  }

  /** @return the total */
  public MonetaryAmount total() {
    return MinorUnits.toAmount(totalMinor(), currency());
  }

  /** @return the partner's cost (BIL-4) */
  public MonetaryAmount cost() {
    return MinorUnits.toAmount(costMinor(), currency());
  }

  /** @return total minus cost (BIL-4) */
  public MonetaryAmount margin() {
    return MinorUnits.toAmount(Checks.subtract(totalMinor(), costMinor()), currency());
  }

  @Value.Check
  void check() {
    long dueSum = 0;
    for (Due d : dues()) {
      dueSum = Checks.add(dueSum, d.amountMinor());
    }
    Checks.range(dueSum == totalMinor(),
        "dues add up to %s, not to the total %s", dueSum, totalMinor());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Bill}. */
  public static final class Builder extends ImmutableBill.Builder {}

  @Override
  public String toString() {
    return "Bill " + id() + " " + MinorUnits.format(totalMinor(), currency()) + " "
        + currency().getCurrencyCode() + " (" + lines().size() + " lines)";
  }
}
