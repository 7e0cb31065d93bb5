package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.EventLog;
import java.util.ArrayList;
import java.util.List;

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
}
