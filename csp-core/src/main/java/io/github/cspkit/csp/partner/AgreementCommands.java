package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.repository.Versioned;
import java.time.LocalDate;
import java.util.Optional;

/** The reseller agreement's commands (AGR-1..4), documented on {@link CspPartner}. */
final class AgreementCommands {
  private final Pipeline pipeline;
  private final Context context;

  AgreementCommands(Pipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.context = pipeline.context();
  }

  /** {@link CspPartner#acceptAgreement}. */
  Result<Agreement> accept(Request r) {
    String partnerId = context.partner().id();
    return pipeline.run(r, Command.of("acceptAgreement", Arguments.of(),
        Operation.ACCEPT_AGREEMENT, null, AgreementNeed.NONE, (tx, out) -> {
          Optional<Versioned<Agreement>> before = tx.agreements().find(partnerId);
          if (before.isPresent()) {
            Agreement old = before.get().value();
            Checks.rule(old.endDate().filter(r.date()::isAfter).isPresent(), "AGR-1",
                "partner %s already holds the agreement accepted on %s (%s); a new one can be"
                    + " accepted only after its last day in force", partnerId, old.acceptedOn(),
                old.endDate().map(end -> "last day in force " + end).orElse("without notice"));
            LocalDate eve = r.date().minusDays(1);
            for (String id : tx.customers().ids()) {
              Customer c = tx.customers().find(id).orElseThrow().value();
              if (c.isManagedBy(partnerId)) {
                context.roll(tx, c, eve, out); // under the agreement that ended (SUB-7)
              }
            }
          }
          Agreement a = Agreement.accept(partnerId, r.date(), context.policies().renewal());
          tx.agreements().save(a, before.map(Versioned::version).orElse(0L));
          out.event("agreement", partnerId, "ACCEPTED", r.date(),
              "accepted; first term " + a.firstTerm());
          return a;
        }, Aggregate.AGREEMENT));
  }

  /** {@link CspPartner#giveNotice}. */
  Result<Agreement> giveNotice(Request r, NoticeChannel channel) {
    requireNonNull(channel, "channel");
    String partnerId = context.partner().id();
    return pipeline.run(r, Command.of("giveNotice", Arguments.of().choice(channel),
        Operation.GIVE_NOTICE, null, AgreementNeed.NONE, (tx, out) -> {
          Party party = r.actor() instanceof Actor.Vendor ? Party.VENDOR : Party.PARTNER;
          Notice notice = Notice.of(r.date(), party, channel);
          Agreement.requireWritten(notice); // the argument before the agreement's state (AGR-4)
          Versioned<Agreement> v = tx.agreements().find(partnerId).orElseThrow(() ->
              RuleViolation.of("AGR-1", "partner %s has not accepted the reseller agreement",
                  partnerId));
          Agreement next = v.value().withNotice(notice);
          tx.agreements().save(next, v.version());
          out.event("agreement", partnerId, "NOTICE", r.date(), party + " gave written notice;"
              + " the agreement ends " + next.endDate().map(LocalDate::toString).orElse("never"));
          return next;
        }, Aggregate.AGREEMENT));
  }
}
