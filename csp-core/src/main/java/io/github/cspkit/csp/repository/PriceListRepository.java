package io.github.cspkit.csp.repository;

import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceSource;
import java.util.List;
import java.util.Optional;

/**
 * Stores published price lists (PRC-1..4) and answers bitemporal price queries over them.
 * Price lists are immutable and never versioned: a correction is a new list (PRC-1).
 */
public interface PriceListRepository extends PriceSource {
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
}
