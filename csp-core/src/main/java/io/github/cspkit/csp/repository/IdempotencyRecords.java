package io.github.cspkit.csp.repository;

import java.util.Optional;

/**
 * Remembers which commands ran (DESIGN.md: every command carries an idempotency key): a repeated
 * key returns the first result and changes nothing. The result is kept as the id of the aggregate
 * the command returned; its events are in the {@link EventLog} under the same key.
 */
public interface IdempotencyRecords {
  /**
   * @param key an idempotency key
   * @return the record of the command that used it, if any
   */
  Optional<CommandRecord> find(String key);

  /**
   * @param record the record of a command that just succeeded
   * @throws io.github.cspkit.csp.ConflictException ({@code KEY_REUSED}) if the key is already
   *     recorded
   */
  void record(CommandRecord record);
}
