package io.github.cspkit.csp.access;

import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Random GDAP relationship histories for the properties (GDA-1..4), and an oracle that replays a
 * history day by day, independently of {@link GdapRelationship}'s own arithmetic: a period end is
 * met on its day, and the request expiry after 90 pending days.
 */
final class GdapScripts {
  private GdapScripts() {}

  static final GdapPolicy POLICY = GdapPolicy.currentProgram();
  static final List<String> GROUPS = List.of("g1", "g2", "g3");
  static final List<String> USERS = List.of("u1", "u2", "u3", "u4");
  static final int HORIZON = 1000;

  /** What happens to a relationship after its request, in order. */
  enum Kind { APPROVE, AUTO_EXTEND, TERMINATE }

  record Event(LocalDate day, Kind kind, boolean on, GdapSide side) {}

  /** A request and what follows it. */
  record Script(GdapRequest request, LocalDate requestedOn, List<Event> events) {
    boolean globalAdmin() {
      return request.assignments().stream().anyMatch(a -> a.role().equals(GdapRole.GLOBAL_ADMINISTRATOR));
    }
  }

  /** The relationship a script makes, and which of its events were refused. */
  record Played(GdapRelationship relationship, List<Boolean> refused) {}

  /** A world: relationships of partner P with customers C1 and C2, and P's security groups. */
  record World(List<Script> scripts, SecurityGroups groups) {}

  static Gen<Script> scripts() {
    return SourceDSL.longs().all().map(seed -> script(new SplittableRandom(seed), "R1", "C1"));
  }

  static Gen<World> worlds() {
    return SourceDSL.longs().all().map(seed -> world(new SplittableRandom(seed)));
  }

