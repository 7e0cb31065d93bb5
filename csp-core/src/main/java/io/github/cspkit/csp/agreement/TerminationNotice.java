package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * A notice of termination of the Microsoft Partner Agreement (MPA-1): a {@link Notice} (who gave
 * it, on which day, through which channel) and the date it names, on which the agreement ends. The
 * agreement's last day in force is the day before. Only a written notice counts (AGR-4); a
 * {@link PartnerAgreement} refuses the others, and a date less than the policy's notice after the
 * notice's day (MPA-1).
 */
@Value.Immutable
public abstract class TerminationNotice {
  TerminationNotice() {} // only the generated implementation extends it

  /** @return who gave the notice, when and through which channel */
  public abstract Notice notice();

  /** @return the date the notice names: the first day the agreement is no longer in force */
  public abstract LocalDate effectiveOn();

  /** @return the day the notice was given */
  public LocalDate givenOn() {
    return notice().givenOn();
  }

  /** @return the last day in force that the notice causes: the day before {@link #effectiveOn()} */
  public LocalDate lastDayInForce() {
    return effectiveOn().minusDays(1);
  }

  /**
   * A written notice (AGR-4).
   *
   * @param givenOn the day it was given
   * @param party the party giving it
   * @param effectiveOn the date it names
   * @return the notice
   */
  public static TerminationNotice written(LocalDate givenOn, Party party, LocalDate effectiveOn) {
    return of(Notice.written(givenOn, party), effectiveOn);
  }

  /**
   * A notice through any channel; a partner agreement accepts only written ones (AGR-4).
   *
   * @param notice who, when and how
   * @param effectiveOn the date it names
   * @return the notice
   */
  public static TerminationNotice of(Notice notice, LocalDate effectiveOn) {
    requireNonNull(notice, "notice");
    requireNonNull(effectiveOn, "effectiveOn");
    return ImmutableTerminationNotice.builder().notice(notice).effectiveOn(effectiveOn).build();
  }

  /** @return {@code "WRITTEN notice by PARTNER on 2025-03-01 ending the agreement on 2025-04-01"} */
  @Override
  public String toString() {
    return notice() + " ending the agreement on " + effectiveOn();
  }
}
