package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.PriceListRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's price lists (PRC-1..4), shared by every partner. Lists never change once stored, so
 * the store keeps all of them in a {@link PriceBook} and answers quotes from it; a transaction
 * checks the lists' count along with its customer, and reads them again only when it changed.
 */
final class PriceLists implements PriceListRepository {
  private final Tx tx;

  PriceLists(Tx tx) {
    this.tx = tx;
  }

  @Override
  public void add(PriceList list) {
    tx.writable();
    requireNonNull(list, "list");
    tx.store.policy().validate(list); // the rules first (PRC-1, PRC-2), then the id
    if (find(list.id()).isPresent()) {
      throw new io.github.cspkit.csp.ConflictException(io.github.cspkit.csp.ConflictException.Reason.DUPLICATE_ID, "price list " + list.id() + " already exists");
    }
    tx.addedLists.add(list); // stored meanwhile by another transaction: refused at commit
  }

  @Override
  public Optional<PriceList> find(String id) {
    requireNonNull(id, "id");
    for (PriceList l : tx.addedLists) {
      if (l.id().equals(id)) {
        return Optional.of(l);
      }
    }
    return Optional.ofNullable(tx.store.prices(tx).byId().get(id));
  }

  @Override
  public List<PriceList> all() {
    List<PriceList> all = new ArrayList<>(tx.store.prices(tx).lists());
    all.addAll(tx.addedLists);
    return List.copyOf(all);
  }

  /** @return the new-commerce rows as the {@code offer_rows} column holds them (NCE-1, PCF-1) */
  static String json(io.github.cspkit.csp.pricing.PriceRows rows) {
    try {
      return NceSubscriptions.JSON.writeValueAsString(rows);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write price rows as JSON", e);
    }
  }

  /** @return the rows of an {@code offer_rows} column */
  static io.github.cspkit.csp.pricing.PriceRows rows(String json) {
    try {
      return NceSubscriptions.JSON.readValue(json, io.github.cspkit.csp.pricing.PriceRows.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored price rows are not readable: " + e.getMessage(), e);
    }
  }

  /** The committed book, or (rarely: a transaction that publishes) one with its lists too. */
  @Override
  public PriceBook book() {
    PriceBook committed = tx.store.prices(tx).book();
    if (tx.addedLists.isEmpty()) {
      return committed;
    }
    PriceBook staged = PriceBook.create(tx.store.policy());
    committed.lists().forEach(staged::publish);
    tx.addedLists.forEach(staged::publish);
    return staged;
  }
}
