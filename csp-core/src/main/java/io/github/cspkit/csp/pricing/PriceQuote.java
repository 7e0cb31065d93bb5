package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The answer to "price of a SKU in a market and currency on day D, as known on day K" (PRC-3, PRC-4).
 * <p>
 * {@link Status#PUBLISHED}: the list for D's period was published on or before K and names the SKU;
 * the price is the unit price of one seat for one annual term (the partner's cost).
 * {@link Status#NOT_YET_PUBLISHED}: no list for D's period is known on K; {@link #publishBy()} says
 * the last day on which it can still be published. {@link #orElseThrow()} then refuses with PRC-3.
 * {@link Status#NOT_LISTED}: the period's list is known but does not name the SKU; refused with
 * PRC-4. Immutable; equal when all fields are equal.
 */
public final class PriceQuote {
  /** What the price book could answer. */
  public enum Status {
    /** A list for the day's period is known and names the SKU. */
    PUBLISHED,
    /** No list for the day's period is known on the known day (PRC-3). */
    NOT_YET_PUBLISHED,
    /** The period's list is known but does not name the SKU (PRC-4). */
    NOT_LISTED
  }

  private final Status status;
  private final String sku;
  private final String market;
  private final CurrencyUnit currency;
  private final LocalDate day;
  private final LocalDate knownOn;
  private final LocalDate publishBy;
  private final PriceList list;
  private final long priceMinor;

  PriceQuote(
      Status status,
      String sku,
      String market,
      CurrencyUnit currency,
      LocalDate day,
      LocalDate knownOn,
      LocalDate publishBy,
      PriceList list,
      long priceMinor) {
    this.status = status;
    this.sku = sku;
    this.market = market;
    this.currency = currency;
    this.day = day;
    this.knownOn = knownOn;
    this.publishBy = publishBy;
    this.list = list;
    this.priceMinor = priceMinor;
  }

  /**
   * A price from a list that names the SKU.
   *
   * @param sku the SKU id
   * @param list the list for the day's period, known on {@code knownOn}
   * @param day the day priced
   * @param knownOn the day of knowledge
   * @param publishBy the last publication day of the period's list
   * @return the quote
   * @throws io.github.cspkit.csp.OutOfRangeException if the list does not name the SKU
   */
  public static PriceQuote published(
      String sku, PriceList list, LocalDate day, LocalDate knownOn, LocalDate publishBy) {
    requireNonNull(sku, "sku");
    requireNonNull(list, "list");
    Long minor = list.minorPrices().get(sku);
    Checks.range(minor != null, "SKU %s is not on price list %s", sku, list.id());
    return new PriceQuote(
        Status.PUBLISHED, sku, list.market(), list.currency(),
        requireNonNull(day, "day"), requireNonNull(knownOn, "knownOn"),
        requireNonNull(publishBy, "publishBy"), list, minor);
  }

  /**
   * A known list that does not name the SKU (PRC-4).
   *
   * @param sku the SKU id
   * @param list the list for the day's period, known on {@code knownOn}
   * @param day the day priced
   * @param knownOn the day of knowledge
   * @param publishBy the last publication day of the period's list
   * @return the quote
   * @throws io.github.cspkit.csp.OutOfRangeException if the list names the SKU
   */
  public static PriceQuote notListed(
      String sku, PriceList list, LocalDate day, LocalDate knownOn, LocalDate publishBy) {
    requireNonNull(sku, "sku");
    requireNonNull(list, "list");
    Checks.range(!list.lists(sku), "SKU %s is on price list %s", sku, list.id());
    return new PriceQuote(
        Status.NOT_LISTED, sku, list.market(), list.currency(),
        requireNonNull(day, "day"), requireNonNull(knownOn, "knownOn"),
        requireNonNull(publishBy, "publishBy"), list, 0L);
  }

  /**
   * No list for the day's period is known yet (PRC-3).
   *
   * @param sku the SKU id
   * @param market the market
   * @param currency the currency
   * @param day the day priced
   * @param knownOn the day of knowledge
   * @param publishBy the last day on which the period's list can still be published
   * @return the quote
   */
  public static PriceQuote notYetPublished(
      String sku, String market, CurrencyUnit currency, LocalDate day, LocalDate knownOn,
      LocalDate publishBy) {
    return new PriceQuote(
        Status.NOT_YET_PUBLISHED, requireNonNull(sku, "sku"), requireNonNull(market, "market"),
        requireNonNull(currency, "currency"), requireNonNull(day, "day"),
        requireNonNull(knownOn, "knownOn"), requireNonNull(publishBy, "publishBy"), null, 0L);
  }

  /** @return what could be answered */
  public Status status() {
    return status;
  }

  /** @return the SKU id asked about */
  public String sku() {
    return sku;
  }

  /** @return the market asked about */
  public String market() {
    return market;
  }

  /** @return the currency asked about */
  public CurrencyUnit currency() {
    return currency;
  }

  /** @return the day priced (D) */
  public LocalDate day() {
    return day;
  }

  /** @return the day of knowledge (K): only lists published on or before it count */
  public LocalDate knownOn() {
    return knownOn;
  }

  /** @return the last day on which the list of D's period can still be published (PRC-2, PRC-3) */
  public LocalDate publishBy() {
    return publishBy;
  }

  /** @return whether a price was found */
  public boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  /** @return the unit price, if published */
  public Optional<MonetaryAmount> price() {
    return isPublished() ? Optional.of(MinorUnits.toAmount(priceMinor, currency)) : Optional.empty();
  }

  /**
   * @return the unit price in minor units
   * @throws RuleViolation as {@link #orElseThrow()} if there is none
   */
  public long priceMinor() {
    if (!isPublished()) {
      throw violation(null);
    }
    return priceMinor;
  }

  /** @return the id of the list the answer comes from: present unless not yet published */
  public Optional<String> listId() {
    return list == null ? Optional.empty() : Optional.of(list.id());
  }

  /** @return the list the answer comes from: present unless not yet published */
  public Optional<PriceList> list() {
    return Optional.ofNullable(list);
  }

  /**
   * @return the unit price
   * @throws RuleViolation PRC-3 if not yet published, naming the last publication day; PRC-4 if the
   *     list does not name the SKU
   */
  public MonetaryAmount orElseThrow() {
    if (!isPublished()) {
      throw violation(null);
    }
    return MinorUnits.toAmount(priceMinor, currency);
  }

  /**
   * Like {@link #orElseThrow()}, but a missing price names {@code rule} (for example DIS-1 for a
   * distributor's quote, or the rule of the operation that needed the price). The reason is the same.
   *
   * @param rule the rule id to name when there is no price
   * @return the unit price
   * @throws RuleViolation naming {@code rule} if there is no price
   */
  public MonetaryAmount orElseThrow(String rule) {
    requireNonNull(rule, "rule");
    if (!isPublished()) {
      throw violation(rule);
    }
    return MinorUnits.toAmount(priceMinor, currency);
  }

  /** @param rule the rule to name, or null for PRC-3 / PRC-4 by status */
  private RuleViolation violation(String rule) {
    if (status == Status.NOT_LISTED) {
      return RuleViolation.of(
          rule == null ? "PRC-4" : rule, "SKU %s is not on price list %s (%s, %s, %s)",
          sku, list.id(), list.month(), market, currency.getCurrencyCode());
    }
    return RuleViolation.of(
        rule == null ? "PRC-3" : rule,
        "price list for %s in market %s (%s) is not yet published as of %s; it can be published until %s",
        YearMonth.from(day), market, currency.getCurrencyCode(), knownOn, publishBy);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PriceQuote)) {
      return false;
    }
    PriceQuote q = (PriceQuote) o;
    return status == q.status
        && priceMinor == q.priceMinor
        && sku.equals(q.sku)
        && market.equals(q.market)
        && currency.equals(q.currency)
        && day.equals(q.day)
        && knownOn.equals(q.knownOn)
        && publishBy.equals(q.publishBy)
        && Objects.equals(list, q.list);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, sku, market, currency, day, knownOn, publishBy, priceMinor,
        list == null ? null : list.id());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(96)
        .append("PriceQuote{").append(status).append(' ').append(sku)
        .append(" in ").append(market).append(' ').append(currency.getCurrencyCode())
        .append(" on ").append(day).append(" as known on ").append(knownOn);
    if (isPublished()) {
      sb.append(": ").append(MinorUnits.format(priceMinor, currency));
    }
    if (list != null) {
      sb.append(" from ").append(list.id());
    }
    return sb.append(", publish by ").append(publishBy).append('}').toString();
  }
}
