package io.github.cspkit.csp.agreement;

import io.github.cspkit.csp.internal.Checks;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A partner's Microsoft Partner Agreement (MPA-1): accepted on a date, in force from then on with
 * no term and no yearly renewal, until a written notice of termination ends it. It is the current
 * program's alternative to the seed's reseller {@link Agreement} and answers the same questions
 * under the same names ({@link #isInForce}, {@link #requireInForce}, {@link #endDate},
 * {@link #pendingNotice}, {@link #statusOn}). Immutable: {@link #withTermination} returns a new
 * value.
 * <p>
 * <b>Termination (MPA-1).</b> A notice given on day {@code g} names the date {@code e} on which the
 * agreement ends; {@code e} must be at least the policy's notice after {@code g} (30 days:
 * given on 2025-03-01, {@code e} is 2025-03-31 or later). The last day in force is {@code e − 1}.
 * With several notices the earliest end wins.
 * <p>
 * <b>Refusals.</b> A notice through another channel than writing is a {@link RuleViolation} of AGR-4;
 * a notice given before acceptance or after the agreement ended, one naming a date too early, and
 * one that would end the agreement before a recorded notice was given are violations of MPA-1.
 * Transacting on a day the agreement is not in force is a violation of AGR-1
 * ({@link #requireInForce}).
 */
@Value.Immutable
public abstract class PartnerAgreement implements ProgramAgreement {
  PartnerAgreement() {} // only the generated implementation extends it

  private static final Comparator<TerminationNotice> BY_DAY =
      Comparator.comparing(TerminationNotice::givenOn)
          .thenComparing(TerminationNotice::effectiveOn)
          .thenComparing(n -> n.notice().party());

  /** @return the id of the partner that accepted the agreement */
  public abstract String partnerId();

  /** @return the day the partner accepted the agreement, its first day in force */
  public abstract LocalDate acceptedOn();

  /** @return the termination notice policy (MPA-1); 30 days unless given */
  @Value.Default
  public PartnerAgreementPolicy policy() {
    return PartnerAgreementPolicy.currentProgram();
  }

  /** @return the written notices of termination, by the day they were given (MPA-1) */
  public abstract List<TerminationNotice> terminations();

  @Value.Check
  void check() {
    Checks.range(!partnerId().isBlank(), "partnerId must not be blank");
    LocalDate previous = acceptedOn();
    for (TerminationNotice t : terminations()) {
      Checks.range(t.notice().isWritten(), "only written notices are kept, found %s", t);
      Checks.range(!t.givenOn().isBefore(previous),
          "notices must be given on or after acceptance on %s, in order; found %s", acceptedOn(), t);
      Checks.range(!t.effectiveOn().isBefore(policy().earliestTerminationFor(t.givenOn())),
          "%s names a date earlier than the notice allows", t);
      previous = t.givenOn();
    }
    LocalDate last = previous;
    endDate().ifPresent(end -> Checks.range(!last.isAfter(end),
        "a notice given on %s comes after the end on %s", last, end));
  }

  /**
   * Accepts the agreement with 30 days of termination notice (MPA-1).
   *
   * @param partnerId the partner id, not blank
   * @param acceptedOn the day of acceptance, the first day in force
   * @return the agreement, without notice
   */
  public static PartnerAgreement accept(String partnerId, LocalDate acceptedOn) {
    return accept(partnerId, acceptedOn, PartnerAgreementPolicy.currentProgram());
  }

  /**
   * Accepts the agreement under {@code policy} (MPA-1).
   *
   * @param partnerId the partner id, not blank
   * @param acceptedOn the day of acceptance, the first day in force
   * @param policy the termination notice policy
   * @return the agreement, without notice
   */
  public static PartnerAgreement accept(String partnerId, LocalDate acceptedOn,
      PartnerAgreementPolicy policy) {
    requireNonNull(partnerId, "partnerId");
    requireNonNull(acceptedOn, "acceptedOn");
    requireNonNull(policy, "policy");
    Checks.range(!partnerId.isBlank(), "partnerId must not be blank");
    return ImmutablePartnerAgreement.builder().partnerId(partnerId).acceptedOn(acceptedOn)
        .policy(policy).build();
  }

  /**
   * Records a notice of termination (MPA-1, AGR-4). Recording a notice already recorded returns this
   * agreement.
   *
   * @param notice the notice
   * @return a new agreement that also holds {@code notice}
   * @throws RuleViolation AGR-4 when the notice is not written; MPA-1 when it was given before
   *     acceptance or after the agreement ended, when the date it names is less than the notice
   *     after its day, or when it would end the agreement before a recorded notice was given
   */
  public PartnerAgreement withTermination(TerminationNotice notice) {
    requireNonNull(notice, "notice");
    requireAdmissible(notice);
    Optional<LocalDate> end = endDate();
    if (end.isPresent() && notice.givenOn().isAfter(end.get())) {
      throw RuleViolation.of("MPA-1",
          "the agreement of partner %s ended on %s; the notice given on %s by %s comes after its end",
          partnerId(), end.get(), notice.givenOn(), notice.notice().party());
    }
    if (terminations().contains(notice)) {
      return this;
    }
    Optional<TerminationNotice> lateOne = terminations().stream()
        .filter(t -> t.givenOn().isAfter(notice.lastDayInForce())).findFirst();
    if (lateOne.isPresent()) {
      throw RuleViolation.of("MPA-1",
          "the notice given on %s would end the agreement of partner %s after %s, before the notice"
              + " already recorded on %s; record notices in the order they were given",
          notice.givenOn(), partnerId(), notice.lastDayInForce(), lateOne.get().givenOn());
    }
    List<TerminationNotice> all = new ArrayList<>(terminations());
    all.add(notice);
    all.sort(BY_DAY);
    return ImmutablePartnerAgreement.builder().from(this).terminations(all).build();
  }

  /**
   * The last day in force given all recorded notices: the day before the earliest date named
   * (MPA-1).
   *
   * @return the last day in force, or empty when no notice was recorded
   */
  @Value.Lazy
  public Optional<LocalDate> endDate() {
    return terminations().stream().map(TerminationNotice::lastDayInForce)
        .min(Comparator.naturalOrder());
  }

  /**
   * The notice, given on or before {@code date}, that ends the agreement (AGR-5): the one whose
   * end comes first (the earliest given on a tie).
   *
   * @param date a date
   * @return the notice, or empty when none was given by then
   */
  public Optional<TerminationNotice> pendingNotice(LocalDate date) {
    requireNonNull(date, "date");
    return terminations().stream().filter(n -> !n.givenOn().isAfter(date))
        .min(Comparator.comparing(TerminationNotice::effectiveOn).thenComparing(BY_DAY));
  }

  /**
   * Everything AGR-5 asks on {@code date} under the MPA: in force or not, the pending notice and the
   * last day in force it causes, and the earliest date a notice given that day could name. There is
   * no term and no renewal date.
   *
   * @param date a date
   * @return the status on that date
   */
  public PartnerAgreementStatus statusOn(LocalDate date) {
    requireNonNull(date, "date");
    Optional<TerminationNotice> pending = pendingNotice(date);
    return ImmutablePartnerAgreementStatus.builder()
        .date(date)
        .inForce(isInForce(date))
        .pendingNotice(pending)
        .endDate(pending.map(TerminationNotice::lastDayInForce))
        .earliestTermination(policy().earliestTerminationFor(date))
        .build();
  }

  private void requireAdmissible(TerminationNotice t) {
    Notice notice = t.notice();
    Checks.rule(notice.isWritten(), "AGR-4",
        "a notice of termination by %s on %s through %s does not count: only written notice counts;"
            + " send it in writing", notice.party(), notice.givenOn(), notice.channel());
    if (notice.givenOn().isBefore(acceptedOn())) {
      throw RuleViolation.of("MPA-1",
          "a notice given on %s comes before partner %s accepted the agreement on %s; give notice"
              + " on or after acceptance", notice.givenOn(), partnerId(), acceptedOn());
    }
    LocalDate earliest = policy().earliestTerminationFor(notice.givenOn());
    Checks.rule(!t.effectiveOn().isBefore(earliest), "MPA-1",
        "a notice of termination given on %s cannot end the agreement on %s: the date must be at"
            + " least %s after the notice, on or after %s",
        notice.givenOn(), t.effectiveOn(), policy().terminationNotice(), earliest);
  }
}
