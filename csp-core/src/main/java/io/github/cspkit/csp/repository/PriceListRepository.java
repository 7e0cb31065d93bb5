package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import java.util.List;
import java.util.Optional;

/**
 * Stores and lists published price lists (PRC-1). Which list applies to a day, as known on
 * another (PRC-3, PRC-4), is decided once, in core, by the {@link PriceBook} of {@link #book()};
 * the store only keeps it, built from the lists it holds. Price lists are immutable and never
 * versioned: a correction is a new list (PRC-1).
 */
public interface PriceListRepository {
  /**
   * Stores a list that the price list policy has accepted.
   *
   * @param list the list
   * @throws io.github.cspkit.csp.ConflictException ({@code DUPLICATE_ID}) if another list with the
   *     same id is stored
   */
  void add(PriceList list);

  /**
   * @param id a list id
   * @return the list
   */
  Optional<PriceList> find(String id);

  /** @return every list, in publication order */
  List<PriceList> all();

  /**
   * The lists as a price book, which answers quotes (PRC-3, PRC-4): those of this transaction
   * included. A store may keep the book of its committed lists between transactions, since lists
   * never change.
   *
   * @return the book of {@link #all()}
   */
  PriceBook book();
}
