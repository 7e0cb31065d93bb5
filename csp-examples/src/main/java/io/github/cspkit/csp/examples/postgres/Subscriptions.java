package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.repository.SubscriptionRepository;
import io.github.cspkit.csp.repository.Versioned;
import io.github.cspkit.csp.subscription.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions of one partner, with their terms and steps. A committed version never changes, so
 * the store caches it by id and version: a read checks the version and usually stops there.
 */
final class Subscriptions implements SubscriptionRepository {
  private final Tx tx;

  Subscriptions(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Versioned<Subscription>> find(String id) {
    requireNonNull(id, "id");
    Tx.Save<Subscription> staged = tx.savedSubscriptions.get(id);
    if (staged != null) {
      return Optional.of(new Versioned<>(staged.value, staged.version));
    }
    if (tx.inTransaction() && tx.subscriptionVersions.containsKey(id)) {
      return Optional.of(committed(id));
    }
    Map<String, Long> versions = tx.sql("reading subscription " + id, c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      tx.run(new Batch().add("SELECT id, version FROM subscription WHERE partner_id = ? AND id = ?",
          rs -> {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }, tx.partner, id), c);
      return out;
    });
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(values(versions).get(0));
  }

  /** @return which of those ids are taken: parameters partner and {@link Batch#keys}(ids) */
  private static String taken(String[] ids) {
    return "SELECT id FROM subscription WHERE partner_id = ? AND " + Batch.match("id", ids);
  }

  /** The ids this transaction has not staged, read or read ahead, looked up in one query. */
  @Override
  public List<String> taken(Collection<String> ids) {
    Set<String> taken = new HashSet<>();
    List<String> ask = new ArrayList<>();
    for (String id : ids) {
      requireNonNull(id, "id");
      if (tx.savedSubscriptions.containsKey(id)
          || (tx.inTransaction() && tx.subscriptionVersions.containsKey(id))) {
        taken.add(id);
      } else if (tx.idsRead.containsKey(id)) { // read before, or ahead with the customer
        if (tx.idsRead.get(id)) {
          taken.add(id);
        }
      } else {
        ask.add(id);
      }
    }
    if (!ask.isEmpty()) {
      String[] asked = ask.toArray(new String[0]);
      tx.sql("reading subscriptions " + String.join(", ", ask), c -> {
        tx.run(new Batch().add(taken(asked), rs -> {
          while (rs.next()) {
            taken.add(rs.getString(1));
          }
        }, tx.partner, Batch.keys(asked)), c);
        return null;
      });
      if (tx.inTransaction()) { // kept, as the ids read ahead are
        for (String id : ask) {
          tx.idsRead.put(id, taken.contains(id));
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      if (taken.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /** A committed subscription this transaction knows the version of. */
  private Versioned<Subscription> committed(String id) {
    Versioned<Subscription> v = tx.subscriptionValues.get(id);
    if (v == null) {
      long version = tx.subscriptionVersions.get(id);
      v = tx.store.cachedSubscription(tx.partner, id, version);
      if (v == null) {
        tx.loadSubscriptions(List.of(id));
        v = tx.subscriptionValues.get(id);
      } else {
        tx.subscriptionValues.put(id, v);
      }
    }
    return v;
  }

  /** The committed values at those versions: from the cache, the rest in one query. */
  private List<Versioned<Subscription>> values(Map<String, Long> versions) {
    Map<String, Versioned<Subscription>> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Long> e : versions.entrySet()) {
      Versioned<Subscription> cached = tx.store.cachedSubscription(tx.partner, e.getKey(), e.getValue());
      found.put(e.getKey(), cached);
      if (cached == null) {
        missing.add(e.getKey());
      }
    }
    if (!missing.isEmpty()) {
      List<Versioned<Subscription>> loaded = tx.sql("reading subscriptions", c -> {
        List<List<Versioned<Subscription>>> out = new ArrayList<>(1);
        tx.run(new Batch().add(Rows.SUBSCRIPTIONS, rs -> out.add(Rows.subscriptions(rs)),
            tx.partner, missing.toArray(new String[0])), c);
        return out.get(0);
      });
      for (Versioned<Subscription> v : loaded) {
        found.put(v.value().id(), v);
        tx.store.cacheSubscription(tx.partner, v);
      }
    }
    List<Versioned<Subscription>> out = new ArrayList<>(found.size());
    for (Versioned<Subscription> v : found.values()) {
      if (v == null) {
        throw new IllegalStateException("a subscription has no stored term");
      }
      if (tx.inTransaction()) {
        tx.subscriptionVersions.put(v.value().id(), v.version());
        tx.subscriptionValues.put(v.value().id(), v);
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public Versioned<Subscription> save(Subscription subscription, long expectedVersion) {
    tx.writable();
    requireNonNull(subscription, "subscription");
    return tx.save(tx.savedSubscriptions, "subscription", subscription.id(), subscription,
        expectedVersion, tx.subscriptionVersions.get(subscription.id()));
  }

  @Override
  public List<Versioned<Subscription>> byCustomer(String customerId) {
    requireNonNull(customerId, "customerId");
    List<Versioned<Subscription>> out = new ArrayList<>();
    if (tx.inTransaction()) {
      tx.prefetch(List.of(customerId), false);
      for (String id : tx.subscriptionIds.get(customerId)) {
        Tx.Save<Subscription> staged = tx.savedSubscriptions.get(id);
        out.add(staged != null ? new Versioned<>(staged.value, staged.version) : committed(id));
      }
      for (Tx.Save<Subscription> s : tx.savedSubscriptions.values()) {
        if (s.stored == 0 && s.value.customerId().equals(customerId)
            && !tx.subscriptionIds.get(customerId).contains(s.value.id())) {
          out.add(new Versioned<>(s.value, s.version));
        }
      }
      return out;
    }
    Map<String, Long> versions = tx.sql("reading subscriptions of " + customerId, c -> {
      Map<String, Long> v = new LinkedHashMap<>();
      tx.run(new Batch().add("SELECT id, version FROM subscription WHERE partner_id = ? "
          + "AND customer_id = ? ORDER BY seq", rs -> {
            while (rs.next()) {
              v.put(rs.getString(1), rs.getLong(2));
            }
          }, tx.partner, customerId), c);
      return v;
    });
    return versions.isEmpty() ? List.of() : values(versions);
  }
}
