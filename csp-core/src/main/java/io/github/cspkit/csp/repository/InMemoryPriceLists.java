package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.pricing.PriceBook;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.pricing.PriceListPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vendor's price lists of an {@link InMemoryStore}, shared by every partner's part (PRC-1..4):
 * kept in a {@link PriceBook}, which answers the quotes.
 */
final class InMemoryPriceLists {
  private final PriceBook book;
  private final Map<String, PriceList> byId = new ConcurrentHashMap<>();

  InMemoryPriceLists(PriceListPolicy policy) {
    this.book = PriceBook.create(policy);
  }

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The lists as one transaction sees them: the published ones and its own. */
  final class Tx extends InMemoryView implements PriceListRepository {
    private final List<PriceList> staged = new ArrayList<>();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public void add(PriceList list) {
      writable();
      requireNonNull(list, "list");
      book.policy().validate(list); // the rules first (PRC-1, PRC-2), then the id
      if (find(list.id()).isPresent()) {
        throw ConflictException.duplicate("price list", list.id());
      }
      staged.add(list);
    }

    @Override
    public Optional<PriceList> find(String id) {
      requireNonNull(id, "id");
      for (PriceList l : staged) {
        if (l.id().equals(id)) {
          return Optional.of(l);
        }
      }
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<PriceList> all() {
      return ImmutableList.<PriceList>builder().addAll(book.lists()).addAll(staged).build();
    }

    /** The published book, or (rarely: a transaction that publishes) one with its lists too. */
    @Override
    public PriceBook book() {
      if (staged.isEmpty()) {
        return book;
      }
      PriceBook withStaged = PriceBook.create(book.policy());
      book.lists().forEach(withStaged::publish);
      staged.forEach(withStaged::publish);
      return withStaged;
    }

    void commit() {
      for (PriceList l : staged) {
        book.publish(l);
        byId.put(l.id(), l);
      }
    }
  }
}
