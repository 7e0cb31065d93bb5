package io.github.cspkit.csp.subscription;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/**
 * One term of a new-commerce subscription (NCE-1..9): its anchored {@link TermCalendar}, its first
 * day (the calendar's start, or the upgrade day for a subscription split off by a partial upgrade),
 * the last day it can be cancelled (NCE-5), and its events, the first of which started it.
 * Immutable: {@link #with} returns the term with one more event.
 */
@Value.Immutable
public abstract class NceTerm {
  NceTerm() {} // only the generated implementation extends it

  /** @return the term's number within its subscription, from 0 */
  public abstract int index();

  /** @return the term's anchored dates and charge cycles */
  public abstract TermCalendar calendar();

  /** @return the last day on which the subscription can be cancelled in this term (NCE-5) */
  public abstract LocalDate cancellableThrough();

  /** @return what happened, in date order; the first event started the term */
  public abstract List<NceEvent> events();

  @Value.Check
  void check() {
    Checks.range(index() >= 0, "index must not be negative, found %s", index());
    Checks.range(!events().isEmpty() && events().get(0) instanceof NceEvent.Started,
        "a term's first event starts it, found %s", events());
    DateRange range = calendar().range();
    Checks.range(range.contains(start()), "the term starts on %s, outside %s", start(), range);
    LocalDate previous = start();
    for (NceEvent e : events()) {
      Checks.range(!e.date().isBefore(previous), "events must be in date order: %s", e);
      boolean ends = e instanceof NceEvent.Ended;
      Checks.range(ends ? e.date().equals(range.end()) : range.contains(e.date()),
          "%s is outside the term %s", e, range);
      previous = e.date();
    }
    state(); // every event follows the one before
  }

  /**
   * @param index the term's number
   * @param calendar its dates
   * @param cancellableThrough the last day it can be cancelled
   * @param started its first event
   * @return the term
   */
  public static NceTerm of(int index, TermCalendar calendar, LocalDate cancellableThrough,
      NceEvent.Started started) {
    return ImmutableNceTerm.builder().index(index).calendar(calendar)
        .cancellableThrough(cancellableThrough).addEvents(started).build();
  }

  /** @return the event that started the term */
  public NceEvent.Started started() {
    return (NceEvent.Started) events().get(0);
  }

  /** @return the first day of the term */
  public LocalDate start() {
    return events().get(0).date();
  }

  /** @return the first day after the term (the calendar's end, even when cancelled earlier) */
  public LocalDate end() {
    return calendar().end();
  }

  /** @return the day of the latest event */
  public LocalDate latest() {
    return events().get(events().size() - 1).date();
  }

  /** @return the state after every event */
  @Value.Lazy
  public TermState state() {
    TermState s = TermState.start(started());
    for (int i = 1; i < events().size(); i++) {
      s = s.apply(events().get(i));
    }
    return s;
  }

  /**
   * @param date a day on or after the term's start
   * @return the state after the events dated on or before that day
   * @throws io.github.cspkit.csp.OutOfRangeException if the day is before the term's start
   */
  public TermState stateOn(LocalDate date) {
    requireNonNull(date, "date");
    Checks.range(!date.isBefore(start()), "%s is before the term's start %s", date, start());
    TermState s = TermState.start(started());
    for (int i = 1; i < events().size() && !events().get(i).date().isAfter(date); i++) {
      s = s.apply(events().get(i));
    }
    return s;
  }

  /**
   * @param event an event dated on or after the latest one
   * @return this term with the event appended
   * @throws io.github.cspkit.csp.OutOfRangeException if it cannot follow
   */
  public NceTerm with(NceEvent event) {
    requireNonNull(event, "event");
    return ImmutableNceTerm.builder().from(this)
        .events(ImmutableList.<NceEvent>builderWithExpectedSize(events().size() + 1)
            .addAll(events()).add(event).build())
        .build();
  }

  @Override
  public String toString() {
    return "NceTerm#" + index() + " " + calendar() + " " + events();
  }
}
