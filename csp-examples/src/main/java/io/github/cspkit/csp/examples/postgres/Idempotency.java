package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.IdempotencyRecords;
import java.util.Optional;

/**
 * One partner's idempotency records (keys are scoped per partner). A key this transaction looked
 * up and did not find, but that another transaction recorded before this one committed, makes the
 * commit fail with a stale version: the entry point runs the command again, and it replays.
 */
final class Idempotency implements IdempotencyRecords {
  /** A key's record: parameters partner and key. */
  private static final String FIND = "SELECT command, aggregate, aggregate_id FROM idempotency_record "
      + "WHERE partner_id = ? AND key = ?";

  private final Tx tx;

  Idempotency(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<CommandRecord> find(String key) {
    requireNonNull(key, "key");
    CommandRecord staged = tx.recorded.get(key);
    if (staged != null) {
      return Optional.of(staged);
    }
    tx.prefetchNewCustomer(); // reads the key ahead with it
    Optional<CommandRecord> found;
    if (tx.keysRead.containsKey(key)) { // read before, or ahead with the customer
      found = Optional.ofNullable(tx.keysRead.get(key));
    } else {
      found = tx.sql("reading idempotency key " + key, c -> {
        CommandRecord[] out = {null};
        tx.run(new Batch().add(FIND, rs -> out[0] = read(rs, key), tx.partner, key), c);
        return Optional.ofNullable(out[0]);
      });
      if (tx.inTransaction()) {
        tx.keysRead.put(key, found.orElse(null));
      }
    }
    return found;
  }

  /** @return the record {@link #FIND} found, or null */
  private static CommandRecord read(java.sql.ResultSet rs, String key) throws java.sql.SQLException {
    return rs.next() ? new CommandRecord(key, rs.getString(1), rs.getString(2), rs.getString(3)) : null;
  }

  @Override
  public void record(CommandRecord record) {
    tx.writable();
    requireNonNull(record, "record");
    if (tx.recorded.containsKey(record.key())) {
      throw new io.github.cspkit.csp.ConflictException(io.github.cspkit.csp.ConflictException.Reason.KEY_REUSED,
          "idempotency key " + record.key() + " is already recorded");
    }
    tx.recorded.put(record.key(), record);
  }
}
