package io.github.cspkit.csp.repository;

import java.util.List;

/** The append-only log of everything the partner's operations did, in order. */
public interface EventLog {
  /**
   * @param event an event; its sequence is assigned
   * @return the event as appended, with its sequence
   */
  DomainEvent append(DomainEvent event);

  /**
   * @param afterSequence a position, 0 for the start
   * @param limit the most events to return
   * @return the events after that position, in order
   */
  List<DomainEvent> read(long afterSequence, int limit);

  /**
   * @param commandKey an idempotency key
   * @return the events that command appended, in order
   */
  List<DomainEvent> byCommand(String commandKey);

  /** @return the number of events */
  long size();
}
