package io.github.cspkit.csp.examples.postgres;

import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.RenewalPolicy;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillLine;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.Due;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.StaleVersionException;
import io.github.cspkit.csp.subscription.Subscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A transaction's staged writes as set-based statements sent in one round trip, parents before
 * children: each kind of row is one data-modifying CTE whatever the number of rows, and the CTEs
 * go in one statement (a command's subscription, events and idempotency record are one
 * statement), but for deletes followed by inserts of the same keys, which go alone. Versions
 * are checked by the statement itself ({@code ... AND version = expected RETURNING id}, then
 * {@code csp_require_rows} after its writes): a write that met a newer version fails the
 * transaction before its commit, and is reported as a {@link StaleVersionException}.
 */
final class Flush {
  private final Tx tx;
  private final Batch batch = new Batch();
  /** The version each versioned write expected, by aggregate kind and id. */
  private final Map<String, Map<String, Long>> expected = new java.util.HashMap<>();
  /** Writes not sent yet, to go as one statement: its data-modifying CTEs and its checks. */
  private final List<String> ctes = new ArrayList<>();
  private final List<Object> cteParams = new ArrayList<>();
  private final List<String> checks = new ArrayList<>();
  private final List<Object> checkParams = new ArrayList<>();

  Flush(Tx tx) {
    this.tx = tx;
  }

  /**
   * Sends the writes and the commit in one round trip. Every check is made by the statements
   * themselves, so a refused write fails the transaction before its commit.
   *
   * @return whether anything was written (and so committed)
   */
  boolean run(Connection c) throws SQLException {
    agreements();
    partnerAgreements();
    priceLists();
    customers();
    gdapRelationships();
    accounts();
    subscriptions();
    nceSubscriptions();
    services();
    bills();
    events();
    records();
    emit();
    if (batch.isEmpty()) {
      return false;
    }
    Batch all = new Batch();
    if (tx.assumes()) {
      tx.addCheck(all); // before the writes: they go only if the kept customer is unchanged
    }
    all.addAll(batch);
    touch(all);
    reserve(all);
    all.add("COMMIT", null);
    PostgresStore.countWrite(); // before sending: a lost connection may still commit it
    try {
      tx.run(all, c);
    } catch (SQLException e) {
      tx.throwIfKeptChanged(e);
      throw refusal(e);
    }
    return true;
  }

