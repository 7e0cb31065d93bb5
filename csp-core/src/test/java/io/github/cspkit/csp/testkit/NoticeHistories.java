package io.github.cspkit.csp.testkit;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.billing.Recurrence;
import io.github.cspkit.csp.customer.TenantOrigin;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Valid histories in which the partner gives written notice (AGR-3), for {@link
 * CspGenerators#historyWithNotice}. The model follows every subscription through its term ends as
 * the rules say (SUB-7: anchored terms; no renewal while suspended, with auto-renewal off, or on a
 * day the agreement is not in force, AGR-1; add-ons with their base, CAT-3), so that each
 * operation is valid on its day: before the agreement's last day any operation, after it only
 * winding down (cancel, suspend, remove seats, auto-renewal off). Price lists cover every month a
 * term could start in, so no renewal ends for want of a price (PRC-3).
 */
final class NoticeHistories {
  private static final Actor ADMIN = HistoryOp.ADMIN;

  private final CspGenerators gen;
  private final RandomGenerator random;
  private final List<HistoryOp> ops = new ArrayList<>();
  private final List<String> customers = new ArrayList<>();
  private final Map<String, Boolean> trials = new LinkedHashMap<>();
  private final Map<String, Sub> subs = new LinkedHashMap<>();
  private final LocalDate start;
  private LocalDate end; // the agreement's last day in force, once the notice is given
  private int services;

  /** A subscription as the model follows it. */
  private static final class Sub {
    final String id;
    final String customer;
    final String baseId;
    final LocalDate firstStart;
    final List<LocalDate> termStarts = new ArrayList<>();
    LocalDate termEnd; // exclusive
    int seats;
    int status; // 0 active, 1 suspended, 2 ended
    boolean autoRenew = true;

    Sub(String id, String customer, String baseId, int seats, LocalDate firstStart, LocalDate termEnd) {
      this.id = id;
      this.customer = customer;
      this.baseId = baseId;
      this.seats = seats;
      this.firstStart = firstStart;
      this.termStarts.add(firstStart);
      this.termEnd = termEnd;
    }
  }

  NoticeHistories(CspGenerators gen, RandomGenerator random) {
    this.gen = gen;
    this.random = random;
    this.start = gen.baseDate();
  }

  /** The agreement's last day in force that the history's notice causes. */
  LocalDate end() {
    return end;
  }

  List<HistoryOp> build(int customerCount, int operations) {
    ops.add(new HistoryOp.AcceptAgreement(start, ADMIN));
    for (int i = 2; i <= 60; i++) {
      YearMonth month = YearMonth.from(start).plusMonths(i);
      ops.add(new HistoryOp.Publish(start, Actor.vendor(), gen.priceList(month, start)));
    }
    for (int i = 0; i < customerCount; i++) {
      String id = "c" + i;
      boolean trial = random.nextInt(4) == 0;
      ops.add(new HistoryOp.CreateCustomer(start.plusDays(1 + i % 20), ADMIN,
          gen.customer(id, trial ? TenantOrigin.DIRECT_TRIAL : TenantOrigin.NEW)));
      customers.add(id);
      trials.put(id, trial);
    }
    LocalDate first = start.plusMonths(2);
    LocalDate notice = first.plusDays(random.nextInt(600));
    Agreement a = Agreement.accept(CspGenerators.PARTNER_ID, start)
        .withNotice(Notice.written(notice, Party.PARTNER));
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < operations; i++) {
      days.add(first.plusDays(random.nextInt(1_000)));
    }
    days.sort(null);
    boolean noticed = false;
    LocalDate last = first;
    for (LocalDate d : days) {
      if (!noticed && !d.isBefore(notice)) {
        ops.add(new HistoryOp.GiveNotice(notice, ADMIN,
            io.github.cspkit.csp.agreement.NoticeChannel.WRITTEN));
        end = a.endDate().orElseThrow();
        noticed = true;
      }
      roll(d, a);
      step(d, a.isInForce(d));
      last = d;
    }
    if (!noticed) {
      LocalDate d = notice.isAfter(last) ? notice : last;
      ops.add(new HistoryOp.GiveNotice(d, ADMIN, io.github.cspkit.csp.agreement.NoticeChannel.WRITTEN));
      end = Agreement.accept(CspGenerators.PARTNER_ID, start)
          .withNotice(Notice.written(d, Party.PARTNER)).endDate().orElseThrow();
      last = d;
    }
    // every term has ended two years after the agreement's last day: bill through then
    LocalDate finalRun = end.plusYears(2).isAfter(last) ? end.plusYears(2) : last.plusDays(40);
    ops.add(new HistoryOp.IssueBills(finalRun));
    return ops;
  }

  /** Moves every subscription through its term ends on or before {@code d} (SUB-7, AGR-1, CAT-3). */
  private void roll(LocalDate d, Agreement a) {
    for (int pass = 0; pass < 2; pass++) {
      for (Sub s : subs.values()) {
        if ((s.baseId != null) != (pass == 1)) {
          continue;
        }
        while (s.status != 2 && !s.termEnd.isAfter(d)) {
          LocalDate renewal = s.termEnd;
          boolean renews = s.status == 0 && s.autoRenew && a.isInForce(renewal);
          if (s.baseId == null && renews) {
            s.termStarts.add(renewal);
            s.termEnd = s.firstStart.plusYears(s.termStarts.size());
          } else if (s.baseId != null && renews && subs.get(s.baseId).termStarts.contains(renewal)) {
            Sub base = subs.get(s.baseId);
            int n = base.termStarts.indexOf(renewal);
            s.termStarts.add(renewal);
            s.termEnd = n + 1 < base.termStarts.size() ? base.termStarts.get(n + 1) : base.termEnd;
          } else {
            s.status = 2;
          }
        }
      }
    }
  }

  private void order(LocalDate d) {
    String c = customers.get(random.nextInt(customers.size()));
    String id = "s" + subs.size();
    int seats = 2 + random.nextInt(40);
    String sku = random.nextBoolean() ? CspGenerators.E3.id() : CspGenerators.E5.id();
    if (trials.get(c) && random.nextBoolean()) {
      ops.add(new HistoryOp.ConvertTrial(d, ADMIN, c, sku, seats, id));
      trials.put(c, false);
    } else {
      ops.add(new HistoryOp.Order(d, ADMIN, c, sku, seats, id));
    }
    subs.put(id, new Sub(id, c, null, seats, d, d.plusYears(1)));
  }

  private void step(LocalDate d, boolean inForce) {
    List<Sub> active = new ArrayList<>();
    List<Sub> suspended = new ArrayList<>();
    List<Sub> running = new ArrayList<>();
    for (Sub s : subs.values()) {
      if (s.status == 0) {
        active.add(s);
      } else if (s.status == 1) {
        suspended.add(s);
      }
      if (s.status != 2) {
        running.add(s);
      }
    }
    int pick = random.nextInt(12);
    if (inForce && (active.isEmpty() || pick == 0)) {
      order(d);
      return;
    }
    switch (pick) {
      case 1 -> {
        List<Sub> bases = active.stream().filter(x -> x.baseId == null).toList();
        if (inForce && !bases.isEmpty()) {
          Sub base = bases.get(random.nextInt(bases.size()));
          String id = "s" + subs.size();
          int seats = 1 + random.nextInt(10);
          ops.add(new HistoryOp.OrderAddOn(d, ADMIN, base.id, CspGenerators.AUDIO.id(), seats, id));
          Sub addOn = new Sub(id, base.customer, base.id, seats, d, base.termEnd);
          subs.put(id, addOn);
        }
      }
      case 2, 3 -> {
        if (inForce && !active.isEmpty()) {
          Sub s = active.get(random.nextInt(active.size()));
          int n = 1 + random.nextInt(Math.max(1, Math.min(20, 300 - s.seats)));
          if (s.seats + n <= 300) {
            ops.add(new HistoryOp.AddSeats(d, ADMIN, s.id, n));
            s.seats += n;
          }
        }
      }
      case 4 -> {
        if (!active.isEmpty()) {
          Sub s = active.get(random.nextInt(active.size()));
          if (s.seats >= 2) {
            int n = 1 + random.nextInt(s.seats - 1);
            ops.add(new HistoryOp.RemoveSeats(d, ADMIN, s.id, n));
            s.seats -= n;
          }
        }
      }
      case 5 -> {
        if (!active.isEmpty()) {
          Sub s = active.get(random.nextInt(active.size()));
          ops.add(new HistoryOp.Suspend(d, ADMIN, s.id));
          s.status = 1;
        }
      }
      case 6 -> {
        if (inForce && !suspended.isEmpty()) {
          Sub s = suspended.get(random.nextInt(suspended.size()));
          ops.add(new HistoryOp.Reactivate(d, ADMIN, s.id));
          s.status = 0;
        }
      }
      case 7 -> {
        if (!running.isEmpty()) {
          Sub s = running.get(random.nextInt(running.size()));
          ops.add(new HistoryOp.Cancel(d, ADMIN, s.id));
          s.status = 2;
          for (Sub a : subs.values()) {
            if (s.id.equals(a.baseId)) {
              a.status = 2;
            }
          }
        }
      }
      case 8 -> {
        if (!running.isEmpty()) {
          Sub s = running.get(random.nextInt(running.size()));
          boolean on = inForce && random.nextInt(3) == 0; // on needs the agreement (AGR-1)
          ops.add(new HistoryOp.AutoRenew(d, ADMIN, s.id, on));
          s.autoRenew = on;
        }
      }
      case 9 -> {
        if (inForce) {
          String c = customers.get(random.nextInt(customers.size()));
          ops.add(new HistoryOp.AddService(d, ADMIN, c, "svc" + services++,
              500 + random.nextInt(20_000), random.nextBoolean() ? Recurrence.MONTHLY : Recurrence.ONCE));
        }
      }
      default -> {
        if (inForce) {
          order(d);
        }
      }
    }
  }
}
