package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.billing.OwnService;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory billing accounts, bills and own services of a partner's part of
 * {@link InMemoryStore} (BIL-1..7): accounts versioned, bills appended, at most one per customer and
 * month, services replaced by id.
 */
final class InMemoryBills {
  private final VersionedTable<BillingAccount> accounts =
      new VersionedTable<>("billing account", BillingAccount::customerId);
  private final Map<String, ImmutableList<Bill>> bills = new ConcurrentHashMap<>();
  private final Map<String, ImmutableList<OwnService>> services = new ConcurrentHashMap<>();

  Tx transaction(boolean readOnly) {
    return new Tx(readOnly);
  }

  /** Accounts, bills and services as one transaction sees them. */
  final class Tx extends InMemoryView implements BillRepository {
    private final VersionedTable<BillingAccount>.Overlay overlay = accounts.overlay();
    private final Map<String, List<Bill>> newBills = new HashMap<>();
    private final Map<String, Map<String, OwnService>> newServices = new HashMap<>();

    private Tx(boolean readOnly) {
      super(readOnly);
    }

    @Override
    public Optional<Versioned<BillingAccount>> account(String customerId) {
      return overlay.find(customerId);
    }

    @Override
    public Versioned<BillingAccount> saveAccount(BillingAccount account, long expectedVersion) {
      writable();
      return overlay.save(account, expectedVersion);
    }

    @Override
    public void add(Bill bill) {
      writable();
      requireNonNull(bill, "bill");
      if (find(bill.customerId(), bill.month()).isPresent()) {
        throw new ConflictException(ConflictException.Reason.DUPLICATE_ID, "customer "
            + bill.customerId() + " already has a bill for the period starting "
            + bill.period().start());
      }
      newBills.computeIfAbsent(bill.customerId(), c -> new ArrayList<>()).add(bill);
    }

    @Override
    public List<Bill> bills(String customerId) {
      requireNonNull(customerId, "customerId");
      return ImmutableList.<Bill>builder().addAll(bills.getOrDefault(customerId, ImmutableList.of()))
          .addAll(newBills.getOrDefault(customerId, List.of())).build();
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
      writable();
      requireNonNull(service, "service");
      newServices.computeIfAbsent(service.customerId(), c -> new LinkedHashMap<>())
          .put(service.id(), service);
    }

    @Override
    public List<OwnService> services(String customerId) {
      requireNonNull(customerId, "customerId");
      Map<String, OwnService> staged = newServices.get(customerId);
      if (staged == null) {
        return services.getOrDefault(customerId, ImmutableList.of());
      }
      return ImmutableList.copyOf(merged(customerId, staged).values());
    }

    private Map<String, OwnService> merged(String customerId, Map<String, OwnService> staged) {
      Map<String, OwnService> merged = new LinkedHashMap<>();
      for (OwnService s : services.getOrDefault(customerId, ImmutableList.of())) {
        merged.put(s.id(), s);
      }
      merged.putAll(staged);
      return merged;
    }

    void commit() {
      overlay.commit();
      newBills.forEach((c, list) -> bills.merge(c, ImmutableList.copyOf(list),
          (a, b) -> ImmutableList.<Bill>builder().addAll(a).addAll(b).build()));
      newServices.forEach((c, map) -> services.put(c, ImmutableList.copyOf(merged(c, map).values())));
    }
  }
}
