package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;

/**
 * Where a GDAP relationship stands on a day (GDA-1, GDA-3, GDA-4): pending the customer's
 * approval, active within one of its periods, or ended for a reason.
 */
public sealed interface GdapStatus {
  /** The three states, as {@code expect gdap} names them. */
  enum Kind {
    /** Requested, not yet approved. */
    PENDING,
    /** Approved and in force. */
    ACTIVE,
    /** Ended; it never comes back (GDA-3). */
    ENDED
  }

  /** @return the state */
  Kind kind();

  /**
   * Requested, awaiting the customer admin's approval (GDA-1).
   *
   * @param requestedOn the day of the request
   * @param approvableThrough the last day it can be approved: the request day + 89 days
   */
  record Pending(LocalDate requestedOn, LocalDate approvableThrough) implements GdapStatus {
    /**
     * @param requestedOn requested
     * @param approvableThrough last approvable day
     */
    public Pending {
      requireNonNull(requestedOn, "requestedOn");
      requireNonNull(approvableThrough, "approvableThrough");
      Checks.range(!approvableThrough.isBefore(requestedOn), "approvable through %s, before %s",
          approvableThrough, requestedOn);
    }

    @Override
    public Kind kind() {
      return Kind.PENDING;
    }
  }

  /**
   * Approved and in force (GDA-1, GDA-3): within the period {@code [periodStart, periodEnd)}, the
   * first one starting on the approval day, each later one an auto-extension.
   *
   * @param approvedOn the day the customer's admin approved it
   * @param periodStart the first day of the current period
   * @param periodEnd the first day after the current period
   */
  record Active(LocalDate approvedOn, LocalDate periodStart, LocalDate periodEnd)
      implements GdapStatus {
    /**
     * @param approvedOn approved
     * @param periodStart period start
     * @param periodEnd period end (exclusive)
     */
    public Active {
      requireNonNull(approvedOn, "approvedOn");
      requireNonNull(periodStart, "periodStart");
      requireNonNull(periodEnd, "periodEnd");
      Checks.range(!periodStart.isBefore(approvedOn) && periodEnd.isAfter(periodStart),
          "period [%s, %s) of a relationship approved on %s", periodStart, periodEnd, approvedOn);
    }

    /** @return the last day of the current period ({@code expect gdap-ends}) */
    public LocalDate lastDay() {
      return periodEnd.minusDays(1);
    }

    @Override
    public Kind kind() {
      return Kind.ACTIVE;
    }
  }

  /**
   * Ended (GDA-1, GDA-3, GDA-4): from {@code on} (included) no access comes through it.
   *
   * @param on the first day it is no longer in force
   * @param reason why
   */
  record Ended(LocalDate on, GdapEndReason reason) implements GdapStatus {
    /**
     * @param on ended on
     * @param reason reason
     */
    public Ended {
      requireNonNull(on, "on");
      requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.ENDED;
    }
  }
}
