package io.github.cspkit.csp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** PCF-1, PCF-2: the fields of Partner Center's files; the fast paths agree with the parsers. */
class FileFieldsTest {
  @Test
  void PCF_1_dates_and_utc_date_times_read_as_the_parser_reads_them() {
    qt().withExamples(2000).forAll(SourceDSL.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
        LocalDate.of(9999, 12, 31).toEpochDay()), SourceDSL.integers().between(0, 86_399))
        .checkAssert((day, second) -> {
          LocalDate d = LocalDate.ofEpochDay(day);
          assertThat(FileFields.day("PCF-1", 2, "C", d.toString())).isEqualTo(d);
          String utc = OffsetDateTime.of(d.atStartOfDay().plusSeconds(second), ZoneOffset.UTC)
              .toString();
          String full = utc.length() == 17 ? utc.replace("Z", ":00Z") : utc; // HH:mmZ → HH:mm:00Z
          assertThat(FileFields.day("PCF-1", 2, "C", full)).isEqualTo(d);
          assertThat(FileFields.day("PCF-1", 2, "C", d + "T00:00:00.0000000Z")).isEqualTo(d);
          assertThat(FileFields.day("PCF-1", 2, "C", d + "T12:00:00+00:00")).isEqualTo(d);
        });
    for (String bad : new String[] {"2025-02-29", "2025-13-01", "2025-02-28T24:00:00Z",
        "2025-02-28T10:60:00Z", "2025-2-28", "20250228"}) {
      assertThatThrownBy(() -> FileFields.day("PCF-1", 3, "C", bad))
          .isInstanceOf(RuleViolation.class).hasMessageContaining("line 3: C '" + bad + "'");
    }
    assertThat(FileFields.day("PCF-2", 3, "C", "2024-02-29T23:59:59Z"))
        .isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void PCF_1_amounts_read_exactly_with_or_without_trailing_zeros() {
    qt().withExamples(2000).forAll(SourceDSL.longs().between(0, 999_999_999_999_999L),
        SourceDSL.integers().between(0, 3), SourceDSL.integers().between(0, 3))
        .checkAssert((minor, digits, zeros) -> {
          String text = BigDecimal.valueOf(minor, digits).toPlainString() + (zeros > 0 && digits
              > 0 ? "0".repeat(zeros) : "");
          assertThat(FileFields.minor("PCF-1", 2, "UnitPrice", text, digits)).isEqualTo(minor);
        });
    assertThat(FileFields.minor("PCF-1", 2, "UnitPrice", "6.000", 2)).isEqualTo(600);
    assertThat(FileFields.minor("PCF-1", 2, "UnitPrice", "7", 2)).isEqualTo(700);
    assertThat(FileFields.minor("PCF-1", 2, "UnitPrice", ".5", 2)).isEqualTo(50);
    assertThat(FileFields.minor("PCF-1", 2, "UnitPrice", "1234", 0)).isEqualTo(1234);
    assertThatThrownBy(() -> FileFields.minor("PCF-1", 4, "UnitPrice", "1.", 2))
        .hasMessage("PCF-1: line 4: UnitPrice '1.' is not a number");
    assertThatThrownBy(() -> FileFields.minor("PCF-1", 4, "UnitPrice", "99999999999999999999", 2))
        .hasMessage("PCF-1: line 4: UnitPrice 99999999999999999999 is too large");
    assertThatThrownBy(() -> FileFields.minor("PCF-1", 4, "UnitPrice", "1e3", 2))
        .hasMessage("PCF-1: line 4: UnitPrice '1e3' is not a number");
  }
}
