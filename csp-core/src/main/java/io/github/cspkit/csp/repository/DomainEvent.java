package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.subscription.ChangeEvent;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One entry of the append-only event log (DESIGN.md, Events): what happened to which aggregate,
 * on which day, under which command (idempotency key), as a typed value ({@link EventPayload}:
 * one sealed group per rule group, for example {@link CustomerPayload.Created} or a
 * subscription's {@link SubscriptionPayload.Changed}), with a one-line explanation for people.
 * The payload decides the aggregate's kind and the event's kind. Every store keeps the payload, so
 * the log reads back as the values that were logged.
 *
 * @param sequence the position in the log, from 1; 0 before it is appended
 * @param aggregateId the aggregate's id
 * @param date the day it applies from
 * @param commandKey the idempotency key of the command that caused it
 * @param detail a one-line explanation (for example a change's formula)
 * @param payload what happened, typed
 */
public record DomainEvent(long sequence, String aggregateId, LocalDate date, String commandKey,
    String detail, EventPayload payload) {
  /**
   * @param sequence position, or 0
   * @param aggregateId aggregate id
   * @param date day
   * @param commandKey idempotency key
   * @param detail explanation
   * @param payload what happened
   */
  public DomainEvent {
    requireNonNull(aggregateId, "aggregateId");
    requireNonNull(date, "date");
    requireNonNull(commandKey, "commandKey");
    requireNonNull(detail, "detail");
    requireNonNull(payload, "payload");
  }

  /**
   * An entry without typed figures ({@link EventPayload.Unstructured}): what happened is only its
   * text, for example an entry an integrator appends through the SPI.
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
    this(sequence, aggregateId, date, commandKey, detail,
        new EventPayload.Unstructured(aggregate, kind));
  }

  /** @return the aggregate's kind, for example {@code "subscription"}: the payload's */
  public String aggregate() {
    return payload.aggregate();
  }

  /** @return what happened, for example {@code "ADD_SEATS"}: the payload's */
  public String kind() {
    return payload.kind();
  }

  /**
   * @return the subscription change this entry logs (SUB-1..7, NCE-1..9): the change of a
   *     {@link SubscriptionPayload.Changed} payload; empty for any other
   */
  public Optional<ChangeEvent> change() {
    return payload instanceof SubscriptionPayload.Changed c ? Optional.of(c.change())
        : Optional.empty();
  }

  /**
   * @param sequence the assigned position
   * @return this event at that position
   */
  public DomainEvent withSequence(long sequence) {
    return new DomainEvent(sequence, aggregateId, date, commandKey, detail, payload);
  }
}
