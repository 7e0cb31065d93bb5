package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One entry of the append-only event log: what happened to which aggregate, on which day, under
 * which command (idempotency key), with a one-line explanation (for example the change's formula).
 *
 * @param sequence the position in the log, from 1; 0 before it is appended
 * @param aggregate the aggregate's kind, for example {@code "subscription"}
 * @param aggregateId its id
 * @param kind what happened, for example {@code "ADD_SEATS"}
 * @param date the day it applies from
 * @param commandKey the idempotency key of the command that caused it
 * @param detail a one-line explanation
 */
public record DomainEvent(long sequence, String aggregate, String aggregateId, String kind,
    LocalDate date, String commandKey, String detail) {
  /**
   * @param sequence position, or 0
   * @param aggregate aggregate kind
   * @param aggregateId aggregate id
   * @param kind event kind
   * @param date day
   * @param commandKey idempotency key
   * @param detail explanation
   */
  public DomainEvent {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(aggregateId, "aggregateId");
    requireNonNull(kind, "kind");
    requireNonNull(date, "date");
    requireNonNull(commandKey, "commandKey");
    requireNonNull(detail, "detail");
  }

  /**
   * @param sequence the assigned position
   * @return this event at that position
   */
  public DomainEvent withSequence(long sequence) {
    return new DomainEvent(sequence, aggregate, aggregateId, kind, date, commandKey, detail);
  }
}
