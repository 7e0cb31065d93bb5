package io.github.cspkit.csp.access;

import io.github.cspkit.csp.internal.Checks;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.time.Period;

/**
 * The GDAP rules' values (GDA-1..3) and the role policy (GDA-2). {@link #currentProgram()} follows
 * DOMAIN.md: durations from {@code P1D} to {@code P2Y}, requests approvable for 90 days,
 * auto-extension by {@code P180D}, Microsoft Entra's built-in roles.
 *
 * <p><b>Interpretation of "between 1 day and 2 years".</b> A duration may mix years, months and days
 * ({@code P1Y6M}, {@code P90D}), and how long a month is depends on the day it is counted from. A
 * duration is accepted when, from <em>every</em> possible activation day, it lasts at least the
 * minimum and ends no later than the maximum: {@code P730D} and {@code P24M} pass, {@code P731D}
 * does not (activated on 2025-03-01 it would end on 2027-03-02, after 2027-03-01), nor does
 * {@code P1Y11M29D} (from 2025-03-01 to 2027-03-02 too). No component may be negative. The days of
 * a four-year leap cycle are tried, which meets every position of the leap day: exact for limits of
 * up to three years, as the default's two.
 *
 * @param minDuration the shortest duration, {@code P1D}
 * @param maxDuration the longest duration, {@code P2Y}
 * @param requestValidity how long a request can wait for approval, {@code P90D}: requested on day
 *     r, it can be approved through {@code r + 89 days} and has ended on {@code r + 90 days}
 * @param extension how much each auto-extension adds, {@code P180D}
 * @param roles which tasks each role covers
 */
public record GdapPolicy(Period minDuration, Period maxDuration, Period requestValidity,
    Period extension, GdapRoles roles) {
  /** The activation days a duration is checked from: one leap cycle, 2025 to 2028. */
  private static final LocalDate REFERENCE_START = LocalDate.of(2025, 1, 1);
  private static final LocalDate REFERENCE_END = LocalDate.of(2029, 1, 1);
  /** The days of a month that stand for all its days (see {@link #requireDuration}). */
  private static final int[] STANDING_DAYS = {1, 29, 30, 31};

  /**
   * @param minDuration shortest duration
   * @param maxDuration longest duration
   * @param requestValidity approval window
   * @param extension auto-extension
   * @param roles role policy
   * @throws io.github.cspkit.csp.OutOfRangeException if a period is not positive, or the request
   *     validity is not counted in days
   */
  public GdapPolicy {
    requirePositive(minDuration, "minDuration");
    requirePositive(maxDuration, "maxDuration");
    requirePositive(requestValidity, "requestValidity");
    requirePositive(extension, "extension");
    requireNonNull(roles, "roles");
    Checks.range(requestValidity.toTotalMonths() == 0 && requestValidity.getYears() == 0,
        "requestValidity is counted in days, found %s", requestValidity);
  }

  /** @return the current program's values and Microsoft Entra's built-in roles */
  public static GdapPolicy currentProgram() {
    return new GdapPolicy(Period.ofDays(1), Period.ofYears(2), Period.ofDays(90),
        Period.ofDays(180), GdapRoles.entraBuiltIns());
  }

  /**
   * @param other another role policy
   * @return this policy with it
   */
  public GdapPolicy withRoles(GdapRoles other) {
    return new GdapPolicy(minDuration, maxDuration, requestValidity, extension, other);
  }

  /**
   * Checks a relationship's duration (GDA-1).
   *
   * @param duration the duration asked for
   * @return {@code duration}
   * @throws RuleViolation GDA-1 if a component is negative, or if from some activation day it is
   *     shorter than {@link #minDuration()} or longer than {@link #maxDuration()}
   */
  public Period requireDuration(Period duration) {
    requireNonNull(duration, "duration");
    Checks.rule(!duration.isNegative() && !duration.isZero(), "GDA-1",
        "a relationship lasts between %s and %s; %s is not a positive duration",
        minDuration, maxDuration, duration);
    // Days 2 to 28 of a month behave as its first: adding months keeps them, adding days shifts
    // both ends alike. So the first day and days 29 to 31 of each month stand for all.
    for (LocalDate month = REFERENCE_START; month.isBefore(REFERENCE_END); month = month.plusMonths(1)) {
      for (int day : STANDING_DAYS) {
        if (day <= month.lengthOfMonth()) {
          requireWithinLimits(duration, month.withDayOfMonth(day));
        }
      }
    }
    return duration;
  }

  private void requireWithinLimits(Period duration, LocalDate a) {
    LocalDate end = a.plus(duration);
    if (end.isBefore(a.plus(minDuration))) {
      throw RuleViolation.of("GDA-1", "a relationship lasts at least %s; %s is shorter: for example,"
          + " activated on %s it would end on %s, before %s", minDuration, duration, a, end,
          a.plus(minDuration));
    }
    if (end.isAfter(a.plus(maxDuration))) {
      throw RuleViolation.of("GDA-1", "a relationship lasts at most %s; %s is longer: for example,"
          + " activated on %s it would end on %s, after %s", maxDuration, duration, a, end,
          a.plus(maxDuration));
    }
  }

  /**
   * @param requestedOn the day of a request
   * @return the last day it can be approved (GDA-1)
   */
  public LocalDate approvableThrough(LocalDate requestedOn) {
    return requestedOn.plus(requestValidity).minusDays(1);
  }

  private static void requirePositive(Period p, String name) {
    requireNonNull(p, name);
    Checks.range(!p.isNegative() && !p.isZero(), "%s must be positive, found %s", name, p);
  }
}
