package io.github.cspkit.csp.examples.bench;

import io.github.cspkit.csp.examples.files.GeneratedPriceList;
import io.github.cspkit.csp.examples.files.PriceListFile;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceListImport;
import io.github.cspkit.csp.pricing.SkuMapping;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark: importing Partner Center's price list file (PCF-1), {@code rows} data rows read from
 * a generated file with Apache Commons CSV, validated, the expired rows skipped, and the list's
 * values built (every row, the ERP rows, the seed list). Target: 100,000 rows in under 2 seconds.
 * The heap is capped at 128 MB ({@code -Xmx128m}): the file is streamed, so memory is bounded by
 * the list kept, not by the file. {@code parseOnly} is the baseline in the same run: the same file
 * through the CSV parser alone.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx128m")
@State(Scope.Benchmark)
public class PriceListImportBench {
  /** The data rows of the file. */
  @Param({"100000"})
  int rows;

  /** @return the whole import: parse, validate, skip the expired rows, build the list's values */
  @Benchmark
  public ImportedPriceList importFile() {
    ImportedPriceList list = PriceListFile.read(GeneratedPriceList.of(rows), "bench.csv",
        PriceListImport.of(SkuMapping.empty(), LocalDate.of(2025, 1, 30)));
    list.priceList();
    return list;
  }

  /**
   * The baseline: the same generated file through Commons CSV alone.
   *
   * @return the fields read
   * @throws java.io.IOException never: the file is generated in memory
   */
  @Benchmark
  public long parseOnly() throws java.io.IOException {
    long n = 0;
    try (var parser = org.apache.commons.csv.CSVParser.parse(GeneratedPriceList.of(rows),
        org.apache.commons.csv.CSVFormat.RFC4180)) {
      for (var r : parser) {
        n += r.size();
      }
    }
    return n;
  }
}
