package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;

/**
 * Where new-commerce operations get prices (NCE-1, NCE-3, PRC-3, PRC-4): the rows of the list that
 * prices a day, as known on a day. {@link #of(PriceSource, Function)} reads them from a
 * {@link PriceBook}; {@link #seedLists(PriceBook)} reads each seed price as the one-year term billed
 * annually. Implementations are thread-safe.
 */
@FunctionalInterface
public interface OfferPrices {
  /**
   * The rows of the list for {@code day}'s period, the latest one published on or before
   * {@code knownOn} (PRC-3, PRC-4).
   *
   * @param market the market
   * @param currency the currency
   * @param day the day priced
   * @param knownOn the day of knowledge
   * @return the rows, or empty when no such list is known on {@code knownOn}
   */
  Optional<PriceRows> rows(String market, CurrencyUnit currency, LocalDate day, LocalDate knownOn);

  /**
   * The row of an offer on {@code day}, as known on that day (NCE-1, NCE-3, PRC-6).
   *
   * @param offer the offer
   * @param market the market
   * @param currency the currency
   * @param day the day priced and of knowledge
   * @return the row
   * @throws RuleViolation PRC-3 when no list for the day is known; NCE-1 when the list in force has
   *     no row for the offer, naming the rows it has for the SKU
   */
  default PriceRow row(TermOffer offer, String market, CurrencyUnit currency, LocalDate day) {
    requireNonNull(offer, "offer");
    requireNonNull(day, "day");
    Optional<PriceRows> rows = rows(market, currency, day, day);
    if (rows.isEmpty()) {
      throw RuleViolation.of("PRC-3",
          "price list for %s in market %s (%s) is not yet published as of %s",
          YearMonth.from(day), market, currency.getCurrencyCode(), day);
    }
    return requireRow(rows.get(), offer, market, day);
  }

  /**
   * The row of {@code offer} in {@code rows}, or the refusal of NCE-1.
   *
   * @param rows the rows of the list in force
   * @param offer the offer
   * @param market the market, for the message
   * @param day the day, for the message
   * @return the row
   * @throws RuleViolation NCE-1 when there is no row for the offer
   */
  static PriceRow requireRow(PriceRows rows, TermOffer offer, String market, LocalDate day) {
    return rows.row(offer).orElseThrow(() -> {
      List<PriceRow> other = rows.rowsOf(offer.sku());
      String offered = other.isEmpty() ? "none"
          : other.stream().map(r -> r.offer().term().code() + " " + r.offer().plan().code())
              .collect(Collectors.joining(", "));
      return RuleViolation.of("NCE-1",
          "the price list in force on %s in market %s has no row for %s billed %s on a %s term;"
              + " its rows for %s: %s", day, market, offer.sku(), offer.plan().code(),
          offer.term().code(), offer.sku(), offered);
    });
  }

  /**
   * Reads rows from the lists of a price book or a store's price lists.
   *
   * @param book the price book, or a store's price lists
   * @param rowsOf the rows of a published list
   * @return the prices; a day whose list is not published is refused as the book refuses it (PRC-3,
   *     with the last day it can be published)
   */
  static OfferPrices of(PriceSource book, Function<PriceList, PriceRows> rowsOf) {
    return new BookOfferPrices(book, rowsOf);
  }

  /**
   * Reads a price book whose lists give one price per SKU: each is the one-year term billed
   * annually, so the seed's lists keep working under the current program.
   *
   * @param book the price book
   * @return the prices
   */
  static OfferPrices seedLists(PriceBook book) {
    return of(book, PriceRows::fromSeedList);
  }
}
