package io.github.cspkit.csp.examples.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Where a benchmark's time goes on a machine whose two cores the JVM and the PostgreSQL server
 * share: the CPU time of this JVM (application, garbage collector and JIT compiler together) and
 * of the server's processes (the postmaster and its children, read from {@code /proc}; Linux
 * only, zero elsewhere), so that a figure can be divided by the work done.
 */
final class ServerCpu {
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
  private final long postmaster;

  private ServerCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /** @return the accounting of the server behind {@code source} */
  static ServerCpu of(DataSource source) {
    try (Connection c = source.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return new ServerCpu(parent(rs.getLong(1)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return CPU nanoseconds used so far by the JVM and the server: {@code {jvm, server}} */
  long[] now() {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new long[] {os.getProcessCpuTime(), serverTicks() * TICK_NANOS};
  }

  /** @return "JVM a µs, server b µs" of CPU per unit of work since {@code before} */
  String per(long[] before, long units, String unit) {
    long[] after = now();
    return String.format("cpu per %s: JVM %.1f µs, server %.1f µs", unit,
        (after[0] - before[0]) / 1e3 / units, (after[1] - before[1]) / 1e3 / units);
  }

  private long serverTicks() {
    if (postmaster <= 0) {
      return 0;
    }
    long sum = 0;
    try (Stream<Path> procs = Files.list(Paths.get("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long[] stat = stat(p);
        if (stat != null && (Long.parseLong(name) == postmaster || stat[0] == postmaster)) {
          sum += stat[1];
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return sum;
  }

  private static long parent(long pid) {
    long[] stat = stat(Paths.get("/proc", Long.toString(pid)));
    return stat == null ? -1 : stat[0];
  }

  /** @return {parent pid, user + system ticks} of a process, or null when unreadable */
  private static long[] stat(Path proc) {
    try {
      String s = Files.readString(proc.resolve("stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
    } catch (IOException | RuntimeException e) {
      return null; // gone, or not Linux
    }
  }
}