  static World world(SplittableRandom rnd) {
    List<Script> scripts = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      scripts.add(script(rnd, "R" + (i + 1), rnd.nextInt(4) == 0 ? "C2" : "C1"));
    }
    List<SecurityGroup> groups = new ArrayList<>();
    for (String g : GROUPS) {
      groups.add(SecurityGroup.of(g, USERS.stream().filter(u -> rnd.nextInt(3) == 0).toList()));
    }
    return new World(scripts, SecurityGroups.of(groups));
  }

  static Script script(SplittableRandom rnd, String id, String customer) {
    LocalDate requestedOn = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(1500));
    List<String> roleNames = POLICY.roles().all().stream().map(GdapRole::name).toList();
    List<RoleAssignment> assignments = new ArrayList<>();
    List<String> shuffled = new ArrayList<>(roleNames);
    java.util.Collections.shuffle(shuffled, new java.util.Random(rnd.nextLong()));
    for (String role : shuffled.subList(0, 1 + rnd.nextInt(3))) {
      assignments.add(RoleAssignment.of(role, GROUPS.stream().filter(g -> rnd.nextInt(2) == 0).toList()));
    }
    boolean ga = assignments.stream().anyMatch(a -> a.role().equals(GdapRole.GLOBAL_ADMINISTRATOR));
    GdapRequest request = new GdapRequest(id, "P", customer, assignments, duration(rnd),
        !ga && rnd.nextBoolean());
    List<Event> events = new ArrayList<>();
    LocalDate day = requestedOn;
    LocalDate approval = null;
    if (rnd.nextInt(4) != 0) { // most requests meet an approval, some of them too late (day 90 on)
      day = day.plusDays(rnd.nextInt(101));
      approval = day;
      events.add(new Event(day, Kind.APPROVE, false, GdapSide.CUSTOMER));
    }
    int count = rnd.nextInt(7);
    for (int i = 0; i < count; i++) {
      if (approval != null && rnd.nextInt(3) == 0) { // around the next end of a period
        LocalDate end = approval.plus(request.duration());
        while (end.isBefore(day)) {
          end = end.plusDays(180);
        }
        LocalDate near = end.plusDays(rnd.nextInt(3) - 1);
        day = near.isBefore(day) ? day : near;
      } else {
        day = day.plusDays(rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(130));
      }
      if (day.isAfter(requestedOn.plusDays(HORIZON - 1))) {
        break; // the replay covers HORIZON days
      }
      int k = rnd.nextInt(20);
      Kind kind = k < 3 ? Kind.APPROVE : k < 15 ? Kind.AUTO_EXTEND : Kind.TERMINATE;
      events.add(new Event(day, kind, rnd.nextBoolean(), rnd.nextBoolean() ? GdapSide.PARTNER : GdapSide.CUSTOMER));
    }
    return new Script(request, requestedOn, events);
  }

  /** Durations in days, months, years or mixed, short ones often, so extensions are met. */
  static Period duration(SplittableRandom rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> Period.ofDays(1 + rnd.nextInt(40));
      case 1 -> Period.ofDays(1 + rnd.nextInt(730));
      case 2 -> Period.ofMonths(1 + rnd.nextInt(24));
      case 3 -> Period.ofYears(1 + rnd.nextInt(2));
      default -> Period.of(rnd.nextInt(2), rnd.nextInt(12), rnd.nextInt(28) + 1);
    };
  }

  /** Plays the script through the value's operations; refused events change nothing. */
  static Played play(Script s) {
    GdapRelationship r = GdapRelationship.request(s.request(), s.requestedOn(), POLICY);
    List<Boolean> refused = new ArrayList<>();
    for (Event e : s.events()) {
      GdapRelationship before = r;
      try {
        r = switch (e.kind()) {
          case APPROVE -> r.approve(e.day());
          case AUTO_EXTEND -> r.withAutoExtend(e.on(), e.day());
          case TERMINATE -> r.terminate(e.day(), e.side());
        };
        refused.add(false);
      } catch (RuleViolation v) {
        if (!v.rule().matches("GDA-[134]")) {
          throw v;
        }
        if (r != before) {
          throw new AssertionError("a refusal changed the relationship");
        }
        refused.add(true);
      }
    }
    return new Played(r, refused);
  }

  /** The oracle's view of one day. */
  record Day(GdapStatus.Kind kind, LocalDate periodLastDay, GdapEndReason reason) {}

  /** The oracle: replays the script day by day from the request, for {@link #HORIZON} days. */
  static final class Oracle {
    final List<Day> days = new ArrayList<>();
    final List<Boolean> refused = new ArrayList<>();
    final LocalDate start;

    Oracle(Script s) {
      start = s.requestedOn();
      GdapStatus.Kind kind = GdapStatus.Kind.PENDING;
      GdapEndReason reason = null;
      boolean auto = s.request().autoExtend();
      LocalDate periodEnd = null;
      int pendingDays = 0;
      int next = 0;
      for (int i = 0; i < HORIZON; i++) {
        LocalDate day = start.plusDays(i);
        if (kind == GdapStatus.Kind.ACTIVE && day.equals(periodEnd)) {
          if (auto) {
            periodEnd = periodEnd.plusDays(180);
          } else {
            kind = GdapStatus.Kind.ENDED;
            reason = GdapEndReason.EXPIRED;
          }
        }
        if (kind == GdapStatus.Kind.PENDING && pendingDays == 90) {
          kind = GdapStatus.Kind.ENDED;
          reason = GdapEndReason.REQUEST_EXPIRED;
        }
        while (next < s.events().size() && s.events().get(next).day().equals(day)) {
          Event e = s.events().get(next++);
          boolean no;
          switch (e.kind()) {
            case APPROVE -> {
              no = kind != GdapStatus.Kind.PENDING;
              if (!no) {
                kind = GdapStatus.Kind.ACTIVE;
                periodEnd = day.plus(s.request().duration());
              }
            }
            case AUTO_EXTEND -> {
              no = kind == GdapStatus.Kind.ENDED || (e.on() && !auto && s.globalAdmin());
              if (!no) {
                auto = e.on();
              }
            }
            default -> {
              no = kind == GdapStatus.Kind.ENDED;
              if (!no) {
                kind = GdapStatus.Kind.ENDED;
                reason = GdapEndReason.terminatedBy(e.side());
              }
            }
          }
          refused.add(no);
        }
        days.add(new Day(kind, kind == GdapStatus.Kind.ACTIVE ? periodEnd.minusDays(1) : null,
            kind == GdapStatus.Kind.ENDED ? reason : null));
        if (kind == GdapStatus.Kind.PENDING) {
          pendingDays++;
        }
      }
    }

    Day on(LocalDate day) {
      return days.get((int) (day.toEpochDay() - start.toEpochDay()));
    }

    boolean activeOn(LocalDate day) {
      if (!day.isBefore(start.plusDays(HORIZON))) {
        throw new IllegalArgumentException(day + " is beyond the replay of " + start);
      }
      return !day.isBefore(start) && on(day).kind() == GdapStatus.Kind.ACTIVE;
    }
  }
}
