package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import io.github.cspkit.csp.repository.BillRepository;
import io.github.cspkit.csp.repository.Versioned;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bills, billing accounts and own services of one partner's customers (BIL-1..7). */
final class Bills implements BillRepository {
  private final Tx tx;

  Bills(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Versioned<BillingAccount>> account(String customerId) {
    requireNonNull(customerId, "customerId");
    Tx.Save<BillingAccount> staged = tx.savedAccounts.get(customerId);
    if (staged != null) {
      return Optional.of(new Versioned<>(staged.value, staged.version));
    }
    if (tx.inTransaction()) {
      tx.prefetch(List.of(customerId), false);
      return Optional.ofNullable(tx.accounts.get(customerId));
    }
    return tx.sql("reading the billing account of " + customerId, c -> {
      Map<String, Rows.AccountRow> rows = new LinkedHashMap<>();
      String[] key = {customerId};
      tx.run(new Batch()
          .add("SELECT " + Rows.ACCOUNT + " FROM billing_account a WHERE a.partner_id = ? "
              + "AND a.customer_id = ANY(?::text[])", rs -> {
                while (rs.next()) {
                  rows.put(rs.getString("customer_id"), Rows.account(rs));
                }
              }, tx.partner, key), c);
      Rows.AccountRow row = rows.get(customerId);
      return row == null ? Optional.<Versioned<BillingAccount>>empty()
          : Optional.of(new Versioned<>(row.builder.build(), row.version));
    });
  }

  @Override
  public Versioned<BillingAccount> saveAccount(BillingAccount account, long expectedVersion) {
    tx.writable();
    requireNonNull(account, "account");
    Long known = null;
    if (tx.prefetched.contains(account.customerId())) {
      Versioned<BillingAccount> v = tx.accounts.get(account.customerId());
      known = v == null ? 0L : v.version();
    }
    return tx.save(tx.savedAccounts, "billing account", account.customerId(), account,
        expectedVersion, known);
  }

  @Override
  public void add(Bill bill) {
    tx.writable();
    requireNonNull(bill, "bill");
    for (Bill b : tx.addedBills) {
      if (b.customerId().equals(bill.customerId()) && b.month().equals(bill.month())) {
        throw new io.github.cspkit.csp.ConflictException(io.github.cspkit.csp.ConflictException.Reason.DUPLICATE_ID, "customer " + bill.customerId()
            + " already has a bill for the period starting " + b.period().start());
      }
    }
    tx.addedBills.add(bill); // a bill stored meanwhile is refused when the bills are written
  }

  @Override
  public List<Bill> bills(String customerId) {
    requireNonNull(customerId, "customerId");
    List<Bill> out = new ArrayList<>(tx.sql("reading the bills of " + customerId, c -> {
      Rows.BillReader reader = new Rows.BillReader();
      String where = " WHERE partner_id = ? AND customer_id = ?";
      tx.run(new Batch()
          .add("SELECT customer_id, period_start, period_end, issued_on, currency FROM bill" + where
              + " ORDER BY seq", reader::bills, tx.partner, customerId)
          .add(Rows.LINES, reader::lines, tx.partner, customerId)
          .add(Rows.DUES, reader::dues, tx.partner, customerId), c);
      return reader.build();
    }));
    for (Bill b : tx.addedBills) {
      if (b.customerId().equals(customerId)) {
        out.add(b);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<Bill> find(String customerId, YearMonth month) {
    requireNonNull(month, "month");
    for (Bill b : bills(customerId)) {
      if (b.month().equals(month)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  @Override
  public void saveService(OwnService service) {
    tx.writable();
    requireNonNull(service, "service");
    tx.savedServices.put(service.customerId() + "\u0000" + service.id(), service);
  }

  @Override
  public List<OwnService> services(String customerId) {
    requireNonNull(customerId, "customerId");
    List<OwnService> committed;
    if (tx.inTransaction()) {
      tx.prefetch(List.of(customerId), false);
      committed = tx.services.get(customerId);
    } else {
      committed = tx.sql("reading the services of " + customerId, c -> {
        List<OwnService> out = new ArrayList<>();
        String[] ids = {customerId};
        Batch b = new Batch();
        new Batch.OneRow().column(Rows.servicesOf(ids),
            (rs, i) -> out.addAll(Rows.services((String[]) rs.getArray(i).getArray())),
            tx.partner, Batch.keys(ids)).addTo(b);
        tx.run(b, c);
        return out;
      });
    }
    Map<String, OwnService> merged = new LinkedHashMap<>();
    for (OwnService s : committed) {
      merged.put(s.id(), s);
    }
    for (OwnService s : tx.savedServices.values()) {
      if (s.customerId().equals(customerId)) {
        merged.put(s.id(), s);
      }
    }
    return List.copyOf(merged.values());
  }
}
