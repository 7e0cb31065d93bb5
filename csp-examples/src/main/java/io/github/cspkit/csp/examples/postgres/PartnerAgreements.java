package io.github.cspkit.csp.examples.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.cspkit.csp.agreement.Party;
import io.github.cspkit.csp.agreement.PartnerAgreement;
import io.github.cspkit.csp.agreement.PartnerAgreementPolicy;
import io.github.cspkit.csp.agreement.TerminationNotice;
import io.github.cspkit.csp.repository.PartnerAgreementRepository;
import io.github.cspkit.csp.repository.Versioned;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The partner's Microsoft Partner Agreement (MPA-1), table {@code partner_agreement}: read once per
 * transaction, written with the other roots at commit ({@link Flush}), version checked there.
 */
final class PartnerAgreements implements PartnerAgreementRepository {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Tx tx;

  PartnerAgreements(Tx tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Versioned<PartnerAgreement>> find(String partnerId) {
    requireNonNull(partnerId, "partnerId");
    return Kept.find(tx, tx.savedPartnerAgreements, tx.partnerAgreements, partnerId,
        () -> tx.sql("reading the partner agreement", c -> {
          List<Versioned<PartnerAgreement>> out = new ArrayList<>(1);
          tx.run(new Batch().add("SELECT holder, accepted_on, notice_years, notice_months,"
              + " notice_days, terminations::text, version FROM partner_agreement"
              + " WHERE partner_id = ? AND holder = ?" + (tx.inTransaction() ? " FOR UPDATE" : ""),
              rs -> {
                while (rs.next()) {
                  PartnerAgreement a = PartnerAgreement.accept(rs.getString(1), Jdbc.date(rs,
                      "accepted_on"), PartnerAgreementPolicy.of(Period.of(rs.getInt(3),
                      rs.getInt(4), rs.getInt(5))));
                  for (TerminationNotice t : terminations(rs.getString(6))) {
                    a = a.withTermination(t);
                  }
                  out.add(new Versioned<>(a, rs.getLong(7)));
                }
              }, tx.partner, partnerId), c);
          return out.isEmpty() ? null : out.get(0);
        }));
  }

  @Override
  public Versioned<PartnerAgreement> save(PartnerAgreement agreement, long expectedVersion) {
    tx.writable();
    requireNonNull(agreement, "agreement");
    String holder = agreement.partnerId();
    tx.requireOwn("the partner agreement of", holder, holder);
    return tx.save(tx.savedPartnerAgreements, "partner agreement", holder, agreement,
        expectedVersion, Kept.known(tx.partnerAgreements, holder));
  }

  /** @return the notices as the {@code terminations} column holds them */
  static String json(PartnerAgreement a) {
    ArrayNode all = JSON.createArrayNode();
    for (TerminationNotice t : a.terminations()) {
      all.addObject().put("given_on", t.givenOn().toString())
          .put("party", t.notice().party().name())
          .put("effective_on", t.effectiveOn().toString());
    }
    return all.toString();
  }

  private static List<TerminationNotice> terminations(String json) {
    try {
      List<TerminationNotice> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(json)) {
        out.add(TerminationNotice.written(LocalDate.parse(n.get("given_on").asText()),
            Party.valueOf(n.get("party").asText()), LocalDate.parse(n.get("effective_on").asText())));
      }
      return out;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored terminations are not JSON: " + json, e);
    }
  }
}
