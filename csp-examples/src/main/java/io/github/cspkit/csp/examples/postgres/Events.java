package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventLog;
import io.github.cspkit.csp.repository.EventPayload;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One partner's event log, each entry with its typed payload (a {@code payload} jsonb column, null
 * for an unstructured entry; migration V6). Sequence numbers come from a database sequence, a few
 * reserved per transaction after its customer's lock, or by the command before on the same
 * customer under that lock ({@code keptCommandWindow}): they increase within a transaction and,
 * for any one customer and any one thread, in commit order; a rolled-back transaction leaves a
 * gap, and the events of different threads or instances committed close together (concurrently,
 * or less than that window apart) may become visible out of sequence order.
 */
final class Events implements EventLog {
  private final Tx tx;

  Events(Tx tx) {
    this.tx = tx;
  }

  @Override
  public DomainEvent append(DomainEvent event) {
    tx.writable();
    requireNonNull(event, "event");
    DomainEvent e = event.withSequence(tx.nextSequence());
    tx.appended.add(e);
    return e;
  }

  @Override
  public List<DomainEvent> read(long afterSequence, int limit) {
    int n = Math.max(0, limit);
    List<DomainEvent> out = query("SELECT " + Rows.EVENT + " FROM domain_event e WHERE e.partner_id = ? "
        + "AND e.sequence > ? ORDER BY e.sequence LIMIT ?", tx.partner, Math.max(0, afterSequence), n);
    for (DomainEvent e : tx.appended) {
      if (e.sequence() > afterSequence) {
        out.add(e);
      }
    }
    out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return List.copyOf(out.subList(0, Math.min(n, out.size())));
  }

  @Override
  public List<DomainEvent> byCommand(String commandKey) {
    requireNonNull(commandKey, "commandKey");
    List<DomainEvent> out = query("SELECT " + Rows.EVENT + " FROM domain_event e WHERE e.partner_id = ? "
        + "AND e.command_key = ? ORDER BY e.sequence", tx.partner, commandKey);
    for (DomainEvent e : tx.appended) {
      if (e.commandKey().equals(commandKey)) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public long size() {
    long stored = tx.sql("counting events", c -> {
      long[] n = {0};
      tx.run(new Batch().add("SELECT count(*) FROM domain_event WHERE partner_id = ?", rs -> {
        rs.next();
        n[0] = rs.getLong(1);
      }, tx.partner), c);
      return n[0];
    });
    return stored + tx.appended.size();
  }

  private List<DomainEvent> query(String sql, Object... args) {
    return tx.sql("reading events", c -> {
      List<DomainEvent> out = new ArrayList<>();
      tx.run(new Batch().add(sql, rs -> {
        while (rs.next()) {
          out.add(Rows.event(rs));
        }
      }, args), c);
      return out;
    });
  }

  /**
   * @param payload a logged entry's payload
   * @return its document in the JSON module's form ({@code {"type": "Customer.Created", …}}), or
   *     null for an {@link EventPayload.Unstructured} one, whose aggregate and kind the row's
   *     columns already hold
   */
  static @Nullable String json(EventPayload payload) {
    if (payload instanceof EventPayload.Unstructured) {
      return null;
    }
    try {
      return NceSubscriptions.JSON.writeValueAsString(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A stored entry's payload. Rows written before schema version 6 read too: V6 turned each
   * subscription change into its payload document, and left the other entries' payload null,
   * which reads as {@link EventPayload.Unstructured} (their detail text is all they kept).
   *
   * @param json the stored document, or null
   * @param aggregate the row's aggregate kind
   * @param kind the row's event kind
   * @return the payload
   * @throws IllegalStateException if the document is not readable or names another kind
   */
  static EventPayload payload(@Nullable String json, String aggregate, String kind) {
    if (json == null) {
      return new EventPayload.Unstructured(aggregate, kind);
    }
    EventPayload p;
    try {
      p = NceSubscriptions.JSON.readValue(json, EventPayload.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("a stored event's payload is not readable: "
          + e.getMessage(), e);
    }
    if (!p.aggregate().equals(aggregate) || !p.kind().equals(kind)) {
      throw new IllegalStateException("a stored event is " + aggregate + " " + kind
          + " but its payload is " + p.aggregate() + " " + p.kind());
    }
    return p;
  }
}
