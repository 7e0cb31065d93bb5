package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.repository.AgreementRepository;
import io.github.cspkit.csp.repository.Versioned;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The partner's reseller agreement (AGR-1..5); read with its customer in a transaction. */
final class Agreements implements AgreementRepository {
  /**
   * What a partner's agreements are at: the sum of their versions. Adding one adds at least 1 and
   * a save adds 1 (nothing deletes one), so every write raises it; a store that has read them at
   * this signature need not read them again.
   */
  static final String SIGNATURE = "(SELECT coalesce(sum(x.version), 0) FROM agreement x "
      + "WHERE x.partner_id = ?)";
  /** The partner's agreements with their notices, and (on every row) their signature. */
  static final String SELECT = "SELECT " + Rows.AGREEMENT + ", "
      + SIGNATURE.replace("?", "a.partner_id") + " AS signature FROM agreement a "
      + "LEFT JOIN agreement_notice n ON n.partner_id = a.partner_id AND n.holder = a.holder "
      + "WHERE a.partner_id = ? ORDER BY a.holder, n.ordinal";

  private final Tx tx;

  Agreements(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Versioned<Agreement>> find(String partnerId) {
    requireNonNull(partnerId, "partnerId");
    Tx.Save<Agreement> staged = tx.savedAgreements.get(partnerId);
    if (staged != null) {
      return Optional.of(new Versioned<>(staged.value, staged.version));
    }
    tx.prefetchNewCustomer(); // reads the agreements, or their signature, with it
    if (tx.inTransaction() && tx.agreements != null) {
      return Optional.ofNullable(tx.agreements.get(partnerId));
    }
    Map<String, Versioned<Agreement>> all = tx.sql("reading agreements", c -> {
      Map<String, Versioned<Agreement>> out = new HashMap<>();
      tx.run(new Batch().add(SELECT, rs -> out.putAll(read(tx.store, tx.partner, rs)), tx.partner), c);
      return out;
    });
    if (tx.inTransaction()) {
      tx.agreements = all;
    }
    return Optional.ofNullable(all.get(partnerId));
  }

  /** Reads {@link #SELECT}'s rows and keeps them in the store with their signature. */
  static Map<String, Versioned<Agreement>> read(PostgresStore store, String partner, ResultSet rs)
      throws SQLException {
    long[] signature = {0}; // none: no row
    Map<String, Versioned<Agreement>> read = Rows.agreements(rs, signature);
    store.keepAgreements(partner, signature[0], read);
    return read;
  }

  @Override
  public Versioned<Agreement> save(Agreement agreement, long expectedVersion) {
    tx.writable();
    requireNonNull(agreement, "agreement");
    String holder = agreement.partnerId();
    tx.requireOwn("the agreement of", holder, holder);
    Long known = null;
    if (tx.agreements != null) {
      Versioned<Agreement> v = tx.agreements.get(holder);
      known = v == null ? 0L : v.version();
    }
    return tx.save(tx.savedAgreements, "agreement", holder, agreement, expectedVersion, known);
  }
}
