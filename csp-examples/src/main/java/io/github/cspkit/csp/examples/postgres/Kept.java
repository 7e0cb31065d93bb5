package io.github.cspkit.csp.examples.postgres;

import io.github.cspkit.csp.repository.Versioned;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The lookup of a root read by its key and kept for the rest of a transaction: the Microsoft Partner
 * Agreement (MPA-1) and new-commerce subscriptions (NCE-1..10). What the transaction staged comes
 * first, then what it read before (a row found absent is kept as {@code null}), then the database;
 * outside a transaction nothing is kept.
 */
final class Kept {
  private Kept() {}

  /**
   * @param tx the transaction or read-only view
   * @param staged its staged saves, by key
   * @param kept what it read, by key ({@code null}: no row)
   * @param key the key
   * @param read reads the row from the database; {@code null} if there is none
   * @param <T> the root
   * @return the root as the transaction sees it
   */
  static <T> Optional<Versioned<T>> find(Tx tx, Map<String, Tx.Save<T>> staged,
      Map<String, @Nullable Versioned<T>> kept, String key, Supplier<@Nullable Versioned<T>> read) {
    Tx.Save<T> s = staged.get(key);
    if (s != null) {
      return Optional.of(new Versioned<>(s.value, s.version));
    }
    if (tx.inTransaction() && kept.containsKey(key)) {
      return Optional.ofNullable(kept.get(key));
    }
    Versioned<T> v = read.get();
    if (tx.inTransaction()) {
      kept.put(key, v);
    }
    return Optional.ofNullable(v);
  }

  /**
   * @param kept what the transaction read, by key
   * @param key the key of a root about to be saved
   * @param <T> the root
   * @return the version the transaction read: 0 for a row found absent, {@code null} if it read
   *     none (the version is then checked at commit only)
   */
  static <T> @Nullable Long known(Map<String, @Nullable Versioned<T>> kept, String key) {
    if (!kept.containsKey(key)) {
      return null;
    }
    Versioned<T> v = kept.get(key);
    return v == null ? 0L : v.version();
  }
}
