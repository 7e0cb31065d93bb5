package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.RenewalPolicy;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators for the agreement (AGR-1..5): dates from 2015 to 2040, renewal policies
 * (the seed, {@code --02-29} and any other day), parties, channels, notices and agreements.
 */
public final class AgreementGen {
  /** The first day generated. */
  public static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
  /** The last day generated. */
  public static final LocalDate LAST = LocalDate.of(2040, 12, 31);

  private AgreementGen() {}

  /** @return days from 2015-01-01 to 2040-12-31 */
  public static Gen<LocalDate> dates() {
    return datesBetween(FIRST, LAST);
  }

  /**
   * @param first the first day
   * @param last the last day, not before {@code first}
   * @return days from {@code first} to {@code last}, both included
   */
  public static Gen<LocalDate> datesBetween(LocalDate first, LocalDate last) {
    return Generate.longRange(first.toEpochDay(), last.toEpochDay()).map(LocalDate::ofEpochDay);
  }

  /**
   * @param first the first day
   * @param maxDays the most days after {@code first}
   * @return days from {@code first} to {@code first + maxDays}
   */
  public static Gen<LocalDate> datesFrom(LocalDate first, int maxDays) {
    return Generate.range(0, maxDays).map(days -> first.plusDays(days));
  }

  /** @return any day of the year, often {@code --08-31} or {@code --02-29} */
  public static Gen<MonthDay> renewalDates() {
    Gen<MonthDay> any = Generate.enumValues(Month.class)
        .zip(Generate.range(1, 31),
            (month, day) -> MonthDay.of(month, Math.min(day, month.maxLength())));
    return Generate.frequency(List.of(
        Pair.of(6, any),
        Pair.of(2, Generate.constant(MonthDay.of(8, 31))),
        Pair.of(2, Generate.constant(MonthDay.of(2, 29)))));
  }

  /** @return notice periods from 0 to 120 days, or 1 to 3 months */
  public static Gen<Period> noticePeriods() {
    return Generate.oneOf(
        Generate.range(0, 120).map(Period::ofDays),
        Generate.range(1, 3).map(Period::ofMonths),
        Generate.constant(Period.ofDays(30)));
  }

  /** @return renewal policies, the seed among them */
  public static Gen<RenewalPolicy> policies() {
    return Generate.oneOf(
        Generate.constant(RenewalPolicy.seed()),
        renewalDates().zip(noticePeriods(), RenewalPolicy::of));
  }

  /** @return either party */
  public static Gen<Party> parties() {
    return Generate.enumValues(Party.class);
  }

  /** @return any channel, written or not */
  public static Gen<NoticeChannel> channels() {
    return Generate.enumValues(NoticeChannel.class);
  }

  /** @return partner ids such as {@code P-42} */
  public static Gen<String> partnerIds() {
    return Generate.range(1, 9_999).map(n -> "P-" + n);
  }

  /** @return agreements under the seed policy, accepted 2015 to 2035, without notice */
  public static Gen<Agreement> seedAgreements() {
    return partnerIds().zip(datesBetween(FIRST, LocalDate.of(2035, 12, 31)), Agreement::accept);
  }

  /** @return agreements under any policy, accepted 2015 to 2035, without notice */
  public static Gen<Agreement> agreements() {
    return partnerIds().zip(datesBetween(FIRST, LocalDate.of(2035, 12, 31)), policies(),
        Agreement::accept);
  }

  /**
   * @param agreement an agreement
   * @return written notices given from acceptance to five years later
   */
  public static Gen<Notice> writtenNoticesFor(Agreement agreement) {
    return datesFrom(agreement.acceptedOn(), 5 * 366).zip(parties(), Notice::written);
  }

  /**
   * @return agreements under any policy with 0 to 3 written notices, recorded in the order given;
   *     a notice given after the end caused by the earlier ones is left out
   */
  public static Gen<Agreement> agreementsWithNotices() {
    return agreementsWithNotices(0, 3);
  }

  /**
   * @param min the fewest notices generated; with at least one, the agreement has an end date
   * @param max the most notices generated
   * @return agreements under any policy with {@code min} to {@code max} written notices generated,
   *     recorded in the order given; a notice given after the end caused by the earlier ones is
   *     left out (the first one never is)
   */
  public static Gen<Agreement> agreementsWithNotices(int min, int max) {
    return agreements().flatMap(agreement -> SourceDSL.lists()
        .of(writtenNoticesFor(agreement)).ofSizeBetween(min, max)
        .map(notices -> {
          Agreement result = agreement;
          notices.sort(Comparator.comparing(Notice::givenOn));
          for (Notice notice : notices) {
            LocalDate end = result.endDate().orElse(LocalDate.MAX);
            if (!notice.givenOn().isAfter(end)) {
              result = result.withNotice(notice);
            }
          }
          return result;
        }));
  }

  /**
   * Days on which {@code agreement} is in force: from acceptance to its end date, both included, or
   * to five years after acceptance when it has none. Mostly any such day; often the acceptance day,
   * the last day, a renewal date or the day after one.
   *
   * @param agreement an agreement
   * @return the generator
   */
  public static Gen<LocalDate> datesInForce(Agreement agreement) {
    LocalDate first = agreement.acceptedOn();
    LocalDate last = agreement.endDate().orElse(first.plusYears(5));
    Gen<LocalDate> any = datesBetween(first, last);
    Gen<LocalDate> renewals = any.zip(Generate.range(0, 1), (date, after) -> {
      LocalDate renewal = agreement.nextRenewalDate(date).plusDays(after);
      return renewal.isAfter(last) ? last : renewal;
    });
    return Generate.frequency(List.of(
        Pair.of(6, any),
        Pair.of(1, Generate.constant(first)),
        Pair.of(1, Generate.constant(last)),
        Pair.of(2, renewals)));
  }
}
