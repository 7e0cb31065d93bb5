package io.github.cspkit.csp.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.testkit.CspGenerators;
import io.github.cspkit.csp.testkit.QtGens;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * AGR-1 with SUB-7 and BIL-6 over random histories in which the partner gives written notice: the
 * histories order, change and bill before the agreement's last day and only wind down after it,
 * then run the bills two years past the end.
 */
class AgreementEndPropertiesTest {
  @Test
  void AGR_1_no_term_starts_after_the_agreements_last_day_and_bills_conserve_money() {
    AtomicLong stoppedByTheEnd = new AtomicLong();
    AtomicLong renewedBeforeTheEnd = new AtomicLong();
    AtomicLong terms = new AtomicLong();
    qt().withExamples(300).withShrinkCycles(20).forAll(QtGens.historiesWithNotice(3, 40))
        .checkAssert(history -> {
          io.github.cspkit.csp.repository.CspStore raw = io.github.cspkit.csp.repository.InMemoryStore.create();
          CspPartner p = CspGenerators.newPartner(io.github.cspkit.csp.partner.CspPolicies.seed(), raw);
          io.github.cspkit.csp.repository.CspStore store = raw.forPartner(p.partner().id());
          CspGenerators.replay(history, p);
          LocalDate end = p.agreement().orElseThrow().endDate().orElseThrow();
          long historyTerms = 0;
          for (String customer : store.read().customers().ids()) {
            for (Subscription s : p.subscriptions(customer)) {
              // no term starts after the last day in force, even looking far ahead
              List<Term> ahead = p.subscription(s.id(), end.plusYears(10)).orElseThrow().terms();
              assertThat(ahead).as("%s", s).isEqualTo(s.terms());
              for (Term t : s.terms()) {
                assertThat(t.start()).as("%s of %s", t, s.id()).isBeforeOrEqualTo(end);
                if (t.index() > 0) {
                  renewedBeforeTheEnd.incrementAndGet();
                }
              }
              // two years after the end every subscription has ended with its term
              assertThat(s.status()).as("%s", s).isEqualTo(SubscriptionStatus.ENDED);
              Step last = s.last();
              List<Step> steps = s.term().steps();
              Step before = steps.size() > 1 ? steps.get(steps.size() - 2) : null;
              if (last.kind() == ChangeKind.END && last.date().isAfter(end) && s.autoRenew()
                  && before != null && before.status() == SubscriptionStatus.ACTIVE) {
                stoppedByTheEnd.incrementAndGet(); // would have renewed but for the agreement
              }
              historyTerms += s.terms().size();
            }
          }
          terms.addAndGet(historyTerms);
          // every term has finished and is billed whole; its bill lines add up exactly (BIL-6)
          Conservation.Tally tally = new Conservation.Tally();
          Conservation.check(store, tally);
          assertThat(tally.finishedTerms).isEqualTo(historyTerms);
        });
    System.out.println("[hardening] histories with notice: " + terms + " terms, "
        + renewedBeforeTheEnd + " renewals by the last day, " + stoppedByTheEnd
        + " renewals stopped by the agreement's end");
    assertThat(stoppedByTheEnd.get()).isGreaterThan(50);
    assertThat(renewedBeforeTheEnd.get()).isGreaterThan(50);
  }
}
