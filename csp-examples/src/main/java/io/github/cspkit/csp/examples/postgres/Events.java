package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventLog;
import io.github.cspkit.csp.subscription.ChangeEvent;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One partner's event log. Sequence numbers come from a database sequence, a few reserved per
 * transaction after its customer's lock: they increase within a transaction and, for any one
 * customer, in commit order; a rolled-back transaction leaves a gap, and two customers' events
 * committed at the same time may become visible out of sequence order.
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
   * @param change a logged change
   * @return its document: {@code {"subscriptionEvent": …}} or {@code {"nceEvent": …}}
   */
  static String json(ChangeEvent change) {
    ObjectNode doc = NceSubscriptions.JSON.createObjectNode();
    doc.set(change instanceof SubscriptionEvent ? "subscriptionEvent" : "nceEvent",
        NceSubscriptions.JSON.valueToTree(change));
    return doc.toString();
  }

  /**
   * @param json a stored document, or null
   * @return the change it holds, or empty
   */
  static Optional<ChangeEvent> change(@Nullable String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      JsonNode doc = NceSubscriptions.JSON.readTree(json);
      return Optional.of(doc.has("subscriptionEvent")
          ? NceSubscriptions.JSON.treeToValue(doc.get("subscriptionEvent"), SubscriptionEvent.class)
          : NceSubscriptions.JSON.treeToValue(doc.get("nceEvent"), NceEvent.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored event's change is not readable: " + e.getMessage(),
          e);
    }
  }
}
