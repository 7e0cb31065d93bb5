package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.repository.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * One bill run (BIL-1, BIL-7) from several threads of one instance, documented on
 * {@link CspPartner#runBills(Request, Shard, int)}: each worker runs {@link BillRun#run} and they
 * share the customers by claiming blocks, as instances do; their reports are merged.
 */
final class BillRunWorkers {
  /** The most workers one bill run may have. */
  static final int MAX_WORKERS = 64;

  private BillRunWorkers() {}

  /**
   * Runs the bill run on this thread and {@code workers - 1} new ones, and returns when every
   * worker has ended. A worker that fails as a whole (the store unavailable: not even a claim went
   * through) makes the call throw its failure, once every worker has ended, with the other
   * workers' failures suppressed in it; the bills the others issued stay issued, and a new run
   * finds them done. Waiting for the other workers is not interrupted: the interrupt flag is set
   * again afterwards.
   */
  static BillRunReport run(BillRun billRun, Context context, Request r, Shard shard,
      int workers) {
    requireNonNull(r, "r");
    requireNonNull(shard, "shard");
    Checks.range(workers >= 1 && workers <= MAX_WORKERS, "a bill run has 1 to %s workers, found %s",
        MAX_WORKERS, workers);
    context.authorize(r, Operation.ISSUE_BILLS, null); // refused before any thread starts
    if (workers == 1) {
      return merge(List.of(billRun.run(r, shard)));
    }
    ExecutorService threads = Executors.newFixedThreadPool(workers - 1,
        new ThreadFactoryBuilder().setDaemon(true).setNameFormat("csp-bill-run-%d").build());
    try {
      List<Future<BillRunReport>> others = new ArrayList<>(workers - 1);
      for (int i = 1; i < workers; i++) {
        others.add(threads.submit(() -> billRun.run(r, shard)));
      }
      List<BillRunReport> reports = new ArrayList<>(workers);
      Throwable failure = null;
      try {
        reports.add(billRun.run(r, shard));
      } catch (Throwable e) { // every worker ends before anything escapes
        failure = e;
      }
      for (Future<BillRunReport> other : others) {
        try {
          reports.add(Uninterruptibles.getUninterruptibly(other));
        } catch (ExecutionException e) {
          failure = first(failure, e.getCause());
        }
      }
      if (failure instanceof RuntimeException re) {
        throw re;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IllegalStateException(failure); // a checked exception: no worker throws one
      }
      return merge(reports);
    } finally {
      threads.shutdown();
    }
  }

  /** @return {@code first}, with {@code next} suppressed in it, or {@code next} if none yet */
  private static Throwable first(@Nullable Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    if (next != first) { // a store may throw one instance to several workers
      first.addSuppressed(next);
    }
    return first;
  }

  /**
   * The workers' reports as one: the bills by customer id, each customer's in date order; a
   * customer one worker could not bill but another billed (a second pass) counts as billed.
   */
  static BillRunReport merge(List<BillRunReport> reports) {
    Map<String, List<Bill>> byCustomer = new TreeMap<>();
    for (BillRunReport report : reports) {
      for (Bill b : report.issued()) {
        byCustomer.computeIfAbsent(b.customerId(), id -> new ArrayList<>()).add(b);
      }
    }
    Map<String, RuntimeException> notBilled = new TreeMap<>();
    for (BillRunReport report : reports) {
      report.notBilled().forEach((id, why) -> {
        if (!byCustomer.containsKey(id)) {
          notBilled.putIfAbsent(id, why);
        }
      });
    }
    List<Bill> issued = new ArrayList<>();
    for (List<Bill> bills : byCustomer.values()) {
      bills.sort(Comparator.comparing(b -> b.period().start()));
      issued.addAll(bills);
    }
    return new BillRunReport(issued, notBilled);
  }
}
