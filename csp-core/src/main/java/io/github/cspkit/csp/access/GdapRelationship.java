package io.github.cspkit.csp.access;

import io.github.cspkit.csp.internal.Checks;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A granular delegated admin (GDAP) relationship between a partner and a customer (GDA-1..4): the
 * roles it names, each granted to partner security groups (GDA-2), its duration, and its lifecycle.
 * Immutable: every operation returns the next value, and a refused one changes nothing.
 *
 * <p><b>Lifecycle.</b> Requested on day r, it is <em>pending</em> until the customer's admin
 * approves it, which is possible through {@code r + 89 days}; unapproved, it has ended on
 * {@code r + 90 days} (GDA-1). Approved on day a with duration d, it is <em>active</em> on
 * {@code [a, a + d)} (GDA-1). With auto-extend on, each time it reaches the end of a period it gets
 * a new one of {@code P180D}; whether it does is decided by the setting on the period's last day
 * (GDA-3). Either side can terminate it on any day it is pending or active; it has ended from that
 * day on (GDA-4). An ended relationship never comes back (GDA-3): the partner requests a new one.
 *
 * <p><b>Refusals.</b> A duration outside {@code P1D..P2Y}, a request without roles or with a role
 * the policy does not define: GDA-1. Approving after the request expired, or a relationship that is
 * already active: GDA-1. Approving or changing an ended one, and auto-extend with the Global
 * Administrator role: GDA-3. Terminating an ended one: GDA-4. Changes are recorded in date order:
 * one dated before the latest recorded change is out of range
 * ({@link io.github.cspkit.csp.OutOfRangeException}). A stored relationship that breaks an
 * invariant is refused by {@code build()}: naming GDA-1 (no role, a role twice) or GDA-3 (auto-extend
 * with the Global Administrator role), otherwise out of range.
 */
@Value.Immutable
public abstract class GdapRelationship {
  GdapRelationship() {} // only the generated implementation extends it

  /**
   * The auto-extend setting from a day on (GDA-3).
   *
   * @param from the first day it applies
   * @param on whether auto-extend is on
   */
  public record AutoExtend(LocalDate from, boolean on) {
    /**
     * @param from first day
     * @param on on or off
     */
    public AutoExtend {
      requireNonNull(from, "from");
    }
  }

  /**
   * A termination (GDA-4): the relationship has ended from {@code on}, included.
   *
   * @param on the day of the termination
   * @param by who terminated
   */
  public record Termination(LocalDate on, GdapSide by) {
    /**
     * @param on day
     * @param by side
     */
    public Termination {
      requireNonNull(on, "on");
      requireNonNull(by, "by");
    }
  }

  /** @return the relationship's id */
  public abstract String id();

  /** @return the partner that requested it */
  public abstract String partnerId();

  /** @return the customer whose tenant it opens */
  public abstract String customerId();

  /** @return its roles, each with the security groups it is granted to (GDA-2) */
  public abstract List<RoleAssignment> assignments();

  /** @return its duration once approved (GDA-1) */
  public abstract Period duration();

  /** @return what each auto-extension adds (GDA-3), {@code P180D} */
  public abstract Period extension();

  /** @return the day the partner requested it */
  public abstract LocalDate requestedOn();

  /** @return the last day the customer's admin can approve it: {@code requestedOn + 89 days} */
  public abstract LocalDate approvableThrough();

  /** @return the auto-extend settings by the day they apply from; the first on the request day */
  public abstract List<AutoExtend> autoExtend();

  /** @return the day the customer's admin approved it, if it was */
  public abstract Optional<LocalDate> approvedOn();

  /** @return its termination, if either side terminated it */
  public abstract Optional<Termination> termination();

