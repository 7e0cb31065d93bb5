package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory event log of a partner's part of {@link InMemoryStore}: append-only, numbered in
 * commit order, with an index by command key (idempotent replays return a command's events).
 */
final class InMemoryEvents {
  private final AppendOnly<DomainEvent> events = new AppendOnly<>();
  private final Map<String, ImmutableList<DomainEvent>> byCommand = new ConcurrentHashMap<>();

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** The log as one transaction sees it: committed events, then its own, numbered after them. */
  final class Tx extends InMemoryView implements EventLog {
    private final List<DomainEvent> staged = new ArrayList<>();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public DomainEvent append(DomainEvent event) {
      writable();
      requireNonNull(event, "event");
      staged.add(event);
      return event.withSequence(events.size() + staged.size());
    }

    @Override
    public List<DomainEvent> read(long afterSequence, int limit) {
      List<DomainEvent> all = withStaged();
      int from = (int) Math.min(Math.max(0, afterSequence), all.size());
      int to = (int) Math.min(all.size(), (long) from + Math.max(0, limit));
      return ImmutableList.copyOf(all.subList(from, to));
    }

    @Override
    public List<DomainEvent> byCommand(String commandKey) {
      requireNonNull(commandKey, "commandKey");
      ImmutableList<DomainEvent> known = byCommand.getOrDefault(commandKey, ImmutableList.of());
      if (staged.isEmpty()) {
        return known;
      }
      ImmutableList.Builder<DomainEvent> b = ImmutableList.<DomainEvent>builder().addAll(known);
      List<DomainEvent> all = withStaged();
      for (DomainEvent e : all.subList(all.size() - staged.size(), all.size())) {
        if (e.commandKey().equals(commandKey)) {
          b.add(e);
        }
      }
      return b.build();
    }

    private List<DomainEvent> withStaged() {
      List<DomainEvent> committed = events.snapshot();
      if (staged.isEmpty()) {
        return committed;
      }
      List<DomainEvent> all = new ArrayList<>(committed.size() + staged.size());
      all.addAll(committed);
      long seq = committed.size();
      for (DomainEvent e : staged) {
        all.add(e.withSequence(++seq));
      }
      return all;
    }

    @Override
    public long size() {
      return events.size() + staged.size();
    }

    void commit() {
      if (staged.isEmpty()) {
        return;
      }
      Map<String, List<DomainEvent>> byKey = new LinkedHashMap<>();
      for (DomainEvent e : staged) {
        DomainEvent s = e.withSequence(events.size() + 1);
        events.add(s);
        byKey.computeIfAbsent(s.commandKey(), k -> new ArrayList<>()).add(s);
      }
      byKey.forEach((k, list) -> byCommand.merge(k, ImmutableList.copyOf(list),
          (a, b) -> ImmutableList.<DomainEvent>builder().addAll(a).addAll(b).build()));
    }
  }
}
