package io.github.cspkit.csp.repository;

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

  /** The staged writes of one transaction; nothing is allocated until the first write. */
  final class Overlay {
    private Map<String, Versioned<V>> staged;

    Optional<Versioned<V>> find(String id) {
      Versioned<V> v = staged == null ? null : staged.get(requireNonNull(id, "id"));
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
      if (staged == null) {
        staged = new LinkedHashMap<>();
      }
      staged.put(id, next);
      return next;
    }

    List<String> newIds() {
      if (staged == null) {
        return List.of();
      }
      List<String> ids = new ArrayList<>();
      for (Map.Entry<String, Versioned<V>> e : staged.entrySet()) {
        if (e.getValue().version() == 1 && !committed.containsKey(e.getKey())) {
          ids.add(e.getKey());
        }
      }
      return ids;
    }

    void commit() {
      if (staged != null) {
        committed.putAll(staged);
      }
    }
  }
}
