package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What AGR-1 asks of the agreement a partner transacts under, whichever program it follows: the
 * seed's reseller {@link Agreement} (AGR-1..5) or the current program's Microsoft
 * {@link PartnerAgreement} (MPA-1). In force from acceptance to the last day in force, both
 * included; winding down needs only acceptance.
 */
public interface ProgramAgreement {
  /** @return the id of the partner that accepted the agreement */
  String partnerId();

  /** @return the day the partner accepted the agreement, its first day in force */
  LocalDate acceptedOn();

  /** @return the last day in force, or empty while no notice ends it */
  Optional<LocalDate> endDate();

  /**
   * Whether the agreement is in force on {@code date} (AGR-1, AGR-5, MPA-1): from acceptance to
   * the end date, both included.
   *
   * @param date a date
   * @return {@code acceptedOn <= date <= endDate}
   */
  default boolean isInForce(LocalDate date) {
    requireNonNull(date, "date");
    return !date.isBefore(acceptedOn()) && endDate().map(end -> !date.isAfter(end)).orElse(true);
  }

  /**
   * Refuses a transaction on a day the agreement is not in force (AGR-1).
   *
   * @param date the day of the transaction
   * @throws RuleViolation AGR-1 when the agreement is not in force on {@code date}
   */
  default void requireInForce(LocalDate date) {
    requireAcceptedBy(date);
    Optional<LocalDate> end = endDate();
    if (end.isPresent() && date.isAfter(end.get())) {
      throw RuleViolation.of("AGR-1", "agreement of partner %s is not in force on %s (ended on %s)",
          partnerId(), date, end.get());
    }
  }

  /**
   * Refuses winding down before the agreement was accepted (AGR-1). After its last day the
   * partner can still cancel, suspend, remove seats and turn auto-renewal off; only
   * {@link #requireInForce} transactions stop.
   *
   * @param date the day of the operation
   * @throws RuleViolation AGR-1 when {@code date} is before acceptance
   */
  default void requireAcceptedBy(LocalDate date) {
    requireNonNull(date, "date");
    if (date.isBefore(acceptedOn())) {
      throw RuleViolation.of("AGR-1",
          "agreement of partner %s is not in force on %s (accepted on %s)",
          partnerId(), date, acceptedOn());
    }
  }
}