  /** @return a new builder, to rebuild a stored relationship; {@link #request} makes new ones */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GdapRelationship}; the invariants are checked on {@code build()}. */
  public static final class Builder extends ImmutableGdapRelationship.Builder {}

  @Value.Check
  void check() {
    SecurityGroup.requireWord(id(), "a relationship id");
    SecurityGroup.requireWord(partnerId(), "a partner id");
    SecurityGroup.requireWord(customerId(), "a customer id");
    Checks.rule(!assignments().isEmpty(), "GDA-1", "relationship %s names no role", id());
    Set<String> roles = new HashSet<>();
    for (RoleAssignment a : assignments()) {
      Checks.rule(roles.add(a.role()), "GDA-1", "relationship %s names role %s twice", id(),
          a.role());
    }
    Checks.range(!duration().isNegative() && !duration().isZero(), "duration must be positive, found %s",
        duration());
    Checks.range(!extension().isNegative() && !extension().isZero(),
        "extension must be positive, found %s", extension());
    Checks.range(!approvableThrough().isBefore(requestedOn()),
        "approvable through %s, before the request on %s", approvableThrough(), requestedOn());
    checkAutoExtend();
    approvedOn().ifPresent(a -> Checks.range(!a.isBefore(requestedOn()) && !a.isAfter(approvableThrough()),
        "approved on %s, outside [%s, %s]", a, requestedOn(), approvableThrough()));
    Optional<LocalDate> natural = naturalEnd();
    LocalDate lastPossible = approvedOn().isEmpty() ? approvableThrough()
        : natural.map(e -> e.minusDays(1)).orElse(LocalDate.MAX);
    termination().ifPresent(t -> {
      Checks.range(!t.on().isBefore(requestedOn()) && !t.on().isBefore(approvedOn().orElse(requestedOn())),
          "terminated on %s, before the request or approval", t.on());
      Checks.range(!t.on().isAfter(lastPossible), "terminated on %s, after it ended", t.on());
    });
    LocalDate lastChange = termination().map(Termination::on).orElse(lastPossible);
    for (AutoExtend s : autoExtend()) {
      Checks.range(!s.from().isAfter(lastChange), "auto-extend set on %s, after it ended", s.from());
    }
  }

  private void checkAutoExtend() {
    List<AutoExtend> settings = autoExtend();
    Checks.range(!settings.isEmpty() && settings.get(0).from().equals(requestedOn()),
        "the first auto-extend setting applies from the request day %s", requestedOn());
    for (int i = 1; i < settings.size(); i++) {
      AutoExtend prev = settings.get(i - 1);
      AutoExtend next = settings.get(i);
      Checks.range(next.from().isAfter(prev.from()) && next.on() != prev.on(),
          "auto-extend settings change value on increasing days, found %s then %s", prev, next);
    }
    if (includesGlobalAdministrator()) {
      Checks.rule(settings.stream().noneMatch(AutoExtend::on), "GDA-3",
          "relationship %s includes the Global Administrator role and cannot auto-extend", id());
    }
  }

  // ------------------------------------------------------------------------------- operations

  /**
   * The partner requests a relationship on {@code day} (GDA-1); it is pending from then on.
   *
   * @param request roles, groups, duration and auto-extend
   * @param day the day of the request
   * @param policy the durations, approval window, extension and roles
   * @return the pending relationship
   * @throws RuleViolation GDA-1 if the duration is out of range, no role is named, a role is named
   *     twice or is not defined by the policy; GDA-3 if auto-extend is asked with the Global
   *     Administrator role
   */
  public static GdapRelationship request(GdapRequest request, LocalDate day, GdapPolicy policy) {
    requireNonNull(request, "request");
    requireNonNull(day, "day");
    requireNonNull(policy, "policy");
    Checks.rule(!request.assignments().isEmpty(), "GDA-1",
        "relationship %s names no role; a relationship names the roles the customer approves",
        request.id());
    Set<String> seen = new HashSet<>();
    for (RoleAssignment a : request.assignments()) {
      Checks.rule(seen.add(a.role()), "GDA-1", "relationship %s names role %s twice",
          request.id(), a.role());
      if (policy.roles().find(a.role()).isEmpty()) {
        throw RuleViolation.of("GDA-1", "relationship %s names role %s, which is not defined; the"
            + " roles are %s", request.id(), a.role(),
            policy.roles().all().stream().map(GdapRole::name).toList());
      }
    }
    policy.requireDuration(request.duration());
    boolean globalAdmin = seen.contains(GdapRole.GLOBAL_ADMINISTRATOR);
    Checks.rule(!(request.autoExtend() && globalAdmin), "GDA-3",
        "relationship %s includes the Global Administrator role, so it cannot auto-extend; ask"
            + " without auto-extend, or without that role", request.id());
    return builder()
        .id(request.id())
        .partnerId(request.partnerId())
        .customerId(request.customerId())
        .assignments(request.assignments())
        .duration(request.duration())
        .extension(policy.extension())
        .requestedOn(day)
        .approvableThrough(policy.approvableThrough(day))
        .addAutoExtend(new AutoExtend(day, request.autoExtend()))
        .build();
  }

  /**
   * The customer's admin approves the relationship on {@code day} (GDA-1): it is active from that
   * day for its duration.
   *
   * @param day the day of approval
   * @return the active relationship
   * @throws RuleViolation GDA-1 if it is already active or the request expired (not approved within
   *     90 days); GDA-3 if it ended otherwise
   * @throws io.github.cspkit.csp.OutOfRangeException if {@code day} is before the latest recorded
   *     change
   */
  public GdapRelationship approve(LocalDate day) {
    requireInOrder(day);
    GdapStatus status = statusOn(day);
    if (status instanceof GdapStatus.Active a) {
      throw RuleViolation.of("GDA-1", "relationship %s was already approved on %s", id(),
          a.approvedOn());
    }
    if (status instanceof GdapStatus.Ended e) {
      if (e.reason() == GdapEndReason.REQUEST_EXPIRED) {
        throw RuleViolation.of("GDA-1", "relationship %s was requested on %s and could be approved"
            + " through %s; the request expired on %s, so the partner requests a new one", id(),
            requestedOn(), approvableThrough(), e.on());
      }
      throw endedRefusal("GDA-3", e, "approved");
    }
    return builder().from(this).approvedOn(day).build();
  }

  /**
   * One side terminates the relationship on {@code day} (GDA-4): it is ended from that day on,
   * whether it was active or still pending.
   *
   * @param day the day of termination
   * @param by who terminates
   * @return the ended relationship
   * @throws RuleViolation GDA-4 if it had already ended
   * @throws io.github.cspkit.csp.OutOfRangeException if {@code day} is before the latest recorded
   *     change
   */
  public GdapRelationship terminate(LocalDate day, GdapSide by) {
    requireNonNull(by, "by");
    requireInOrder(day);
    if (statusOn(day) instanceof GdapStatus.Ended e) {
      throw endedRefusal("GDA-4", e, "terminated");
    }
    return builder().from(this).termination(new Termination(day, by)).build();
  }

  /**
   * Turns auto-extend on or off from {@code day} (GDA-3); the setting on a period's last day decides
   * whether it gets a new period. Setting the value it already has changes nothing.
   *
   * @param on whether auto-extend is on
   * @param day the first day of the setting
   * @return the relationship with that setting
   * @throws RuleViolation GDA-3 if it includes the Global Administrator role (to turn on), or has
   *     ended
   * @throws io.github.cspkit.csp.OutOfRangeException if {@code day} is before the latest recorded
   *     change
   */
  public GdapRelationship withAutoExtend(boolean on, LocalDate day) {
    requireInOrder(day);
    if (statusOn(day) instanceof GdapStatus.Ended e) {
      throw endedRefusal("GDA-3", e, "changed");
    }
    if (autoExtendOn(day) == on) {
      return this;
    }
    Checks.rule(!(on && includesGlobalAdministrator()), "GDA-3",
        "relationship %s includes the Global Administrator role, so it cannot auto-extend", id());
    List<AutoExtend> settings = new ArrayList<>(autoExtend());
    if (settings.get(settings.size() - 1).from().equals(day)) {
      settings.remove(settings.size() - 1); // a second change on one day replaces the first
    }
    if (settings.isEmpty() || settings.get(settings.size() - 1).on() != on) {
      settings.add(new AutoExtend(day, on));
    }
    return builder().from(this).autoExtend(settings).build();
  }

  private RuleViolation endedRefusal(String rule, GdapStatus.Ended e, String verb) {
    return RuleViolation.of(rule, "relationship %s ended on %s (%s); an ended relationship cannot be"
        + " %s or reactivated, so the partner requests a new one", id(), e.on(), e.reason().words(),
        verb);
  }

  private void requireInOrder(LocalDate day) {
    requireNonNull(day, "day");
    Checks.range(!day.isBefore(lastChangedOn()),
        "relationship %s was last changed on %s; a change dated %s comes before it", id(),
        lastChangedOn(), day);
  }

  // ---------------------------------------------------------------------------------- queries

  /**
   * Where the relationship stands on {@code day} (GDA-1, GDA-3, GDA-4).
   *
   * @param day a day on or after the request
   * @return pending, active within a period, or ended with the reason
   * @throws io.github.cspkit.csp.OutOfRangeException if {@code day} is before the request
   */
  public GdapStatus statusOn(LocalDate day) {
    requireNonNull(day, "day");
    Checks.range(!day.isBefore(requestedOn()), "relationship %s was requested on %s; it has no"
        + " status on %s", id(), requestedOn(), day);
    Optional<Termination> t = termination();
    if (t.isPresent() && !day.isBefore(t.get().on())) {
      return new GdapStatus.Ended(t.get().on(), GdapEndReason.terminatedBy(t.get().by()));
    }
    Optional<LocalDate> approved = approvedOn();
    if (approved.isEmpty() || day.isBefore(approved.get())) {
      if (day.isAfter(approvableThrough())) {
        return new GdapStatus.Ended(approvableThrough().plusDays(1), GdapEndReason.REQUEST_EXPIRED);
      }
      return new GdapStatus.Pending(requestedOn(), approvableThrough());
    }
    Optional<LocalDate> natural = naturalEnd();
    if (natural.isPresent() && !day.isBefore(natural.get())) {
      return new GdapStatus.Ended(natural.get(), GdapEndReason.EXPIRED);
    }
    LocalDate start = approved.get();
    LocalDate end = start.plus(duration());
    while (!end.isAfter(day)) { // extended at each end up to day: natural end is later
      start = end;
      end = end.plus(extension());
    }
    return new GdapStatus.Active(approved.get(), start, end);
  }

  /**
   * @param day a day
   * @return whether the relationship is active on {@code day}; false before the request
   */
  public boolean isActiveOn(LocalDate day) {
    requireNonNull(day, "day");
    return !day.isBefore(requestedOn()) && statusOn(day) instanceof GdapStatus.Active;
  }

  /**
   * The last day of the period in force on {@code day} ({@code expect gdap-ends}): an
   * auto-extended relationship gets a new period when it reaches that day's end (GDA-3).
   *
   * @param day a day on or after the request
   * @return the period's last day, or empty when the relationship is not active on {@code day}
   */
  public Optional<LocalDate> endsOn(LocalDate day) {
    return statusOn(day) instanceof GdapStatus.Active a ? Optional.of(a.lastDay()) : Optional.empty();
  }

  /**
   * @param day a day on or after the request
   * @return whether auto-extend is on that day (GDA-3)
   */
  public boolean autoExtendOn(LocalDate day) {
    requireNonNull(day, "day");
    boolean on = false;
    for (AutoExtend s : autoExtend()) {
      if (s.from().isAfter(day)) {
        break;
      }
      on = s.on();
    }
    return on;
  }

  /** @return the names of its roles, sorted */
  public Set<String> roles() {
    ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
    assignments().forEach(a -> b.add(a.role()));
    return b.build();
  }

  /** @return whether it names the Global Administrator role (GDA-3) */
  public boolean includesGlobalAdministrator() {
    return assignments().stream().anyMatch(a -> a.role().equals(GdapRole.GLOBAL_ADMINISTRATOR));
  }

  /** @return the day of its latest recorded change: request, approval, setting or termination */
  public LocalDate lastChangedOn() {
    LocalDate last = autoExtend().get(autoExtend().size() - 1).from();
    if (approvedOn().isPresent() && approvedOn().get().isAfter(last)) {
      last = approvedOn().get();
    }
    if (termination().isPresent() && termination().get().on().isAfter(last)) {
      last = termination().get().on();
    }
    return last;
  }

  /**
   * The first day it is no longer in force through its own duration and extensions, termination
   * aside (GDA-1, GDA-3): the first period end whose last day has auto-extend off.
   *
   * @return that day; empty when it is not approved, or auto-extends for ever
   */
  Optional<LocalDate> naturalEnd() {
    if (approvedOn().isEmpty()) {
      return Optional.empty();
    }
    LocalDate lastSetting = autoExtend().get(autoExtend().size() - 1).from();
    LocalDate end = approvedOn().get().plus(duration());
    while (!end.isAfter(lastSetting)) { // settings may still change before this end
      if (!autoExtendOn(end.minusDays(1))) {
        return Optional.of(end);
      }
      end = end.plus(extension());
    }
    return autoExtendOn(end.minusDays(1)) ? Optional.empty() : Optional.of(end);
  }
}
