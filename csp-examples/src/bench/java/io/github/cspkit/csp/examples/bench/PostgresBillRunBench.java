package io.github.cspkit.csp.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.examples.postgres.PostgresStore;
import io.github.cspkit.csp.partner.BillRunReport;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.OrderLine;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.repository.CspStore;
import io.github.cspkit.csp.repository.InMemoryStore;
import io.github.cspkit.csp.repository.Shard;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bill run on PostgreSQL against the same run in memory, measured in the same JVM: a single
 * shot of {@code customers} customers × 10 subscriptions (the data of {@link BillRunBench}: 10%
 * changed mid-period), on an embedded PostgreSQL server the benchmark starts (fsync off). The data
 * is written once per trial into a template database, then vacuumed and analysed as autovacuum
 * would after a bulk load; each shot gets a fresh copy of it ({@code CREATE DATABASE ... TEMPLATE},
 * not timed, dropped after the shot) and a new store, so the subscriptions are read from the tables
 * (a bill run does not use the store's cache).
 * Each prints, beside its throughput, the CPU time per line (or command) of this JVM and of the
 * server ({@link ServerCpu}): on two cores shared by both, that says how far a second instance
 * can go.
 * <ul>
 *   <li>{@link #postgres}: one instance bills everything;</li>
 *   <li>{@link #twoInstances}: two instances (two stores, two pools) run the same bill run at once
 *       and share it by claiming blocks of customers;</li>
 *   <li>{@link #oneInstanceTwoWorkers}: one instance runs it with two workers (threads), which
 *       share it the same way;</li>
 *   <li>{@link #pairedInstances}: one instance, then two, in the same shot on two copies, and
 *       the ratio of their times;</li>
 *   <li>{@link #inMemory}: the same run on the in-memory store;</li>
 *   <li>{@link #setUpOrders}: set-up through the entry point, {@code customers / 10} customers
 *       created and 10 subscriptions ordered for each, from 4 threads;</li>
 *   <li>{@link #setUpOrderLines}: the same set-up, each customer's 10 subscriptions in one order
 *       of 10 lines;</li>
 *   <li>{@link #roundTrip}: the baseline of the machine, 2,000 {@code SELECT 1} one after the
 *       other on one connection (a command costs 2 to 4 such round trips).</li>
 * </ul>
 * JMH reports the time per shot. Twenty warmup shots let the JIT compiler finish: on two cores it
 * otherwise takes one of them during the shots (the bill run's larger methods run once per block
 * of customers, so they reach their last compilation only after several shots). Copying the
 * template keeps the fill's code from running between shots, where it would change the profiles
 * the compiler works from.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class PostgresBillRunBench {
  static final String PARTNER = BillRunBench.PARTNER;

  /** The server and the data, once per trial. */
  @State(Scope.Benchmark)
  public static class Server {
    /** The database the data is written to once; each shot bills a copy. */
    static final String TEMPLATE = "bench_template";

    @Param({"5000"})
    public int customers;

    EmbeddedPostgres postgres;
    BillRunBench.Data data;
    ServerCpu cpu;
    int databases;

    @Setup(Level.Trial)
    public void start() throws IOException {
      postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
          .setServerConfig("shared_buffers", "256MB").setServerConfig("max_connections", "100")
          .start();
      cpu = ServerCpu.of(postgres.getPostgresDatabase());
      data = new BillRunBench.Data();
      data.customers = customers;
      data.build();
      fillTemplate();
    }

    /** Writes the data into {@link #TEMPLATE}, then vacuums and analyses it (not timed). */
    private void fillTemplate() {
      execute("CREATE DATABASE " + TEMPLATE);
      try (HikariDataSource pool = pool(TEMPLATE, 4)) {
        PostgresStore.migrate(pool);
        long t0 = System.nanoTime();
        data.writeTo(new PostgresStore(pool).forPartner(PARTNER), 250);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("(filled %d customers, %d subscriptions in %d ms: %.0f subscriptions/s) ",
            data.customers, data.customers * BillRunBench.SUBS_PER_CUSTOMER, ms,
            data.customers * BillRunBench.SUBS_PER_CUSTOMER * 1000.0 / Math.max(1, ms));
        // what autovacuum does after a bulk load, before the bill run: it vacuums and analyses the
        // tables that changed, never an empty one (whose statistics would give the generic plans
        // sequential scans)
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
          List<String> tables = new ArrayList<>();
          try (ResultSet rs = st.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
            while (rs.next()) {
              tables.add(rs.getString(1));
            }
          }
          for (String table : tables) {
            boolean written;
            try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT FROM \"" + table + "\")")) {
              rs.next();
              written = rs.getBoolean(1);
            }
            if (written) {
              st.execute("VACUUM ANALYZE \"" + table + "\"");
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      postgres.close();
    }

    /** @return the name of a new copy of {@link #TEMPLATE} */
    String copyOfTemplate() {
      String name = "bench_" + (++databases);
      execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
      return name;
    }

    void execute(String sql) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
        st.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    HikariDataSource pool(String database, int size) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
      config.setUsername("postgres");
      config.setMaximumPoolSize(size);
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
      return new HikariDataSource(config);
    }
  }

  /** A fresh copy of the data, per shot: the bill run changes it. */
  @State(Scope.Benchmark)
  public static class Db {
    Server server;
    String name;
    HikariDataSource first;
    HikariDataSource second;
    Request request;

    @Setup(Level.Iteration)
    public void fill(Server s) {
      server = s;
      name = s.copyOfTemplate();
      first = s.pool(name, 4);
      second = s.pool(name, 4);
      request = Request.of(Actor.partnerAdmin(PARTNER, "billing-agent"), BillRunBench.RUN);
      System.gc(); // the copy's garbage is not the shot's: its collection counted as the run's CPU
    }

    @TearDown(Level.Iteration)
    public void close() {
      first.close();
      second.close();
      server.execute("DROP DATABASE " + name);
    }

    CspPartner partner(HikariDataSource pool, Server s) {
      return CspPartner.builder().partner(Partner.csp(PARTNER)).catalog(s.data.catalog)
          .store(new PostgresStore(pool)).build();
    }
  }

  /** Two fresh copies of the data, per shot: one for one instance, one for two. */
  @State(Scope.Benchmark)
  public static class Pair {
    final Db one = new Db();
    final Db two = new Db();

    @Setup(Level.Iteration)
    public void fill(Server s) {
      one.fill(s);
      two.fill(s);
    }

    @TearDown(Level.Iteration)
    public void close() {
      one.close();
      two.close();
    }
  }

  /** A fresh in-memory store holding the data, per shot. */
  @State(Scope.Benchmark)
  public static class Memory {
    CspPartner partner;

    @Setup(Level.Iteration)
    public void fill(Server s) {
      BillRunBench.Data d = s.data;
      InMemoryStore store = InMemoryStore.create().forPartner(PARTNER);
      d.writeTo(store, d.customers); // every customer in one transaction
      partner = CspPartner.builder().partner(Partner.csp(PARTNER)).catalog(d.catalog).store(store).build();
      System.gc();
    }
  }

  private static long lines(List<Bill> bills) {
    long lines = 0;
    for (Bill b : bills) {
      lines += b.lines().size();
    }
    return lines;
  }

  /** Prints a run's throughput; the clock stops before its CPU time is read from /proc. */
  private static long report(String what, long t0, long lines, ServerCpu cpu, long[] cpuBefore) {
    double seconds = (System.nanoTime() - t0) / 1e9;
    String perLine = cpu.per(cpuBefore, lines, "line");
    System.out.printf("(%s: %d lines in %.3f s = %.0f lines/s; %s) ", what, lines, seconds,
        lines / seconds, perLine);
    return lines;
  }

  @Benchmark
  public long postgres(Server s, Db db) {
    return billAll("postgres", db.partner(db.first, s), s, db);
  }

  /** One instance bills every customer; prints its throughput and CPU per line. */
  private static long billAll(String what, CspPartner p, Server s, Db db) {
    long[] cpu = s.cpu.now();
    long t0 = System.nanoTime();
    BillRunReport r = p.runBills(db.request, Shard.ALL);
    check(r, s);
    long lines = lines(r.issued());
    return report(what, t0, lines, s.cpu, cpu);
  }

  @Benchmark
  public long twoInstances(Server s, Db db) throws Exception {
    return atOnce("two instances", db.partner(db.first, s), db.partner(db.second, s), s, db);
  }

  /**
   * One instance, then two instances, in the same shot, each on its own copy of the data: the
   * ratio of their times is taken pair by pair, so the machine's speed drifting between methods
   * (run minutes apart) does not enter it. JMH's time is both runs together; the printed ratio is
   * the figure.
   */
  @Benchmark
  public double pairedInstances(Server s, Pair pair) throws Exception {
    long t0 = System.nanoTime();
    billAll("one instance", pair.one.partner(pair.one.first, s), s, pair.one);
    long t1 = System.nanoTime();
    atOnce("two instances", pair.two.partner(pair.two.first, s), pair.two.partner(pair.two.second, s),
        s, pair.two);
    long t2 = System.nanoTime();
    double ratio = (t1 - t0) / (double) (t2 - t1);
    System.out.printf("(two instances %.2fx one) ", ratio);
    return ratio;
  }

  /**
   * One instance (one store, one pool) runs the bill run with two workers
   * ({@link CspPartner#runBills(Request, Shard, int)}), which share it by claiming blocks as two
   * instances do: one worker waits on its server backend half the time.
   */
  @Benchmark
  public long oneInstanceTwoWorkers(Server s, Db db) {
    long[] cpu = s.cpu.now();
    long t0 = System.nanoTime();
    BillRunReport r = db.partner(db.first, s).runBills(db.request, Shard.ALL, 2);
    check(r, s);
    return report("one instance, two workers", t0, lines(r.issued()), s.cpu, cpu);
  }

  /** Two bill runs at once, one per thread; prints their throughput and CPU per line. */
  private static long atOnce(String what, CspPartner a, CspPartner b, Server s, Db db)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      long[] cpu = s.cpu.now();
      long t0 = System.nanoTime();
      Future<BillRunReport> ra = threads.submit(() -> a.runBills(db.request, Shard.ALL));
      Future<BillRunReport> rb = threads.submit(() -> b.runBills(db.request, Shard.ALL));
      BillRunReport first = ra.get();
      BillRunReport second = rb.get();
      List<Bill> all = new ArrayList<>(first.issued());
      all.addAll(second.issued());
      check(new BillRunReport(all, first.notBilled()), s);
      System.out.printf("(split %d / %d bills) ", first.issued().size(), second.issued().size());
      long lines = lines(all);
      return report(what, t0, lines, s.cpu, cpu);
    } finally {
      threads.shutdown();
    }
  }

  @Benchmark
  public long inMemory(Server s, Memory m) {
    long[] cpu = s.cpu.now();
    long t0 = System.nanoTime();
    List<Bill> bills = m.partner.issueBills(Request.of(Actor.partnerAdmin(PARTNER, "billing-agent"),
        BillRunBench.RUN));
    if (bills.size() != s.customers) {
      throw new IllegalStateException(bills.size() + " bills for " + s.customers + " customers");
    }
    long lines = lines(bills);
    return report("in memory", t0, lines, s.cpu, cpu);
  }

  /** Set-up through the entry point: customers created and subscriptions ordered, 4 threads. */
  @Benchmark
  public long setUpOrders(Server s, Db db) throws Exception {
    return setUp(s, db, (p, r, id, lines) -> {
      for (int k = 0; k < lines.size(); k++) {
        OrderLine l = lines.get(k);
        p.order(r.withKey(id + "-" + k), id, l.skuId(), l.seats(), l.subscriptionId());
      }
      return lines.size();
    }, (what, n, seconds, cpu) -> String.format("(set-up: %s, %d orders in %.3f s = %.0f "
        + "orders/s; %s) ", what, n, seconds, n / seconds, cpu.apply("command")));
  }

  /**
   * Set-up as {@link #setUpOrders}, each customer's 10 subscriptions ordered in one order of 10
   * lines ({@link CspPartner#order(Request, String, List)}), 4 threads.
   */
  @Benchmark
  public long setUpOrderLines(Server s, Db db) throws Exception {
    return setUp(s, db, (p, r, id, lines) -> p.order(r.withKey(id), id, lines).value().size(),
        (what, n, seconds, cpu) -> String.format("(set-up in orders of 10 lines: %s, %d "
            + "subscriptions in %.3f s = %.0f subscriptions/s; %s) ", what, n, seconds,
            n / seconds, cpu.apply("subscription")));
  }

  /** How a set-up orders one new customer's subscriptions; returns how many it ordered. */
  @FunctionalInterface
  interface Orders {
    int place(CspPartner p, Request r, String customerId, List<OrderLine> lines);
  }

  /** What a set-up prints: given the customers, the subscriptions, the seconds and CPU per unit. */
  @FunctionalInterface
  interface Report {
    String line(String customers, int subscriptions, double seconds,
        java.util.function.Function<String, String> cpuPer);
  }

  /**
   * Creates {@code customers / 10} customers from 4 threads and orders 10 subscriptions for each
   * through {@code orders}; prints {@code report}'s line.
   */
  private static long setUp(Server s, Db db, Orders orders, Report report) throws Exception {
    BillRunBench.Data d = s.data;
    CspPartner p = CspPartner.builder().partner(Partner.csp(PARTNER)).catalog(d.catalog)
        .store(new PostgresStore(db.second)).build();
    Actor agent = Actor.partnerAdmin(PARTNER, "agent");
    LocalDate day = LocalDate.of(2025, 1, 2); // the data's price list is January's
    int customers = Math.max(1, s.customers / 10);
    List<Sku> skus = new ArrayList<>(d.catalog.skus());
    AtomicInteger ordered = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      long[] cpu = s.cpu.now();
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(threads.submit(() -> {
          for (int c = thread; c < customers; c += 4) {
            String id = "new-" + c;
            p.createCustomer(Request.of(agent, day), NewCustomer.builder().id(id).market("US")
                .billingDay(1).currency(d.priceList.currency()).build());
            List<OrderLine> lines = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
              lines.add(OrderLine.of(skus.get((c + k) % skus.size()).id(), 1 + k, id + "-S" + k));
            }
            ordered.addAndGet(orders.place(p, Request.of(agent, day), id, lines));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      int n = ordered.get();
      System.out.print(report.line(customers + " customers", n, seconds,
          unit -> s.cpu.per(cpu, "command".equals(unit) ? n + customers : n, unit)));
      return n;
    } finally {
      threads.shutdown();
    }
  }

  /** The machine's floor: one round trip to the server, 2,000 times. */
  @Benchmark
  public long roundTrip(Server s, Db db) throws SQLException {
    try (Connection c = db.first.getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1")) {
      long[] cpu = s.cpu.now();
      long t0 = System.nanoTime();
      long sum = 0;
      for (int i = 0; i < 2000; i++) {
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          rs.next();
          sum += rs.getInt(1);
        }
      }
      System.out.printf("(round trip: %.0f µs; %s) ", (System.nanoTime() - t0) / 1e3 / 2000,
          s.cpu.per(cpu, 2000, "round trip"));
      return sum;
    }
  }

  private static void check(BillRunReport r, Server s) {
    if (!r.notBilled().isEmpty() || r.issued().size() != s.customers) {
      throw new IllegalStateException(r + " for " + s.customers + " customers");
    }
    for (Bill b : r.issued()) {
      if (!b.customerId().startsWith("C")) {
        throw new IllegalStateException("unexpected customer " + b.customerId());
      }
    }
  }
}
