package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;

/**
 * The event log's entries about the partner's agreement: the reseller agreement accepted and its
 * notices (AGR-1..4, aggregate {@code "agreement"}), the Microsoft Partner Agreement accepted and
 * terminated (MPA-1, aggregate {@code "partner-agreement"}). The entry's id is the partner's.
 */
public sealed interface AgreementPayload extends EventPayload permits AgreementPayload.Accepted,
    AgreementPayload.NoticeGiven, AgreementPayload.PartnerAccepted,
    AgreementPayload.PartnerTerminated {
  /** The aggregate kind of the reseller agreement's entries. */
  String AGREEMENT = "agreement";
  /** The aggregate kind of the Microsoft Partner Agreement's entries. */
  String PARTNER_AGREEMENT = "partner-agreement";

  /**
   * The reseller agreement accepted (AGR-1), in force from the entry's day; its first term runs to
   * the first renewal date (AGR-2). Kind {@code ACCEPTED}.
   *
   * @param firstTerm the first term, half-open: from acceptance to the day after the first renewal
   *     date
   */
  record Accepted(DateRange firstTerm) implements AgreementPayload {
    /** @param firstTerm first term */
    public Accepted {
      requireNonNull(firstTerm, "firstTerm");
    }

    @Override
    public String aggregate() {
      return AGREEMENT;
    }

    @Override
    public String kind() {
      return "ACCEPTED";
    }
  }

  /**
   * A written notice of intent not to renew (AGR-3, AGR-4: only a written one is logged). Kind
   * {@code NOTICE}.
   *
   * @param party who gave it
   * @param lastDayInForce the agreement's last day in force given all its notices
   */
  record NoticeGiven(Party party, LocalDate lastDayInForce) implements AgreementPayload {
    /**
     * @param party party
     * @param lastDayInForce last day in force
     */
    public NoticeGiven {
      requireNonNull(party, "party");
      requireNonNull(lastDayInForce, "lastDayInForce");
    }

    @Override
    public String aggregate() {
      return AGREEMENT;
    }

    @Override
    public String kind() {
      return "NOTICE";
    }
  }

  /**
   * The Microsoft Partner Agreement accepted (MPA-1): in force from the entry's day until
   * terminated, without terms. Kind {@code ACCEPTED}.
   */
  record PartnerAccepted() implements AgreementPayload {
    @Override
    public String aggregate() {
      return PARTNER_AGREEMENT;
    }

    @Override
    public String kind() {
      return "ACCEPTED";
    }
  }

  /**
   * A written notice of termination of the Microsoft Partner Agreement (MPA-1, AGR-4). Kind
   * {@code TERMINATION}.
   *
   * @param party who gave it
   * @param effectiveOn the date the notice names: the first day out of force
   * @param lastDayInForce the agreement's last day in force given all its notices (the earliest
   *     wins), on or before the day before {@code effectiveOn}
   */
  record PartnerTerminated(Party party, LocalDate effectiveOn, LocalDate lastDayInForce)
      implements AgreementPayload {
    /**
     * @param party party
     * @param effectiveOn named date
     * @param lastDayInForce last day in force
     */
    public PartnerTerminated {
      requireNonNull(party, "party");
      requireNonNull(effectiveOn, "effectiveOn");
      requireNonNull(lastDayInForce, "lastDayInForce");
      Checks.range(lastDayInForce.isBefore(effectiveOn),
          "last day in force %s is not before the date the notice names, %s", lastDayInForce,
          effectiveOn);
    }

    @Override
    public String aggregate() {
      return PARTNER_AGREEMENT;
    }

    @Override
    public String kind() {
      return "TERMINATION";
    }
  }
}
