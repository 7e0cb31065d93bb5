package io.github.cspkit.csp.testkit;

import java.time.LocalDate;

/** Dates of the tests, written as ISO text. */
public final class Days {
  private Days() {}

  /**
   * @param iso an ISO date such as {@code "2025-02-28"}
   * @return that date
   */
  public static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }
}
