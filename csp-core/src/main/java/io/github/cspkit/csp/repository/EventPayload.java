package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

/**
 * What one entry of the event log says happened, as a typed value (DESIGN.md, Events): one sealed
 * group per rule group, whose records hold the figures of each kind of event (ids, dates, amounts
 * in minor units with their currency, enums), never text to parse. The group decides the entry's
 * aggregate and kind ({@link #aggregate()}, {@link #kind()}), so a {@link DomainEvent} cannot
 * name one kind and hold another's figures.
 * <ul>
 *   <li>{@link AgreementPayload}: the reseller agreement (AGR-1..4) and the Microsoft Partner
 *       Agreement (MPA-1);
 *   <li>{@link PricingPayload}: price lists published (PRC-1..3) or imported (PCF-1);
 *   <li>{@link CustomerPayload}: customers created, billing profiles, trials converted (CUS-1..4,
 *       BIL-2);
 *   <li>{@link SubscriptionPayload}: a subscription's change, seed or new commerce (SUB-1..7,
 *       NCE-1..9), and scheduled changes dropped (NCE-8);
 *   <li>{@link BillingPayload}: financing, the partner's own services, bills issued (BIL-1, BIL-3,
 *       BIL-7);
 *   <li>{@link AccessPayload}: delegated admin, tenant administration and GDAP relationships
 *       (ACC-1..5, GDA-1..4);
 *   <li>{@link Unstructured}: an entry with no typed figures: logged before the log kept them, or
 *       appended through the SPI without them. Its text is the entry's {@link DomainEvent#detail()}.
 * </ul>
 */
public sealed interface EventPayload permits AgreementPayload, PricingPayload, CustomerPayload,
    SubscriptionPayload, BillingPayload, AccessPayload, EventPayload.Unstructured {
  /** @return the kind of aggregate the entry is about, for example {@code "customer"} */
  String aggregate();

  /** @return what happened, for example {@code "CREATED"} */
  String kind();

  /**
   * An entry without typed figures: written before the log kept a payload for every entry (a
   * PostgreSQL row from before schema version 6 that is not a subscription's change), or appended
   * through the {@link EventLog} SPI without one. It names its aggregate and kind only; what
   * happened is the entry's {@link DomainEvent#detail()} text, from which no value is recovered.
   * It keeps every entry of the log readable across versions (DESIGN.md, Events).
   *
   * @param aggregate the aggregate's kind, as logged
   * @param kind what happened, as logged
   */
  record Unstructured(String aggregate, String kind) implements EventPayload {
    /**
     * @param aggregate aggregate kind
     * @param kind event kind
     */
    public Unstructured {
      requireNonNull(aggregate, "aggregate");
      requireNonNull(kind, "kind");
    }
  }
}
