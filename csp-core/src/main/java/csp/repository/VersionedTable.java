package csp.repository;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe map of versioned aggregates with an optional transaction overlay: writes of a
 * transaction are staged and become visible to others only on {@link Overlay#commit()}.
 */
final class VersionedTable<V> {
  private final String kind;
  private final Function<V, String> idOf;
  private final Map<String, Versioned<V>> committed = new ConcurrentHashMap<>();

  VersionedTable(String kind, Function<V, String> idOf) {
    this.kind = kind;
    this.idOf = idOf;
  }

  Optional<Versioned<V>> find(String id) {
    return Optional.ofNullable(committed.get(requireNonNull(id, "id")));
  }

  Overlay overlay() {
    return new Overlay();
  }

  /** The staged writes of one transaction. */
  final class Overlay {
    private final Map<String, Versioned<V>> staged = new LinkedHashMap<>();

    Optional<Versioned<V>> find(String id) {
      Versioned<V> v = staged.get(requireNonNull(id, "id"));
      return v != null ? Optional.of(v) : VersionedTable.this.find(id);
    }

    Versioned<V> save(V value, long expectedVersion) {
      requireNonNull(value, "value");
      String id = idOf.apply(value);
      long actual = find(id).map(Versioned::version).orElse(0L);
      if (actual != expectedVersion) {
        throw new StaleVersionException(kind + " " + id, expectedVersion, actual);
      }
      Versioned<V> next = new Versioned<>(value, actual + 1);
      staged.put(id, next);
      return next;
    }

    List<String> newIds() {
      List<String> ids = new ArrayList<>();
      staged.forEach((id, v) -> {
        if (v.version() == 1 && !committed.containsKey(id)) {
          ids.add(id);
        }
      });
      return ids;
    }

    void commit() {
      committed.putAll(staged);
    }
  }
}
