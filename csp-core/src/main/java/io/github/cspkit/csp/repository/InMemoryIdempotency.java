package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory idempotency records of a partner's part of {@link InMemoryStore}: a key once. */
final class InMemoryIdempotency {
  private final Map<String, CommandRecord> records = new ConcurrentHashMap<>();

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The records as one transaction sees them. */
  final class Tx extends InMemoryView implements IdempotencyRecords {
    private final Map<String, CommandRecord> staged = new LinkedHashMap<>();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<CommandRecord> find(String key) {
      requireNonNull(key, "key");
      CommandRecord r = staged.get(key);
      return r != null ? Optional.of(r) : Optional.ofNullable(records.get(key));
    }

    @Override
    public void record(CommandRecord record) {
      writable();
      requireNonNull(record, "record");
      if (find(record.key()).isPresent()) {
        throw new ConflictException(ConflictException.Reason.KEY_REUSED,
            "idempotency key " + record.key() + " is already recorded");
      }
      staged.put(record.key(), record);
    }

    void commit() {
      records.putAll(staged);
    }
  }
}
