package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.RuleViolation;
import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.agreement.Agreement;
import io.github.cspkit.csp.agreement.Notice;
import io.github.cspkit.csp.agreement.NoticeChannel;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.agreement.PartnerAgreementPolicy;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.TerminationNotice;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.repository.AgreementPayload;
import io.github.cspkit.csp.repository.Versioned;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The agreement's commands, documented on {@link CspPartner}: the reseller agreement's (AGR-1..4),
 * refused MPA-1 under {@link CspPolicies#partnerAgreement()}, and the Microsoft Partner
 * Agreement's (MPA-1).
 */
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
          context.requireResellerProgram();
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
                context.rollNce(tx, c, eve, out); // NCE-7; none without new-commerce policies
              }
            }
          }
          Agreement a = Agreement.accept(partnerId, r.date(), context.policies().renewal());
          tx.agreements().save(a, before.map(Versioned::version).orElse(0L));
          out.event(partnerId, r.date(), "accepted; first term " + a.firstTerm(),
              new AgreementPayload.Accepted(a.firstTerm()));
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
          context.requireResellerProgram();
          Versioned<Agreement> v = tx.agreements().find(partnerId).orElseThrow(() ->
              RuleViolation.of("AGR-1", "partner %s has not accepted the reseller agreement",
                  partnerId));
          Agreement next = v.value().withNotice(notice);
          tx.agreements().save(next, v.version());
          LocalDate last = next.endDate().orElseThrow(); // it has a notice now (AGR-3)
          out.event(partnerId, r.date(), party + " gave written notice; the agreement ends "
              + last, new AgreementPayload.NoticeGiven(party, last));
          return next;
        }, Aggregate.AGREEMENT));
  }

  /** {@link CspPartner#acceptPartnerAgreement}. */
  Result<PartnerAgreement> acceptPartnerAgreement(Request r) {
    PartnerAgreementPolicy policy = context.partnerAgreementPolicy();
    String partnerId = context.partner().id();
    return pipeline.run(r, Command.of("acceptPartnerAgreement", Arguments.of(),
        Operation.ACCEPT_AGREEMENT, null, AgreementNeed.NONE, (tx, out) -> {
          Optional<Versioned<PartnerAgreement>> before = tx.partnerAgreements().find(partnerId);
          if (before.isPresent()) {
            PartnerAgreement old = before.get().value();
            Checks.rule(old.endDate().filter(r.date()::isAfter).isPresent(), "MPA-1",
                "partner %s already holds the Microsoft Partner Agreement accepted on %s (%s); a new"
                    + " one can be accepted only after its last day in force", partnerId,
                old.acceptedOn(), old.endDate().map(end -> "last day in force " + end)
                    .orElse("without notice of termination"));
            LocalDate eve = r.date().minusDays(1);
            for (String id : tx.customers().ids()) {
              Customer c = tx.customers().find(id).orElseThrow().value();
              if (c.isManagedBy(partnerId)) { // under the agreement that ended (AGR-1)
                context.roll(tx, c, eve, out);
                context.rollNce(tx, c, eve, out);
              }
            }
          }
          PartnerAgreement a = PartnerAgreement.accept(partnerId, r.date(), policy);
          tx.partnerAgreements().save(a, before.map(Versioned::version).orElse(0L));
          out.event(partnerId, r.date(),
              "Microsoft Partner Agreement accepted; in force until terminated",
              new AgreementPayload.PartnerAccepted());
          return a;
        }, Aggregate.PARTNER_AGREEMENT));
  }

  /** {@link CspPartner#terminatePartnerAgreement}. */
  Result<PartnerAgreement> terminatePartnerAgreement(Request r, LocalDate effective) {
    requireNonNull(effective, "effective");
    context.partnerAgreementPolicy();
    String partnerId = context.partner().id();
    return pipeline.run(r, Command.of("terminatePartnerAgreement", Arguments.of().day(effective),
        Operation.GIVE_NOTICE, null, AgreementNeed.NONE, (tx, out) -> {
          Party party = r.actor() instanceof Actor.Vendor ? Party.VENDOR : Party.PARTNER;
          Versioned<PartnerAgreement> v = tx.partnerAgreements().find(partnerId)
              .orElseThrow(() -> RuleViolation.of("MPA-1", "partner %s has not accepted the"
                  + " Microsoft Partner Agreement; there is nothing to terminate", partnerId));
          PartnerAgreement next = v.value().withTermination(
              TerminationNotice.written(r.date(), party, effective));
          tx.partnerAgreements().save(next, v.version());
          LocalDate last = next.endDate().orElseThrow(); // it has a notice now (MPA-1)
          out.event(partnerId, r.date(), party + " gave written notice of termination; last day"
              + " in force " + last, new AgreementPayload.PartnerTerminated(party, effective, last));
          return next;
        }, Aggregate.PARTNER_AGREEMENT));
  }
}
