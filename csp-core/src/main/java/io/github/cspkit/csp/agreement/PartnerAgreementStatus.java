package io.github.cspkit.csp.agreement;

import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answers of AGR-5 on one date under the Microsoft Partner Agreement (MPA-1), from
 * {@link PartnerAgreement#statusOn}: in force or not, the pending notice of termination and the
 * last day in force it causes, and the earliest date a notice given that day could name. The MPA
 * has no term and no renewal date, so there are none to report.
 */
@Value.Immutable
public abstract class PartnerAgreementStatus {
  PartnerAgreementStatus() {} // only the generated implementation extends it

  /** @return the date asked about */
  public abstract LocalDate date();

  /** @return whether the agreement is in force on {@link #date()} (AGR-1) */
  public abstract boolean isInForce();

  /** @return the notice, given on or before {@link #date()}, that ends the agreement (MPA-1) */
  public abstract Optional<TerminationNotice> pendingNotice();

  /** @return the last day in force that {@link #pendingNotice()} causes; empty without one */
  public abstract Optional<LocalDate> endDate();

  /** @return the earliest date that a notice given on {@link #date()} may name (MPA-1) */
  public abstract LocalDate earliestTermination();

  @Value.Check
  void check() {
    Checks.range(pendingNotice().isPresent() == endDate().isPresent(),
        "an end date is given exactly with a pending notice");
  }
}
