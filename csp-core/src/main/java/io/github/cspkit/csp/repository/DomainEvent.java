package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.subscription.ChangeEvent;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One entry of the append-only event log: what happened to which aggregate, on which day, under
 * which command (idempotency key), with a one-line explanation (for example the change's formula)
 * and, for a subscription's change, the change itself as a typed value ({@link ChangeEvent}: the
 * seed's {@code SubscriptionEvent} with its charge, or a new-commerce {@code NceEvent}). Every store
 * keeps the typed change, so the log reads back as values.
 *
 * @param sequence the position in the log, from 1; 0 before it is appended
 * @param aggregate the aggregate's kind, for example {@code "subscription"}
 * @param aggregateId its id
 * @param kind what happened, for example {@code "ADD_SEATS"}
 * @param date the day it applies from
 * @param commandKey the idempotency key of the command that caused it
 * @param detail a one-line explanation
 * @param change the subscription change, typed; empty for other aggregates' events
 */
public record DomainEvent(long sequence, String aggregate, String aggregateId, String kind,
    LocalDate date, String commandKey, String detail, Optional<ChangeEvent> change) {
  /**
   * @param sequence position, or 0
   * @param aggregate aggregate kind
   * @param aggregateId aggregate id
   * @param kind event kind
   * @param date day
   * @param commandKey idempotency key
   * @param detail explanation
   * @param change typed change, or empty
   */
  public DomainEvent {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(aggregateId, "aggregateId");
    requireNonNull(kind, "kind");
    requireNonNull(date, "date");
    requireNonNull(commandKey, "commandKey");
    requireNonNull(detail, "detail");
    requireNonNull(change, "change");
  }

  /**
   * An event without a typed change (an agreement's, a customer's, a bill's).
   *
   * @param sequence position, or 0
   * @param aggregate aggregate kind
   * @param aggregateId aggregate id
   * @param kind event kind
   * @param date day
   * @param commandKey idempotency key
   * @param detail explanation
   */
  public DomainEvent(long sequence, String aggregate, String aggregateId, String kind,
      LocalDate date, String commandKey, String detail) {
    this(sequence, aggregate, aggregateId, kind, date, commandKey, detail, Optional.empty());
  }

  /**
   * @param change the subscription change this entry logs
   * @return this event with that typed change
   */
  public DomainEvent withChange(ChangeEvent change) {
    return new DomainEvent(sequence, aggregate, aggregateId, kind, date, commandKey, detail,
        Optional.of(change));
  }

  /**
   * @param sequence the assigned position
   * @return this event at that position
   */
  public DomainEvent withSequence(long sequence) {
    return new DomainEvent(sequence, aggregate, aggregateId, kind, date, commandKey, detail, change);
  }
}
