package io.github.cspkit.csp.examples;

import io.github.cspkit.csp.examples.scenario.ScenarioRunner;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Command-line entry point of csp-examples (SCENARIOS.md):
 * <pre>
 * java -jar csp-examples.jar run FILE...   # replays each scenario; exit = the worst status
 * java -jar csp-examples.jar run --jdbc-url URL FILE...   # the same on PostgreSQL, a schema per file
 * java -jar csp-examples.jar demo          # a year in the life of a partner (the seed)
 * java -jar csp-examples.jar demo --program current   # a year of the current program, with the
 *                                                     # vendor's charges and the margin
 * java -jar csp-examples.jar demo --jdbc-url URL      # either year on PostgreSQL, in a new schema
 * java -jar csp-examples.jar generate 10000 5 80000 big.csp   # a large scenario for load tests
 * </pre>
 * Exit status 0 when every file passed, 1 when an expectation failed or a refusal was not expected,
 * 2 when a file could not be read or parsed, or the command line is wrong.
 */
public final class Main {
  /** Kept so that the level set on it stays: the money library logs its setup at INFO. */
  private static final Logger MONETA = Logger.getLogger("org.javamoney.moneta");
  private static final String USAGE =
      "usage: java -jar csp-examples.jar run [--jdbc-url URL] FILE..."
          + " | demo [--program seed|current] [--jdbc-url URL]"
          + " | generate CUSTOMERS SUBSCRIPTIONS CHANGES FILE";

  private Main() {}

  /**
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    MONETA.setLevel(Level.WARNING);
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs a command without exiting, for tests.
   *
   * @param args the command and its arguments
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    switch (args[0]) {
      case "run": {
        if (args.length < 2) {
          err.println(USAGE);
          return 2;
        }
        int first = 1;
        io.github.cspkit.csp.examples.postgres.PostgresScenarios postgres = null;
        if (args[1].equals("--jdbc-url")) {
          if (args.length < 4) {
            err.println(USAGE);
            return 2;
          }
          postgres = new io.github.cspkit.csp.examples.postgres.PostgresScenarios(args[2], System.getenv());
          first = 3;
        }
        int status = 0;
        int[] counts = new int[3];
        for (String file : Arrays.asList(args).subList(first, args.length)) {
          int s;
          try {
            s = postgres == null ? ScenarioRunner.run(Path.of(file), out, err)
                : postgres.run(Path.of(file), out, err);
          } catch (InvalidPathException e) {
            err.println(file + ": expected a file name, found an invalid path");
            s = 2;
          }
          counts[s]++;
          status = Math.max(status, s);
        }
        if (args.length - first > 1) {
          out.println((args.length - first) + " files: " + counts[0] + " passed, " + counts[1]
              + " failed, " + counts[2] + " broken");
        }
        return status;
      }
      case "generate": {
        if (args.length != 5) {
          err.println(USAGE);
          return 2;
        }
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(Path.of(args[4]))) {
          io.github.cspkit.csp.examples.scenario.ScenarioGenerator.write(w, Integer.parseInt(args[1]),
              Integer.parseInt(args[2]), Integer.parseInt(args[3]), 42);
          return 0;
        } catch (NumberFormatException | java.io.IOException | InvalidPathException e) {
          err.println("generate: " + e.getMessage());
          return 2;
        }
      }
      case "demo":
        return demo(Arrays.asList(args).subList(1, args.length), out, err);
      default:
        err.println(USAGE);
        return 2;
    }
  }

  /** {@code demo [--program seed|current] [--jdbc-url URL]}, options in any order. */
  private static int demo(java.util.List<String> options, PrintStream out, PrintStream err) {
    String program = "seed";
    String url = null;
    for (int i = 0; i < options.size(); i += 2) {
      String value = i + 1 < options.size() ? options.get(i + 1) : null;
      if (options.get(i).equals("--program") && ("seed".equals(value) || "current".equals(value))) {
        program = value;
      } else if (options.get(i).equals("--jdbc-url") && value != null && url == null) {
        url = value;
      } else {
        err.println(USAGE);
        return 2;
      }
    }
    boolean current = program.equals("current");
    if (url != null) {
      return new io.github.cspkit.csp.examples.postgres.PostgresScenarios(url, System.getenv())
          .demo(current, out, err);
    }
    if (current) {
      DemoCurrentYear.run(out);
    } else {
      DemoYear.run(out);
    }
    return 0;
  }
}
