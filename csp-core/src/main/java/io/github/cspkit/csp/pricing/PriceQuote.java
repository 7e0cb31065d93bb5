package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.money.MinorUnits;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "price of a SKU in a market and currency on day D, as known on day K" (PRC-3,
 * PRC-4), one of three alternatives:
 * <ul>
 *   <li>{@link Published}: the list for D's period was published on or before K and names the
 *       SKU; the price is the unit price of one seat for one annual term (the partner's cost);</li>
 *   <li>{@link NotYetPublished}: no list for D's period is known on K; {@link #publishBy()} says
 *       the last day on which it can still be published. {@link #orElseThrow()} then refuses with
 *       PRC-3;</li>
 *   <li>{@link NotListed}: the period's list is known but does not name the SKU; refused with
 *       PRC-4.</li>
 * </ul>
 * Immutable; equal when all components are equal.
 */
public sealed interface PriceQuote
    permits PriceQuote.Published, PriceQuote.NotYetPublished, PriceQuote.NotListed {
  /** What the price book could answer: the alternatives' codes. */
  enum Status {
    /** A list for the day's period is known and names the SKU: {@link Published}. */
    PUBLISHED,
    /** No list for the day's period is known on the known day (PRC-3): {@link NotYetPublished}. */
    NOT_YET_PUBLISHED,
    /** The period's list is known but does not name the SKU (PRC-4): {@link NotListed}. */
    NOT_LISTED
  }

  /**
   * A price from a list that names the SKU. {@link PriceQuote#published} checks the price against
   * the list; a price book that already holds it builds the record directly.
   *
   * @param sku the SKU id asked about
   * @param priceList the list for the day's period, known on {@code knownOn}
   * @param day the day priced (D)
   * @param knownOn the day of knowledge (K)
   * @param publishBy the last publication day of the period's list
   * @param priceMinor the list's unit price of the SKU, in minor units
   */
  record Published(String sku, PriceList priceList, LocalDate day, LocalDate knownOn,
      LocalDate publishBy, long priceMinor) implements PriceQuote {
    /**
     * Checks the components.
     *
     * @param sku the SKU id
     * @param priceList the list
     * @param day the day priced
     * @param knownOn the day of knowledge
     * @param publishBy the last publication day
     * @param priceMinor the unit price, not negative
     * @throws io.github.cspkit.csp.OutOfRangeException if the price is negative
     */
    public Published {
      requireNonNull(sku, "sku");
      requireNonNull(priceList, "list");
      requireNonNull(day, "day");
      requireNonNull(knownOn, "knownOn");
      requireNonNull(publishBy, "publishBy");
      Checks.range(priceMinor >= 0, "a price must not be negative, found %s", priceMinor);
    }

    @Override
    public Status status() {
      return Status.PUBLISHED;
    }

    @Override
    public String market() {
      return priceList.market();
    }

    @Override
    public CurrencyUnit currency() {
      return priceList.currency();
    }

    @Override
    public Optional<PriceList> list() {
      return Optional.of(priceList);
    }

    @Override
    public int hashCode() {
      return PriceQuote.hash(this, priceMinor);
    }

    @Override
    public String toString() {
      return PriceQuote.text(this);
    }
  }

  /**
   * No list for the day's period is known on the known day (PRC-3).
   *
   * @param sku the SKU id asked about
   * @param market the market asked about
   * @param currency the currency asked about
   * @param day the day priced (D)
   * @param knownOn the day of knowledge (K)
   * @param publishBy the last day on which the period's list can still be published
   */
  record NotYetPublished(String sku, String market, CurrencyUnit currency, LocalDate day,
      LocalDate knownOn, LocalDate publishBy) implements PriceQuote {
    /**
     * Checks the components.
     *
     * @param sku the SKU id
     * @param market the market
     * @param currency the currency
     * @param day the day priced
     * @param knownOn the day of knowledge
     * @param publishBy the last publication day
     */
    public NotYetPublished {
      requireNonNull(sku, "sku");
      requireNonNull(market, "market");
      requireNonNull(currency, "currency");
      requireNonNull(day, "day");
      requireNonNull(knownOn, "knownOn");
      requireNonNull(publishBy, "publishBy");
    }

    @Override
    public Status status() {
      return Status.NOT_YET_PUBLISHED;
    }

    @Override
    public Optional<PriceList> list() {
      return Optional.empty();
    }

    @Override
    public int hashCode() {
      return PriceQuote.hash(this, 0L);
    }

    @Override
    public String toString() {
      return PriceQuote.text(this);
    }
  }

  /**
   * The period's list is known but does not name the SKU (PRC-4).
   *
   * @param sku the SKU id asked about
   * @param priceList the list for the day's period, known on {@code knownOn}
   * @param day the day priced (D)
   * @param knownOn the day of knowledge (K)
   * @param publishBy the last publication day of the period's list
   */
  record NotListed(String sku, PriceList priceList, LocalDate day, LocalDate knownOn,
      LocalDate publishBy) implements PriceQuote {
    /**
     * Checks the components.
     *
     * @param sku the SKU id
     * @param priceList the list
     * @param day the day priced
     * @param knownOn the day of knowledge
     * @param publishBy the last publication day
     */
    public NotListed {
      requireNonNull(sku, "sku");
      requireNonNull(priceList, "list");
      requireNonNull(day, "day");
      requireNonNull(knownOn, "knownOn");
      requireNonNull(publishBy, "publishBy");
    }

    @Override
    public Status status() {
      return Status.NOT_LISTED;
    }

    @Override
    public String market() {
      return priceList.market();
    }

    @Override
    public CurrencyUnit currency() {
      return priceList.currency();
    }

    @Override
    public Optional<PriceList> list() {
      return Optional.of(priceList);
    }

    @Override
    public int hashCode() {
      return PriceQuote.hash(this, 0L);
    }

    @Override
    public String toString() {
      return PriceQuote.text(this);
    }
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
  static PriceQuote published(
      String sku, PriceList list, LocalDate day, LocalDate knownOn, LocalDate publishBy) {
    requireNonNull(sku, "sku");
    requireNonNull(list, "list");
    Long minor = list.minorPrices().get(sku);
    if (minor == null) {
      throw new OutOfRangeException("SKU " + sku + " is not on price list " + list.id());
    }
    return new Published(sku, list, day, knownOn, publishBy, minor);
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
  static PriceQuote notListed(
      String sku, PriceList list, LocalDate day, LocalDate knownOn, LocalDate publishBy) {
    requireNonNull(sku, "sku");
    requireNonNull(list, "list");
    Checks.range(!list.lists(sku), "SKU %s is on price list %s", sku, list.id());
    return new NotListed(sku, list, day, knownOn, publishBy);
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
  static PriceQuote notYetPublished(
      String sku, String market, CurrencyUnit currency, LocalDate day, LocalDate knownOn,
      LocalDate publishBy) {
    return new NotYetPublished(sku, market, currency, day, knownOn, publishBy);
  }

  /** @return which alternative this is */
  Status status();

  /** @return the SKU id asked about */
  String sku();

  /** @return the market asked about */
  String market();

  /** @return the currency asked about */
  CurrencyUnit currency();

  /** @return the day priced (D) */
  LocalDate day();

  /** @return the day of knowledge (K): only lists published on or before it count */
  LocalDate knownOn();

  /** @return the last day on which the list of D's period can still be published (PRC-2, PRC-3) */
  LocalDate publishBy();

  /** @return the list the answer comes from: present unless not yet published */
  Optional<PriceList> list();

  /** @return whether a price was found */
  default boolean isPublished() {
    return this instanceof Published;
  }

  /** @return the unit price, if published */
  default Optional<MonetaryAmount> price() {
    return this instanceof Published p
        ? Optional.of(MinorUnits.toAmount(p.priceMinor(), p.currency()))
        : Optional.empty();
  }

  /**
   * @return the unit price in minor units
   * @throws RuleViolation as {@link #orElseThrow()} if there is none
   */
  default long priceMinor() {
    throw violation(this, null);
  }

  /** @return the id of the list the answer comes from: present unless not yet published */
  default Optional<String> listId() {
    return list().map(PriceList::id);
  }

  /**
   * @return the unit price
   * @throws RuleViolation PRC-3 if not yet published, naming the last publication day; PRC-4 if the
   *     list does not name the SKU
   */
  default MonetaryAmount orElseThrow() {
    if (this instanceof Published p) {
      return MinorUnits.toAmount(p.priceMinor(), p.currency());
    }
    throw violation(this, null);
  }

  /**
   * Like {@link #orElseThrow()}, but a missing price names {@code rule} (for example DIS-1 for a
   * distributor's quote, or the rule of the operation that needed the price). The reason is the same.
   *
   * @param rule the rule id to name when there is no price
   * @return the unit price
   * @throws RuleViolation naming {@code rule} if there is no price
   */
  default MonetaryAmount orElseThrow(String rule) {
    requireNonNull(rule, "rule");
    if (this instanceof Published p) {
      return MinorUnits.toAmount(p.priceMinor(), p.currency());
    }
    throw violation(this, rule);
  }

  /**
   * @param q a quote without a price
   * @param rule the rule to name, or null for PRC-3 / PRC-4 by alternative
   */
  private static RuleViolation violation(PriceQuote q, @Nullable String rule) {
    if (q instanceof NotListed n) {
      return RuleViolation.of(
          rule == null ? "PRC-4" : rule, "SKU %s is not on price list %s (%s, %s, %s)",
          n.sku(), n.priceList().id(), n.priceList().month(), n.market(),
          n.currency().getCurrencyCode());
    }
    return RuleViolation.of(
        rule == null ? "PRC-3" : rule,
        "price list for %s in market %s (%s) is not yet published as of %s; it can be published until %s",
        YearMonth.from(q.day()), q.market(), q.currency().getCurrencyCode(), q.knownOn(),
        q.publishBy());
  }

  /** The hash of the former single class: the list by its id, so that hashing stays cheap. */
  private static int hash(PriceQuote q, long priceMinor) {
    return Objects.hash(q.status(), q.sku(), q.market(), q.currency(), q.day(), q.knownOn(),
        q.publishBy(), priceMinor, q.listId().orElse(null));
  }

  /** The text of the former single class. */
  private static String text(PriceQuote q) {
    StringBuilder sb = new StringBuilder(96)
        .append("PriceQuote{").append(q.status()).append(' ').append(q.sku())
        .append(" in ").append(q.market()).append(' ').append(q.currency().getCurrencyCode())
        .append(" on ").append(q.day()).append(" as known on ").append(q.knownOn());
    if (q instanceof Published p) {
      sb.append(": ").append(MinorUnits.format(p.priceMinor(), p.currency()));
    }
    q.listId().ifPresent(id -> sb.append(" from ").append(id));
    return sb.append(", publish by ").append(q.publishBy()).append('}').toString();
  }
}
