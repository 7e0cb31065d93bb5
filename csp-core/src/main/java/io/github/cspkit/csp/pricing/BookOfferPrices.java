package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;

/** The {@link OfferPrices} of {@link OfferPrices#of(PriceSource, Function)} (NCE-1, PRC-3). */
final class BookOfferPrices implements OfferPrices {
  private final PriceSource book;
  private final Function<PriceList, PriceRows> rowsOf;

  BookOfferPrices(PriceSource book, Function<PriceList, PriceRows> rowsOf) {
    this.book = requireNonNull(book, "book");
    this.rowsOf = requireNonNull(rowsOf, "rowsOf");
  }

  @Override
  public Optional<PriceRows> rows(String market, CurrencyUnit currency, LocalDate day,
      LocalDate knownOn) {
    return book.listFor(market, currency, day, knownOn).map(rowsOf);
  }

  @Override
  public PriceRow row(TermOffer offer, String market, CurrencyUnit currency, LocalDate day) {
    requireNonNull(offer, "offer");
    PriceList list = book.listFor(market, currency, day, day).orElse(null);
    if (list == null) {
      // refused as the book refuses it: PRC-3 with the last day the list can be published
      book.quote(offer.sku(), market, currency, day, day).orElseThrow();
      list = book.listFor(market, currency, day, day).orElseThrow(); // published meanwhile
    }
    return OfferPrices.requireRow(rowsOf.apply(list), offer, market, day);
  }
}
