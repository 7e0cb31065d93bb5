package io.github.cspkit.csp.agreement;

import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answers of AGR-5 on one date, from {@link Agreement#statusOn}: in force or not, the current
 * term, the next renewal date, the last day to give notice, the pending notice and the end date it
 * causes.
 */
@Value.Immutable
public abstract class AgreementStatus {
  AgreementStatus() {} // only the generated implementation extends it

  /** @return the date asked about */
  public abstract LocalDate date();

  /** @return whether the agreement is in force on {@link #date()} (AGR-1) */
  public abstract boolean isInForce();

  /** @return the term holding {@link #date()}; empty when not in force (AGR-2) */
  public abstract Optional<DateRange> term();

  /** @return the next renewal date on or after {@link #date()} ({@link Agreement#nextRenewalDate}) */
  public abstract LocalDate nextRenewal();

  /** @return the last day to give notice that stops {@link #nextRenewal()} (AGR-3) */
  public abstract LocalDate noticeDeadline();

  /** @return the notice, given on or before {@link #date()}, that ends the agreement (AGR-3) */
  public abstract Optional<Notice> pendingNotice();

  /**
   * @return the last day in force that {@link #pendingNotice()} causes; empty without one. Notices
   *     given after {@link #date()} are not known yet: see {@link Agreement#endDate()} for all.
   */
  public abstract Optional<LocalDate> endDate();

  /** @return whether a notice given on {@link #date()} still stops {@link #nextRenewal()} (AGR-3) */
  public boolean canStillStopNextRenewal() {
    return !date().isAfter(noticeDeadline());
  }

  @Value.Check
  void check() {
    Checks.range(term().isPresent() == isInForce(), "a term is given exactly when in force");
    Checks.range(pendingNotice().isPresent() == endDate().isPresent(),
        "an end date is given exactly with a pending notice");
  }
}
