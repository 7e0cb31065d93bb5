package io.github.cspkit.csp.pricing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** The two locks the seed names. */
enum StandardPriceLock implements PriceLock {
  /** See {@link PriceLock#TERM_START}. */
  TERM_START {
    @Override
    public LocalDate priceDate(LocalDate termStart, LocalDate changeDate) {
      requireNonNull(changeDate, "changeDate");
      return requireNonNull(termStart, "termStart");
    }
  },
  /** See {@link PriceLock#CHANGE_DAY}. */
  CHANGE_DAY {
    @Override
    public LocalDate priceDate(LocalDate termStart, LocalDate changeDate) {
      requireNonNull(termStart, "termStart");
      return requireNonNull(changeDate, "changeDate");
    }
  }
}
