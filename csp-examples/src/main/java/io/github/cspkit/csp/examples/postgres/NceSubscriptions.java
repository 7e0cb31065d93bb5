package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.examples.json.CspJacksonModule;
import io.github.cspkit.csp.repository.NceSubscriptionRepository;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.NceSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * New-commerce subscriptions of one partner (NCE-1..10), table {@code nce_subscription}: each is one
 * JSON document (the form of {@link CspJacksonModule}) with its version. In a transaction the rows
 * read are locked ({@code FOR UPDATE}, after the customer's row, which every command locks first)
 * and kept; writes are staged and sent with the other roots at commit ({@link Flush}), version
 * checked there.
 */
final class NceSubscriptions implements NceSubscriptionRepository {
  static final ObjectMapper JSON = CspJacksonModule.mapper()
      .disable(SerializationFeature.INDENT_OUTPUT);

  private final Tx tx;

  NceSubscriptions(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Versioned<NceSubscription>> find(String id) {
    requireNonNull(id, "id");
    return Kept.find(tx, tx.savedNce, tx.nceValues, id, () -> {
      List<Versioned<NceSubscription>> read = select("id = ?", id);
      return read.isEmpty() ? null : read.get(0);
    });
  }

  @Override
  public Versioned<NceSubscription> save(NceSubscription subscription, long expectedVersion) {
    tx.writable();
    requireNonNull(subscription, "subscription");
    String id = subscription.id();
    Versioned<NceSubscription> v = tx.nceValues.get(id);
    if (v != null) {
      requireSameCustomer(v.value(), subscription);
    }
    Tx.Save<NceSubscription> staged = tx.savedNce.get(id);
    if (staged != null) {
      requireSameCustomer(staged.value, subscription);
    }
    return tx.save(tx.savedNce, "new-commerce subscription", id, subscription, expectedVersion,
        Kept.known(tx.nceValues, id));
  }

  /** A save never moves a subscription to another customer, as the in-memory store refuses it. */
  private static void requireSameCustomer(NceSubscription stored, NceSubscription saved) {
    if (!stored.customerId().equals(saved.customerId())) {
      throw new ConflictException(ConflictException.Reason.DUPLICATE_ID, "new-commerce"
          + " subscription " + saved.id() + " belongs to customer " + stored.customerId()
          + "; a save cannot move it to " + saved.customerId());
    }
  }

  @Override
  public List<Versioned<NceSubscription>> byCustomer(String customerId) {
    requireNonNull(customerId, "customerId");
    List<Versioned<NceSubscription>> committed;
    List<String> prefetched = tx.inTransaction() ? tx.nceIds.get(customerId) : null;
    if (prefetched != null) { // read with the customer's locked row, in the same round trip
      committed = new ArrayList<>(prefetched.size());
      for (String id : prefetched) {
        committed.add(tx.nceValues.get(id));
      }
    } else {
      committed = select("customer_id = ?", customerId);
    }
    List<Versioned<NceSubscription>> out = new ArrayList<>(committed.size());
    for (Versioned<NceSubscription> v : committed) {
      String id = v.value().id();
      if (tx.inTransaction() && !tx.nceValues.containsKey(id)) {
        tx.nceValues.put(id, v);
      }
      Tx.Save<NceSubscription> staged = tx.savedNce.get(id);
      out.add(staged != null ? new Versioned<>(staged.value, staged.version)
          : tx.inTransaction() ? tx.nceValues.get(id) : v);
    }
    for (Map.Entry<String, Tx.Save<NceSubscription>> e : tx.savedNce.entrySet()) {
      Tx.Save<NceSubscription> s = e.getValue();
      if (s.stored == 0 && s.value.customerId().equals(customerId)
          && out.stream().noneMatch(v -> v.value().id().equals(e.getKey()))) {
        out.add(new Versioned<>(s.value, s.version));
      }
    }
    return out;
  }

  private List<Versioned<NceSubscription>> select(String where, String key) {
    return tx.sql("reading new-commerce subscriptions", c -> {
      List<Versioned<NceSubscription>> out = new ArrayList<>();
      tx.run(new Batch().add("SELECT value::text, version FROM nce_subscription WHERE partner_id = ?"
          + " AND " + where + " ORDER BY seq" + (tx.inTransaction() ? " FOR UPDATE" : ""), rs -> {
            while (rs.next()) {
              out.add(new Versioned<>(read(rs.getString(1)), rs.getLong(2)));
            }
          }, tx.partner, key), c);
      return out;
    });
  }

  /** @return the document of a subscription */
  static String json(NceSubscription s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + s.id() + " as JSON", e);
    }
  }

  static NceSubscription read(String json) {
    try {
      return JSON.readValue(json, NceSubscription.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored new-commerce subscription is not readable: "
          + e.getMessage(), e);
    }
  }
}