  /**
   * Raises the touched count of each customer this transaction locked whose row, account and
   * subscriptions it leaves as they were: what it writes (events, a GDAP relationship, a service)
   * changes nothing the customer's signature sees, and a command kept from before must not pass
   * {@code csp_check_kept}.
   */
  private void touch(Batch all) {
    if (tx.claimedBlocks()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    for (String id : tx.prefetched) {
      if (!tx.savedCustomers.containsKey(id) && !tx.savedAccounts.containsKey(id)
          && tx.savedSubscriptions.values().stream().noneMatch(s -> s.value.customerId().equals(id))
          && tx.savedNce.values().stream().noneMatch(s -> s.value.customerId().equals(id))) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    String[] keys = ids.toArray(new String[0]);
    all.add(SqlText.of("UPDATE customer SET touched = touched + 1 WHERE partner_id = ? AND ",
        Batch.match("id", keys)), null, tx.partner, Batch.keys(keys));
    tx.touching.addAll(ids);
  }

  /**
   * Reserves, under the lock of the one customer this command locked, event numbers for the next
   * command on it, after this one's: that command may then skip its reads.
   */
  private void reserve(Batch all) {
    if (!tx.locksOneCustomer() || tx.store.keptWindowNanos() == 0) {
      return;
    }
    all.add("SELECT ARRAY(SELECT nextval('domain_event_sequence') FROM generate_series(1, "
        + Tx.RESERVE + "))", rs -> {
          rs.next();
          java.util.Collections.addAll(tx.reserved, (Long[]) rs.getArray(1).getArray());
        });
  }

  /** @return the exception a write refused by the database stands for */
  private SQLException refusal(SQLException e) {
    if (!(e instanceof org.postgresql.util.PSQLException p) || p.getServerErrorMessage() == null
        || e.getSQLState() == null || !e.getSQLState().startsWith("CS")) {
      return e;
    }
    String what = p.getServerErrorMessage().getMessage();
    String which = p.getServerErrorMessage().getDetail();
    switch (e.getSQLState()) {
      case "CS001": {
        long stored = Long.parseLong(p.getServerErrorMessage().getHint());
        throw new StaleVersionException(what + " " + which,
            expected.getOrDefault(what, Map.of()).getOrDefault(which, 0L), stored);
      }
      case "CS002": {
        String[] parts = which.split("\u001f", 2);
        throw new io.github.cspkit.csp.ConflictException(io.github.cspkit.csp.ConflictException.Reason.DUPLICATE_ID, "customer " + parts[0]
            + " already has a bill for the period starting " + parts[1]);
      }
      case "CS003":
        if (tx.keysRead.containsKey(which) && tx.keysRead.get(which) == null) {
          // another transaction recorded it since this one looked: run again, and replay
          throw new StaleVersionException("idempotency key " + which, 0, 1);
        }
        throw new io.github.cspkit.csp.ConflictException(io.github.cspkit.csp.ConflictException.Reason.KEY_REUSED,
            "idempotency key " + which + " is already recorded");
      case "CS004": // stored by a concurrent transaction since it was checked
        throw new StaleVersionException("price list " + which, 0, 1);
      case "CS005": {
        String[] parts = which.split("\u001f", 3);
        throw new io.github.cspkit.csp.ConflictException(io.github.cspkit.csp.ConflictException.Reason.DUPLICATE_ID, what
            + " " + parts[0] + " belongs to customer " + parts[1] + "; a save cannot move it to "
            + parts[2]);
      }
      default:
        return e;
    }
  }

  /**
   * Adds a write to the statement being built, as one data-modifying CTE. The statement's CTEs
   * all run, and their checks come after them (foreign keys are checked at the statement's end),
   * so a refused write still fails the transaction before its commit.
   *
   * @param dml an INSERT or UPDATE; with a check, its {@code RETURNING} names the written keys
   *     {@code k}
   * @param check a function call on the keys written ({@code %s}), or null for none
   */
  private void write(String dml, Object[] params, String check, Object... checkArgs) {
    String name = "m" + ctes.size();
    ctes.add(SqlText.of(name, " AS (", dml, ")"));
    cteParams.addAll(java.util.Arrays.asList(params));
    if (check != null) {
      checks.add(SqlText.replace(check, "%s", SqlText.of("(SELECT array_agg(k) FROM ", name, ")")));
      checkParams.addAll(java.util.Arrays.asList(checkArgs));
    }
  }

  /**
   * @return the batch, for a statement that cannot be a CTE of the merged statement (deletes and
   *     inserts of the same keys, or a statement with CTEs of its own), after the writes so far
   */
  private Batch alone() {
    emit();
    return batch;
  }

  /** Adds the writes so far to the batch as one statement. */
  private void emit() {
    if (ctes.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>(cteParams);
    params.addAll(checkParams);
    batch.add(SqlText.of("WITH ", SqlText.join(", ", ctes), " SELECT ",
        checks.isEmpty() ? "1" : SqlText.join(", ", checks)), null, params.toArray());
    ctes.clear();
    cteParams.clear();
    checks.clear();
    checkParams.clear();
  }

  private static String money(long minor, CurrencyUnit currency) {
    return MinorUnits.format(minor, currency);
  }

  // ------------------------------------------------------------------------ versioned roots

  /**
   * Inserts the new roots and updates the others where the stored version is the one read.
   *
   * @param columns the table's columns after the key, each {@code name[:type]}
   */
  private <T> void roots(String kind, String table, String key, Map<String, Tx.Save<T>> saved,
      String[] columns, Function<T, Object[]> values) {
    String[] insertSpec = new String[columns.length + 2];
    String[] updateSpec = new String[columns.length + 3];
    insertSpec[0] = key;
    updateSpec[0] = key;
    System.arraycopy(columns, 0, insertSpec, 1, columns.length);
    System.arraycopy(columns, 0, updateSpec, 1, columns.length);
    insertSpec[columns.length + 1] = "version:bigint";
    updateSpec[columns.length + 1] = "version:bigint";
    updateSpec[columns.length + 2] = "expected:bigint";
    Columns inserts = new Columns(insertSpec);
    Columns updates = new Columns(updateSpec);
    List<String> inserted = new ArrayList<>();
    List<String> updatedIds = new ArrayList<>();
    for (Map.Entry<String, Tx.Save<T>> e : saved.entrySet()) {
      Tx.Save<T> s = e.getValue();
      Object[] v = values.apply(s.value);
      Object[] row = new Object[v.length + (s.stored == 0 ? 2 : 3)];
      row[0] = e.getKey();
      System.arraycopy(v, 0, row, 1, v.length);
      row[v.length + 1] = s.version;
      if (s.stored == 0) {
        inserts.row(row);
        inserted.add(e.getKey());
      } else {
        row[v.length + 2] = s.stored;
        updates.row(row);
        updatedIds.add(e.getKey());
      }
    }
    Map<String, Long> expected = new java.util.HashMap<>();
    saved.forEach((id, save) -> expected.put(id, save.stored));
    this.expected.put(kind, expected);
    if (!inserts.isEmpty()) {
      String[] ids = inserted.toArray(new String[0]);
      write(SqlText.of("INSERT INTO ", table, " (partner_id, ", inserts.names(), ") SELECT ?, ",
          inserts.select(), " FROM ", inserts.from(), " ORDER BY u.ord ON CONFLICT DO NOTHING "
          + "RETURNING ", key, " AS k"), inserts.params(tx.partner),
          SqlText.of("csp_require_rows(?, ?, ?, ?, ", Batch.array(ids), ", %s)"), kind, table, key,
          tx.partner, Batch.keys(ids));
    }
    if (!updates.isEmpty()) {
      StringJoiner sets = new StringJoiner(", ");
      for (String spec : columns) {
        String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        sets.add(name + " = " + updates.col(name));
      }
      sets.add("version = " + updates.col("version"));
      String[] ids = updatedIds.toArray(new String[0]);
      write(SqlText.of("UPDATE ", table, " x SET ", sets.toString(), " FROM ", updates.from(),
          " WHERE x.partner_id = ? AND x.", key, " = u.", key, " AND x.version = ",
          updates.col("expected"), " RETURNING x.", key, " AS k"),
          concat(updates.params(), tx.partner), SqlText.of("csp_require_rows(?, ?, ?, ?, ",
              Batch.array(ids), ", %s)"), kind, table, key, tx.partner, Batch.keys(ids));
    }
  }

  private static Object[] concat(Object[] first, Object... more) {
    Object[] out = new Object[first.length + more.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(more, 0, out, first.length, more.length);
    return out;
  }

  // --------------------------------------------------------------------------------- tables

  private void agreements() {
    if (tx.savedAgreements.isEmpty()) {
      return;
    }
    roots("agreement", "agreement", "holder", tx.savedAgreements, new String[] {"accepted_on:date",
        "renewal_month:integer", "renewal_day:integer", "notice_years:integer",
        "notice_months:integer", "notice_days:integer"}, (Agreement a) -> {
          RenewalPolicy p = a.policy();
          return new Object[] {a.acceptedOn(), p.renewalDate().getMonthValue(),
              p.renewalDate().getDayOfMonth(), p.noticePeriod().getYears(),
              p.noticePeriod().getMonths(), p.noticePeriod().getDays()};
        });
    alone().add("DELETE FROM agreement_notice WHERE partner_id = ? AND holder = ANY(?::text[])", null,
        tx.partner, tx.savedAgreements.keySet().toArray(new String[0]));
    Columns notices = new Columns("holder", "ordinal:integer", "given_on:date", "party", "channel");
    for (Tx.Save<Agreement> s : tx.savedAgreements.values()) {
      int i = 0;
      for (Notice n : s.value.notices()) {
        notices.row(s.value.partnerId(), i++, n.givenOn(), n.party().name(), n.channel().name());
      }
    }
    if (!notices.isEmpty()) {
      batch.add("INSERT INTO agreement_notice (partner_id, " + notices.names() + ") SELECT ?, "
          + notices.select() + " FROM " + notices.from(), null, notices.params(tx.partner));
    }
  }

  private void partnerAgreements() {
    if (tx.savedPartnerAgreements.isEmpty()) {
      return;
    }
    roots("partner agreement", "partner_agreement", "holder", tx.savedPartnerAgreements,
        new String[] {"accepted_on:date", "notice_years:integer", "notice_months:integer",
            "notice_days:integer", "terminations:jsonb"},
        (io.github.cspkit.csp.agreement.PartnerAgreement a) -> {
          java.time.Period p = a.policy().terminationNotice();
          return new Object[] {a.acceptedOn(), p.getYears(), p.getMonths(), p.getDays(),
              PartnerAgreements.json(a)};
        });
  }

  private void nceSubscriptions() {
    if (tx.savedNce.isEmpty()) {
      return;
    }
    roots("new-commerce subscription", "nce_subscription", "id", tx.savedNce,
        new String[] {"customer_id", "value:jsonb"},
        (io.github.cspkit.csp.subscription.NceSubscription s) -> new Object[] {s.customerId(),
            NceSubscriptions.json(s)});
  }

  private void priceLists() {
    if (tx.addedLists.isEmpty()) {
      return;
    }
    Columns lists = new Columns("id", "market", "currency:char(3)", "published_on:date",
        "effective_on:date", "period_start:date", "offer_rows:jsonb");
    Columns items = new Columns("list_id", "ordinal:integer", "sku", "price:numeric", "currency:char(3)");
    for (PriceList l : tx.addedLists) {
      CurrencyUnit cur = l.currency();
      lists.row(l.id(), l.market(), cur.getCurrencyCode(), l.publishedOn(), l.effectiveOn(),
          tx.store.policy().periodStart(l.effectiveOn()), l.rows().map(PriceLists::json).orElse(null));
      int i = 0;
      for (Map.Entry<String, MonetaryAmount> e : l.prices().entrySet()) {
        items.row(l.id(), i++, e.getKey(), money(MinorUnits.of(e.getValue()), cur), cur.getCurrencyCode());
      }
    }
    Object[] lp = lists.params();
    Object[] ip = items.params();
    Object[] params = new Object[lp.length + ip.length + 1];
    System.arraycopy(lp, 0, params, 0, lp.length);
    System.arraycopy(ip, 0, params, lp.length, ip.length);
    params[params.length - 1] = tx.addedLists.stream().map(PriceList::id).toArray(String[]::new);
    alone().add("WITH l AS (INSERT INTO price_list (" + lists.names() + ") SELECT " + lists.select()
        + " FROM " + lists.from() + " ORDER BY u.ord ON CONFLICT DO NOTHING RETURNING id), "
        + "i AS (INSERT INTO price_list_item (" + items.names() + ") SELECT " + items.select()
        + " FROM " + items.from() + " JOIN l ON l.id = u.list_id) "
        + "SELECT csp_require_written('CS004', 'price list', ?::text[], array_agg(l.id)) FROM l",
        null, params);
  }

  private void customers() {
    if (tx.savedCustomers.isEmpty()) {
      return;
    }
    roots("customer", "customer", "id", tx.savedCustomers, new String[] {"managed_by", "name",
        "market", "segment", "verified:boolean", "tenant_id", "tenant_origin", "trial_ended_on:date",
        "billing_day:integer", "bill_currency:char(3)", "created_on:date", "delegated_admin:boolean"},
        (Customer c) -> new Object[] {c.partnerId(), c.name(), c.market(), c.segment().name(),
            c.verified(), c.tenant().id(), c.tenant().origin().name(),
            c.tenant().trialEndedOn().orElse(null), c.billing().billingDay(),
            c.billing().currency().getCurrencyCode(), c.createdOn(), c.delegatedAdmin()});
  }

  private void gdapRelationships() {
    if (tx.savedGdap.isEmpty()) {
      return;
    }
    roots(GdapRelationships.KIND, "gdap_relationship", "id", tx.savedGdap,
        GdapRelationships.ROOT_COLUMNS, GdapRelationships::rootValues);
    GdapRelationships.children(tx, alone());
  }

  private void accounts() {
    if (tx.savedAccounts.isEmpty()) {
      return;
    }
    roots("billing account", "billing_account", "customer_id", tx.savedAccounts, new String[] {
        "last_issued_on:date", "next_period_start:date", "financing_kind",
        "financing_discount_bp:bigint", "financing_instalments:integer", "billed_key:text[]",
        "billed_sale:numeric[]", "billed_cost:numeric[]", "billed_through:date[]", "one_off:text[]"},
        (BillingAccount a) -> {
          FinancingPlan plan = a.financing();
          String[] arrays = AccountArrays.write(a);
          return new Object[] {a.lastIssuedOn().orElse(null), a.nextPeriodStart(), plan.kind().name(),
              plan.discountBasisPoints(), plan.instalments(), arrays[0], arrays[1], arrays[2],
              arrays[3], arrays[4]};
        });
  }

  private void subscriptions() {
    if (tx.savedSubscriptions.isEmpty()) {
      return;
    }
    roots("subscription", "subscription", "id", tx.savedSubscriptions, new String[] {"customer_id",
        "sku", "base_id", "currency:char(3)", "auto_renew:boolean", "terms:json"},
        (Subscription s) -> new Object[] {s.customerId(), s.sku(), s.baseId().orElse(null),
            s.currency().getCurrencyCode(), s.autoRenew(), TermsDocument.write(s)});
  }

  private void services() {
    if (tx.savedServices.isEmpty()) {
      return;
    }
    Columns services = new Columns("customer_id", "id", "name", "amount:numeric", "currency:char(3)",
        "recurrence", "starts_on:date", "ends_on:date");
    for (OwnService s : tx.savedServices.values()) {
      services.row(s.customerId(), s.id(), s.name(), money(s.amountMinor(), s.currency()),
          s.currency().getCurrencyCode(), s.recurrence().name(), s.startsOn(), s.endsOn().orElse(null));
    }
    write("INSERT INTO own_service (partner_id, " + services.names() + ") SELECT ?, "
        + services.select() + " FROM " + services.from() + " ORDER BY u.ord "
        + "ON CONFLICT (partner_id, customer_id, id) DO UPDATE SET name = EXCLUDED.name, "
        + "amount = EXCLUDED.amount, currency = EXCLUDED.currency, recurrence = EXCLUDED.recurrence, "
        + "starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on", services.params(tx.partner),
        null);
  }

  private void bills() {
    if (tx.addedBills.isEmpty()) {
      return;
    }
    Columns bills = new Columns("customer_id", "period_start:date", "period_month:date",
        "period_end:date", "issued_on:date", "currency:char(3)", "total:numeric", "cost:numeric",
        "lines:json", "dues:json");
    for (Bill bill : tx.addedBills) {
      CurrencyUnit cur = bill.currency();
      Json lines = Json.array();
      for (BillLine l : bill.lines()) {
        CurrencyUnit lc = l.currency();
        lines.add(Json.object().field("kind", l.kind().name()).field("subscription_id", l.subscriptionId())
            .field("item", l.item()).field("description", l.description())
            .field("span_start", l.span().start()).field("span_end", l.span().end())
            .field("seats", l.seats()).money("unit_price", l.unitMinor(), lc)
            .field("days_in_term", l.daysInTerm()).money("amount", l.amountMinor(), lc)
            .money("cost", l.costMinor(), lc).field("currency", lc.getCurrencyCode()));
      }
      Json dues = Json.array();
      for (Due d : bill.dues()) {
        dues.add(Json.object().field("due_on", d.date()).money("amount", d.amountMinor(), cur));
      }
      bills.row(bill.customerId(), bill.period().start(), bill.month().atDay(1), bill.period().end(),
          bill.issuedOn(), cur.getCurrencyCode(), money(bill.totalMinor(), cur),
          money(bill.costMinor(), cur), lines.endArray(), dues.endArray());
    }
    List<String> wanted = new ArrayList<>();
    for (Bill bill : tx.addedBills) {
      wanted.add(bill.customerId() + "\u001f" + bill.period().start());
    }
    String[] keys = wanted.toArray(new String[0]);
    write("INSERT INTO bill (partner_id, " + bills.names() + ") SELECT ?, "
        + bills.select() + " FROM " + bills.from() + " ORDER BY u.ord ON CONFLICT DO NOTHING "
        + "RETURNING customer_id || chr(31) || period_start::text AS k", bills.params(tx.partner),
        "csp_require_written('CS002', 'bill', " + Batch.array(keys) + ", %s)", Batch.keys(keys));
  }

  private void events() {
    if (tx.appended.isEmpty()) {
      return;
    }
    Columns events = new Columns("sequence:bigint", "aggregate", "aggregate_id", "kind",
        "event_on:date", "command_key", "detail", "payload:jsonb");
    for (DomainEvent e : tx.appended) {
      events.row(e.sequence(), e.aggregate(), e.aggregateId(), e.kind(), e.date(), e.commandKey(),
          e.detail(), Events.json(e.payload()));
    }
    write(SqlText.of("INSERT INTO domain_event (partner_id, ", events.names(), ") SELECT ?, ",
        events.select(), " FROM ", events.from()), events.params(tx.partner), null);
  }

  private void records() {
    if (tx.recorded.isEmpty()) {
      return;
    }
    Columns records = new Columns("key", "command", "aggregate", "aggregate_id");
    for (CommandRecord r : tx.recorded.values()) {
      records.row(r.key(), r.command(), r.aggregate(), r.aggregateId());
    }
    String[] keys = tx.recorded.keySet().toArray(new String[0]);
    write(SqlText.of("INSERT INTO idempotency_record (partner_id, ", records.names(),
        ") SELECT ?, ", records.select(), " FROM ", records.from(),
        " ON CONFLICT DO NOTHING RETURNING key AS k"), records.params(tx.partner),
        SqlText.of("csp_require_written('CS003', 'idempotency key', ", Batch.array(keys), ", %s)"),
        Batch.keys(keys));
  }
}
