package io.github.cspkit.csp.examples.postgres;

import static io.github.cspkit.csp.examples.postgres.Jdbc.date;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.access.GdapRelationship;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.access.RoleAssignment;
import io.github.cspkit.csp.repository.GdapRelationshipRepository;
import io.github.cspkit.csp.repository.Versioned;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's GDAP relationships (GDA-1..4) in tables {@code gdap_relationship},
 * {@code gdap_role_assignment} and {@code gdap_auto_extend} (V3). A relationship is read whole, in
 * one round trip of three queries; in a transaction, reads are kept and saves are staged and sent
 * at commit ({@link Flush}), where the version is checked.
 */
final class GdapRelationships implements GdapRelationshipRepository {
  static final String KIND = "GDAP relationship";
  private static final String COLUMNS = "r.id, r.managed_by, r.customer_id, r.duration_years, "
      + "r.duration_months, r.duration_days, r.extension_years, r.extension_months, "
      + "r.extension_days, r.requested_on, r.approvable_through, r.approved_on, r.terminated_on, "
      + "r.terminated_by, r.version";

  private final Tx tx;
  /** Committed relationships this transaction read (empty: read and absent). */
  private final Map<String, Optional<Versioned<GdapRelationship>>> read = new LinkedHashMap<>();

  GdapRelationships(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Versioned<GdapRelationship>> find(String id) {
    requireNonNull(id, "id");
    Tx.Save<GdapRelationship> staged = tx.savedGdap.get(id);
    if (staged != null) {
      return Optional.of(new Versioned<>(staged.value, staged.version));
    }
    Optional<Versioned<GdapRelationship>> known = read.get(id);
    if (known != null) {
      return known;
    }
    List<Versioned<GdapRelationship>> found = load("r.id = ?", id);
    Optional<Versioned<GdapRelationship>> out = found.stream().findFirst();
    if (tx.inTransaction()) {
      read.put(id, out);
    }
    return out;
  }

  @Override
  public Versioned<GdapRelationship> save(GdapRelationship relationship, long expectedVersion) {
    tx.writable();
    requireNonNull(relationship, "relationship");
    tx.requireOwn(KIND, relationship.id(), relationship.partnerId());
    Optional<Versioned<GdapRelationship>> stored = find(relationship.id());
    stored.ifPresent(v -> {
      GdapRelationship s = v.value();
      if (!s.partnerId().equals(relationship.partnerId())
          || !s.customerId().equals(relationship.customerId())
          || !s.requestedOn().equals(relationship.requestedOn())) {
        throw new ConflictException(ConflictException.Reason.DUPLICATE_ID, KIND + " " + s.id()
            + " is between " + s.partnerId() + " and " + s.customerId() + ", requested on "
            + s.requestedOn() + "; a save cannot change that");
      }
    });
    Long known = tx.savedGdap.containsKey(relationship.id()) ? null
        : stored.map(Versioned::version).orElse(0L);
    return tx.save(tx.savedGdap, KIND, relationship.id(), relationship, expectedVersion, known);
  }

  @Override
  public List<Versioned<GdapRelationship>> byCustomer(String customerId) {
    requireNonNull(customerId, "customerId");
    List<Versioned<GdapRelationship>> out = new ArrayList<>();
    for (Versioned<GdapRelationship> v : load("r.customer_id = ?", customerId)) {
      Tx.Save<GdapRelationship> staged = tx.savedGdap.get(v.value().id());
      out.add(staged == null ? v : new Versioned<>(staged.value, staged.version));
    }
    for (Tx.Save<GdapRelationship> s : tx.savedGdap.values()) {
      if (s.stored == 0 && s.value.customerId().equals(customerId)) {
        out.add(new Versioned<>(s.value, s.version));
      }
    }
    return out;
  }

  /** Reads the committed relationships {@code where} says, in the order first saved. */
  private List<Versioned<GdapRelationship>> load(String where, String param) {
    String ids = "SELECT r.id FROM gdap_relationship r WHERE r.partner_id = ? AND " + where;
    Map<String, Row> rows = new LinkedHashMap<>();
    Batch b = new Batch()
        .add("SELECT " + COLUMNS + " FROM gdap_relationship r WHERE r.partner_id = ? AND " + where
            + " ORDER BY r.seq", rs -> {
              while (rs.next()) {
                rows.put(rs.getString("id"), new Row(rs));
              }
            }, tx.partner, param)
        .add("SELECT a.relationship_id, a.role, a.security_groups FROM gdap_role_assignment a "
            + "WHERE a.partner_id = ? AND a.relationship_id IN (" + ids + ") "
            + "ORDER BY a.relationship_id, a.ordinal", rs -> {
              while (rs.next()) {
                Row row = rows.get(rs.getString(1));
                Array groups = rs.getArray(3);
                row.b.addAssignments(RoleAssignment.of(rs.getString(2),
                    Arrays.asList((String[]) groups.getArray())));
                groups.free();
              }
            }, tx.partner, tx.partner, param)
        .add("SELECT e.relationship_id, e.from_on, e.auto_extend FROM gdap_auto_extend e "
            + "WHERE e.partner_id = ? AND e.relationship_id IN (" + ids + ") "
            + "ORDER BY e.relationship_id, e.ordinal", rs -> {
              while (rs.next()) {
                rows.get(rs.getString(1)).b.addAutoExtend(
                    new GdapRelationship.AutoExtend(date(rs, "from_on"), rs.getBoolean(3)));
              }
            }, tx.partner, tx.partner, param);
    tx.sql("reading GDAP relationships", c -> {
      tx.run(b, c);
      return null;
    });
    List<Versioned<GdapRelationship>> out = new ArrayList<>(rows.size());
    for (Row row : rows.values()) {
      out.add(new Versioned<>(row.b.build(), row.version));
    }
    return out;
  }

  /** A relationship row, its roles and settings still to add. */
  private static final class Row {
    final GdapRelationship.Builder b = GdapRelationship.builder();
    final long version;

    Row(ResultSet rs) throws SQLException {
      b.id(rs.getString("id")).partnerId(rs.getString("managed_by"))
          .customerId(rs.getString("customer_id"))
          .duration(Period.of(rs.getInt("duration_years"), rs.getInt("duration_months"),
              rs.getInt("duration_days")))
          .extension(Period.of(rs.getInt("extension_years"), rs.getInt("extension_months"),
              rs.getInt("extension_days")))
          .requestedOn(date(rs, "requested_on"))
          .approvableThrough(date(rs, "approvable_through"))
          .approvedOn(Optional.ofNullable(date(rs, "approved_on")));
      java.time.LocalDate terminatedOn = date(rs, "terminated_on");
      if (terminatedOn != null) {
        b.termination(new GdapRelationship.Termination(terminatedOn,
            GdapSide.valueOf(rs.getString("terminated_by"))));
      }
      version = rs.getLong("version");
    }
  }

  /** The root columns after the id, each {@code name[:type]}, as {@link #rootValues} gives them. */
  static final String[] ROOT_COLUMNS = {"managed_by", "customer_id", "duration_years:integer",
      "duration_months:integer", "duration_days:integer", "extension_years:integer",
      "extension_months:integer", "extension_days:integer", "requested_on:date",
      "approvable_through:date", "approved_on:date", "terminated_on:date", "terminated_by"};

  static Object[] rootValues(GdapRelationship g) {
    return new Object[] {g.partnerId(), g.customerId(), g.duration().getYears(),
        g.duration().getMonths(), g.duration().getDays(), g.extension().getYears(),
        g.extension().getMonths(), g.extension().getDays(), g.requestedOn(), g.approvableThrough(),
        g.approvedOn().orElse(null), g.termination().map(GdapRelationship.Termination::on).orElse(null),
        g.termination().map(t -> t.by().name()).orElse(null)};
  }

  /** Stages the saved relationships' roles and settings, written again whole after their roots. */
  static void children(Tx tx, Batch batch) {
    String[] ids = tx.savedGdap.keySet().toArray(new String[0]);
    batch.add("DELETE FROM gdap_role_assignment WHERE partner_id = ? AND relationship_id = ANY(?::text[])",
        null, tx.partner, ids);
    batch.add("DELETE FROM gdap_auto_extend WHERE partner_id = ? AND relationship_id = ANY(?::text[])",
        null, tx.partner, ids);
    Columns roles = new Columns("relationship_id", "ordinal:integer", "role", "security_groups:text[]");
    Columns settings = new Columns("relationship_id", "ordinal:integer", "from_on:date",
        "auto_extend:boolean");
    for (Tx.Save<GdapRelationship> s : tx.savedGdap.values()) {
      int i = 0;
      for (RoleAssignment a : s.value.assignments()) {
        // group names are words of letters, digits, _, ., @ and -: no quoting in an array literal
        roles.row(s.value.id(), i++, a.role(), "{" + String.join(",", a.groups()) + "}");
      }
      int j = 0;
      for (GdapRelationship.AutoExtend e : s.value.autoExtend()) {
        settings.row(s.value.id(), j++, e.from(), e.on());
      }
    }
    batch.add("INSERT INTO gdap_role_assignment (partner_id, " + roles.names() + ") SELECT ?, "
        + roles.select() + " FROM " + roles.from(), null, roles.params(tx.partner));
    batch.add("INSERT INTO gdap_auto_extend (partner_id, " + settings.names() + ") SELECT ?, "
        + settings.select() + " FROM " + settings.from(), null, settings.params(tx.partner));
  }
}
