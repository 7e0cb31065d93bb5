package io.github.cspkit.csp.agreement;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.time.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A partner's reseller agreement (AGR-1..5): accepted on a date, renewed every year on the
 * {@linkplain RenewalPolicy renewal date} (AGR-2) until a written notice stops a renewal (AGR-3,
 * AGR-4). Immutable: {@link #withNotice} returns a new value.
 * <p>
 * <b>Terms (AGR-2).</b> Terms are program years ending on the renewal date, which is the last day
 * of a term. The first term runs from acceptance to the first renewal date after the acceptance
 * day: accepted on 2024-10-01 or on 2024-08-31, the first term ends on 2025-08-31; the next term
 * starts on 2025-09-01.
 * <p>
 * <b>Notice (AGR-3).</b> A written notice given on or before a renewal's deadline (the renewal date
 * minus the notice period: August 1 for August 31) makes that renewal date the last day in force;
 * a later notice makes the following renewal date the last day. With several notices the earliest
 * end wins. Only {@linkplain NoticeChannel#WRITTEN written} notices are kept (AGR-4).
 * <p>
 * <b>Refusals.</b> A notice through another channel is a {@link RuleViolation} of AGR-4; a notice
 * given before acceptance, or after the agreement already ended, is a {@link RuleViolation} of
 * AGR-3, and so is one that would end the agreement before a recorded notice was given.
 * Transacting on a day the agreement is not in force is a {@link RuleViolation} of AGR-1
 * ({@link ProgramAgreement#requireInForce}); winding down needs only an accepted agreement
 * ({@link ProgramAgreement#requireAcceptedBy}). Null arguments throw {@link NullPointerException}.
 */
@Value.Immutable
public abstract class Agreement implements ProgramAgreement {
  Agreement() {} // only the generated implementation extends it

  private static final Comparator<Notice> BY_DAY =
      Comparator.comparing(Notice::givenOn).thenComparing(Notice::party);

  /** @return the id of the partner that accepted the agreement */
  public abstract String partnerId();

  /** @return the day the partner accepted the agreement, its first day in force */
  public abstract LocalDate acceptedOn();

  /** @return the renewal policy (AGR-2, AGR-3); {@link RenewalPolicy#seed()} unless given */
  @Value.Default
  public RenewalPolicy policy() {
    return RenewalPolicy.seed();
  }

  /** @return the written notices of intent not to renew, by the day they were given (AGR-3) */
  public abstract List<Notice> notices();

  @Value.Check
  void check() {
    Checks.range(!partnerId().isBlank(), "partnerId must not be blank");
    LocalDate previous = acceptedOn();
    for (Notice notice : notices()) {
      Checks.range(notice.isWritten(), "only written notices are kept, found %s", notice);
      Checks.range(!notice.givenOn().isBefore(previous),
          "notices must be given on or after acceptance on %s, in order; found %s",
          acceptedOn(), notice);
      previous = notice.givenOn();
    }
    LocalDate last = previous;
    endDate().ifPresent(end -> Checks.range(!last.isAfter(end),
        "a notice given on %s comes after the end on %s", last, end));
  }

  /**
   * Accepts the agreement under the seed policy, renewal on August 31 (AGR-2).
   *
   * @param partnerId the partner id, not blank
   * @param acceptedOn the day of acceptance, the first day in force
   * @return the agreement, without notice
   */
  public static Agreement accept(String partnerId, LocalDate acceptedOn) {
    return accept(partnerId, acceptedOn, RenewalPolicy.seed());
  }

  /**
   * Accepts the agreement under {@code policy} (AGR-2).
   *
   * @param partnerId the partner id, not blank
   * @param acceptedOn the day of acceptance, the first day in force
   * @param policy the renewal policy
   * @return the agreement, without notice
   */
  public static Agreement accept(String partnerId, LocalDate acceptedOn, RenewalPolicy policy) {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(acceptedOn, "acceptedOn");
    requireNonNull(policy, "policy");
    Checks.range(!partnerId.isBlank(), "partnerId must not be blank");
    return ImmutableAgreement.builder()
        .partnerId(partnerId)
        .acceptedOn(acceptedOn)
        .policy(policy)
        .build();
  }

  /**
   * Records a notice of intent not to renew (AGR-3, AGR-4). Recording a notice already recorded
   * returns this agreement.
   *
   * @param notice the notice
   * @return a new agreement that also holds {@code notice}
   * @throws RuleViolation AGR-4 when the notice is not written; AGR-3 when it was given before
   *     acceptance or after the agreement already ended, or when it would end the agreement before
   *     a notice already recorded was given
   */
  public Agreement withNotice(Notice notice) {
    requireNonNull(notice, "notice");
    requireAdmissible(notice);
    Optional<LocalDate> end = endDate();
    if (end.isPresent() && notice.givenOn().isAfter(end.get())) {
      throw RuleViolation.of("AGR-3",
          "agreement of partner %s ended on %s; the notice given on %s by %s comes after its end",
          partnerId(), end.get(), notice.givenOn(), notice.party());
    }
    if (notices().contains(notice)) {
      return this;
    }
    LocalDate newEnd = endDateFor(notice);
    Optional<Notice> lateOne =
        notices().stream().filter(n -> n.givenOn().isAfter(newEnd)).findFirst();
    if (lateOne.isPresent()) {
      throw RuleViolation.of("AGR-3",
          "the notice given on %s by %s would end the agreement of partner %s on %s, before the "
              + "notice already recorded on %s; record notices in the order they were given",
          notice.givenOn(), notice.party(), partnerId(), newEnd, lateOne.get().givenOn());
    }
    List<Notice> all = new ArrayList<>(notices());
    all.add(notice);
    all.sort(BY_DAY);
    return ImmutableAgreement.builder()
        .partnerId(partnerId())
        .acceptedOn(acceptedOn())
        .policy(policy())
        .notices(all)
        .build();
  }

  /**
   * The last day in force that {@code notice} causes (AGR-3): the next renewal date if the notice
   * was given on or before its deadline, else the following renewal date. The notice need not be
   * recorded.
   *
   * @param notice a written notice given on or after acceptance
   * @return a renewal date after the day the notice was given
   * @throws RuleViolation AGR-4 when the notice is not written; AGR-3 when it was given before
   *     acceptance
   */
  public LocalDate endDateFor(Notice notice) {
    requireNonNull(notice, "notice");
    requireAdmissible(notice);
    LocalDate renewal = nextRenewalDate(notice.givenOn());
    return notice.givenOn().isAfter(policy().deadlineFor(renewal))
        ? policy().renewalIn(renewal.getYear() + 1)
        : renewal;
  }

  /**
   * The last day in force given all recorded notices; the earliest end wins (AGR-3).
   *
   * @return the end date, or empty when no notice was recorded
   */
  @Value.Lazy
  public Optional<LocalDate> endDate() {
    return notices().stream().map(this::endDateFor).min(Comparator.naturalOrder());
  }

  /**
   * The notice, given on or before {@code date}, that ends the agreement (AGR-5): the one whose
   * end comes first (the earliest given on a tie).
   *
   * @param date a date
   * @return the notice, or empty when none was given by then
   */
  public Optional<Notice> pendingNotice(LocalDate date) {
    requireNonNull(date, "date");
    return notices().stream()
        .filter(n -> !n.givenOn().isAfter(date))
        .min(Comparator.comparing(this::endDateFor).thenComparing(BY_DAY));
  }

  /**
   * Refuses a notice that is not written (AGR-4), whatever the agreement's state.
   *
   * @param notice the notice
   * @throws RuleViolation AGR-4 when the notice was not given in writing
   */
  public static void requireWritten(Notice notice) {
    requireNonNull(notice, "notice");
    Checks.rule(notice.isWritten(), "AGR-4",
        "a notice by %s on %s through %s does not count: only written notice counts; send the "
            + "notice of intent not to renew in writing",
        notice.party(), notice.givenOn(), notice.channel());
  }

  /** @return the last day of the first term: the first renewal date after acceptance (AGR-2) */
  public LocalDate firstRenewalDate() {
    return policy().renewalOnOrAfter(acceptedOn().plusDays(1));
  }

  /** @return the first term, from acceptance to the first renewal date, inclusive (AGR-2) */
  public DateRange firstTerm() {
    return DateRange.closed(acceptedOn(), firstRenewalDate());
  }

  /**
   * The term in force on {@code date} (AGR-2, AGR-5). It ends on a renewal date and starts the day
   * after the previous one, or on acceptance for the first term.
   *
   * @param date a date
   * @return the term, or empty when the agreement is not in force on {@code date}
   */
  public Optional<DateRange> termOn(LocalDate date) {
    if (!isInForce(date)) {
      return Optional.empty();
    }
    LocalDate renewal = nextRenewalDate(date);
    LocalDate start = renewal.equals(firstRenewalDate())
        ? acceptedOn()
        : policy().renewalBefore(renewal).plusDays(1);
    return Optional.of(DateRange.closed(start, renewal));
  }

  /**
   * The next renewal date on or after {@code date} (AGR-5): the last day of the term holding
   * {@code date}. It is scheduled by the calendar: a notice may mean the agreement ends on it
   * instead of renewing (see {@link #endDate()}). Before acceptance, and on the acceptance day, it
   * is the {@linkplain #firstRenewalDate() first renewal date}.
   *
   * @param date a date
   * @return the renewal date
   */
  public LocalDate nextRenewalDate(LocalDate date) {
    requireNonNull(date, "date");
    LocalDate afterAcceptance = acceptedOn().plusDays(1);
    return policy().renewalOnOrAfter(date.isBefore(afterAcceptance) ? afterAcceptance : date);
  }

  /**
   * The last day to give notice that stops the {@linkplain #nextRenewalDate next renewal} after
   * {@code date} (AGR-3, AGR-5): that renewal date minus the notice period. It may be before
   * {@code date}: then that renewal can no longer be stopped and a notice takes effect at the
   * following one.
   *
   * @param date a date
   * @return the deadline of the next renewal
   */
  public LocalDate noticeDeadline(LocalDate date) {
    return policy().deadlineFor(nextRenewalDate(date));
  }

  /**
   * Everything AGR-5 asks on {@code date}: in force, term, next renewal, notice deadline, pending
   * notice and the end date it causes.
   *
   * @param date a date
   * @return the status on that date
   */
  public AgreementStatus statusOn(LocalDate date) {
    requireNonNull(date, "date");
    Optional<Notice> pending = pendingNotice(date);
    return ImmutableAgreementStatus.builder()
        .date(date)
        .inForce(isInForce(date))
        .term(termOn(date))
        .nextRenewal(nextRenewalDate(date))
        .noticeDeadline(noticeDeadline(date))
        .pendingNotice(pending)
        .endDate(pending.map(this::endDateFor))
        .build();
  }

  private void requireAdmissible(Notice notice) {
    requireWritten(notice);
    if (notice.givenOn().isBefore(acceptedOn())) {
      throw RuleViolation.of("AGR-3",
          "a notice given on %s comes before partner %s accepted the agreement on %s; "
              + "give notice on or after acceptance",
          notice.givenOn(), partnerId(), acceptedOn());
    }
  }
}
