package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

/**
 * What a command returned, kept under its idempotency key: the command's name (a repeated key
 * with another command is a programming error) and the aggregate it returned.
 *
 * @param key the idempotency key
 * @param command the command's name, for example {@code "addSeats"}
 * @param aggregate the returned aggregate's kind
 * @param aggregateId its id; not bounded as ids are: a service's is {@code customerId/serviceId},
 *     an order of several lines' ({@code aggregate} {@code "order"}) its subscriptions' ids
 *     separated by spaces (up to 100 ids)
 */
public record CommandRecord(String key, String command, String aggregate, String aggregateId) {
  /**
   * @param key key
   * @param command command
   * @param aggregate aggregate kind
   * @param aggregateId aggregate id
   */
  public CommandRecord {
    requireNonNull(key, "key");
    requireNonNull(command, "command");
    requireNonNull(aggregate, "aggregate");
    requireNonNull(aggregateId, "aggregateId");
  }
}
